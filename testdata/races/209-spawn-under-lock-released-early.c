/* Pattern: the creator holds the lock when it spawns, but releases it
 * before the join (the critical section ends too early).
 * Verdict: racy. Once the loader drops catalog_lock, the indexer's
 * unlocked write to `catalog_version` races with the browser threads'
 * locked reads.
 */
// class: spawn-under-lock
#include <pthread.h>
#include <stdio.h>

#define NBROWSERS 2
static pthread_mutex_t catalog_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned catalog_version;

static void *indexer(void *arg)
{
    catalog_version += 1; // expect: CL002
    return arg;
}

static void reload_catalog(void)
{
    pthread_t ix;
    pthread_mutex_lock(&catalog_lock);
    int started = pthread_create(&ix, NULL, indexer, NULL) == 0;
    pthread_mutex_unlock(&catalog_lock);
    if (started)
        pthread_join(ix, NULL);
}

static void *browser(void *arg)
{
    unsigned seen = 0;
    for (int i = 0; i < 3; i++) {
        pthread_mutex_lock(&catalog_lock);
        seen = catalog_version;
        pthread_mutex_unlock(&catalog_lock);
    }
    return (void *)(unsigned long)seen;
}

int main(void)
{
    pthread_t b[NBROWSERS];
    for (int i = 0; i < NBROWSERS; i++)
        pthread_create(&b[i], NULL, browser, NULL);
    reload_catalog();
    for (int i = 0; i < NBROWSERS; i++)
        pthread_join(b[i], NULL);
    return 0;
}
