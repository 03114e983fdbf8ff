/* Pattern: a local function pointer takes one of two loops with a
 * conditional (`start_fn fn = fast ? fast_loop : slow_loop;`) and two
 * threads are started on it; the fast loop updates a global total without
 * a lock.
 * Verdict: racy. With `fast` set, two instances of fast_loop update the
 * total at once.
 */
// class: conditional-start-routine
#include <pthread.h>
#include <stdlib.h>

typedef void *(*start_fn)(void *);

static long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void *fast_loop(void *arg)
{
    for (long i = 0; i < 1000; i++)
        total += i; // expect: CL002
    return arg;
}

static void *slow_loop(void *arg)
{
    for (long i = 0; i < 1000; i++) {
        pthread_mutex_lock(&total_lock);
        total += i;
        pthread_mutex_unlock(&total_lock);
    }
    return arg;
}

int main(void)
{
    int fast = getenv("FAST") != NULL;
    start_fn fn = fast ? fast_loop : slow_loop;
    pthread_t a, b;
    pthread_create(&a, NULL, fn, NULL);
    pthread_create(&b, NULL, fn, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(total & 1);
}
