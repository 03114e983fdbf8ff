/* Pattern: barrier phases with the barrier missing.
 * Verdict: racy. Each thread writes grid[id] and immediately reads its
 * neighbour's cell grid[id+1], which the neighbour may be writing at the
 * same moment. Both accesses are in the spawned routine; the earlier line
 * (the write) carries the expectation.
 */
// class: barrier
#include <pthread.h>
#include <stdio.h>

#define NT 4
static int grid[NT];
static int next[NT];

static void *worker(void *arg)
{
    long id = (long)arg;
    grid[id] = (int)(id * 3 + 1); // expect: CL002
    next[id] = grid[(id + 1) % NT] + grid[id];
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", next[0]);
    return 0;
}
