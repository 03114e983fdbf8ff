/* Pattern: a trylock whose result is kept in a local; on failure the
 * thread counts the contention and gives up, but the counter is shared and
 * the failure path holds no lock.
 * Verdict: racy. `contended++` runs where the trylock failed, in both
 * threads at once.
 */
// class: trylock-branches
#include <pthread.h>

static pthread_mutex_t flush_lock = PTHREAD_MUTEX_INITIALIZER;
static long flushed, contended;

static void *flusher(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        int got = pthread_mutex_trylock(&flush_lock) == 0;
        if (!got) {
            contended++; // expect: CL002
            continue;
        }
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
    return (int)(flushed + contended);
}
