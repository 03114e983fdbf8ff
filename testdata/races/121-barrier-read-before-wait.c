/* Pattern: barrier phases, but the neighbour's value is read before the
 * barrier.
 * Verdict: racy. Each worker publishes `level[id]`, then reads
 * `level[id + 1]` before pthread_barrier_wait: the neighbour may not have
 * written it yet. The barrier orders nothing that comes before it.
 */
// class: barrier
#include <pthread.h>
#include <stdio.h>

#define NW 3
static pthread_barrier_t sync_point;
static int level[NW];
static int delta[NW];

static void *leveller(void *arg)
{
    long id = (long)arg;
    level[id] = (int)(id * 10); // expect: CL002
    delta[id] = level[(id + 1) % NW] - level[id];
    pthread_barrier_wait(&sync_point);
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    pthread_barrier_init(&sync_point, NULL, NW);
    for (long i = 0; i < NW; i++)
        pthread_create(&t[i], NULL, leveller, (void *)i);
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", delta[0]);
    return 0;
}
