// Workers balance load among themselves: a worker woken by its notify
// pipe that finds itself too busy passes the connection on to the next
// worker by writing to that worker's pipe. Main settles the settings
// after starting the workers and before its first write to a pipe. The
// workers write to the pipes too, and they were started before the store,
// but only from a handler that a pipe woke: the first write of all is
// main's, after the store, and every other follows an earlier one. The
// store happens before every handler run. Race-free.
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct event_base;
struct event;
#define EV_READ 0x02
#define EV_PERSIST 0x10
struct event_base *event_base_new(void);
struct event *event_new(struct event_base *base, int fd, short events,
                        void (*cb)(int, short, void *), void *arg);
int event_add(struct event *ev, const struct timeval *tv);
int event_base_dispatch(struct event_base *base);

struct worker {
    pthread_t tid;
    struct event_base *base;
    int notify_rd, notify_wr;
    pthread_mutex_t q_lock;
    int q[32];
    unsigned head, tail, busy;
};

#define NWORKERS 3
static struct worker workers[NWORKERS];
static int max_busy;
int accept_client(void);
void serve(int fd);

static void hand_to(struct worker *w, int cfd)
{
    pthread_mutex_lock(&w->q_lock);
    w->q[w->head++ % 32] = cfd;
    pthread_mutex_unlock(&w->q_lock);
    if (write(w->notify_wr, "c", 1) != 1)
        return;
}

static void on_notify(int fd, short what, void *arg)
{
    struct worker *w = arg;
    char b;
    (void)what;
    if (read(fd, &b, 1) != 1)
        return;
    pthread_mutex_lock(&w->q_lock);
    int cfd = w->head != w->tail ? w->q[w->tail++ % 32] : -1;
    int busy = (int)(w->head - w->tail);
    pthread_mutex_unlock(&w->q_lock);
    if (cfd < 0)
        return;
    if (busy > max_busy)
        hand_to(&workers[(w - workers + 1) % NWORKERS], cfd);
    else
        serve(cfd);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_dispatch(w->base);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    for (int i = 0; i < NWORKERS; i++) {
        int fds[2];
        if (pipe(fds) != 0)
            return 1;
        workers[i].notify_rd = fds[0];
        workers[i].notify_wr = fds[1];
        pthread_mutex_init(&workers[i].q_lock, NULL);
        workers[i].base = event_base_new();
        event_add(event_new(workers[i].base, workers[i].notify_rd, EV_READ | EV_PERSIST, on_notify,
                            &workers[i]),
                  NULL);
        pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
    }
    max_busy = argc > 1 ? 8 : 4;
    for (unsigned n = 0;; n++) {
        int cfd = accept_client();
        if (cfd < 0)
            break;
        hand_to(&workers[n % NWORKERS], cfd);
    }
    return 0;
}
