// A worker flushes its output through a pipe to a logger: it registers a
// handler for when the pipe's write end becomes writable (EV_WRITE), not
// readable. A writable pipe needs no write by anybody: the handler can
// run before main's first write to any wake-up channel, so main's store
// to `log_prefix` after starting the worker races with the handler's read.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct event_base;
struct event;
#define EV_READ 0x02
#define EV_WRITE 0x04
#define EV_PERSIST 0x10
struct event_base *event_base_new(void);
struct event *event_new(struct event_base *base, int fd, short events,
                        void (*cb)(int, short, void *), void *arg);
int event_add(struct event *ev, const struct timeval *tv);
int event_base_dispatch(struct event_base *base);

static struct event_base *wbase;
static int log_rd, log_wr;
static const char *log_prefix = "";
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static int queued;
const char *load_prefix(void);

static void on_writable(int fd, short what, void *arg)
{
    (void)what;
    (void)arg;
    pthread_mutex_lock(&q_lock);
    int n = queued;
    queued = 0;
    pthread_mutex_unlock(&q_lock);
    if (n > 0 && write(fd, log_prefix, 1) != 1) // expect: CL002
        return;
}

static void *worker_main(void *arg)
{
    (void)arg;
    event_base_dispatch(wbase);
    return NULL;
}

int main(void)
{
    pthread_t wt;
    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    log_rd = fds[0];
    log_wr = fds[1];
    wbase = event_base_new();
    event_add(event_new(wbase, log_wr, EV_WRITE | EV_PERSIST, on_writable, NULL), NULL);
    pthread_create(&wt, NULL, worker_main, NULL);
    log_prefix = load_prefix(); // expect-related: CL002
    pthread_mutex_lock(&q_lock);
    queued = 1;
    pthread_mutex_unlock(&q_lock);
    char b;
    while (read(log_rd, &b, 1) == 1)
        ;
    return 0;
}
