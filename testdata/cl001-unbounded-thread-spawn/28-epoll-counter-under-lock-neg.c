/* CL001 negative: an epoll loop spawns a thread per accepted connection,
 * but only after checking and bumping `active` under active_lock against
 * MAX_ACTIVE; the thread decrements it under the same lock when done. Over
 * the cap the connection is answered "busy" inline.
 */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_ACTIVE 256

static pthread_mutex_t active_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned active;                  /* guarded by active_lock */

static void *conn_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[2048];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    pthread_mutex_lock(&active_lock);
    active--;
    pthread_mutex_unlock(&active_lock);
    return NULL;
}

int serve_epoll(int ep, int listen_fd)
{
    struct epoll_event evs[32];
    for (;;) {
        int n = epoll_wait(ep, evs, 32, -1);
        for (int i = 0; i < n; i++) {
            int fd = accept(listen_fd, NULL, NULL);
            if (fd < 0)
                continue;
            pthread_mutex_lock(&active_lock);
            int admit = active < MAX_ACTIVE;
            if (admit)
                active++;
            pthread_mutex_unlock(&active_lock);
            if (!admit) {
                send(fd, "busy\r\n", 6, 0);
                close(fd);
                continue;
            }
            pthread_t tid;
            if (pthread_create(&tid, NULL, conn_main, (void *)(intptr_t)fd) == 0) {
                pthread_detach(tid);
            } else {
                close(fd);
                pthread_mutex_lock(&active_lock);
                active--;
                pthread_mutex_unlock(&active_lock);
            }
        }
    }
}
