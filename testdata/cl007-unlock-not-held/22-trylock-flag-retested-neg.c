/* CL007 negative: the trylock's success is kept in a flag and the unlock
 * is guarded by the same flag.
 */
// expect-none
#include <pthread.h>
#include <stdbool.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static int cache_hits;

static void *prefetcher(void *arg)
{
    for (int i = 0; i < 100; i++) {
        bool locked = pthread_mutex_trylock(&cache_lock) == 0;
        if (locked)
            cache_hits++;
        if (locked)
            pthread_mutex_unlock(&cache_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, prefetcher, NULL);
    pthread_join(t, NULL);
    return 0;
}
