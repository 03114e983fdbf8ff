// The memcached shape, in another server's words: main starts the
// workers, then settles the run-time settings, then hands each accepted
// connection to a worker through the worker's notify pipe. The worker's
// notify handler reads the pipe, takes the connection and registers a
// connection handler for it on its own loop; the connection handler
// reads the settings. Main's store precedes every write to the pipes;
// the notify handler runs after one, and the connection handler, which it
// registered on its own thread, after that. Race-free.
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
    unsigned head, tail;
};

struct session { int fd; struct worker *w; char buf[512]; };

#define NWORKERS 2
static struct worker workers[NWORKERS];
static struct { int max_keys; int verbose; } conf;
int accept_client(void);
void handle(struct session *s, int max_keys);

static void on_readable(int fd, short what, void *arg)
{
    struct session *s = arg;
    (void)what;
    if (read(fd, s->buf, sizeof s->buf) > 0)
        handle(s, conf.max_keys);
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
    pthread_mutex_unlock(&w->q_lock);
    if (cfd < 0)
        return;
    struct session *s = calloc(1, sizeof *s);
    if (s == NULL)
        return;
    s->fd = cfd;
    s->w = w;
    event_add(event_new(w->base, cfd, EV_READ | EV_PERSIST, on_readable, s), NULL);
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
    conf.max_keys = argc > 1 ? 64 : 16;
    for (unsigned n = 0;; n++) {
        int cfd = accept_client();
        if (cfd < 0)
            break;
        struct worker *w = &workers[n % NWORKERS];
        pthread_mutex_lock(&w->q_lock);
        w->q[w->head++ % 32] = cfd;
        pthread_mutex_unlock(&w->q_lock);
        if (write(w->notify_wr, "c", 1) != 1)
            break;
    }
    return 0;
}
