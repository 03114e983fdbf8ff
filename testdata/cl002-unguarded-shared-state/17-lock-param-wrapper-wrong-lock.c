/* CL002 positive (lock wrapper taking the lock as a parameter): every
 * critical section goes through cache_enter()/cache_leave(), which lock and
 * unlock the mutex they are given (cache_enter() through one more helper).
 * The evictor updates `cache.bytes` holding the shard lock it was handed
 * for the entries, while the stats thread reads it under `cache.meta_lock`:
 * each side holds a lock, not the same one. Only a model that binds the
 * wrappers' lock parameter to each caller's argument tells the two locks
 * apart.
 */
#include <pthread.h>
#include <stdio.h>

struct cache {
    pthread_mutex_t meta_lock;       /* guards bytes */
    pthread_mutex_t shard_lock;      /* guards entries */
    unsigned long bytes;
    unsigned long entries;
};

static struct cache cache = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static void lock_or_die(pthread_mutex_t *m)
{
    if (pthread_mutex_lock(m) != 0)
        perror("pthread_mutex_lock");
}

static void cache_enter(pthread_mutex_t *m)
{
    lock_or_die(m);
}

static void cache_leave(pthread_mutex_t *m)
{
    pthread_mutex_unlock(m);
}

static void *evictor_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        cache_enter(&cache.shard_lock);
        if (cache.entries > 0) {
            cache.entries--;
            cache.bytes -= 64; // expect: CL002 {{races with read in 'stats_main'}} {{held here: 'cache.shard_lock'; there: 'cache.meta_lock'}}
        }
        cache_leave(&cache.shard_lock);
    }
    return NULL;
}

static void *stats_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        cache_enter(&cache.meta_lock);
        unsigned long b = cache.bytes; // expect-related: CL002 {{conflicting read of 'cache.bytes'}}
        cache_leave(&cache.meta_lock);
        printf("%lu bytes\n", b);
    }
    return NULL;
}

int main(void)
{
    pthread_t ev, st;
    cache.entries = 100;
    cache.bytes = 6400;
    pthread_create(&ev, NULL, evictor_main, NULL);
    pthread_create(&st, NULL, stats_main, NULL);
    pthread_join(ev, NULL);
    pthread_join(st, NULL);
    return 0;
}
