/* Pattern: the creator holds a read-write lock in read mode across spawn
 * and join; other threads take the same lock in read mode too.
 * Verdict: racy. A read lock does not exclude other readers: the
 * refresher's write to `route_epoch`, made while its creator holds
 * routes_rw shared, races with the lookups that also hold it shared.
 */
// class: spawn-under-lock
#include <pthread.h>
#include <stdio.h>

#define NLOOKUPS 3
static pthread_rwlock_t routes_rw = PTHREAD_RWLOCK_INITIALIZER;
static long route_epoch;

static void *refresher(void *arg)
{
    route_epoch++; // expect: CL002
    return arg;
}

static void *lookup(void *arg)
{
    long e;
    pthread_rwlock_rdlock(&routes_rw);
    e = route_epoch;
    pthread_rwlock_unlock(&routes_rw);
    return (void *)e;
}

int main(void)
{
    pthread_t l[NLOOKUPS], r;
    for (int i = 0; i < NLOOKUPS; i++)
        pthread_create(&l[i], NULL, lookup, NULL);
    pthread_rwlock_rdlock(&routes_rw);
    if (pthread_create(&r, NULL, refresher, NULL) == 0)
        pthread_join(r, NULL);
    pthread_rwlock_unlock(&routes_rw);
    for (int i = 0; i < NLOOKUPS; i++)
        pthread_join(l[i], NULL);
    return 0;
}
