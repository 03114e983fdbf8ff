/* CL002 negative: the same statistics as a STAT_ADD() macro, but the macro
 * takes stats_lock inside its do { ... } while (0) body (memcached's
 * STATS_LOCK()/STATS_UNLOCK() pairs written as one macro), and the
 * reporter reads under the same lock. The lock taken and released inside
 * the macro must be held at the access.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long bytes_read;

#define STAT_ADD(counter, n)                   \
    do {                                       \
        pthread_mutex_lock(&stats_lock);       \
        (counter) += (n);                      \
        pthread_mutex_unlock(&stats_lock);     \
    } while (0)

static void *conn_worker(void *arg)
{
    int fd = *(int *)arg;
    char buf[256];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        STAT_ADD(bytes_read, (unsigned long long)n);
    return NULL;
}

static void *stats_reporter(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stats_lock);
        printf("bytes_read %llu\n", bytes_read);
        pthread_mutex_unlock(&stats_lock);
        sleep(10);
    }
    return NULL;
}

int main(void)
{
    static int fds[4] = { 3, 4, 5, 6 };
    pthread_t rep, w[4];
    pthread_create(&rep, NULL, stats_reporter, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&w[i], NULL, conn_worker, &fds[i]);
    for (int i = 0; i < 4; i++)
        pthread_join(w[i], NULL);
    return 0;
}
