/* Pattern: an accept loop (64 clients) allocates a fresh transfer record per client
 * and passes it to a start helper, which starts the transfer thread on
 * it and then marks the record as started.
 * Verdict: racy. The record is the round's own until the helper hands it
 * to pthread_create; start_transfer's write of `phase` after that races
 * with the thread's read. A helper that may start a thread is not an
 * initializer: what it writes through its parameter is not the round's
 * own object's (unlike xfer_reset, called before it, which is).
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

// class: heap-init-helpers

struct xfer {
    pthread_t tid;
    int fd;
    int phase;
};

static void xfer_reset(struct xfer *x, int fd)
{
    x->fd = fd;
    x->phase = 0;
}

static void *xfer_main(void *arg)
{
    struct xfer *x = arg;
    char b[128];
    if (x->phase == 1) // expect: CL002 {{races with write in 'start_transfer'}}
        (void)read(x->fd, b, sizeof b);
    close(x->fd);
    return NULL;
}

static int start_transfer(struct xfer *x)
{
    if (pthread_create(&x->tid, NULL, xfer_main, x) != 0)
        return -1;
    x->phase = 1; // expect-related: CL002 {{conflicting write of 'x->phase' in 'start_transfer'}}
    return pthread_detach(x->tid);
}

void serve_transfers(int lfd)
{
    for (int k = 0; k < 64; k++) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            break;
        struct xfer *x = malloc(sizeof *x);
        if (x == NULL)
            break;
        xfer_reset(x, fd);
        if (start_transfer(x) != 0)
            free(x);
    }
}
