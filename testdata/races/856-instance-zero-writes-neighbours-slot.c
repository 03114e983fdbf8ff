/* Pattern: the twin of 855 where the leader resets its neighbour's slot
 * (slot 1) instead of adjusting its own.
 * Verdict: racy. Worker 1 writes slot 1 while worker 0 may reset it (the
 * finding is at worker 1's write, with the reset as its partner).
 */
// class: instance-id
#include <pthread.h>

#define NWORKERS 4

static double results[NWORKERS];

static void *worker(void *arg)
{
    long id = (long)arg;
    results[id] = (double)id * 1.5; // expect: CL002
    if (id == 0)
        results[1] = 0.0;
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (long i = 0; i < NWORKERS; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0)
            return 1;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return results[1] > 0.0;
}
