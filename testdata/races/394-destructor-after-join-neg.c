/* Pattern: a cache with a background refresher; main stops and joins the
 * refresher before returning, and the destructor function then clears the
 * cache.
 * Verdict: race-free. The join orders the refresher's writes before main
 * returns, and destructors run after that.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>

static int cache[64];
static atomic_int stop_refresh;

static void *refresher(void *arg)
{
    (void)arg;
    while (!atomic_load(&stop_refresh))
        for (int i = 0; i < 64; i++)
            cache[i]++;
    return NULL;
}

static void cache_clear(void)
{
    for (int i = 0; i < 64; i++)
        cache[i] = 0;
}

__attribute__((__destructor__)) static void on_unload(void)
{
    cache_clear();
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, refresher, NULL) != 0)
        return 1;
    atomic_store(&stop_refresh, 1);
    pthread_join(t, NULL);
    return cache[0] > 0;
}
