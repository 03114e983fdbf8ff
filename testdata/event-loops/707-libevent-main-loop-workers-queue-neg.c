// A handler registered on main's base and a pool of workers that do not
// run the loop: they take jobs off a queue under its lock. Only main
// dispatches its base, so the accept handler's plain counters are main's
// alone; the workers never run it.
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct event_base;
struct event;
#define EV_READ 0x02
#define EV_PERSIST 0x10
typedef void (*event_callback_fn)(int, short, void *);
struct event_base *event_base_new(void);
struct event *event_new(struct event_base *base, int fd, short events, event_callback_fn cb, void *arg);
int event_add(struct event *ev, const struct timeval *tv);
int event_base_dispatch(struct event_base *base);

#define NWORKERS 8

struct job { struct job *next; int fd; };
static struct job *queue_head;
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_cond = PTHREAD_COND_INITIALIZER;
static unsigned long accepted, rejected;

static void on_listen(int fd, short which, void *arg)
{
    (void)which, (void)arg;
    struct job *j = malloc(sizeof *j);
    if (j == NULL) {
        rejected++;
        return;
    }
    j->fd = fd;
    accepted++;
    pthread_mutex_lock(&queue_lock);
    j->next = queue_head;
    queue_head = j;
    pthread_cond_signal(&queue_cond);
    pthread_mutex_unlock(&queue_lock);
}

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&queue_lock);
        while (queue_head == NULL)
            pthread_cond_wait(&queue_cond, &queue_lock);
        struct job *j = queue_head;
        queue_head = j->next;
        pthread_mutex_unlock(&queue_lock);
        close(j->fd);
        free(j);
    }
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    struct event_base *base = event_base_new();
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, worker, NULL);
    struct event *ev = event_new(base, 3, EV_READ | EV_PERSIST, on_listen, NULL);
    event_add(ev, NULL);
    event_base_dispatch(base);
    return 0;
}
