/* Pattern: a trylock whose result is kept in a local; the thread does the
 * update only when it got the lock and gives up otherwise.
 * Verdict: race-free.
 */
// class: trylock-branches
// expect-none
#include <pthread.h>

static pthread_mutex_t flush_lock = PTHREAD_MUTEX_INITIALIZER;
static long flushed;

static void *flusher(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        int got = pthread_mutex_trylock(&flush_lock) == 0;
        if (!got)
            continue;
        flushed++;
        pthread_mutex_unlock(&flush_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, flusher, NULL);
    pthread_create(&b, NULL, flusher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)flushed;
}
