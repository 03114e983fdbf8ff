/* Pattern: barrier phases, but phase 2 writes a shared cell.
 * Verdict: racy. After the barrier every thread writes the single shared
 * `best` (a "max" reduction without a lock). The barrier orders phase 1
 * against phase 2 but not phase-2 accesses against each other. Two races,
 * one defect: the read of `best` against another instance's write and the
 * write against itself are one check-then-act, reported once at the write.
 */
// class: barrier
#include <pthread.h>
#include <stdio.h>

#define NT 4
static pthread_barrier_t phase;
static int score[NT];
static int best;

static void *worker(void *arg)
{
    long id = (long)arg;
    score[id] = (int)((id * 7) % 5);
    pthread_barrier_wait(&phase);
    if (score[id] > best) // expect-related: CL002 {{conflicting read of 'best' in 'worker'}}
        best = score[id]; // expect: CL002
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
    printf("%d\n", best);
    return 0;
}
