// The program of 708, where the workers' timer handler also resets the
// hang-up count that main's signal handler bumps: handlers of loops run by
// different threads run in parallel.
#include <pthread.h>
#include <stdlib.h>

struct event_base;
struct event { void *opaque[16]; };
#define EV_READ 0x02
#define EV_PERSIST 0x10
#define EV_SIGNAL 0x08
struct event_base *event_init(void);
struct event_base *event_base_new(void);
void event_set(struct event *ev, int fd, short events, void (*cb)(int, short, void *), void *arg);
int event_assign(struct event *ev, struct event_base *base, int fd, short events,
                 void (*cb)(int, short, void *), void *arg);
int event_add(struct event *ev, const struct timeval *tv);
int event_dispatch(void);
int event_base_loop(struct event_base *base, int flags);

#define NWORKERS 4

struct worker {
    pthread_t tid;
    struct event_base *base;
    struct event timer;
    unsigned long expired;
};

static struct worker workers[NWORKERS];
static unsigned long conns_accepted, hups;
static struct event listen_ev, hup_ev;

static void on_accept(int fd, short which, void *arg)
{
    (void)fd, (void)which, (void)arg;
    conns_accepted++;
}

static void on_hup(int sig, short which, void *arg)
{
    (void)sig, (void)which, (void)arg;
    hups++;
    conns_accepted = 0;
}

static void on_timer(int fd, short which, void *arg)
{
    struct worker *w = arg;
    (void)fd, (void)which;
    w->expired++;
    hups = 0; // expect: CL002
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_loop(w->base, 0);
    return NULL;
}

int main(void)
{
    event_init();
    for (int i = 0; i < NWORKERS; i++) {
        workers[i].base = event_base_new();
        event_assign(&workers[i].timer, workers[i].base, -1, EV_PERSIST, on_timer, &workers[i]);
        event_add(&workers[i].timer, NULL);
        pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
    }
    event_set(&listen_ev, 3, EV_READ | EV_PERSIST, on_accept, NULL);
    event_add(&listen_ev, NULL);
    event_set(&hup_ev, 1, EV_SIGNAL | EV_PERSIST, on_hup, NULL);
    event_add(&hup_ev, NULL);
    event_dispatch();
    return 0;
}
