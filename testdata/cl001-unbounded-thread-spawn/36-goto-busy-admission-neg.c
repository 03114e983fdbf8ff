/* CL001 negative: an accept loop with an admission cap written with goto:
 * over the cap the iteration jumps to a `busy:` label that answers and
 * closes the connection, otherwise the counter is bumped and the thread
 * started. The test of `nconn` filters the path to the spawn (only the
 * alternative under the cap reaches it) and `nconn` is written on it: a
 * bound. The thread gives the slot back when it ends.
 */
// expect-none
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_CONN 100

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned nconn;                    /* guarded by conn_lock */

static void *conn_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[256];
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    pthread_mutex_lock(&conn_lock);
    nconn--;
    pthread_mutex_unlock(&conn_lock);
    return NULL;
}

void accept_capped(int listen_fd)
{
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        pthread_t tid;
        if (fd < 0)
            continue;
        pthread_mutex_lock(&conn_lock);
        if (nconn >= MAX_CONN)
            goto busy;
        nconn++;
        pthread_mutex_unlock(&conn_lock);
        if (pthread_create(&tid, NULL, conn_main, (void *)(intptr_t)fd) == 0)
            pthread_detach(tid);
        else
            close(fd);
        continue;
    busy:
        pthread_mutex_unlock(&conn_lock);
        send(fd, "busy\r\n", 6, 0);
        close(fd);
    }
}
