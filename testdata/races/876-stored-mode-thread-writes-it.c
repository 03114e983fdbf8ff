/* Pattern: main stores a phase before it starts the worker, and the
 * worker stores another phase; main then tests the phase.
 * Verdict: racy: the worker may have switched the phase, so main's
 * `if (phase == PHASE_RUN)` can be taken, and its store to `pending`
 * races with the worker's. A mode the path stored holds only until a
 * thread that may write the variable starts.
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
    phase = PHASE_IDLE;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    if (phase == PHASE_RUN)
        pending = 0;
    pthread_join(t, NULL);
    if (phase == PHASE_IDLE)
        return 2;
    return (int)pending;
}
