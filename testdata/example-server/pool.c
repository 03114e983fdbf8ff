/* pool.c - the access log, written by a fixed pool of LOG_WORKERS threads.
 *
 * Connection threads hand lines over through a bounded ring (mutex plus two
 * condition variables); the pool is created once at startup by a
 * constant-bounded loop, so the number of log threads never grows with the
 * load. The log file is opened before the first worker starts.
 */
// expect-none
#include <stdio.h>
#include <string.h>

#include "server.h"

#define LOG_WORKERS 2
#define LOG_RING 1024
#define LOG_LINE 160

static FILE *log_file;                   /* set before the workers start */

static pthread_mutex_t ring_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ring_nonempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t ring_nonfull = PTHREAD_COND_INITIALIZER;
static char ring[LOG_RING][LOG_LINE];    /* guarded by ring_lock */
static unsigned ring_head, ring_len;     /* guarded by ring_lock */

static void *log_worker_main(void *arg)
{
    char line[LOG_LINE];
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&ring_lock);
        while (ring_len == 0)
            pthread_cond_wait(&ring_nonempty, &ring_lock);
        memcpy(line, ring[ring_head], sizeof line);
        ring_head = (ring_head + 1) % LOG_RING;
        ring_len--;
        pthread_cond_signal(&ring_nonfull);
        pthread_mutex_unlock(&ring_lock);
        fputs(line, log_file);           /* stdio locks the FILE itself */
    }
    return NULL;
}

int log_pool_start(const char *path)
{
    log_file = fopen(path, "a");
    if (log_file == NULL)
        return -1;
    for (int i = 0; i < LOG_WORKERS; i++) {
        pthread_t tid;
        if (pthread_create(&tid, NULL, log_worker_main, NULL) != 0)
            return -1;
        pthread_detach(tid);
    }
    return 0;
}

void log_pool_submit(const char *line)
{
    pthread_mutex_lock(&ring_lock);
    while (ring_len == LOG_RING)
        pthread_cond_wait(&ring_nonfull, &ring_lock);
    snprintf(ring[(ring_head + ring_len) % LOG_RING], LOG_LINE, "%s", line);
    ring_len++;
    pthread_cond_signal(&ring_nonempty);
    pthread_mutex_unlock(&ring_lock);
}
