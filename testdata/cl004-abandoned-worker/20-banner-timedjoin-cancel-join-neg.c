/* CL004 negative: read a server's greeting banner with a hard deadline.
 * The reader thread writes into a request struct and a buffer in the
 * caller's frame (the shape of the bug), and the caller waits with
 * pthread_timedjoin_np(). But every path that did not get the join cancels
 * the thread (blocked in recv(), a cancellation point) and joins it before
 * returning, so the frame outlives the worker on all paths.
 * From shared case 50 (false-positive trap).
 */
// expect-none
#define _GNU_SOURCE
#include <pthread.h>
#include <sys/socket.h>
#include <time.h>

struct banner_req {
    int fd;
    char *buf;
    size_t cap;
    ssize_t got;
};

static void *banner_main(void *arg)
{
    struct banner_req *r = arg;
    ssize_t n = recv(r->fd, r->buf, r->cap - 1, 0);
    if (n > 0)
        r->buf[n] = '\0';
    r->got = n;
    return NULL;
}

int read_banner(int fd, int timeout_s)
{
    char banner[256];
    struct banner_req r = { .fd = fd, .buf = banner, .cap = sizeof banner, .got = -1 };
    pthread_t tid;
    struct timespec deadline;
    if (pthread_create(&tid, NULL, banner_main, &r) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    int rc = pthread_timedjoin_np(tid, NULL, &deadline);
    if (rc != 0) {                               /* ETIMEDOUT or any failure */
        pthread_cancel(tid);
        pthread_join(tid, NULL);                 /* wait until it left recv() */
        return -1;
    }
    if (r.got < 4)
        return -1;
    return banner[0] == '2' && banner[1] == '2' && banner[2] == '0' ? 0 : -1;
}
