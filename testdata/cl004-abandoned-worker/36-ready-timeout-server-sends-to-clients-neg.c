/* CL004 negative: a start-up handshake. The caller starts a heap-owned
 * server thread and waits up to a deadline for its "ready" post. On
 * timeout it sets the server's stop flag and returns; the server notices
 * the flag and exits on its own (joining is thread-leak's concern, not this
 * rule's). The server's blocking send()s go to its clients, not back to
 * the caller, which waited on a semaphore rather than reading a channel:
 * nothing blocks on the caller having gone.
 */
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <time.h>

struct server {
    sem_t ready;
    atomic_int stop;
    int listen_fd;
};

static void *server_main(void *arg)
{
    struct server *srv = arg;
    sem_post(&srv->ready);
    while (!atomic_load(&srv->stop)) {
        int c = accept(srv->listen_fd, NULL, NULL);
        if (c < 0)
            continue;
        static const char hello[] = "220 ready\r\n";
        (void)!send(c, hello, sizeof hello - 1, 0);
    }
    return NULL;
}

int server_start(struct server *srv, int timeout_s)
{
    struct timespec deadline;
    pthread_t tid;
    sem_init(&srv->ready, 0, 0);
    atomic_init(&srv->stop, 0);
    if (pthread_create(&tid, NULL, server_main, srv) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    if (sem_timedwait(&srv->ready, &deadline) != 0) {
        atomic_store(&srv->stop, 1);
        return -1;
    }
    pthread_detach(tid);
    return 0;
}
