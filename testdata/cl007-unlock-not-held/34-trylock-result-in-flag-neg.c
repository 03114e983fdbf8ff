/* CL007 negative (an opportunistic cache trim): the trylock's result goes
 * into a flag, a failure returns at once, and the unlock is under the
 * same flag.
 */
// class: trylock-result-dropped
// expect-none
#include <pthread.h>

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static int cache_size;

static void cache_trim(void)
{
    int got = pthread_mutex_trylock(&cache_lock) == 0;
    if (!got)
        return;
    if (cache_size > 100)
        cache_size = 100;
    if (got)
        pthread_mutex_unlock(&cache_lock);
}

static void *trimmer(void *arg)
{
    cache_trim();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, trimmer, NULL);
    pthread_create(&b, NULL, trimmer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
