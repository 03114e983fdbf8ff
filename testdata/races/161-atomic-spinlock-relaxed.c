/* Pattern: spinlock whose exchange and release are memory_order_relaxed.
 * Verdict: racy. A relaxed exchange/store pair makes the lock word itself
 * atomic but orders nothing: the plain `cache_gen` updates inside are not
 * ordered with each other (C11 5.1.2.4: no happens-before without
 * acquire/release).
 */
// class: atomic-locks
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int busy;
static int cache_gen;

static void *refresher(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        while (atomic_exchange_explicit(&busy, 1, memory_order_relaxed))
            ;
        cache_gen++; // expect: CL002
        atomic_store_explicit(&busy, 0, memory_order_relaxed);
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, refresher, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", cache_gen);
    return 0;
}
