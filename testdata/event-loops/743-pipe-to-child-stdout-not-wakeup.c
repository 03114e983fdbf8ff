// A libevent loop thread that reads a helper process's output: main makes
// a pipe, forks, and the child dup2s the write end onto its stdout and
// execs the helper. The loop's read handler on out[0] is woken by the
// child, not by a thread of this program, so main's store of the line
// limit, made before its own write to the control pipe, is not ordered
// before the handler: a race.
#include <event2/event.h>
#include <pthread.h>
#include <unistd.h>

static int out[2], ctl[2];
static struct event_base *base;
static int line_limit;
static long lines;

static void on_output(evutil_socket_t fd, short what, void *arg)
{
    char buf[256];
    (void)what, (void)arg;
    if (read(fd, buf, sizeof buf) > 0 && lines < line_limit) // expect: CL002
        lines++;
}

static void on_ctl(evutil_socket_t fd, short what, void *arg)
{
    char c;
    (void)what, (void)arg;
    if (read(fd, &c, 1) == 1)
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
    if (pipe(out) != 0 || pipe(ctl) != 0)
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        execl("/usr/bin/helper", "helper", (char *)0);
        _exit(127);
    }
    base = event_base_new();
    event_add(event_new(base, out[0], EV_READ | EV_PERSIST, on_output, NULL), NULL);
    event_add(event_new(base, ctl[0], EV_READ | EV_PERSIST, on_ctl, NULL), NULL);
    pthread_create(&t, NULL, loop_main, NULL);
    line_limit = 100;
    if (write(ctl[1], "q", 1) != 1)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
