/* CL001 negative: the session object is allocated once, before the accept
 * loop, and the loop starts its flusher only the first time
 * (`if (!sess->started)` then `started = 1`): every later round finds the
 * flag set, so at most one flusher thread is ever started.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>

struct session {
    int started;
    pthread_t flusher;
    int nconn;
};

static struct session *sess;

static void *flush_loop(void *arg)
{
    return arg;
}

int main(void)
{
    sess = calloc(1, sizeof *sess);
    if (sess == NULL)
        return 1;
    for (;;) {
        int fd = accept(3, NULL, NULL);
        if (fd < 0)
            continue;
        sess->nconn++;
        if (!sess->started) {
            sess->started = 1;
            pthread_create(&sess->flusher, NULL, flush_loop, sess);
        }
    }
}
