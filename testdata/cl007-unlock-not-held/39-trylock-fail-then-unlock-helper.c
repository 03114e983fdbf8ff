/* CL007 positive (a cache with a release helper): a failed trylock is
 * logged and the code goes on to the common release, which unlocks
 * through a helper; the finding lands at the helper call.
 */
// class: trylock-failed-path
#include <pthread.h>
#include <stdio.h>

struct cache {
    pthread_mutex_t mu;
    int entries;
};

static struct cache cc = { PTHREAD_MUTEX_INITIALIZER, 0 };

static void cache_release(struct cache *c)
{
    pthread_mutex_unlock(&c->mu); // expect-related: CL007 {{unlocked here, in 'cache_release'}}
}

static void cache_evict(struct cache *c)
{
    if (pthread_mutex_trylock(&c->mu) != 0)
        fprintf(stderr, "cache busy, evicting anyway\n");
    c->entries = 0; // expect: CL002
    cache_release(c); // expect: CL007 {{call to 'cache_release' unlocks 'c->mu'}}
}

static void *evictor(void *arg)
{
    cache_evict(arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, evictor, &cc);
    pthread_create(&b, NULL, evictor, &cc);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
