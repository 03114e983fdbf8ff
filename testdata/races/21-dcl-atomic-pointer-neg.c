/* Pattern: double-checked locking done right with C11 atomics.
 * Verdict: race-free. `instance` is an _Atomic pointer read with acquire
 * and published with release; the object is fully built before the
 * release store and never written afterwards.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#define NT 4
struct conf { int verbosity; };

static struct conf *_Atomic instance;
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

static struct conf *get_instance(void)
{
    struct conf *c = atomic_load_explicit(&instance, memory_order_acquire);
    if (!c) {
        pthread_mutex_lock(&init_lock);
        c = atomic_load_explicit(&instance, memory_order_relaxed);
        if (!c) {
            c = calloc(1, sizeof *c);
            if (c)
                c->verbosity = 2;
            atomic_store_explicit(&instance, c, memory_order_release);
        }
        pthread_mutex_unlock(&init_lock);
    }
    return c;
}

static void *worker(void *arg)
{
    struct conf *c = get_instance();
    return (c && c->verbosity > 1) ? arg : NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
