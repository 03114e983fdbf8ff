/* Pattern: the lock is taken on both alternatives, by two routes: a
 * trylock fast path, and a counted slow path that blocks.
 * Verdict: race-free. Every path to the update holds stats_lock.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long contended, updates;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        int busy = pthread_mutex_trylock(&stats_lock) != 0;
        if (busy) {
            pthread_mutex_lock(&stats_lock);
            contended++;
        }
        updates++;
        pthread_mutex_unlock(&stats_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(updates + contended);
}
