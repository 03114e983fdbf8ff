// The race-free twin of 714: the listener thread loads the limits
// (`max_body`) once when it starts, before it accepts anything, and never
// writes them again; the workers' handler reads them only after reading a
// byte from its notify pipe, and only the listener writes to the pipes.
// Every write to a pipe follows the store in the listener's program order,
// and a handler's read of the pipe follows a write: the store happens
// before every read of the limits.
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
    int pipe_rd, pipe_wr;
    pthread_mutex_t ring_lock;
    int ring[64];
    unsigned head, tail;
};

#define NWORKERS 4
static struct worker pool[NWORKERS];
static unsigned long max_body;
int accept_one(void);
unsigned long read_limit(const char *name);
void serve(int fd, unsigned long limit);

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
        serve(cfd, max_body);
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
    max_body = read_limit("max_body");
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
