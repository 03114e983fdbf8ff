// Two structs name their descriptor `fd`: the notifier's is an eventfd
// (a wake-up channel), a connection's comes from accept(). The worker's
// connection handler is woken by the client. Main stores the greeting
// before its first write to the notifier; that orders the store with the
// notifier's handler, not with the connection handler, which reads it too:
// a race. A location key (`fd`) that also holds other descriptors is not
// taken for a wake-up channel.
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
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

struct notifier { int fd; int pending; };
struct conn { int fd; char buf[128]; };

static struct event_base *wbase;
static struct notifier note;
static const char *greeting;
static pthread_mutex_t pend_lock = PTHREAD_MUTEX_INITIALIZER;
const char *load_greeting(void);

static void on_note(int fd, short what, void *arg)
{
    struct notifier *n = arg;
    uint64_t v;
    (void)what;
    if (read(fd, &v, sizeof v) != sizeof v)
        return;
    pthread_mutex_lock(&pend_lock);
    n->pending = 0;
    pthread_mutex_unlock(&pend_lock);
}

static void on_conn(int fd, short what, void *arg)
{
    struct conn *c = arg;
    (void)what;
    if (read(fd, c->buf, sizeof c->buf) > 0 && greeting != NULL) // expect: CL002
        write(fd, "ok\r\n", 4);
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
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    note.fd = eventfd(0, 0);
    wbase = event_base_new();
    event_add(event_new(wbase, note.fd, EV_READ | EV_PERSIST, on_note, &note), NULL);
    struct conn *c = calloc(1, sizeof *c);
    if (c == NULL)
        return 1;
    c->fd = accept(lfd, NULL, NULL);
    event_add(event_new(wbase, c->fd, EV_READ | EV_PERSIST, on_conn, c), NULL);
    pthread_create(&wt, NULL, worker_main, NULL);
    greeting = load_greeting(); // expect-related: CL002
    pthread_mutex_lock(&pend_lock);
    note.pending = 1;
    pthread_mutex_unlock(&pend_lock);
    uint64_t one = 1;
    write(note.fd, &one, sizeof one);
    return 0;
}
