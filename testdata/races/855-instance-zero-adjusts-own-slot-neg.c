/* Pattern: a pool of workers started in a loop with their index as the
 * start argument; each fills its own result slot, and worker 0 alone (the
 * "leader") then adjusts slot 0 with a bias, a test of a copy of its
 * start argument deciding it.
 * Verdict: race-free. Slot 0 is touched only by worker 0: the test pins
 * the adjustment to that instance, and every other instance writes its
 * own, different slot.
 */
// class: instance-id
// expect-none
#include <pthread.h>

#define NWORKERS 4

static double results[NWORKERS];
static const double bias = 0.5;

static double compute(long id)
{
    return (double)id * 1.5;
}

static void *worker(void *arg)
{
    long id = (long)arg;
    results[id] = compute(id);
    if (id == 0)
        results[0] += bias;
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
    return results[0] > 0.0;
}
