/* Pattern: a listener fills a connection through a helper, starts its
 * handler, and then calls the helper again to "re-arm" the connection
 * while the handler already reads it.
 * Verdict: racy. The second conn_arm(c) comes after pthread_create: the
 * object is the handler's by then, and conn_arm's write races with the
 * handler's read (reported in the handler, the spawned side).
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

// class: heap-init-helpers

struct conn {
    int fd;
    int timeout_ms;
};

static void conn_arm(struct conn *c)
{
    c->timeout_ms = 5000; // expect-related: CL002 {{conflicting write of 'c->timeout_ms' in 'conn_arm'}}
}

static void *conn_handler(void *arg)
{
    struct conn *c = arg;
    char b[64];
    if (c->timeout_ms > 0) // expect: CL002 {{races with write in 'conn_arm'}}
        (void)read(c->fd, b, sizeof b);
    close(c->fd);
    return NULL;
}

void listener(int lfd)
{
    for (int k = 0; k < 8; k++) {
        int fd = accept(lfd, NULL, NULL);
        struct conn *c = calloc(1, sizeof *c);
        if (c == NULL)
            return;
        c->fd = fd;
        conn_arm(c);
        pthread_t t;
        if (pthread_create(&t, NULL, conn_handler, c) != 0)
            return;
        pthread_detach(t);
        conn_arm(c);
    }
}
