// A control thread owns the routing table: it builds it when it starts,
// then wakes the worker through a socketpair (one byte on its end) each
// time it queues a job for it; the worker's read handler reads its end of
// the socketpair and then looks routes up. The table is built before the
// control thread's first send, nothing else writes the socketpair, and
// the worker's handler runs after a byte arrived: the build happens
// before every lookup.
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
#include <sys/socket.h>

struct route { int prefix, next_hop; };
static struct route routes[128];
static int nroutes;
static struct event_base *wbase;
static int ctl_end, worker_end;
static pthread_mutex_t jobs_lock = PTHREAD_MUTEX_INITIALIZER;
static int job_dst = -1;
int load_route(int i, struct route *r);
int next_job(void);
void forward(int dst, int hop);

static void on_job(int fd, short what, void *arg)
{
    char b;
    (void)what;
    (void)arg;
    if (recv(fd, &b, 1, 0) != 1)
        return;
    pthread_mutex_lock(&jobs_lock);
    int dst = job_dst;
    job_dst = -1;
    pthread_mutex_unlock(&jobs_lock);
    for (int i = 0; i < nroutes; i++)
        if (routes[i].prefix == dst)
            forward(dst, routes[i].next_hop);
}

static void *worker_main(void *arg)
{
    (void)arg;
    event_base_dispatch(wbase);
    return NULL;
}

static void *control_main(void *arg)
{
    (void)arg;
    while (nroutes < 128 && load_route(nroutes, &routes[nroutes]) == 0)
        nroutes++;
    for (;;) {
        int dst = next_job();
        if (dst < 0)
            break;
        pthread_mutex_lock(&jobs_lock);
        job_dst = dst;
        pthread_mutex_unlock(&jobs_lock);
        if (send(ctl_end, "j", 1, 0) != 1)
            break;
    }
    return NULL;
}

int main(void)
{
    pthread_t wt, ct;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return 1;
    ctl_end = sv[0];
    worker_end = sv[1];
    wbase = event_base_new();
    event_add(event_new(wbase, worker_end, EV_READ | EV_PERSIST, on_job, NULL), NULL);
    pthread_create(&wt, NULL, worker_main, NULL);
    pthread_create(&ct, NULL, control_main, NULL);
    pthread_join(ct, NULL);
    return 0;
}
