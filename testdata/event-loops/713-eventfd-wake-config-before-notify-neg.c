// The race-free twin of 712: the acceptor settles the tuning knob once,
// after starting the workers but before the first wake-up, and never
// writes it again. A worker's handler runs only when its eventfd became
// readable, i.e. after a write to it, and every write to the eventfd
// follows the store in the acceptor's program order: the store happens
// before every run of the handler (write/read of an eventfd is a
// release/acquire pair through the kernel).
// expect-none
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
static int backlog_hint;

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
    if (cfd >= 0 && backlog_hint > 8)
        w->served++;
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
    backlog_hint = argc > 1 ? 32 : 16; /* before the first wake-up */
    for (int round = 0; round < 100; round++) {
        struct worker *w = &workers[round % NWORKERS];
        pthread_mutex_lock(&w->mbox_lock);
        w->mbox_fd = round;
        pthread_mutex_unlock(&w->mbox_lock);
        uint64_t one = 1;
        if (write(w->wake_fd, &one, sizeof one) != sizeof one)
            break;
    }
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i].tid, NULL);
    return 0;
}
