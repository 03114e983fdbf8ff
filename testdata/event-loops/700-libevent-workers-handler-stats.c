// A memcached-style server: main sets up N worker threads, each with its
// own event base; main registers the notify handler on each worker's base
// (setup_thread) and the workers each run event_base_loop on their base.
// The handler bumps a global statistics counter without a lock: reachable
// only through the handler, which every worker runs.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct event_base;
struct event { void *opaque[16]; };
#define EV_READ 0x02
#define EV_PERSIST 0x10
struct event_base *event_base_new(void);
void event_set(struct event *ev, int fd, short events, void (*cb)(int, short, void *), void *arg);
int event_base_set(struct event_base *base, struct event *ev);
int event_add(struct event *ev, const struct timeval *tv);
int event_base_loop(struct event_base *base, int flags);

typedef struct {
    pthread_t thread_id;
    struct event_base *base;
    struct event notify_event;
    int notify_receive_fd;
    int notify_send_fd;
} LIBEVENT_THREAD;

#define NTHREADS 4
static LIBEVENT_THREAD threads[NTHREADS];
static unsigned long total_conns;

static void thread_libevent_process(int fd, short which, void *arg)
{
    LIBEVENT_THREAD *me = arg;
    char buf[1];
    (void)which;
    if (read(fd, buf, 1) != 1)
        return;
    total_conns++; // expect: CL002
    (void)me;
}

static void setup_thread(LIBEVENT_THREAD *me)
{
    me->base = event_base_new();
    event_set(&me->notify_event, me->notify_receive_fd, EV_READ | EV_PERSIST,
              thread_libevent_process, me);
    event_base_set(me->base, &me->notify_event);
    event_add(&me->notify_event, 0);
}

static void *worker_libevent(void *arg)
{
    LIBEVENT_THREAD *me = arg;
    event_base_loop(me->base, 0);
    return NULL;
}

int main(void)
{
    for (int i = 0; i < NTHREADS; i++) {
        int fds[2];
        if (pipe(fds))
            exit(1);
        threads[i].notify_receive_fd = fds[0];
        threads[i].notify_send_fd = fds[1];
        setup_thread(&threads[i]);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_create(&threads[i].thread_id, NULL, worker_libevent, &threads[i]);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(threads[i].thread_id, NULL);
    return 0;
}
