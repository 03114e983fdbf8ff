/* Pattern: creation and join guarded by two different flags.
 * Verdict: racy. With `want_stats` set and `stats_done` clear the stats
 * thread is started and never joined; main then reads `samples` while it
 * writes.
 */
// class: correlated-spawn-join
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long samples;

static void *stats_main(void *arg)
{
    for (int i = 0; i < 100; i++)
        samples++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t st;
    int want_stats = getenv("STATS") != NULL;
    int stats_done = getenv("STATS_SYNC") != NULL;
    if (want_stats)
        pthread_create(&st, NULL, stats_main, NULL);
    if (stats_done)
        pthread_join(st, NULL);
    printf("%ld\n", samples);
    return 0;
}
