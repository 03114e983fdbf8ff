/* CL004 negative: the worker writes into the caller's frame, but on the
 * timeout path the caller cancels it (blocked in recv(), a cancellation
 * point) and joins it before returning.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>

struct reply_wait {
    pthread_mutex_t m;
    pthread_cond_t cv;
    int fd;
    int done;                            /* guarded by m */
    char line[128];                      /* guarded by m */
};

static void *reply_main(void *arg)
{
    struct reply_wait *w = arg;
    char buf[128];
    ssize_t n = recv(w->fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    pthread_mutex_lock(&w->m);
    for (int i = 0; i < (int)sizeof buf; i++)
        w->line[i] = buf[i];
    w->done = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->m);
    return NULL;
}

int await_reply(int fd, int timeout_s, char *out, size_t cap)
{
    struct reply_wait w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, fd, 0, "" };
    struct timespec deadline;
    pthread_t tid;
    int rc = 0;
    if (pthread_create(&tid, NULL, reply_main, &w) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    pthread_mutex_lock(&w.m);
    while (!w.done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&w.cv, &w.m, &deadline);
    int done = w.done;
    pthread_mutex_unlock(&w.m);
    if (!done) {
        pthread_cancel(tid);
        pthread_join(tid, NULL);
        return -1;
    }
    pthread_join(tid, NULL);
    for (size_t i = 0; i < cap && i < sizeof w.line; i++)
        out[i] = w.line[i];
    return 0;
}
