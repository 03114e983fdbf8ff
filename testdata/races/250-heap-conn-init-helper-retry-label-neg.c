/* Pattern: a listener allocates a connection record per accepted socket
 * through an allocator wrapper, fills it with a helper (conn_setup) and
 * starts a handler thread on it; on failure it jumps back to a `retry:`
 * label inside the loop. The record pointer is declared before the loop.
 * Verdict: race-free. Each round allocates a new record and fills it
 * before pthread_create: the helper's writes in the next round touch the
 * next record, never the one an earlier handler reads. Issue 11: the
 * helper's writes were paired with the earlier handler's reads.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

// class: heap-init-helpers
// expect-none

struct peer {
    int fd;
    int state;
    long bytes;
};

struct conn_rec {
    pthread_t tid;
    struct peer peer;
    int id;
};

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (p == NULL)
        abort();
    return p;
}

static void conn_setup(struct peer *p, int fd)
{
    p->fd = fd;
    p->state = 1;
    p->bytes = 0;
}

static void *handler(void *arg)
{
    struct conn_rec *r = arg;
    char buf[256];
    ssize_t n;
    while (r->peer.state == 1 && (n = read(r->peer.fd, buf, sizeof buf)) > 0)
        r->peer.bytes += n;
    r->peer.state = 2;
    close(r->peer.fd);
    free(r);
    return NULL;
}

void accept_loop(int lfd, int rounds)
{
    struct conn_rec *rec;
    int fd;
    for (int k = 0; k < rounds; k++) {
retry:
        fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            continue;
        rec = xcalloc(1, sizeof *rec);
        rec->id = k;
        conn_setup(&rec->peer, fd);
        if (pthread_create(&rec->tid, NULL, handler, rec) != 0) {
            close(fd);
            free(rec);
            goto retry;
        }
        pthread_detach(rec->tid);
    }
}
