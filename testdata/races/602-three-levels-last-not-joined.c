/* Pattern: three levels of threads: main starts a stage, the stage
 * starts a loader and joins it, the loader starts a prefetcher and does
 * not join it. main joins the stage and reads the cache.
 * Verdict: racy. The prefetcher outlives the loader and so the stage:
 * its write of the cache races with main's read. What the loader did
 * itself is ordered by the joins.
 */
// class: transitive-join
#include <pthread.h>
#include <stdio.h>

static int cache[16];
static int loaded;

static void *prefetch(void *arg)
{
    for (int i = 0; i < 16; i++)
        cache[i] = i; // expect: CL002
    return arg;
}

static void *loader(void *arg)
{
    pthread_t p;
    loaded = 1;
    pthread_create(&p, NULL, prefetch, NULL); // expect: CL011
    return arg;
}

static void *stage(void *arg)
{
    pthread_t l;
    pthread_create(&l, NULL, loader, NULL);
    pthread_join(l, NULL);
    return arg;
}

int main(void)
{
    pthread_t s;
    int sum = 0;
    pthread_create(&s, NULL, stage, NULL);
    pthread_join(s, NULL);
    for (int i = 0; i < 16; i++)
        sum += cache[i];
    printf("%d %d\n", loaded, sum);
    return 0;
}
