/* CL001 positive: a poll() server (the shape of libmicrohttpd's
 * thread-per-connection mode behind a poll loop) scans its pollfd array
 * with a counting for loop and hands every readable listener to
 * accept_and_serve(), which accepts and starts a thread per connection.
 * The counting loop over the ready descriptors is not the event loop: the
 * finding names the poll loop in the caller (by the blocking accept() it
 * reaches, the better event source), and the helper call on the way.
 */
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#define NLISTEN 4

static void *serve_conn(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[128];
    while (read(fd, buf, sizeof buf) > 0)
        ;
    close(fd);
    return NULL;
}

static void accept_and_serve(int lfd)
{
    int fd = accept(lfd, NULL, NULL);
    pthread_t tid;
    if (fd < 0)
        return;
    if (pthread_create(&tid, NULL, serve_conn, (void *)(intptr_t)fd) != 0) { // expect: CL001 {{started in 'accept_and_serve' for every 'accept' in the loop at line 47 in 'serve_ports'}}
        close(fd);
        return;
    }
    pthread_detach(tid);
}

void serve_ports(const int *lfds)
{
    struct pollfd pfd[NLISTEN];
    for (int i = 0; i < NLISTEN; i++) {
        pfd[i].fd = lfds[i];
        pfd[i].events = POLLIN;
    }
    while (poll(pfd, NLISTEN, -1) >= 0) { // expect-related: CL001 {{each 'accept' in this loop starts a thread}}
        for (int i = 0; i < NLISTEN; i++)
            if (pfd[i].revents & POLLIN)
                accept_and_serve(pfd[i].fd); // expect-related: CL001 {{calls 'accept_and_serve'}}
    }
}
