/* CL003 negative: a periodic work loop. The stats thread wakes every 10 s
 * and prints the counters (under the lock) that workers update. It sleeps
 * to pace its own work, not to wait for another thread: nothing it does
 * depends on the sleep being long enough.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NWORKERS 4

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long hits, misses;       /* guarded by stats_lock */

int cache_lookup(unsigned key);          /* cache.c */

static void *stats_main(void *arg)
{
    FILE *out = arg;
    for (;;) {
        sleep(10);
        pthread_mutex_lock(&stats_lock);
        unsigned long h = hits, m = misses;
        pthread_mutex_unlock(&stats_lock);
        fprintf(out, "hits=%lu misses=%lu ratio=%.2f\n", h, m,
                h + m ? (double)h / (double)(h + m) : 0.0);
        fflush(out);
    }
    return NULL;
}

static void *worker_main(void *arg)
{
    unsigned seed = *(const unsigned *)arg;
    for (unsigned i = 0; i < 1000000; i++) {
        int hit = cache_lookup(seed * 2654435761u + i) == 0;
        pthread_mutex_lock(&stats_lock);
        if (hit)
            hits++;
        else
            misses++;
        pthread_mutex_unlock(&stats_lock);
    }
    return NULL;
}

int main(void)
{
    static const unsigned seeds[NWORKERS] = { 1, 2, 3, 4 };
    pthread_t stats, workers[NWORKERS];
    pthread_create(&stats, NULL, stats_main, stderr);
    pthread_detach(stats);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, (void *)&seeds[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    return 0;
}
