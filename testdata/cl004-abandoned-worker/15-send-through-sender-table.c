/* CL004 positive: the pattern split across helpers and a table of
 * function pointers, as in transport layers (a sender per transport kind,
 * picked by index). The probe thread reports through `report_result()`,
 * which calls the sender for its transport from a static table; the pipe
 * sender loops over write() on the caller's pipe. The caller
 * poll()s the read end with the configured timeout and returns on
 * expiry without draining or closing the pipe: once it is full the probe
 * blocks in write() forever.
 */
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

int probe_backend(const char *host, char *out, size_t cap);  /* probe.c */

static long pipe_send(int fd, const void *buf, size_t n)
{
    size_t off = 0;
    while (off < n) {
        long w = write(fd, (const char *)buf + off, n - off);
        if (w < 0)
            return -1;
        off += (size_t)w;
    }
    return (long)off;
}

static long (*const senders[])(int fd, const void *buf, size_t n) = { pipe_send };

struct probe {
    int kind;
    const char *host;
    int wfd;
};

static void report_result(struct probe *p, const char *msg, size_t n)
{
    senders[p->kind](p->wfd, msg, n);
}

static void *probe_main(void *arg)
{
    struct probe *p = arg;
    char line[512];
    for (int round = 0; round < 8; round++) {
        int n = probe_backend(p->host, line, sizeof line);
        if (n > 0)
            report_result(p, line, (size_t)n);
    }
    return NULL;
}

int probe_with_timeout(struct probe *p, int rfd, int timeout_ms, char *out, size_t cap)
{
    pthread_t tid;
    struct pollfd pfd = { .fd = rfd, .events = POLLIN };
    if (pthread_create(&tid, NULL, probe_main, p) != 0)
        return -1;
    int rc = poll(&pfd, 1, timeout_ms);
    if (rc <= 0)
        return -1; // expect: CL004
    long n = read(rfd, out, cap);
    pthread_join(tid, NULL);
    return (int)n;
}
