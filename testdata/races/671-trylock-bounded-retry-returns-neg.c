/* Pattern: a bounded trylock retry that gives up by returning EBUSY to
 * the caller, which counts the failure in its own memory.
 * Verdict: race-free. The only way past the loop is a successful
 * trylock; the give-up path returns before the update.
 */
// class: conditional-locking
// expect-none
#include <errno.h>
#include <pthread.h>
#include <sched.h>

struct cache { pthread_mutex_t lock; long evictions; };
static struct cache cache = { PTHREAD_MUTEX_INITIALIZER, 0 };

static int evict_one(void)
{
    int tries = 0;
    while (pthread_mutex_trylock(&cache.lock) != 0) {
        if (++tries > 3)
            return EBUSY;
        sched_yield();
    }
    cache.evictions++;
    pthread_mutex_unlock(&cache.lock);
    return 0;
}

static void *evictor(void *arg)
{
    long busy = 0;
    for (int i = 0; i < 100; i++)
        if (evict_one() == EBUSY)
            busy++;
    return (void *)busy;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, evictor, NULL);
    pthread_create(&b, NULL, evictor, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(cache.evictions & 1);
}
