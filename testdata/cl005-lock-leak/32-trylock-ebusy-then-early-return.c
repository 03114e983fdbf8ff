/* CL005 positive (a cache refresh): EBUSY is handled, so past that test
 * the lock is held; the shutdown check returns without unlocking.
 */
// class: trylock-result
#include <errno.h>
#include <pthread.h>

struct cache {
    pthread_mutex_t lock;
    int closing;
    int gen;
};

static struct cache cache = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static int cache_refresh(struct cache *c)
{
    int rc = pthread_mutex_trylock(&c->lock); // expect-related: CL005 {{locked here}}
    if (rc == EBUSY)
        return 0;
    if (c->closing)
        return -1; // expect: CL005 {{'cache_refresh' returns with 'c->lock' still locked}}
    c->gen++;
    pthread_mutex_unlock(&c->lock);
    return 1;
}

static void *refresher(void *arg)
{
    cache_refresh(arg);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, refresher, &cache);
    cache_refresh(&cache);
    pthread_join(t, NULL);
    return 0;
}
