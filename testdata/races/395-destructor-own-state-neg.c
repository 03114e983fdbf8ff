/* Pattern: a logger whose worker thread owns the queue (under its lock);
 * the destructor function only closes the log file descriptor, which no
 * thread touches after startup.
 * Verdict: race-free for the data: the destructor touches nothing the
 * worker uses, and the queue is only used under the lock.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
static int queued;
static int log_fd = -1;

static void *log_worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&qlock);
        if (queued > 0)
            queued--;
        pthread_mutex_unlock(&qlock);
        usleep(1000);
    }
    return NULL;
}

__attribute__((destructor)) static void log_fini(void)
{
    if (log_fd >= 0)
        close(log_fd);
    log_fd = -1;
}

int main(void)
{
    log_fd = 2;
    pthread_t t;
    if (pthread_create(&t, NULL, log_worker, NULL) != 0)
        return 1;
    pthread_detach(t);
    pthread_mutex_lock(&qlock);
    queued++;
    pthread_mutex_unlock(&qlock);
    return 0;
}
