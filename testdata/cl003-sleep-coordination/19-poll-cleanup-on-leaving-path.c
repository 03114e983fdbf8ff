/* CL003 positive: the work is on the path that leaves the loop. The
 * shutdown code polls the flusher's state every 500 us; once the flusher
 * reports STOPPED it frees the buffer and breaks. The free() and the
 * store run only on the way out, so no iteration that comes back to the
 * loop head does work: the loop is a poll of `w->state`, which the
 * flusher thread writes (as in log writers that wait for their flusher).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

enum { W_RUNNING, W_DRAINING, W_STOPPED };

struct writer {
    _Atomic int state;
    char *buf;
    int fd;
};

void flush_pending(int fd);              /* io.c */

static void *flusher_main(void *arg)
{
    struct writer *w = arg;
    flush_pending(w->fd);
    atomic_store(&w->state, W_STOPPED);
    return NULL;
}

void writer_close(struct writer *w)
{
    for (;;) {
        if (atomic_load(&w->state) == W_STOPPED) {
            free(w->buf);
            w->buf = NULL;
            break;
        }
        usleep(500); // expect: CL003 {{polls 'w->state', which thread 'flusher_main' writes}}
    }
}

int main(void)
{
    static struct writer w = { W_RUNNING, NULL, 2 };
    pthread_t tid;
    w.buf = malloc(4096);
    if (pthread_create(&tid, NULL, flusher_main, &w) != 0)
        return 1;
    atomic_store(&w.state, W_DRAINING);
    writer_close(&w);
    return pthread_join(tid, NULL);
}
