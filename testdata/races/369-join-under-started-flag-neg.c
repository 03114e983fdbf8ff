/* Pattern: a daemon with an optional statistics thread. The thread is
 * started only when enabled, a failure to start it is logged and
 * tolerated, and a local flag records that it runs; at shutdown main
 * joins it under that flag and then prints and resets the counters the
 * thread kept. Found by a fresh-eyes trial (issue 11): the flag's test
 * was not tied to the spawn, so the path that skips the join kept the
 * thread live at the final print.
 * Verdict: race-free. Where `stats_started` is 0 no statistics thread
 * exists (never started, or its start failed); where it is 1 the thread
 * is joined before main touches the counters.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// class: join-flag-guard
// expect-none

static struct {
    unsigned long samples;
    unsigned long max_depth;
} stats;

static void *stats_main(void *arg)
{
    int rounds = *(const int *)arg;
    for (int i = 0; i < rounds; i++) {
        stats.samples++;
        if ((unsigned long)i > stats.max_depth)
            stats.max_depth = (unsigned long)i;
        usleep(1000);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    pthread_t stats_tid;
    int stats_started = 0;
    int rounds = 100;

    if (argc > 1 && strcmp(argv[1], "--stats") == 0) {
        if (pthread_create(&stats_tid, NULL, stats_main, &rounds) == 0)
            stats_started = 1;
        else
            fprintf(stderr, "stats thread not started\n");
    }
    /* ... serve ... */
    if (stats_started)
        pthread_join(stats_tid, NULL);
    printf("%lu samples, max depth %lu\n", stats.samples, stats.max_depth);
    stats.samples = 0;
    return 0;
}
