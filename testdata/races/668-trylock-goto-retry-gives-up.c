/* Pattern: a trylock with a `goto retry` for a few rounds, after which
 * the function falls through to the statistics update instead of
 * returning; a `busy` flag remembers the failure for the unlock.
 * Verdict: racy. After the last failed round `stats.flushes` is bumped
 * with no lock, racing with the other flusher's locked update.
 */
// class: conditional-locking
#include <pthread.h>
#include <sched.h>

struct stats { pthread_mutex_t lock; long flushes; };
static struct stats stats = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void flush_stats(void)
{
    int rounds = 0, busy = 0;
retry:
    if (pthread_mutex_trylock(&stats.lock) != 0) {
        if (++rounds < 5) {
            sched_yield();
            goto retry;
        }
        busy = 1;
    }
    stats.flushes++; // expect: CL002
    if (!busy)
        pthread_mutex_unlock(&stats.lock);
}

static void *flusher(void *arg)
{
    for (int i = 0; i < 100; i++)
        flush_stats();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, flusher, NULL);
    pthread_create(&b, NULL, flusher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(stats.flushes & 1);
}
