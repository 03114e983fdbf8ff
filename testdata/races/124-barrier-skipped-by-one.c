/* Pattern: barrier phases where one worker skips the barrier.
 * Verdict: racy. Worker 0 does not wait (`if (id != 0)`), so it reads
 * `part[1]` while worker 1 may still be writing it. A wait on only some
 * paths orders nothing on the others.
 */
// class: barrier
#include <pthread.h>
#include <stdio.h>

#define NW 2
static pthread_barrier_t bar;
static int part[NW];
static int total[NW];

static void *summer(void *arg)
{
    long id = (long)arg;
    part[id] = (int)id + 5; // expect: CL002
    if (id != 0)
        pthread_barrier_wait(&bar);
    total[id] = part[0] + part[1];
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    pthread_barrier_init(&bar, NULL, NW - 1);
    for (long i = 0; i < NW; i++)
        pthread_create(&t[i], NULL, summer, (void *)i);
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", total[0]);
    return 0;
}
