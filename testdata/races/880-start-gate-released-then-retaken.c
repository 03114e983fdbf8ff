/* Pattern: the creator holds the gate at the spawn, marks the run
 * cancelled, releases the gate, takes it again, marks the run going and
 * releases it for good. The worker may first get the gate after the second
 * release.
 * Verdict: racy: the worker can see the run going and read config while
 * main stores to it. A gate the creator takes again decides at its last
 * release, not its first.
 */
// class: start-gate
#include <pthread.h>
enum { RUN_GO, RUN_CANCELLED };
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int run_state;
static long config;

static void *worker(void *arg)
{
    long v;
    (void)arg;
    pthread_mutex_lock(&gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&gate);
        return NULL;
    }
    pthread_mutex_unlock(&gate);
    v = config; // expect: CL002
    return (void *)v;
}

int main(void)
{
    pthread_t t;
    run_state = RUN_GO;
    pthread_mutex_lock(&gate);
    if (pthread_create(&t, NULL, worker, NULL) != 0) {
        pthread_mutex_unlock(&gate);
        return 1;
    }
    pthread_detach(t);
    run_state = RUN_CANCELLED;
    pthread_mutex_unlock(&gate);
    pthread_mutex_lock(&gate);
    run_state = RUN_GO;
    pthread_mutex_unlock(&gate);
    config = 3;
    return 0;
}
