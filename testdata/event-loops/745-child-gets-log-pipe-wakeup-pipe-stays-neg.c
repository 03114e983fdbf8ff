// A libevent loop thread woken through an in-process pipe (`wake[2]`),
// next to a second pipe whose read end a forked logger child takes as
// its stdin (dup2 of log_pipe[0]). Only the log pipe leaves the process:
// the wake pipe is still written by main alone, after it stores the new
// log level, so the wake handler reads the level race-free.
#include <event2/event.h>
#include <pthread.h>
#include <unistd.h>

static int wake[2], log_pipe[2];
static struct event_base *base;
static int log_level;
static int applied_level;

static void on_wake(evutil_socket_t fd, short what, void *arg) // expect-none
{
    char c;
    (void)what, (void)arg;
    if (read(fd, &c, 1) == 1)
        applied_level = log_level;
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
    if (pipe(wake) != 0 || pipe(log_pipe) != 0)
        return 1;
    if (fork() == 0) {
        dup2(log_pipe[0], 0);
        execl("/usr/bin/logger", "logger", (char *)0);
        _exit(127);
    }
    base = event_base_new();
    event_add(event_new(base, wake[0], EV_READ | EV_PERSIST, on_wake, NULL), NULL);
    pthread_create(&t, NULL, loop_main, NULL);
    log_level = 3;
    if (write(wake[1], "l", 1) != 1)
        return 1;
    (void)write(log_pipe[1], "up\n", 3);
    pthread_join(t, NULL);
    return 0;
}
