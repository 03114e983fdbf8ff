/* CL001 negative: the slot of a counting semaphore is taken through a
 * `do { ... } while (0)` macro that retries sem_wait on EINTR (a loop whose
 * condition takes the slot), before the handler called from the recv loop
 * starts its thread. The semaphore is taken on every path to the spawn.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#define TAKE_SLOT(sem)                                                        \
    do {                                                                      \
        while (sem_wait(sem) != 0 && errno == EINTR)                          \
            ;                                                                 \
    } while (0)

static sem_t slots;

static void *render_main(void *arg)
{
    char *req = arg;
    free(req);
    sem_post(&slots);
    return NULL;
}

static void handle_request(const char *line)
{
    pthread_t tid;
    char *req = strdup(line);
    if (req == NULL)
        return;
    TAKE_SLOT(&slots);
    if (pthread_create(&tid, NULL, render_main, req) == 0) {
        pthread_detach(tid);
    } else {
        free(req);
        sem_post(&slots);
    }
}

void render_server(int fd)
{
    char buf[512];
    ssize_t n;
    sem_init(&slots, 0, 8);
    while ((n = recv(fd, buf, sizeof buf - 1, 0)) > 0) {
        buf[n] = '\0';
        handle_request(buf);
    }
}
