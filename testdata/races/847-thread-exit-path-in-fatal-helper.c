/* Pattern: an error helper shared by every thread: on a worker it records
 * the failure and ends the thread with pthread_exit(), otherwise it ends
 * the process with _exit(). Not every path ends the process, so the
 * worker's record of the failure runs while main goes on.
 * Verdict: racy. The worker writes `failures` without the lock main reads
 * it under.
 */
// class: thread-exit
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int failures;

static void fail(int on_worker)
{
    if (on_worker) {
        failures++; // expect: CL002
        pthread_exit(NULL);
    }
    _exit(1);
}

static void *worker(void *arg)
{
    (void)arg;
    fail(1);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&mu);
    int seen = failures;
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return seen;
}
