/* Pattern: as a one-worker pool, but the pool has two workers.
 * Verdict: racy. Two instances update the counter at the same time.
 */
// class: spawn-count
#include <pthread.h>

#define NWORKERS 2

static long processed;

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++)
        processed++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return (int)processed;
}
