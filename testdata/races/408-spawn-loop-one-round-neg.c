/* Pattern: a worker pool whose size is a compile-time constant set to 1;
 * the spawn loop and the join loop run one round, and the worker updates
 * the pool's counters without a lock.
 * Verdict: race-free. A loop of one round starts one thread: the worker
 * does not race with itself, and main reads after the join.
 */
// class: spawn-count
// expect-none
#include <pthread.h>

#define NWORKERS 1

static long processed;
static long failed;

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        processed++;
        if (i % 7 == 0)
            failed++;
    }
    return arg;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return (int)(processed - failed);
}
