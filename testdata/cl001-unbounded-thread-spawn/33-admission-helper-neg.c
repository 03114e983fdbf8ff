/* CL001 negative: the slot check lives in a helper: try_admit() compares
 * `active` with MAX_ACTIVE and bumps it under active_lock, returning 0 when
 * full; the accept loop refuses the client when it returns 0. The worker
 * gives the slot back under the same lock.
 */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_ACTIVE 64

static pthread_mutex_t active_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned active;                  /* guarded by active_lock */

static int try_admit(void)
{
    pthread_mutex_lock(&active_lock);
    if (active >= MAX_ACTIVE) {
        pthread_mutex_unlock(&active_lock);
        return 0;
    }
    active++;
    pthread_mutex_unlock(&active_lock);
    return 1;
}

static void *conn_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    pthread_mutex_lock(&active_lock);
    active--;
    pthread_mutex_unlock(&active_lock);
    return NULL;
}

void serve_admitted(int listen_fd)
{
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        if (!try_admit()) {
            close(fd);
            continue;
        }
        pthread_t tid;
        if (pthread_create(&tid, NULL, conn_main, (void *)(intptr_t)fd) == 0)
            pthread_detach(tid);
        else
            close(fd);
    }
}
