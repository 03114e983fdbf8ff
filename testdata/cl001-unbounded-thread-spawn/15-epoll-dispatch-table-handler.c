/* CL001 positive: an epoll loop dispatches each ready descriptor through a
 * table of handlers indexed by the descriptor's role (the shape of
 * redis's ae file events and of most reactor loops). The handler for
 * the listening socket accepts and starts a detached thread per client.
 * The spawn is two calls below the loop, one of them through the table.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

enum role { ROLE_LISTEN, ROLE_CONTROL, NROLES };

typedef void (*ready_fn)(int fd);

static void *client_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[512];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    return NULL;
}

static void on_listen_ready(int lfd)
{
    int fd = accept(lfd, NULL, NULL);
    pthread_t tid;
    if (fd < 0)
        return;
    if (pthread_create(&tid, NULL, client_main, (void *)(intptr_t)fd) == 0) // expect: CL001 {{in 'on_listen_ready' for every 'accept' in the loop at line 52 in 'reactor_run'}}
        pthread_detach(tid);
    else
        close(fd);
}

static void on_control_ready(int fd)
{
    char cmd[64];
    if (read(fd, cmd, sizeof cmd) <= 0)
        close(fd);
}

static const ready_fn on_ready[NROLES] = { on_listen_ready, on_control_ready };

void reactor_run(int ep)
{
    struct epoll_event evs[32];
    for (;;) {
        int n = epoll_wait(ep, evs, 32, -1);
        for (int i = 0; i < n; i++) {
            int fd = (int)(evs[i].data.u64 & 0xffffffff);
            unsigned r = (unsigned)(evs[i].data.u64 >> 32);
            if (r < NROLES)
                on_ready[r](fd); // expect-related: CL001 {{calls 'on_listen_ready'}}
        }
    }
}
