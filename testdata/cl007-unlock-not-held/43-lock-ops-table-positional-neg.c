/* CL007 negative (a pluggable lock in a library: an operations table
 * filled by position, as libraries that let their user choose the
 * locking primitive do): `lock` holds the locking function and `unlock`
 * the unlocking one, each member its own. The cache takes the lock
 * through the table, updates, and releases it through the table.
 */
// class: callback-table
// expect-none
#include <pthread.h>

struct lock_ops {
    void (*acquire)(void *);
    void (*release)(void *);
};

static void mutex_acquire(void *m) { pthread_mutex_lock(m); }
static void mutex_release(void *m) { pthread_mutex_unlock(m); }

static const struct lock_ops default_ops = { mutex_acquire, mutex_release };
static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static long cache_entries;

static void *filler(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        default_ops.acquire(&cache_mu);
        cache_entries++;
        default_ops.release(&cache_mu);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, filler, NULL) != 0)
        return 1;
    default_ops.acquire(&cache_mu);
    long n = cache_entries;
    default_ops.release(&cache_mu);
    pthread_join(t, NULL);
    return n > 0;
}
