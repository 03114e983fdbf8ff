/* CL013 negative, a library without main(): the same start/stop API as
 * 09-library-start-stop-no-main.c, but both the listener's check and
 * server_stop's store hold the server's mutex.
 */
// expect-none
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

struct server {
    pthread_mutex_t lock;
    volatile int stop_flag;
    int listen_fd;
    pthread_t listener;
};

static int should_stop(struct server *srv)
{
    pthread_mutex_lock(&srv->lock);
    int s = srv->stop_flag;
    pthread_mutex_unlock(&srv->lock);
    return s;
}

static void *listener_main(void *arg)
{
    struct server *srv = arg;
    while (!should_stop(srv)) {
        int fd = accept(srv->listen_fd, NULL, NULL);
        if (fd >= 0)
            close(fd);
    }
    return NULL;
}

int server_start(struct server *srv, int listen_fd)
{
    pthread_mutex_init(&srv->lock, NULL);
    srv->stop_flag = 0;
    srv->listen_fd = listen_fd;
    return pthread_create(&srv->listener, NULL, listener_main, srv);
}

void server_stop(struct server *srv)
{
    pthread_mutex_lock(&srv->lock);
    srv->stop_flag = 1;
    pthread_mutex_unlock(&srv->lock);
    shutdown(srv->listen_fd, SHUT_RDWR);
    pthread_join(srv->listener, NULL);
}
