/* Pattern: main starts a worker pool with handles in a global array and
 * a reaper thread that joins them all; main joins the reaper and then
 * sums the per-worker counters.
 * Verdict: race-free. Every worker is joined by the reaper, which main
 * joins before it reads.
 */
// class: transitive-join
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NW 4
static pthread_t pool[NW];
static long hits;

static void *worker(void *arg)
{
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&mu);
    hits++;
    pthread_mutex_unlock(&mu);
    return arg;
}

static void *reaper(void *arg)
{
    for (int i = 0; i < NW; i++)
        pthread_join(pool[i], NULL);
    return arg;
}

int main(void)
{
    pthread_t r;
    for (int i = 0; i < NW; i++)
        pthread_create(&pool[i], NULL, worker, NULL);
    pthread_create(&r, NULL, reaper, NULL);
    pthread_join(r, NULL);
    hits = 0;
    printf("reset\n");
    return 0;
}
