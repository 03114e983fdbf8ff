/* The race-free twin of 806: the threaded build (the server's, listed
 * second) takes a mutex around the counter; the build without threads
 * (the static library's, listed first) does not need one. The server's
 * calls link to its own build of stats.c, so its stats_hit() is the
 * locked one.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

#include "stats.h"

static long hits;
static long total;

#ifdef STATS_THREADED
static pthread_t flusher;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *flush_main(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
        pthread_mutex_lock(&lock);
        total += hits;
        hits = 0;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int stats_start(void)
{
    return pthread_create(&flusher, NULL, flush_main, NULL);
}
#else
int stats_start(void)
{
    return 0;
}
#endif

void stats_hit(void)
{
#ifdef STATS_THREADED
    pthread_mutex_lock(&lock);
    hits++;
    pthread_mutex_unlock(&lock);
#else
    hits++;
#endif
}

long stats_total(void)
{
#ifdef STATS_THREADED
    pthread_mutex_lock(&lock);
    long t = total + hits;
    pthread_mutex_unlock(&lock);
    return t;
#else
    return total + hits;
#endif
}
