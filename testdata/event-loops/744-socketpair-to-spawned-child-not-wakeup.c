// A worker's libevent loop talks to a child process over a socket pair:
// the parent hands sv[1] to the child with
// posix_spawn_file_actions_adddup2 and watches sv[0]. Its read handler is
// woken by the child's replies, not by the parent's writes, so the
// parent's store of the reply budget, though before its own send, races
// with it.
#include <event2/event.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/socket.h>
#include <unistd.h>

extern char **environ;
static int sv[2];
static struct event_base *base;
static int reply_budget;
static long replies;

static void on_reply(evutil_socket_t fd, short what, void *arg)
{
    char buf[64];
    (void)what, (void)arg;
    if (recv(fd, buf, sizeof buf, 0) > 0 && replies < reply_budget) // expect: CL002
        replies++;
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
    pid_t pid;
    posix_spawn_file_actions_t fa;
    char *argv[] = { "resolver", (char *)0 };
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return 1;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
    if (posix_spawn(&pid, "/usr/lib/resolver", &fa, NULL, argv, environ) != 0)
        return 1;
    base = event_base_new();
    event_add(event_new(base, sv[0], EV_READ | EV_PERSIST, on_reply, NULL), NULL);
    pthread_create(&t, NULL, loop_main, NULL);
    reply_budget = 16;
    if (send(sv[0], "go", 2, 0) != 2)
        return 1;
    pthread_join(t, NULL);
    return 0;
}
