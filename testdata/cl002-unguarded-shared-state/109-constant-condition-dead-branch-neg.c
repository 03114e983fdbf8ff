/* CL002 negative: the workers' unlocked statistics update sits under a
 * compile-time switch that is off (`if (TRACE)` with TRACE 0), and the
 * locked update under one that is on; only the alternatives the
 * constants select run.
 */
// class: constant-arguments
// expect-none
#include <pthread.h>

#define TRACE 0
#define LOCKED 1
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long calls;

static void *worker(void *arg)
{
    if (TRACE)
        calls++;
    if (!LOCKED) {
        calls--;
    } else {
        pthread_mutex_lock(&m);
        calls++;
        pthread_mutex_unlock(&m);
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
