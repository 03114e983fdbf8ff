/* CL002 positive: server-wide counters guarded by stats_lock. Each pool
 * worker bumps `requests` under the lock but adds to `bytes_out` just after
 * releasing it; the admin thread reads both under the lock. The unlocked
 * `+=` races with itself (workers are started in a loop) and with the admin
 * read; only that line lacks the lock.
 * From shared case 37 (true bug).
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#define NWORKERS 4

int open_listener(unsigned short port);            /* net.c */

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    unsigned long requests;                        /* guarded by stats_lock */
    unsigned long long bytes_out;                  /* meant to be, too */
} stats;

static void *worker_main(void *arg)
{
    int listen_fd = *(const int *)arg;
    char buf[2048];
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        ssize_t sent = n > 0 ? send(fd, buf, (size_t)n, 0) : 0;
        close(fd);
        pthread_mutex_lock(&stats_lock);
        stats.requests++;
        pthread_mutex_unlock(&stats_lock);
        if (sent > 0)
            stats.bytes_out += (unsigned long long)sent; // expect: CL002 {{write to 'stats.bytes_out' in 'worker_main' races with read in 'admin_main'}}
    } // expect-flow@-1: CL002 {{thread 'worker_main'}} {{writes 'stats.bytes_out'}}, CL002 {{thread 'admin_main'}}
    return NULL;
}

static void *admin_main(void *arg)
{
    int admin_fd = *(const int *)arg;
    char line[128];
    for (;;) {
        int fd = accept(admin_fd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_mutex_lock(&stats_lock);
        int len = snprintf(line, sizeof line, "requests %lu\nbytes_out %llu\n",
                           stats.requests, stats.bytes_out); // expect-related: CL002 {{conflicting read of 'stats.bytes_out' in 'admin_main'}}
        pthread_mutex_unlock(&stats_lock);
        send(fd, line, (size_t)len, 0);
        close(fd);
    }
    return NULL;
}

int main(void)
{
    int listen_fd = open_listener(8080);
    int admin_fd = open_listener(8081);
    pthread_t workers[NWORKERS], admin;
    if (listen_fd < 0 || admin_fd < 0)
        return 1;
    pthread_create(&admin, NULL, admin_main, &admin_fd);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, &listen_fd); // expect-related: CL002 {{thread 'worker_main' started here}}
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(admin, NULL);
    return 0;
}
