/* Pattern: barrier-separated phases.
 * Verdict: race-free. In phase 1 each thread writes only grid[id]; after
 * pthread_barrier_wait every thread reads its neighbour's cell, which is
 * no longer written. The barrier orders all phase-1 writes before all
 * phase-2 reads.
 */
// class: barrier
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static pthread_barrier_t phase;
static int grid[NT];
static int next[NT];

static void *worker(void *arg)
{
    long id = (long)arg;
    grid[id] = (int)(id * 3 + 1);
    pthread_barrier_wait(&phase);
    next[id] = grid[(id + 1) % NT] + grid[id];
    return NULL;
}

int main(void)
{
    pthread_barrier_init(&phase, NULL, NT);
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&phase);
    printf("%d\n", next[0]);
    return 0;
}
