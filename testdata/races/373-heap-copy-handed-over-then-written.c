/* Pattern: an accept loop allocates a connection object per client,
 * keeps it in `c` for its own bookkeeping and passes a second name of it,
 * `arg`, to the session thread; after the start it stamps the start time
 * into the object through `c`. Found by a fresh-eyes trial (issue 11):
 * the object handed over through the copy was still taken for the
 * loop's own, fresh one, so the write after the start looked private.
 * Verdict: racy. The session thread already runs and writes the same
 * object when main writes `c->started`.
 */
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

// class: heap-ownership

struct conn {
    int fd;
    long started;
    long bytes;
};

static void *session_main(void *arg)
{
    struct conn *c = arg;
    c->bytes = 0;
    c->started = 0; // expect: CL002 {{races with write in 'accept_loop'}}
    close(c->fd);
    return NULL;
}

void accept_loop(int lfd)
{
    for (;;) {
        struct conn *c = calloc(1, sizeof *c);
        void *arg;
        pthread_t t;

        if (c == NULL)
            continue;
        c->fd = accept(lfd, NULL, NULL);
        arg = c;
        if (pthread_create(&t, NULL, session_main, arg) != 0) { // expect: CL001
            free(c);
            continue;
        }
        pthread_detach(t);
        c->started = (long)time(NULL); // expect-related: CL002
    }
}
