/* CL006 positive, file 2 of 2: the stats thread walks the cache with a
 * callback that looks the neighbour key up through the public API, which
 * locks the cache lock cache_foreach() holds. Reported in cache.c, at the
 * callback call made while holding the lock.
 */
// expect-none
#include "cache.h"

static struct cache shared_cache = { .lock = PTHREAD_MUTEX_INITIALIZER };
static int neighbours;

static void count_neighbour(struct cache *c, int key)
{
    neighbours += cache_get(c, key + 1);
}

static void *stats_main(void *arg)
{
    cache_foreach(&shared_cache, count_neighbour);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, stats_main, NULL);
    pthread_join(t, NULL);
    return neighbours;
}
