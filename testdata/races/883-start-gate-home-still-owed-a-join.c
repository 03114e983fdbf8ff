/* Pattern: a cancelled start where the worker goes home at its gate, and
 * the creator's failure path neither joins nor detaches it.
 * Verdict: a thread leak (CL011): a thread sent home still exists, and a
 * joinable one keeps its resources until joined.
 */
// class: start-gate
#include <pthread.h>
enum { RUN_GO, RUN_CANCELLED };
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static _Atomic int run_state;
static long config;
extern int setup(void);

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&gate);
    if (run_state == RUN_CANCELLED) {
        pthread_mutex_unlock(&gate);
        return NULL;
    }
    pthread_mutex_unlock(&gate);
    return (void *)config;
}

int run(void)
{
    pthread_t tid;
    run_state = RUN_GO;
    pthread_mutex_lock(&gate);
    if (pthread_create(&tid, NULL, worker, NULL) != 0) { // expect: CL011
        pthread_mutex_unlock(&gate);
        return -1;
    }
    if (setup() < 0) {
        run_state = RUN_CANCELLED;
        pthread_mutex_unlock(&gate);
        return -1;
    }
    pthread_mutex_unlock(&gate);
    pthread_join(tid, NULL);
    return 0;
}

int main(void)
{
    return run();
}
