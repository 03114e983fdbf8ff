/* Pattern: a small server that gives each accepted connection a slot of a
 * fixed global table, `&conns[nconns]`, and counts it with `nconns += 1`
 * once the handler thread is started; it stops accepting when the table
 * is full. The handler keeps its own byte counts in its slot.
 * Verdict: race-free. Only the accept loop hands out slots, each one once;
 * the handler alone writes its slot after the start.
 */
// class: per-thread-slot
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONNS 64

struct conn {
    int fd;
    unsigned long bytes_in, requests;
    pthread_t tid;
};

static struct conn conns[MAX_CONNS];
static unsigned nconns;

static void *handle(void *arg)
{
    struct conn *c = arg;
    char buf[1024];
    ssize_t n;
    while ((n = read(c->fd, buf, sizeof buf)) > 0) {
        c->bytes_in += (unsigned long)n;
        c->requests++;
    }
    close(c->fd);
    return NULL;
}

static int start_conn(int fd)
{
    struct conn *c = &conns[nconns];
    c->fd = fd;
    c->bytes_in = 0;
    c->requests = 0;
    if (pthread_create(&c->tid, NULL, handle, c) != 0) // fp-todo: CL001 -- the accept loop tests nconns, which bounds the starts, but the increment is in this callee
        return -1;
    pthread_detach(c->tid);
    nconns += 1;
    return 0;
}

int main(void)
{
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    if (lfd < 0)
        return 1;
    while (nconns < MAX_CONNS) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0 || start_conn(fd) != 0)
            break;
    }
    pause();
    return 0;
}
