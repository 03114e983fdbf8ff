/* CL006 positive, file 1 of 2: the cache. cache_foreach() holds the lock
 * while it runs the callback; cache_get() takes the lock. A callback that
 * calls cache_get() deadlocks (stats.c).
 */
#include "cache.h"

int cache_get(struct cache *c, int key)
{
    int hit = 0;
    pthread_mutex_lock(&c->lock);
    for (int i = 0; i < c->n; i++)
        hit |= c->keys[i] == key;
    pthread_mutex_unlock(&c->lock);
    return hit;
}

void cache_foreach(struct cache *c, cache_fn fn)
{
    pthread_mutex_lock(&c->lock);
    for (int i = 0; i < c->n; i++)
        fn(c, c->keys[i]); // expect: CL006 {{call to 'fn' locks 'c->lock' again (in 'cache_get'}}
    pthread_mutex_unlock(&c->lock);
}
