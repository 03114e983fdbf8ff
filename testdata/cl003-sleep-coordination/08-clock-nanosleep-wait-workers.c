/* CL003 positive: a batch driver counts finished workers in `finished`
 * (under a lock) and waits for all of them by polling the count with
 * clock_nanosleep() instead of joining them or waiting on a condition
 * variable.
 */
#include <pthread.h>
#include <time.h>

#define NWORKERS 4

static pthread_mutex_t done_lock = PTHREAD_MUTEX_INITIALIZER;
static int finished;                     /* guarded by done_lock */

void process_shard(int shard);           /* shard.c */

static void *shard_main(void *arg)
{
    const int *shard = arg;
    process_shard(*shard);
    pthread_mutex_lock(&done_lock);
    finished++;
    pthread_mutex_unlock(&done_lock);
    return NULL;
}

static int count_finished(void)
{
    pthread_mutex_lock(&done_lock);
    int n = finished;
    pthread_mutex_unlock(&done_lock);
    return n;
}

int run_batch(void)
{
    static const int shards[NWORKERS] = { 0, 1, 2, 3 };
    const struct timespec tick = { 0, 50 * 1000 * 1000 };
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        if (pthread_create(&tids[i], NULL, shard_main, (void *)&shards[i]) == 0)
            pthread_detach(tids[i]);
    while (count_finished() < NWORKERS)
        clock_nanosleep(CLOCK_MONOTONIC, 0, &tick, NULL); // expect: CL003
    return 0;
}
