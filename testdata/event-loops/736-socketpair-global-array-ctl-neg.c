// A control channel to a libevent loop thread through a global socket
// pair used in place (`ctl[0]`, `ctl[1]`, never copied out): main sets the
// shutdown deadline, then sends one byte on ctl[1]; the loop's read
// handler on ctl[0] reads the deadline. The handler runs only once the
// byte is there: no race.
#include <event2/event.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

static int ctl[2];
static struct event_base *base;
static long deadline;
static long seen;

static void on_ctl(evutil_socket_t fd, short what, void *arg) // expect-none
{
    char c;
    (void)what, (void)arg;
    if (recv(fd, &c, 1, 0) == 1)
        seen = deadline;
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
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, ctl) != 0)
        return 1;
    base = event_base_new();
    event_add(event_new(base, ctl[0], EV_READ | EV_PERSIST, on_ctl, NULL), NULL);
    pthread_create(&t, NULL, loop_main, NULL);
    deadline = 30;
    if (send(ctl[1], "q", 1, 0) != 1)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
