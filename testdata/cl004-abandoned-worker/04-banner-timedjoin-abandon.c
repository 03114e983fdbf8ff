/* CL004 positive: pthread_timedjoin_np(). Read a server's greeting banner
 * with a deadline: the reader thread recv()s into `banner` and writes `r`,
 * both in the caller's stack frame. When the timed join fails the caller
 * just returns, and the reader later writes into a dead frame. (The correct
 * version, with cancel + join on that path, is 20-banner-...-neg.c.)
 */
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
    if (pthread_timedjoin_np(tid, NULL, &deadline) != 0)
        return -1; // expect: CL004
    if (r.got < 4)
        return -1;
    return banner[0] == '2' && banner[1] == '2' && banner[2] == '0' ? 0 : -1;
}
