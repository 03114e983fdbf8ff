// A connection state machine shared by the listener and the workers:
// main creates the listening connections in state ST_LISTEN and runs
// their handler on its own loop; the ST_LISTEN case accepts and picks a
// worker round-robin (`next_worker`, main's alone). A worker creates its
// connections in state ST_READ from what main hands over, and no code
// ever sets ST_LISTEN on them: the workers never reach the ST_LISTEN case,
// and `next_worker` is main's only. Race-free; known false positive until
// the engine tracks the constant a connection's state field holds (the
// handler's object was created with ST_READ on the workers).
#include <pthread.h>
#include <sys/socket.h>
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

enum state { ST_LISTEN, ST_READ, ST_WRITE, ST_CLOSE };
struct conn { int fd; enum state st; struct worker *owner; };
struct worker {
    pthread_t tid;
    struct event_base *base;
    int notify_rd, notify_wr;
    pthread_mutex_t q_lock;
    int q[32];
    unsigned head, tail;
};

#define NWORKERS 3
static struct worker workers[NWORKERS];
static struct event_base *main_base;
static unsigned next_worker;
int do_read(struct conn *c);
int do_write(struct conn *c);

static void run_machine(int fd, short what, void *arg);

static struct conn *conn_make(int fd, enum state st, struct event_base *base)
{
    struct conn *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    c->fd = fd;
    c->st = st;
    event_add(event_new(base, fd, EV_READ | EV_PERSIST, run_machine, c), NULL);
    return c;
}

static void run_machine(int fd, short what, void *arg)
{
    struct conn *c = arg;
    (void)what;
    switch (c->st) {
    case ST_LISTEN: {
        int cfd = accept(fd, NULL, NULL);
        if (cfd < 0)
            return;
        struct worker *w = &workers[next_worker++ % NWORKERS]; // fp-todo: CL002 -- only listening connections, main's, reach this case
        pthread_mutex_lock(&w->q_lock);
        w->q[w->head++ % 32] = cfd;
        pthread_mutex_unlock(&w->q_lock);
        if (write(w->notify_wr, "c", 1) != 1)
            close(cfd);
        break;
    }
    case ST_READ:
        c->st = do_read(c) ? ST_WRITE : ST_CLOSE;
        break;
    case ST_WRITE:
        c->st = do_write(c) ? ST_READ : ST_CLOSE;
        break;
    case ST_CLOSE:
        close(c->fd);
        break;
    }
}

static void on_notify(int fd, short what, void *arg)
{
    struct worker *w = arg;
    char b;
    (void)what;
    if (read(fd, &b, 1) != 1)
        return;
    pthread_mutex_lock(&w->q_lock);
    int cfd = w->head != w->tail ? w->q[w->tail++ % 32] : -1;
    pthread_mutex_unlock(&w->q_lock);
    if (cfd >= 0)
        conn_make(cfd, ST_READ, w->base);
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    event_base_dispatch(w->base);
    return NULL;
}

int main(void)
{
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
    main_base = event_base_new();
    conn_make(socket(AF_INET, SOCK_STREAM, 0), ST_LISTEN, main_base);
    event_base_dispatch(main_base);
    return 0;
}
