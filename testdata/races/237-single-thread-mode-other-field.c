/* Pattern: the server of 234, but the close path tests another member
 * (`srv.io.inline_close`) than the one the setup tested before starting
 * the I/O threads.
 * Verdict: racy. Nothing ties `inline_close` to the threads' existence:
 * an I/O thread and main may both count closes inline, without the lock.
 */
#include <pthread.h>
#include <stdlib.h>

// class: mode-global-fields

static struct {
    struct {
        int threads;
        int inline_close;
    } io;
    long closed;
} srv;
static pthread_mutex_t close_lock = PTHREAD_MUTEX_INITIALIZER;

static void close_client(void *c)
{
    if (srv.io.inline_close == 1) {
        srv.closed++; // expect: CL002
        free(c);
        return;
    }
    pthread_mutex_lock(&close_lock);
    srv.closed++;
    pthread_mutex_unlock(&close_lock);
    free(c);
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
        if (pthread_create(&t, NULL, io_main, malloc(16)) != 0)
            exit(1);
        pthread_detach(t);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    srv.io.threads = argc > 4 ? 4 : argc;
    srv.io.inline_close = argc == 2;
    init_io();
    close_client(malloc(16));
    return 0;
}
