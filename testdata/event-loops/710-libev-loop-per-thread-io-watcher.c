// A libev server with one loop per worker thread (ev_loop_new): main
// initializes each worker's read watcher (ev_io_init stores the callback
// in the watcher) and starts it on that worker's loop; each worker runs
// ev_run on its own loop. The callback counts requests in a global
// without a lock, from every worker.
#include <ev.h>
#include <pthread.h>
#include <unistd.h>

#define NWORKERS 4

struct worker {
    pthread_t tid;
    struct ev_loop *loop;
    ev_io notify;
    int notify_fd;
};

static struct worker workers[NWORKERS];
static unsigned long requests;

static void on_notify(struct ev_loop *loop, ev_io *w, int revents)
{
    char c;
    (void)loop, (void)revents;
    if (read(w->fd, &c, 1) == 1)
        requests++; // expect: CL002
}

static void *worker_main(void *arg)
{
    struct worker *me = arg;
    ev_run(me->loop, 0);
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NWORKERS; i++) {
        int fds[2];
        if (pipe(fds) != 0)
            return 1;
        workers[i].notify_fd = fds[1];
        workers[i].loop = ev_loop_new(EVFLAG_AUTO);
        ev_io_init(&workers[i].notify, on_notify, fds[0], EV_READ);
        ev_io_start(workers[i].loop, &workers[i].notify);
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i].tid, NULL);
    return 0;
}
