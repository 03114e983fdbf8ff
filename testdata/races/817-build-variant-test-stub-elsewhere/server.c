/* The server, built twice (release, and a debug build with -DSRV_DEBUG
 * that logs): a worker thread and main count requests under the
 * statistics lock of stats.c. The unit-test program, built with the
 * debug macros too, defines its own no-op stats_lock() for its tests;
 * the server's debug build still links the real one, which its file's
 * configuration does not decide.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#include "stats.h"

static void *worker(void *arg)
{
    (void)arg;
    stats_lock();
    stat_requests++;
    stats_unlock();
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    stats_lock();
    stat_requests++;
#ifdef SRV_DEBUG
    fprintf(stderr, "requests %ld\n", stat_requests);
#endif
    stats_unlock();
    pthread_join(t, NULL);
    return 0;
}
