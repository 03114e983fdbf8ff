// The switch tested off: this directory's .conc-lint.json sets
// "event_loops": false (the default). Each worker thread runs its own
// libevent base with a persistent timer whose handler bumps a global
// counter without a lock: a real race, which the event-loop model finds
// (testdata/event-loops/, where the key is on). With the key off the
// library calls are unknown, a dispatch runs no handler and the handler
// is reached by no thread, so nothing is reported, as before the model.
// expect-none
#include <pthread.h>
#include <stddef.h>

struct event_base;
struct event;
struct timeval { long tv_sec, tv_usec; };
#define EV_PERSIST 0x10
struct event_base *event_base_new(void);
struct event *event_new(struct event_base *base, int fd, short events,
                        void (*cb)(int, short, void *), void *arg);
int event_add(struct event *ev, const struct timeval *tv);
int event_base_dispatch(struct event_base *base);

#define NWORKERS 3

struct worker {
    pthread_t tid;
    struct event_base *base;
    unsigned long own_ticks;
};

static struct worker workers[NWORKERS];
static unsigned long ticks_seen;

static void on_tick(int fd, short what, void *arg)
{
    struct worker *w = arg;
    (void)fd;
    (void)what;
    w->own_ticks++;
    ticks_seen++;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct timeval every = { 1, 0 };
    w->base = event_base_new();
    event_add(event_new(w->base, -1, EV_PERSIST, on_tick, w), &every);
    event_base_dispatch(w->base);
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i].tid, NULL);
    return 0;
}
