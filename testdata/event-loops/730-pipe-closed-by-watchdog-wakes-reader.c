// A worker's loop watches its notify pipe; a watchdog thread, started
// before main settles `drain_ms`, stops the worker by closing the pipe's
// write end: the read end then becomes readable (end of stream) and the
// handler runs with no write at all. Main's later store is not ordered
// with the handler's read of it: a close() wakes the reader as a write
// does, and the watchdog closes without having been woken itself.
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

static struct event_base *wbase;
static int notify_rd, notify_wr;
static int drain_ms = 100;
int stuck(void);
void drain_for(int ms);

static void on_notify(int fd, short what, void *arg)
{
    char b;
    (void)what;
    (void)arg;
    if (read(fd, &b, 1) == 0)
        drain_for(drain_ms); // expect: CL002
}

static void *worker_main(void *arg)
{
    (void)arg;
    event_base_dispatch(wbase);
    return NULL;
}

static void *watchdog_main(void *arg)
{
    (void)arg;
    while (!stuck())
        sleep(1);
    close(notify_wr);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t wt, dt;
    int fds[2];
    (void)argv;
    if (pipe(fds) != 0)
        return 1;
    notify_rd = fds[0];
    notify_wr = fds[1];
    wbase = event_base_new();
    event_add(event_new(wbase, notify_rd, EV_READ | EV_PERSIST, on_notify, NULL), NULL);
    pthread_create(&wt, NULL, worker_main, NULL);
    pthread_create(&dt, NULL, watchdog_main, NULL);
    drain_ms = argc > 1 ? 500 : 50; // expect-related: CL002
    for (int i = 0; i < 10; i++)
        if (write(notify_wr, "x", 1) != 1)
            break;
    pthread_join(dt, NULL);
    return 0;
}
