/* CL002 positive: statistics bumped through a STAT_ADD() macro written as
 * do { ... } while (0) (the way memcached and redis wrap their stats
 * updates) by the connection workers, and read by the stats reporter
 * thread under stats_lock. The macro takes no lock: the workers' update
 * races with the reporter's read. The do-while(0) must run once and keep
 * the access (and its missing lock) visible.
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long bytes_read;

#define STAT_ADD(counter, n)   \
    do {                       \
        if ((n) > 0)           \
            (counter) += (n);  \
    } while (0)

static void *conn_worker(void *arg)
{
    int fd = *(int *)arg;
    char buf[256];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        STAT_ADD(bytes_read, (unsigned long long)n); // expect: CL002 {{write to 'bytes_read' in 'conn_worker' races with read in 'stats_reporter'}}
    return NULL;
}

static void *stats_reporter(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&stats_lock);
        printf("bytes_read %llu\n", bytes_read); // expect-related: CL002 {{conflicting read of 'bytes_read' in 'stats_reporter'}}
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
