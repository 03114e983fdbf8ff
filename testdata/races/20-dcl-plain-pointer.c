/* Pattern: double-checked locking on a plain pointer.
 * Verdict: racy. get_instance() reads `instance` without the lock (first
 * check) while another thread may be writing it under init_lock. The
 * unlocked first check carries the expectation.
 */
#include <pthread.h>
#include <stdlib.h>

#define NT 4
struct conf { int verbosity; };

static struct conf *instance;
static pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;

static struct conf *get_instance(void)
{
    struct conf *c = instance; // expect: CL002
    if (!c) {
        pthread_mutex_lock(&init_lock);
        c = instance;
        if (!c) {
            c = calloc(1, sizeof *c);
            if (c)
                c->verbosity = 2;
            instance = c;
        }
        pthread_mutex_unlock(&init_lock);
    }
    return c;
}

static void *worker(void *arg)
{
    struct conf *c = get_instance();
    return c ? arg : NULL;
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
