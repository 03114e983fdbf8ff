/* CL001 positive: an epoll event loop accepts every ready connection and
 * starts a detached thread for it. Nothing bounds how many are alive: a
 * connection flood becomes a thread flood. Each thread owns its descriptor
 * (passed by value), so there is no race.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_EVENTS 64

static void *session_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[4096];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        send(fd, buf, (size_t)n, MSG_NOSIGNAL);
    close(fd);
    return NULL;
}

int event_loop(int listen_fd)
{
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = listen_fd };
    struct epoll_event ready[MAX_EVENTS];
    pthread_attr_t attr;
    int ep = epoll_create1(0);
    if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, listen_fd, &ev) != 0)
        return -1;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (;;) { // expect-related: CL001 {{each 'accept' in this loop starts a thread}}
        int n = epoll_wait(ep, ready, MAX_EVENTS, -1);
        for (int i = 0; i < n; i++) {
            if (ready[i].data.fd != listen_fd)
                continue;
            int fd = accept(listen_fd, NULL, NULL);
            if (fd < 0)
                continue;
            pthread_t tid;
            if (pthread_create(&tid, &attr, session_main, (void *)(intptr_t)fd) != 0) { // expect: CL001 {{thread 'session_main' started for every 'accept'}}
                perror("pthread_create");
                close(fd);
            }
        }
    }
}
