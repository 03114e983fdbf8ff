// A member array named `fds` holds a wake-up pipe in the loop's control
// block (`pipe(ctl.fds)`) but a client socket in a connection
// (`cn->fds[0] = accept(..)`). The connection's read handler, registered
// on cn->fds[0] before the loop starts, is woken by the client, not by
// main's write to the pipe: main's store of the greeting, though before
// that write, races with it.
#include <event2/event.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

struct ctl {
    int fds[2];
};

struct conn {
    int fds[2];
};

static struct ctl ctl;
static struct event_base *base;
static const char *greeting;
static int listen_fd;

static void on_client(evutil_socket_t fd, short what, void *arg)
{
    char c;
    (void)what, (void)arg;
    if (read(fd, &c, 1) == 1 && greeting != NULL) // expect: CL002
        (void)write(fd, greeting, 1);
}

static void on_ctl(evutil_socket_t fd, short what, void *arg)
{
    char c;
    (void)what, (void)arg;
    if (read(fd, &c, 1) != 1)
        return;
    event_base_loopbreak(base);
}

static void *loop_main(void *arg)
{
    (void)arg;
    event_base_dispatch(base);
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pipe(ctl.fds) != 0)
        return 1;
    listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    base = event_base_new();
    event_add(event_new(base, ctl.fds[0], EV_READ | EV_PERSIST, on_ctl, NULL), NULL);
    struct conn *cn = malloc(sizeof *cn);
    if (cn == NULL)
        return 1;
    cn->fds[0] = accept(listen_fd, NULL, NULL);
    cn->fds[1] = -1;
    event_add(event_new(base, cn->fds[0], EV_READ | EV_PERSIST, on_client, cn), NULL);
    pthread_create(&t, NULL, loop_main, NULL);
    greeting = "hello";
    if (write(ctl.fds[1], "q", 1) != 1)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
