/* CL004 positive: the blocking hand-off is one call down (the worker calls
 * reply_all(), which send()s on the caller's socketpair), and the timeout
 * is dispatched with a switch on the poll() result rather than an if.
 * `case 0:` returns without join, detach or cancel; the socket buffer fills
 * once nobody reads it and the worker blocks in send() forever. The
 * creator is called twice; the finding is reported once.
 */
#include <poll.h>
#include <pthread.h>
#include <stddef.h>
#include <sys/socket.h>

struct fanout { int out_fd; int nitems; };

int next_item(int i, char *buf, size_t cap);   /* items.c */

static void reply_all(int fd, int n)
{
    char buf[512];
    for (int i = 0; i < n; i++) {
        int len = next_item(i, buf, sizeof buf);
        if (send(fd, buf, (size_t)len, 0) != len)   /* blocks when full */
            return;
    }
}

static void *fanout_main(void *arg)
{
    struct fanout *f = arg;
    reply_all(f->out_fd, f->nitems);
    return NULL;
}

int collect(struct fanout *f, int in_fd, int timeout_ms, char *out, size_t cap)
{
    struct pollfd pfd = { .fd = in_fd, .events = POLLIN };
    pthread_t tid;
    if (pthread_create(&tid, NULL, fanout_main, f) != 0)
        return -1;
    switch (poll(&pfd, 1, timeout_ms)) {
    case 0:
        return -1; // expect: CL004
    case -1:
        pthread_cancel(tid);
        pthread_join(tid, NULL);
        return -1;
    default:
        break;
    }
    ssize_t n = recv(in_fd, out, cap, 0);
    pthread_join(tid, NULL);
    return (int)n;
}

int main(void)
{
    static struct fanout a = { 4, 100 }, b = { 6, 100 };
    char buf[256];
    collect(&a, 3, 1000, buf, sizeof buf);
    collect(&b, 5, 1000, buf, sizeof buf);
    return 0;
}
