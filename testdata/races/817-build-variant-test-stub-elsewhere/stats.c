/* The statistics lock of a server, built once (its file names no macro
 * of the debug build). */
// expect-none
#include <pthread.h>

#include "stats.h"

static pthread_mutex_t stats_mutex = PTHREAD_MUTEX_INITIALIZER;
long stat_requests;

void stats_lock(void)
{
    pthread_mutex_lock(&stats_mutex);
}

void stats_unlock(void)
{
    pthread_mutex_unlock(&stats_mutex);
}
