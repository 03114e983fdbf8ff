// The race-free twin of 710: the callback counts in its own worker's
// struct, found from the watcher it is given (the watcher is a member of
// the worker), and the global total is under a mutex.
// expect-none
#include <ev.h>
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

#define NWORKERS 4

struct worker {
    pthread_t tid;
    struct ev_loop *loop;
    ev_io notify;
    int notify_fd;
    unsigned long served;
};

static struct worker workers[NWORKERS];
static unsigned long requests;
static pthread_mutex_t requests_lock = PTHREAD_MUTEX_INITIALIZER;

static void on_notify(struct ev_loop *loop, ev_io *w, int revents)
{
    struct worker *me = (struct worker *)((char *)w - offsetof(struct worker, notify));
    char c;
    (void)loop, (void)revents;
    if (read(w->fd, &c, 1) != 1)
        return;
    me->served++;
    pthread_mutex_lock(&requests_lock);
    requests++;
    pthread_mutex_unlock(&requests_lock);
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
