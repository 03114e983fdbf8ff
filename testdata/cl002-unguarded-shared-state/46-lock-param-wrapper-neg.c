/* CL002 negative (lock wrapper taking the lock as a parameter; twin of
 * case 14): every critical section goes through cache_enter()/
 * cache_leave(), which lock and unlock the mutex they are given
 * (cache_enter() through one more helper). The evictor takes both locks,
 * each around what it guards, and the stats thread reads `cache.bytes`
 * under `cache.meta_lock`: the wrappers' lock parameter is bound to each
 * caller's argument, and every access holds its lock.
 */
// expect-none
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
            cache_enter(&cache.meta_lock);
            cache.bytes -= 64;
            cache_leave(&cache.meta_lock);
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
        unsigned long b = cache.bytes;
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
