/* The race of 806 in a module built in two threaded configurations that
 * both reach it (the server's, and its debug build's with
 * -DSTATS_VERBOSE, each with its own main): each race is one finding, not
 * one per build (the debug build's extra read of `hits` folds into the
 * finding at stats_hit). A third entry differs only in -DPIC, which the file does
 * not name: it is the same build and is skipped.
 */
#include <pthread.h>
#include <unistd.h>

#include "stats.h"

static long hits;
static long total;

#include <stdio.h>

#ifdef STATS_THREADED
static pthread_t flusher;

static void *flush_main(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
#ifdef STATS_VERBOSE
        fprintf(stderr, "flush %ld\n", hits);
#endif
        total += hits;
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
    hits++; // expect: CL002
}

long stats_total(void)
{
    return total + hits;
}
