/* CL002 positive: pthread_mutex_trylock(). On success the logger appends
 * under log_lock (correct); when the lock is busy it counts a dropped line
 * in `lines_dropped` without any lock. The loggers start in a loop, so that
 * increment races with itself. main reads it only after the joins.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define NLOGGERS 4

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char log_buf[1 << 16];            /* guarded by log_lock */
static size_t log_len;                   /* guarded by log_lock */
static unsigned long lines_dropped;

static void log_try(const char *line)
{
    size_t n = strlen(line);
    if (pthread_mutex_trylock(&log_lock) == 0) {
        if (log_len + n < sizeof log_buf) {
            memcpy(log_buf + log_len, line, n);
            log_len += n;
        }
        pthread_mutex_unlock(&log_lock);
    } else {
        lines_dropped++; // expect: CL002
    }
}

static void *logger_main(void *arg)
{
    char line[64];
    for (int i = 0; i < 10000; i++) {
        snprintf(line, sizeof line, "%s %d\n", (const char *)arg, i);
        log_try(line);
    }
    return NULL;
}

int main(void)
{
    static const char *const tags[NLOGGERS] = { "net", "disk", "cpu", "mem" };
    pthread_t tids[NLOGGERS];
    for (int i = 0; i < NLOGGERS; i++)
        pthread_create(&tids[i], NULL, logger_main, (void *)tags[i]);
    for (int i = 0; i < NLOGGERS; i++)
        pthread_join(tids[i], NULL);
    printf("%zu bytes logged, %lu lines dropped\n", log_len, lines_dropped);
    return 0;
}
