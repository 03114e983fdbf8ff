/* Pattern: the twin of 847 with the worker's record taken under the lock
 * main reads it under.
 * Verdict: race-free.
 */
// class: thread-exit
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int failures;

static void fail(int on_worker)
{
    if (on_worker) {
        pthread_mutex_lock(&mu);
        failures++;
        pthread_mutex_unlock(&mu);
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
