/* Pattern: function-pointer dispatch with locked handlers.
 * Verdict: race-free. The handlers reached through the ops struct take
 * cache_lock themselves around every access to `cache_used`.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long cache_used;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

struct ops { void (*grow)(long); void (*shrink)(long); };

static void grow(long n)
{
    pthread_mutex_lock(&cache_lock);
    cache_used += n;
    pthread_mutex_unlock(&cache_lock);
}

static void shrink(long n)
{
    pthread_mutex_lock(&cache_lock);
    cache_used = cache_used > n ? cache_used - n : 0;
    pthread_mutex_unlock(&cache_lock);
}

static const struct ops cache_ops = { grow, shrink };

static void *worker(void *arg)
{
    const struct ops *o = arg;
    for (long i = 0; i < 1000; i++) {
        o->grow(i);
        o->shrink(i / 2);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)&cache_ops);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", cache_used);
    return 0;
}
