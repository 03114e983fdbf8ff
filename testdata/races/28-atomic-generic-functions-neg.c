/* Pattern: atomics, <stdatomic.h> generic functions.
 * Verdict: race-free. `bytes` (atomic_ulong) is only changed with
 * atomic_fetch_add_explicit and read with atomic_load; `max_seen` is
 * maintained with a compare-exchange loop.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NT 4
static atomic_ulong bytes;
static atomic_int max_seen;

static void *worker(void *arg)
{
    int id = (int)(long)arg;
    for (int i = 0; i < 1000; i++) {
        atomic_fetch_add_explicit(&bytes, 64, memory_order_relaxed);
        int v = i * id;
        int cur = atomic_load(&max_seen);
        while (v > cur && !atomic_compare_exchange_weak(&max_seen, &cur, v))
            ;
    }
    return NULL;
}

static void *reporter(void *arg)
{
    for (int i = 0; i < 10; i++)
        printf("%lu %d\n", atomic_load_explicit(&bytes, memory_order_relaxed),
               atomic_load(&max_seen));
    return arg;
}

int main(void)
{
    pthread_t t[NT], r;
    pthread_create(&r, NULL, reporter, NULL);
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(r, NULL);
    return 0;
}
