// The handler here is woken by a client socket, not by a wake-up channel:
// main accepts a connection, registers the handler on the socket for the
// worker's loop, and then writes a banner to the same socket itself. The
// worker's handler runs when the client sends data, which says nothing of
// main's writes to the socket: main's store to `motd` after it started the
// worker is not ordered with the handler's read (a descriptor from
// accept() is no wake-up channel, whatever is written to it).
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
#include <string.h>
#include <sys/socket.h>

struct conn {
    int fd;
    char buf[256];
};

static struct event_base *wbase;
static const char *motd = "hello";
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
const char *load_motd(void);

static void on_client(int fd, short what, void *arg)
{
    struct conn *c = arg;
    (void)what;
    ssize_t n = read(fd, c->buf, sizeof c->buf);
    if (n > 0 && strncmp(c->buf, "MOTD", 4) == 0)
        write(fd, motd, strlen(motd)); // expect: CL002
}

static void *worker_main(void *arg)
{
    (void)arg;
    event_base_dispatch(wbase);
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t wt;
    (void)argc;
    (void)argv;
    int lfd = socket(AF_INET, SOCK_STREAM, 0);
    wbase = event_base_new();
    pthread_create(&wt, NULL, worker_main, NULL);
    for (;;) {
        struct conn *c = calloc(1, sizeof *c);
        if (c == NULL)
            break;
        c->fd = accept(lfd, NULL, NULL);
        if (c->fd < 0)
            break;
        pthread_mutex_lock(&reg_lock);
        event_add(event_new(wbase, c->fd, EV_READ | EV_PERSIST, on_client, c), NULL);
        pthread_mutex_unlock(&reg_lock);
        motd = load_motd(); // expect-related: CL002
        write(c->fd, "220\r\n", 5);
    }
    return 0;
}
