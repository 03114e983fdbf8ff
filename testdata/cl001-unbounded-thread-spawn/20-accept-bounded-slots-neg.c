/* CL001 negative: accept loop like case 01, but live handler threads are
 * capped by a counting semaphore (sem_wait before accept/spawn), each
 * handler gets its own heap job, and threads are created detached.
 * From shared case 02 (false-positive trap), source: the fix asked for in
 * grayscale-lang/grayscale issue #2011.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_LIVE_HANDLERS 64

static sem_t handler_slots;

struct job { int fd; };

static void *handle_job(void *arg)
{
    struct job *j = arg;
    char buf[256];
    ssize_t n = recv(j->fd, buf, sizeof buf, 0);
    if (n > 0)
        send(j->fd, buf, (size_t)n, 0);
    close(j->fd);
    free(j);
    sem_post(&handler_slots);          /* give the slot back */
    return NULL;
}

int run_bounded_listener(int listen_fd)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    sem_init(&handler_slots, 0, MAX_LIVE_HANDLERS);
    for (;;) {
        sem_wait(&handler_slots);      /* blocks while 64 handlers are live */
        int fd = accept(listen_fd, NULL, NULL);
        struct job *j = fd < 0 ? NULL : malloc(sizeof *j);
        pthread_t tid;
        if (j != NULL) {
            j->fd = fd;
            if (pthread_create(&tid, &attr, handle_job, j) == 0)
                continue;
            free(j);
        }
        if (fd >= 0)
            close(fd);
        sem_post(&handler_slots);
    }
}
