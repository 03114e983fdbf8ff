/* CL001 positive: the accept loop counts connections under a lock, but only
 * for statistics: nothing compares the counter with a limit or refuses a
 * client, so the counter bounds nothing. The admission heuristic must not
 * take a locked increment alone for a bound.
 */
#include <pthread.h>
#include <stdint.h>
#include <sys/socket.h>
#include <unistd.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long accepted_total;     /* guarded by stats_lock */

static void *conn_main(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[512];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0)
        send(fd, buf, (size_t)n, 0);
    close(fd);
    return NULL;
}

void serve_counted(int listen_fd)
{
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_mutex_lock(&stats_lock);
        accepted_total++;
        pthread_mutex_unlock(&stats_lock);
        pthread_t tid;
        if (pthread_create(&tid, NULL, conn_main, (void *)(intptr_t)fd) == 0) // expect: CL001
            pthread_detach(tid);
        else
            close(fd);
    }
}
