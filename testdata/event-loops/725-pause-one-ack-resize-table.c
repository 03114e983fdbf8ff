// The racy twin of 724: the resizer waits for one acknowledgement only
// (`acked < 1`), so the other workers may still be running lookups while
// it swaps the table.
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

struct entry { int key; struct entry *next; };
static struct entry **table;
static unsigned table_size = 64;
int accept_client(void);
int table_load_high(void);
void lookup(struct entry **t, unsigned hint);

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
        lookup(table, 64); // expect: CL002
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
    while (acked < 1)
        pthread_cond_wait(&ack_cond, &ack_lock); // fp-todo: CL010 -- the gate is held on purpose until every worker is parked
    pthread_mutex_unlock(&ack_lock);
}

static void resume_workers(void)
{
    pthread_mutex_unlock(&gate);
}

static void *resizer_main(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
        if (!table_load_high())
            continue;
        pause_workers();
        struct entry **bigger = calloc(table_size * 2, sizeof *bigger);
        if (bigger != NULL) {
            free(table); 
            table = bigger;
            table_size *= 2;
        }
        resume_workers();
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
    pthread_create(&mt, NULL, resizer_main, NULL);
    for (unsigned n = 0;; n++) {
        int cfd = accept_client();
        if (cfd < 0)
            break;
        send_msg(&workers[n % NWORKERS], MSG_CONN);
    }
    return 0;
}
