/* Pattern: a server whose I/O mode sits two members deep in its global
 * state (`srv.io.threads`); the setup function returns early when it is
 * 1 and otherwise starts the I/O threads in a loop; the shared close path
 * frees clients inline when it is 1 and queues them under a lock
 * otherwise.
 * Verdict: race-free. The inline branch and the I/O threads never
 * coexist: the threads are only started where `srv.io.threads != 1`.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields
// expect-none

struct client {
    struct client *next;
};

static struct {
    struct {
        int threads;
    } io;
    struct client *closing;
    long closed;
} srv;
static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;

static void close_client(struct client *c)
{
    if (srv.io.threads == 1) {
        srv.closed++;
        free(c);
        return;
    }
    pthread_mutex_lock(&close_lock);
    c->next = srv.closing;
    srv.closing = c;
    srv.closed++;
    pthread_mutex_unlock(&close_lock);
}

static void *io_main(void *arg)
{
    close_client(arg);
    return NULL;
}

static void init_io(void)
{
    if (srv.io.threads == 1)
        return;
    for (int i = 0; i < srv.io.threads; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, io_main, calloc(1, sizeof(struct client))) != 0)
            exit(1);
        pthread_detach(t);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    srv.io.threads = argc > 4 ? 4 : argc;
    init_io();
    close_client(calloc(1, sizeof(struct client)));
    return 0;
}
