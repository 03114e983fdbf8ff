/* CL002 negative, from memcached's items.c (false positive class found on
 * memcached 1.6.18): item_trylock() returns the mutex it took, or NULL, and
 * the caller skips the item when it got NULL. The lock is held on every path
 * that touches the item, but only "on some path" out of the wrapper: a
 * must-lockset loses it at the wrapper's return. conc-lint counts a lock
 * held on some path to both accesses as protecting them.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

#define NLOCKS 16

struct item { unsigned refcount; unsigned flags; };

static pthread_mutex_t item_locks[NLOCKS];
static struct item table[NLOCKS];

static void *item_trylock(unsigned hv)
{
    pthread_mutex_t *lock = &item_locks[hv % NLOCKS];
    if (pthread_mutex_trylock(lock) == 0)
        return lock;
    return NULL;
}

static void item_trylock_unlock(void *lock)
{
    pthread_mutex_unlock((pthread_mutex_t *)lock);
}

static void *sweeper_main(void *arg)
{
    for (unsigned hv = 0; hv < 100000; hv++) {
        void *hold = item_trylock(hv);
        if (hold == NULL)
            continue;                 /* busy: try the next one */
        table[hv % NLOCKS].flags = 0;
        item_trylock_unlock(hold);
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < NLOCKS; i++)
        pthread_mutex_init(&item_locks[i], NULL);
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, sweeper_main, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return (int)table[0].flags;
}
