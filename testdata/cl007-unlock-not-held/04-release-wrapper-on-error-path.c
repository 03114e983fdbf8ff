/* CL007 positive: the pool's release wrapper (pool_unlock) is fine where
 * its callers hold the pool lock; pool_take() calls it on an error path
 * before pool_lock(). Reported at the call made without the lock.
 */
#include <pthread.h>
#include <stddef.h>

struct pool { pthread_mutex_t m; int free; };
static struct pool pool = { PTHREAD_MUTEX_INITIALIZER, 4 };

static void pool_lock(struct pool *p)
{
    pthread_mutex_lock(&p->m);
}

static void pool_unlock(struct pool *p)
{
    pthread_mutex_unlock(&p->m); // expect-related: CL007 {{unlocked here, in 'pool_unlock'}}
}

static int pool_take(struct pool *p, int want)
{
    if (want <= 0) {
        pool_unlock(p); // expect: CL007 {{call to 'pool_unlock' unlocks}}
        return -1;
    }
    pool_lock(p);
    int got = p->free >= want;
    if (got)
        p->free -= want;
    pool_unlock(p);
    return got ? 0 : -1;
}

static void *client(void *arg)
{
    for (int i = -1; i < 3; i++)
        pool_take(&pool, i);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, client, NULL);
    pthread_join(t, NULL);
    return 0;
}
