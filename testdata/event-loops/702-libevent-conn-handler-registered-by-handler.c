// memcached's connection dispatch: main hands each accepted socket to a
// worker through its notify pipe; the worker's notify handler (registered
// by main on the worker's base) makes a connection with conn_new, which
// registers event_handler for it on the same base. event_handler runs only
// on the workers' loops, reached through a handler registered by a
// handler, and updates the global item count without the stats lock.
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

typedef struct conn {
    int sfd;
    int state;
    struct event event;
    LIBEVENT_THREAD *thread;
} conn;

#define NTHREADS 4
static LIBEVENT_THREAD threads[NTHREADS];
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct { unsigned long curr_items, total_items, curr_conns; } stats_state;

static void complete_nread(conn *c)
{
    c->state = 1;
    stats_state.curr_items++; // expect: CL002
    // expect-flow@-1: CL002 {{calls 'event_handler'}}
    stats_state.total_items++;
}

static void event_handler(int fd, short which, void *arg)
{
    conn *c = arg;
    char buf[64];
    (void)which;
    if (read(fd, buf, sizeof buf) > 0)
        complete_nread(c);
}

static conn *conn_new(int sfd, struct event_base *base, LIBEVENT_THREAD *t)
{
    conn *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->sfd = sfd;
    c->thread = t;
    event_set(&c->event, sfd, EV_READ | EV_PERSIST, event_handler, c);
    event_base_set(base, &c->event);
    event_add(&c->event, 0);
    pthread_mutex_lock(&stats_lock);
    stats_state.curr_conns++;
    pthread_mutex_unlock(&stats_lock);
    return c;
}

static void thread_libevent_process(int fd, short which, void *arg)
{
    LIBEVENT_THREAD *me = arg;
    int sfd;
    (void)which;
    if (read(fd, &sfd, sizeof sfd) != sizeof sfd)
        return;
    conn_new(sfd, me->base, me);
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
