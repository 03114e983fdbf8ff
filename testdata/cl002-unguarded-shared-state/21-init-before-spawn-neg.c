/* CL002 negative (ordering by pthread_create): `boot_stats` is filled in
 * before the logger thread exists, and worker_ids[] is filled in (by
 * pthread_create itself) before the supervisor thread is started; after
 * that both are only read.
 * From shared case 20 (false-positive trap), sources: memcached/memcached
 * commit fa0c57c2 and civetweb/civetweb PR #860.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <time.h>

#define NWORKERS 3

static struct { time_t started; int nworkers; } boot_stats;
static pthread_t worker_ids[NWORKERS];

static void *worker_main(void *arg) { (void)arg; return NULL; }

static void *logger_main(void *arg)
{
    (void)arg;
    fprintf(stderr, "up since %ld with %d workers\n",
            (long)boot_stats.started, boot_stats.nworkers);
    return NULL;
}

static void *supervisor_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(worker_ids[i], NULL);
    return NULL;
}

int main(void)
{
    boot_stats.started = time(NULL);
    boot_stats.nworkers = NWORKERS;
    pthread_t logger, supervisor;
    pthread_create(&logger, NULL, logger_main, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&worker_ids[i], NULL, worker_main, NULL);
    pthread_create(&supervisor, NULL, supervisor_main, NULL);
    pthread_join(supervisor, NULL);
    pthread_join(logger, NULL);
    return 0;
}
