// The race-free twin of 700: each worker counts in its own stats, reached
// through the handler's argument (the LIBEVENT_THREAD main registered it
// with on that worker's base), and the global total is under a mutex.
// expect-none
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
    unsigned long conns; /* this worker's own statistics */
} LIBEVENT_THREAD;

#define NTHREADS 4
static LIBEVENT_THREAD threads[NTHREADS];
static unsigned long total_conns;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

static void thread_libevent_process(int fd, short which, void *arg)
{
    LIBEVENT_THREAD *me = arg;
    char buf[1];
    (void)which;
    if (read(fd, buf, 1) != 1)
        return;
    me->conns++;
    pthread_mutex_lock(&stats_lock);
    total_conns++;
    pthread_mutex_unlock(&stats_lock);

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
