/* Pattern: the accept loop of 373 done right: both names of the new
 * connection object are used only before the start; after it the loop
 * forgets the object (the session owns and frees it).
 * Verdict: race-free. Every write of the loop precedes the start of the
 * one thread that gets the object, and each round has its own object.
 * (The spawn per accepted connection is unbounded: CL001.)
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
    c->started = 0;
    close(c->fd);
    free(c);
    return NULL;
}

void accept_loop(int lfd)
{
    for (;;) {
        struct conn *c = calloc(1, sizeof *c);
        struct conn *arg;
        pthread_t t;

        if (c == NULL)
            continue;
        arg = c;
        arg->fd = accept(lfd, NULL, NULL);
        c->started = (long)time(NULL);
        if (pthread_create(&t, NULL, session_main, arg) != 0) { // expect: CL001
            close(c->fd);
            free(c);
            continue;
        }
        pthread_detach(t);
    }
}
