/* Pattern: one pthread_t reused for two phases, joined between them.
 * Verdict: race-free. The loader runs and is joined before the same
 * handle is used for the indexer; main reads both results after the
 * second join. The phases never overlap.
 */
// class: join-coverage
// expect-none
#include <pthread.h>
#include <stdio.h>

static int loaded, indexed;

static void *loader(void *arg)
{
    loaded = 42;
    return arg;
}

static void *indexer(void *arg)
{
    indexed = loaded * 2;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, loader, NULL);
    pthread_join(t, NULL);
    pthread_create(&t, NULL, indexer, NULL);
    pthread_join(t, NULL);
    printf("%d %d\n", loaded, indexed);
    return 0;
}
