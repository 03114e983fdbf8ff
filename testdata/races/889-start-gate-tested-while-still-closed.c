/* Pattern: the creator tests the mark while it still holds the gate, and
 * on that branch may set the run going again before releasing it.
 * Verdict: racy: where prepare() succeeds the worker passes its gate and
 * writes config beside main. A test made before the release decides
 * nothing: the value at the release does.
 */
// class: start-gate
#include <pthread.h>
enum { RUN_GO, RUN_CANCELLED };
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int run_state;
static long config;
extern int prepare(void);

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
    run_state = RUN_CANCELLED;
    pthread_mutex_lock(&gate);
    pthread_create(&tid, NULL, worker, NULL);
    if (run_state == RUN_CANCELLED) {
        if (prepare() == 0)
            run_state = RUN_GO;
    }
    pthread_mutex_unlock(&gate);
    config = 1;
    pthread_join(tid, NULL);
    return 0;
}
