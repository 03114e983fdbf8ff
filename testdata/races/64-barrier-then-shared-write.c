/* Pattern: barrier phases, but phase 2 writes a shared cell.
 * Verdict: racy. After the barrier every thread writes the single shared
 * `best` (a "max" reduction without a lock). The barrier orders phase 1
 * against phase 2 but not phase-2 accesses against each other. Two races:
 * the read of `best` against another instance's write (both spawned: the
 * earlier line, the read) and the write against itself (its own line).
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
    if (score[id] > best) // expect: CL002
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
