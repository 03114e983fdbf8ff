/* CL013 positive, a library without main(): server_start() starts the
 * listener thread, which polls the volatile `stop_flag` member, and
 * server_stop() sets it. The library's client calls the two in either
 * order, so the thread server_start left running races with
 * server_stop's store (volatile gives no atomicity or ordering;
 * ThreadSanitizer reports the pair).
 * From shared case 16 (true bug), source: civetweb/civetweb issues #861,
 * #1093, #1184 (also libplctag/libplctag issue #651).
 */
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

struct server {
    volatile int stop_flag; // expect: CL013 {{stored in 'server_stop' (line 44) and read in 'listener_main' (line 25)}}
    int listen_fd;
    pthread_t listener;
};

static void *listener_main(void *arg)
{
    struct server *srv = arg;
    struct pollfd pfd = { .fd = srv->listen_fd, .events = POLLIN };
    while (srv->stop_flag == 0) {
        if (poll(&pfd, 1, 200) > 0) {
            int fd = accept(srv->listen_fd, NULL, NULL);
            if (fd >= 0)
                close(fd);
        }
    }
    return NULL;
}

int server_start(struct server *srv, int listen_fd)
{
    srv->stop_flag = 0;
    srv->listen_fd = listen_fd;
    return pthread_create(&srv->listener, NULL, listener_main, srv);
}

void server_stop(struct server *srv)
{
    srv->stop_flag = 1; // expect-related: CL013 {{store to 'srv->stop_flag' in 'server_stop'}}
    pthread_join(srv->listener, NULL);
}
