/* CL001 negative: the epoll loop calls handle_ready() for every readable
 * socket, and the handler spawns a detached thread, but it first takes a
 * slot of the counting semaphore `workers_free` (initialised to
 * MAX_WORKERS); the thread gives it back when it ends.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_WORKERS 32

static sem_t workers_free;

static void *request_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[1024];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    sem_post(&workers_free);
    return NULL;
}

static void handle_ready(int fd)
{
    pthread_t tid;
    pthread_attr_t attr;
    sem_wait(&workers_free);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&tid, &attr, request_main, (void *)(intptr_t)fd) != 0) {
        close(fd);
        sem_post(&workers_free);
    }
    pthread_attr_destroy(&attr);
}

int run(int ep)
{
    struct epoll_event evs[16];
    sem_init(&workers_free, 0, MAX_WORKERS);
    for (;;) {
        int n = epoll_wait(ep, evs, 16, -1);
        if (n < 0)
            return -1;
        for (int i = 0; i < n; i++) {
            epoll_ctl(ep, EPOLL_CTL_DEL, evs[i].data.fd, NULL);
            handle_ready(evs[i].data.fd);
        }
    }
}
