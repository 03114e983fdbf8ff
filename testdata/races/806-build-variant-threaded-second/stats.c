/* A statistics module built twice: into the static library without
 * threads (listed first in the compile database), and into the server
 * with -DSTATS_THREADED, where a flusher thread resets the counter that
 * stats_hit() bumps with no lock. The race exists only in the threaded
 * build, which the server links.
 */
#include <pthread.h>
#include <unistd.h>

#include "stats.h"

static long hits;
static long total;

#ifdef STATS_THREADED
static pthread_t flusher;

static void *flush_main(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
        total += hits; // expect: CL002
        hits = 0; // expect: CL002
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
    hits++;
}

long stats_total(void)
{
    return total + hits;
}
