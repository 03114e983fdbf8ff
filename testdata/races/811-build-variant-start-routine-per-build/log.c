/* A logger with a flusher thread in both builds. The plain build (listed
 * first) assumes one writer thread and flushes with no lock; the build
 * with -DLOG_SHARED (the server's) has writers on several threads and
 * locks the buffer in the flusher and in log_line. The server's spawn
 * starts its own build's flusher.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static char buf[4096];
static size_t used;
#ifdef LOG_SHARED
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
#endif

static void *flusher(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
#ifdef LOG_SHARED
        pthread_mutex_lock(&lock);
#endif
        fwrite(buf, 1, used, stderr);
        used = 0;
#ifdef LOG_SHARED
        pthread_mutex_unlock(&lock);
#endif
    }
    return NULL;
}

int log_start(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, flusher, NULL) != 0)
        return -1;
    return pthread_detach(t);
}

void log_line(const char *s)
{
    size_t n = strlen(s);
#ifdef LOG_SHARED
    pthread_mutex_lock(&lock);
#endif
    if (n <= sizeof buf - used) {
        memcpy(buf + used, s, n);
        used += n;
    }
#ifdef LOG_SHARED
    pthread_mutex_unlock(&lock);
#endif
}
