/* Pattern: a small LRU-ish cache built by cache_create(), which
 * allocates it and initializes its mutex; two lookup threads share it and
 * update the hit and miss counters under that mutex.
 * Verdict: race-free. Every access to the counters holds the cache's own
 * mutex.
 */
// expect-none
// class: heap-ownership
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct cache {
    pthread_mutex_t lock;
    long hits, misses;
    int keys[16];
};

static struct cache *cache_create(void)
{
    struct cache *c = NULL;
    c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c);
        return NULL;
    }
    return c;
}

static void *lookups(void *arg)
{
    struct cache *c = arg;
    for (int k = 0; k < 100; k++) {
        pthread_mutex_lock(&c->lock);
        if (c->keys[k % 16] == k)
            c->hits++;
        else
            c->misses++;
        pthread_mutex_unlock(&c->lock);
    }
    return NULL;
}

int main(void)
{
    struct cache *c = cache_create();
    pthread_t a, b;
    if (c == NULL)
        return 1;
    pthread_create(&a, NULL, lookups, c);
    pthread_create(&b, NULL, lookups, c);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld %ld\n", c->hits, c->misses);
    free(c);
    return 0;
}
