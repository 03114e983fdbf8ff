/* Pattern: cache evictors started with `cache.phase == PHASE_EVICT`; the
 * shared release helper updates the statistics inline when `cache.quiet
 * == 0 && n > 0` -- a chain that tests another member of the struct, not
 * the phase the evictors run in.
 * Verdict: racy. Nothing rules the branch out in an evictor: evictors and
 * main update `cache.released` without a lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: mode-conjuncts

enum { PHASE_SERVE, PHASE_EVICT };

static struct {
    int phase;
    int quiet;
    long released;
} cache;

static void release_entries(int n)
{
    if (cache.quiet == 0 && n > 0)
        cache.released += n; // expect: CL002
}

static void *evictor_main(void *arg)
{
    (void)arg;
    if (cache.phase == PHASE_EVICT)
        release_entries(8);
    return NULL;
}

int main(void)
{
    pthread_t t1, t2;
    cache.phase = PHASE_EVICT;
    pthread_create(&t1, NULL, evictor_main, NULL);
    pthread_create(&t2, NULL, evictor_main, NULL);
    release_entries(1);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("%ld\n", cache.released);
    return 0;
}
