/* Pattern: rwlock, readers under the read lock, writer under the write lock.
 * Verdict: race-free. Readers only read `routes` under rdlock; the updater
 * writes it under wrlock, which excludes all readers.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NR 3
static pthread_rwlock_t routes_lock = PTHREAD_RWLOCK_INITIALIZER;
static int routes[16];

static void *reader(void *arg)
{
    long hits = 0;
    for (int i = 0; i < 1000; i++) {
        pthread_rwlock_rdlock(&routes_lock);
        hits += routes[i % 16];
        pthread_rwlock_unlock(&routes_lock);
    }
    printf("%ld\n", hits);
    return arg;
}

static void *updater(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_rwlock_wrlock(&routes_lock);
        routes[i % 16] = i;
        pthread_rwlock_unlock(&routes_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t r[NR], u;
    for (int i = 0; i < NR; i++)
        pthread_create(&r[i], NULL, reader, NULL);
    pthread_create(&u, NULL, updater, NULL);
    for (int i = 0; i < NR; i++)
        pthread_join(r[i], NULL);
    pthread_join(u, NULL);
    return 0;
}
