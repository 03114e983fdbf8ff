// A server that hands work to per-worker event loops through an eventfd:
// the acceptor fills the worker's mailbox slot under the worker's mutex,
// then writes 1 to the worker's eventfd; the worker's read handler drains
// the eventfd and takes the slot. Here the acceptor also bumps the tuning
// knob `backlog_hint` after it has notified a worker, while the workers'
// handler reads it: a write after the wake-up is not ordered with the
// handler's read (the eventfd orders only what came before the write).
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

struct event_base;
struct event { void *opaque[16]; };
#define EV_READ 0x02
#define EV_PERSIST 0x10
struct event_base *event_base_new(void);
int event_assign(struct event *ev, struct event_base *base, int fd, short events,
                 void (*cb)(int, short, void *), void *arg);
int event_add(struct event *ev, const struct timeval *tv);
int event_base_dispatch(struct event_base *base);

struct worker {
    pthread_t tid;
    struct event_base *base;
    struct event wake;
    int wake_fd;
    pthread_mutex_t mbox_lock;
    int mbox_fd;
    unsigned long served;
};

#define NWORKERS 3
static struct worker workers[NWORKERS];
static int backlog_hint = 16;

static void on_wake(int fd, short what, void *arg)
{
    struct worker *w = arg;
    uint64_t n;
    (void)what;
    if (read(fd, &n, sizeof n) != sizeof n)
        return;
    pthread_mutex_lock(&w->mbox_lock);
    int cfd = w->mbox_fd;
    w->mbox_fd = -1;
    pthread_mutex_unlock(&w->mbox_lock);
    if (cfd >= 0 && backlog_hint > 8) // expect: CL002
        w->served++;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_dispatch(w->base);
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NWORKERS; i++) {
        workers[i].wake_fd = eventfd(0, 0);
        workers[i].mbox_fd = -1;
        pthread_mutex_init(&workers[i].mbox_lock, NULL);
        workers[i].base = event_base_new();
        event_assign(&workers[i].wake, workers[i].base, workers[i].wake_fd, EV_READ | EV_PERSIST,
                     on_wake, &workers[i]);
        event_add(&workers[i].wake, NULL);
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
    for (int round = 0; round < 100; round++) {
        struct worker *w = &workers[round % NWORKERS];
        pthread_mutex_lock(&w->mbox_lock);
        w->mbox_fd = round;
        pthread_mutex_unlock(&w->mbox_lock);
        uint64_t one = 1;
        if (write(w->wake_fd, &one, sizeof one) != sizeof one)
            break;
        backlog_hint = round % 32; // expect-related: CL002
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i].tid, NULL);
    return 0;
}
