/* Pattern: a buffer pool's get function with a goto error ladder. A
 * failed allocation jumps to `fail`, past both the lock and the counter
 * update; `fail` is after the unlock and touches only locals.
 * Verdict: race-free. Every update of `pool.in_use` is made between the
 * lock and the unlock of pool.lock; the error path updates nothing
 * shared.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct pool { pthread_mutex_t lock; long in_use; long peak; };
static struct pool pool = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static void *pool_get(size_t size)
{
    void *buf = malloc(size);
    if (buf == NULL)
        goto fail;
    pthread_mutex_lock(&pool.lock);
    pool.in_use++;
    if (pool.in_use > pool.peak)
        pool.peak = pool.in_use;
    pthread_mutex_unlock(&pool.lock);
    return buf;
fail:
    size = 0;
    return NULL;
}

static void pool_put(void *buf)
{
    if (buf == NULL)
        return;
    pthread_mutex_lock(&pool.lock);
    pool.in_use--;
    pthread_mutex_unlock(&pool.lock);
    free(buf);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++)
        pool_put(pool_get(arg != NULL ? 64 : 128));
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, &a);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(pool.peak & 1);
}
