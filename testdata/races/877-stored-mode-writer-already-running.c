/* Pattern: 876 with the worker started first: main stores the phase
 * while the worker, which also stores it, already runs.
 * Verdict: racy: main's own store says nothing of what the worker did
 * since, so `if (phase == PHASE_RUN)` may be taken. A mode is not stored
 * while a live thread may write the variable.
 */
// class: stored-mode
#include <pthread.h>

enum { PHASE_IDLE, PHASE_RUN };

static _Atomic int phase;
static long pending;

static void *worker(void *arg)
{
    (void)arg;
    phase = PHASE_RUN;
    pending++; // expect: CL002 {{races with write in 'main'}}
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    phase = PHASE_IDLE;
    if (phase == PHASE_RUN)
        pending = 0;
    pthread_join(t, NULL);
    if (phase == PHASE_IDLE)
        return 2;
    return (int)pending;
}
