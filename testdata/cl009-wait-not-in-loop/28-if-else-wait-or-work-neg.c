/* CL009 negative: a worker loop whose body either waits or works, then
 * goes back to its run-time test (rsyslog-style queue worker). */
// expect-none
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int queued, running = 1;
static long processed;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    while (running) {
        if (queued == 0)
            pthread_cond_wait(&cv, &m);
        else {
            queued--;
            processed++;
        }
    }
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&m);
    queued = 5;
    running = 0;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
