/* Pattern: a worker that returns early unless the phase flag says it may
 * work (`if (phase != PHASE_WORK) return;`), then calls a step function
 * shared with the main thread; the step accumulates into the shared total
 * only in the other phase (`if (phase == PHASE_WORK) ... else total++`),
 * which the worker, having just seen PHASE_WORK, never reaches.
 * Verdict: race-free: `total` is written by the main thread only.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

enum { PHASE_INIT, PHASE_WORK, PHASE_DONE };
static _Atomic int phase;
static _Atomic long work_done;
static long total;

static void step(long n)
{
    if (phase == PHASE_WORK)
        atomic_fetch_add(&work_done, n);
    else
        total += n; // expect-none
}

static void *worker(void *arg)
{
    (void)arg;
    if (phase != PHASE_WORK)
        return NULL;
    for (long i = 0; i < 100; i++)
        step(i);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    phase = PHASE_WORK;
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    phase = PHASE_DONE;
    step(1);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%ld %ld\n", total, (long)work_done);
    return 0;
}
