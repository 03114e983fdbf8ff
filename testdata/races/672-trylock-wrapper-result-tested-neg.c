/* Pattern: a trylock wrapper that returns the lock or NULL, as in
 * memcached's item_trylock(); the caller skips the entry when it gets
 * NULL and updates the entry's counters only with the lock it got.
 * Verdict: race-free. The failure is told to the caller by the NULL
 * result, and the caller's update runs only with a non-NULL lock.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stddef.h>

#define NLOCKS 16
static pthread_mutex_t bucket_locks[NLOCKS];
static long bucket_hits[NLOCKS];

static pthread_mutex_t *bucket_trylock(unsigned h)
{
    pthread_mutex_t *l = &bucket_locks[h % NLOCKS];
    if (pthread_mutex_trylock(l) == 0)
        return l;
    return NULL;
}

static void scan(void)
{
    for (unsigned h = 0; h < 64; h++) {
        pthread_mutex_t *held = bucket_trylock(h);
        if (held == NULL)
            continue;
        bucket_hits[h % NLOCKS]++;
        pthread_mutex_unlock(held);
    }
}

static void *scanner(void *arg)
{
    for (int i = 0; i < 10; i++)
        scan();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    for (int i = 0; i < NLOCKS; i++)
        pthread_mutex_init(&bucket_locks[i], NULL);
    pthread_create(&a, NULL, scanner, NULL);
    pthread_create(&b, NULL, scanner, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(bucket_hits[0] & 1);
}
