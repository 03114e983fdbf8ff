/* Pattern: the creator holds the gate at the spawn, marks the run
 * cancelled, releases the gate, and only then marks the run going again
 * (an atomic store), without taking the gate.
 * Verdict: racy: the worker may take the gate after the second store, find
 * the run going and write config beside main. A thread sent home at a gate
 * on an atomic flag is live again when the flag changes before it could
 * have read it.
 */
// class: start-gate
#include <pthread.h>
enum { RUN_GO, RUN_CANCELLED };
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int run_state;
static long config;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&gate);
        return NULL;
    }
    pthread_mutex_unlock(&gate);
    config = 7; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t tid;
    run_state = RUN_GO;
    pthread_mutex_lock(&gate);
    pthread_create(&tid, NULL, worker, NULL);
    run_state = RUN_CANCELLED;
    pthread_mutex_unlock(&gate);
    run_state = RUN_GO;
    config = 1;
    pthread_join(tid, NULL);
    return 0;
}
