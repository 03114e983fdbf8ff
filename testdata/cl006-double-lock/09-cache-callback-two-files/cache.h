// expect-none
/* The cache's API: cache_get() takes the cache lock; cache_foreach() runs
 * a callback on each entry while holding it. */
#include <pthread.h>

struct cache { pthread_mutex_t lock; int keys[8]; int n; };
typedef void (*cache_fn)(struct cache *c, int key);

int cache_get(struct cache *c, int key);
void cache_foreach(struct cache *c, cache_fn fn);
