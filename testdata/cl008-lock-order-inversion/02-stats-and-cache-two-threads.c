/* CL008 positive: a cache thread takes cache_lock then stats_lock to bump
 * a counter; the stats dumper takes stats_lock then cache_lock to read the
 * cache size. Each thread's first lock blocks the other's second. */
#include <pthread.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long cache_items, hits, snapshot;

static void *cache_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&cache_lock);
        cache_items++;
        pthread_mutex_lock(&stats_lock); // expect: CL008 {{'stats_lock' is taken while 'cache_lock' is held}}
        hits++;
        pthread_mutex_unlock(&stats_lock);
        pthread_mutex_unlock(&cache_lock);
    }
    return NULL;
}

static void *stats_dumper(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&stats_lock);
    pthread_mutex_lock(&cache_lock); // expect: CL008 {{take 'cache_lock' before 'stats_lock' everywhere, as in line 16}}
    // expect-related@-2: CL008 {{'stats_lock' taken here}}
    snapshot = cache_items + hits;
    pthread_mutex_unlock(&cache_lock);
    pthread_mutex_unlock(&stats_lock);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, cache_worker, NULL);
    pthread_create(&b, NULL, stats_dumper, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)snapshot;
}
