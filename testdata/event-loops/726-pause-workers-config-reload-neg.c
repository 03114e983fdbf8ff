// A configuration reload that parks the workers (through their notify
// pipes, an acknowledgement counted to every worker, and a gate mutex)
// before it swaps the live configuration pointer. Race-free; known false
// positive until the engine models the pause protocol.
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

#define NWORKERS 4
enum msg { MSG_CONN, MSG_PAUSE };

struct worker {
    pthread_t tid;
    struct event_base *base;
    int notify_rd, notify_wr;
    pthread_mutex_t q_lock;
    int q[32];
    unsigned head, tail;
};

static struct worker workers[NWORKERS];
static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;      /* held while the workers are parked */
static pthread_mutex_t ack_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ack_cond = PTHREAD_COND_INITIALIZER;
static int acked;

struct config { int max_conns; char name[32]; };
static struct config *live_cfg;
int accept_client(void);
struct config *load_config(void);
void serve_with(const struct config *c);

static void park(void)
{
    pthread_mutex_lock(&ack_lock);
    acked++;
    pthread_cond_signal(&ack_cond);
    pthread_mutex_unlock(&ack_lock);
    pthread_mutex_lock(&gate);
    pthread_mutex_unlock(&gate);
}

static void on_notify(int fd, short what, void *arg)
{
    struct worker *w = arg;
    char b;
    (void)what;
    if (read(fd, &b, 1) != 1)
        return;
    pthread_mutex_lock(&w->q_lock);
    int m = w->head != w->tail ? w->q[w->tail++ % 32] : -1;
    pthread_mutex_unlock(&w->q_lock);
    if (m == MSG_PAUSE)
        park();
    else if (m >= 0)
        serve_with(live_cfg); // fp-todo: CL002 -- the reloader swaps the pointer only while every worker is parked on the gate
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_dispatch(w->base);
    return NULL;
}

static void send_msg(struct worker *w, int m)
{
    pthread_mutex_lock(&w->q_lock);
    w->q[w->head++ % 32] = m;
    pthread_mutex_unlock(&w->q_lock);
    if (write(w->notify_wr, "m", 1) != 1)
        return;
}

/* Parks every worker: each acknowledges, then blocks on the gate. */
static void pause_workers(void)
{
    pthread_mutex_lock(&gate);
    pthread_mutex_lock(&ack_lock);
    acked = 0;
    pthread_mutex_unlock(&ack_lock);
    for (int i = 0; i < NWORKERS; i++)
        send_msg(&workers[i], MSG_PAUSE);
    pthread_mutex_lock(&ack_lock);
    while (acked < NWORKERS)
        pthread_cond_wait(&ack_cond, &ack_lock); // fp-todo: CL010 -- the gate is held on purpose until every worker is parked
    pthread_mutex_unlock(&ack_lock);
}

static void resume_workers(void)
{
    pthread_mutex_unlock(&gate);
}

static void *reloader_main(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(5);
        struct config *fresh = load_config();
        if (fresh == NULL)
            continue;
        pause_workers();
        struct config *old = live_cfg;
        live_cfg = fresh; 
        resume_workers();
        free(old);
    }
    return NULL;
}

int main(void)
{
    pthread_t mt;
    for (int i = 0; i < NWORKERS; i++) {
        int fds[2];
        if (pipe(fds) != 0)
            return 1;
        workers[i].notify_rd = fds[0];
        workers[i].notify_wr = fds[1];
        pthread_mutex_init(&workers[i].q_lock, NULL);
        workers[i].base = event_base_new();
        event_add(event_new(workers[i].base, workers[i].notify_rd, EV_READ | EV_PERSIST, on_notify,
                            &workers[i]),
                  NULL);
        pthread_create(&workers[i].tid, NULL, worker_main, &workers[i]);
    }
    pthread_create(&mt, NULL, reloader_main, NULL);
    for (unsigned n = 0;; n++) {
        int cfd = accept_client();
        if (cfd < 0)
            break;
        send_msg(&workers[n % NWORKERS], MSG_CONN);
    }
    return 0;
}
