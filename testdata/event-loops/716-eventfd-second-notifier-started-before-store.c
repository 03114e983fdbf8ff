// Two threads wake the worker through its eventfd: main, to hand over
// connections, and an idle reaper, started first, which wakes the worker
// every second so that it closes idle connections. Main stores the
// timeout `idle_secs` after starting the reaper and before its own first
// write to the eventfd; the worker's handler reads it. The handler can
// run because of the reaper's write, before main's store: a race (the
// eventfd orders a store only before the writes that follow it, and the
// reaper's writes do not).
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
#include <stdint.h>
#include <sys/eventfd.h>

static struct event_base *wbase;
static int wake_fd;
static int idle_secs;
static int pending_fd = -1;
static pthread_mutex_t pending_lock = PTHREAD_MUTEX_INITIALIZER;
int accept_one(void);
void close_idle(int secs);
void serve(int fd);

static void on_wake(int fd, short what, void *arg)
{
    uint64_t n;
    (void)what;
    (void)arg;
    if (read(fd, &n, sizeof n) != sizeof n)
        return;
    close_idle(idle_secs); // expect: CL002
    pthread_mutex_lock(&pending_lock);
    int cfd = pending_fd;
    pending_fd = -1;
    pthread_mutex_unlock(&pending_lock);
    if (cfd >= 0)
        serve(cfd);
}

static void *worker_main(void *arg)
{
    (void)arg;
    event_base_dispatch(wbase);
    return NULL;
}

static void *reaper_main(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
        uint64_t one = 1;
        if (write(wake_fd, &one, sizeof one) != sizeof one)
            break;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t wt, rt;
    (void)argv;
    wake_fd = eventfd(0, 0);
    wbase = event_base_new();
    event_add(event_new(wbase, wake_fd, EV_READ | EV_PERSIST, on_wake, NULL), NULL);
    pthread_create(&wt, NULL, worker_main, NULL);
    pthread_create(&rt, NULL, reaper_main, NULL);
    idle_secs = argc > 1 ? 30 : 60; // expect-related: CL002
    for (;;) {
        int cfd = accept_one();
        if (cfd < 0)
            break;
        pthread_mutex_lock(&pending_lock);
        pending_fd = cfd;
        pthread_mutex_unlock(&pending_lock);
        uint64_t one = 1;
        if (write(wake_fd, &one, sizeof one) != sizeof one)
            break;
    }
    return 0;
}
