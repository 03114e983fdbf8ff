/* CL002 negative: the same statistics as a STAT_ADD() macro, but the macro
 * takes stats_lock inside its do { ... } while (0) body (memcached's
 * STATS_LOCK()/STATS_UNLOCK() pairs written as one macro), and the main
 * thread reports through a getter that takes the same lock. The lock taken and released inside
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
    const int *fd = arg;
    char line[128];
    for (;;) {
        ssize_t got = read(*fd, line, sizeof line);
        if (got <= 0)
            break;
        STAT_ADD(bytes_read, (unsigned long long)got);
    }
    return NULL;
}

/* The reporting side: a getter that takes the same lock. */
static unsigned long long stats_bytes_read(void)
{
    unsigned long long v;
    pthread_mutex_lock(&stats_lock);
    v = bytes_read;
    pthread_mutex_unlock(&stats_lock);
    return v;
}

int main(int argc, char **argv)
{
    pthread_t w[8];
    int fds[8];
    (void)argv;
    for (int i = 0; i < 8; i++) {
        fds[i] = argc + i;
        if (pthread_create(&w[i], NULL, conn_worker, &fds[i]) != 0)
            return 1;
    }
    for (int tick = 0; tick < 30; tick++) {
        sleep(2);
        fprintf(stderr, "read so far: %llu\n", stats_bytes_read());
    }
    for (int i = 0; i < 8; i++)
        pthread_join(w[i], NULL);
    return 0;
}
