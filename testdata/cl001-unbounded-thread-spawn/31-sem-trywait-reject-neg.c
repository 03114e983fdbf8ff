/* CL001 negative: the accept loop takes a slot with sem_trywait() and
 * answers "busy" when none is free, instead of blocking; the thread gives
 * the slot back with sem_post(). The live threads are bounded by the
 * semaphore's initial value.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static sem_t slots;

static void *client_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    sem_post(&slots);
    return NULL;
}

void serve_try(int listen_fd)
{
    sem_init(&slots, 0, 16);
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        if (sem_trywait(&slots) != 0) {
            send(fd, "busy\r\n", 6, 0);
            close(fd);
            continue;
        }
        pthread_t tid;
        if (pthread_create(&tid, NULL, client_main, (void *)(intptr_t)fd) == 0) {
            pthread_detach(tid);
        } else {
            close(fd);
            sem_post(&slots);
        }
    }
}
