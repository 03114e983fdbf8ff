/* CL006 negative: a helper uses pthread_mutex_trylock, which fails with
 * EBUSY instead of blocking when the caller already holds the lock.
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t flush_lock = PTHREAD_MUTEX_INITIALIZER;
static int dirty;

static int try_flush(void)
{
    if (pthread_mutex_trylock(&flush_lock) != 0)
        return 0;
    dirty = 0;
    pthread_mutex_unlock(&flush_lock);
    return 1;
}

static void *writer(void *arg)
{
    pthread_mutex_lock(&flush_lock);
    dirty = 1;
    try_flush();
    pthread_mutex_unlock(&flush_lock);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    pthread_join(t, NULL);
    return try_flush() ? 0 : 1;
}
