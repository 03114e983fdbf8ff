/* Pattern: main starts a worker pool with handles in a global array and
 * a reaper thread that joins them, but its loop skips the last slot
 * (reserved in an older layout); main joins the reaper and then resets
 * the counter.
 * Verdict: racy. The last worker is never joined: it may still update the
 * counter when main resets it.
 */
// class: transitive-join
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
    for (int i = 0; i < NW - 1; i++)
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
    hits = 0; // expect: CL002
    printf("reset\n");
    return 0;
}
