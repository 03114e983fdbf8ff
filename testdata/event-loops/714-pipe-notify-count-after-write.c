// A listener thread accepts connections and passes each to a worker
// through the worker's notify pipe: it stores the descriptor in the
// worker's ring under the ring's lock, then writes one byte to the pipe;
// the worker's read handler reads the byte and takes the descriptor. The
// listener counts the dispatches in `dispatched` after each write, and the
// handler reads that count for its load report: the listener's writes
// after a notification are not ordered with the handler, a race.
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
    int pipe_rd, pipe_wr;
    pthread_mutex_t ring_lock;
    int ring[64];
    unsigned head, tail;
};

#define NWORKERS 4
static struct worker pool[NWORKERS];
static unsigned long dispatched;
int accept_one(void);
void serve(int fd, unsigned long load);

static void on_notify(int fd, short what, void *arg)
{
    struct worker *w = arg;
    char b;
    (void)what;
    if (read(fd, &b, 1) != 1)
        return;
    pthread_mutex_lock(&w->ring_lock);
    int cfd = w->head != w->tail ? w->ring[w->tail++ % 64] : -1;
    pthread_mutex_unlock(&w->ring_lock);
    if (cfd >= 0)
        serve(cfd, dispatched); // expect: CL002
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_dispatch(w->base);
    return NULL;
}

static void *listener_main(void *arg)
{
    (void)arg;
    for (unsigned n = 0;; n++) {
        int cfd = accept_one();
        if (cfd < 0)
            break;
        struct worker *w = &pool[n % NWORKERS];
        pthread_mutex_lock(&w->ring_lock);
        w->ring[w->head++ % 64] = cfd;
        pthread_mutex_unlock(&w->ring_lock);
        if (write(w->pipe_wr, "c", 1) != 1)
            break;
        dispatched++; // expect-related: CL002
    }
    return NULL;
}

int main(void)
{
    pthread_t lt;
    for (int i = 0; i < NWORKERS; i++) {
        int fds[2];
        if (pipe(fds) != 0)
            return 1;
        pool[i].pipe_rd = fds[0];
        pool[i].pipe_wr = fds[1];
        pthread_mutex_init(&pool[i].ring_lock, NULL);
        pool[i].base = event_base_new();
        event_add(event_new(pool[i].base, pool[i].pipe_rd, EV_READ | EV_PERSIST, on_notify, &pool[i]), NULL);
        pthread_create(&pool[i].tid, NULL, worker_main, &pool[i]);
    }
    pthread_create(&lt, NULL, listener_main, NULL);
    pthread_join(lt, NULL);
    return 0;
}
