/* CL002 positive: read-write race. Connection workers keep `active_conns`
 * under conn_lock; the status thread prints it with no lock at all. One
 * unlocked access (a read, in the status thread).
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#define NWORKERS 6

static pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
static int active_conns;                 /* guarded by conn_lock */

static void *worker_main(void *arg)
{
    int listen_fd = *(const int *)arg;
    char buf[1024];
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0)
            break;
        pthread_mutex_lock(&conn_lock);
        active_conns++;
        pthread_mutex_unlock(&conn_lock);
        while (recv(fd, buf, sizeof buf, 0) > 0)
            ;
        close(fd);
        pthread_mutex_lock(&conn_lock);
        active_conns--;
        pthread_mutex_unlock(&conn_lock);
    }
    return NULL;
}

static void *status_main(void *arg)
{
    FILE *out = arg;
    for (int i = 0; i < 1000; i++) {
        char line[64];
        snprintf(line, sizeof line, "active=%d\n", active_conns); // expect: CL002
        fputs(line, out);
    }
    return NULL;
}

int main(void)
{
    int listen_fd = 3;
    pthread_t workers[NWORKERS], status;
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, &listen_fd);
    pthread_create(&status, NULL, status_main, stderr);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(status, NULL);
    return 0;
}
