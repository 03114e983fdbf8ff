/* CL002 negative: every form of atomic access the rule must accept. Each
 * counter is only ever accessed atomically: an _Atomic object, atomic_*
 * generic functions, GCC __atomic_* builtins and legacy __sync_* builtins on
 * plain objects.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NWORKERS 4

static _Atomic unsigned long requests;          /* operators on _Atomic */
static atomic_uint errors;                      /* atomic_* functions */
static unsigned long bytes_in;                  /* __atomic_* only */
static long inflight;                           /* __sync_* only */

static void *worker_main(void *arg)
{
    const unsigned *sizes = arg;
    for (int i = 0; i < 1000; i++) {
        __sync_fetch_and_add(&inflight, 1);
        requests++;
        if (sizes[i % 8] == 0)
            atomic_fetch_add_explicit(&errors, 1, memory_order_relaxed);
        __atomic_fetch_add(&bytes_in, sizes[i % 8], __ATOMIC_RELAXED);
        __sync_fetch_and_sub(&inflight, 1);
    }
    return NULL;
}

static void *monitor_main(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        printf("req=%lu err=%u in=%lu inflight=%ld\n", requests,
               atomic_load(&errors), __atomic_load_n(&bytes_in, __ATOMIC_RELAXED),
               __sync_fetch_and_add(&inflight, 0));
    return NULL;
}

int main(void)
{
    static const unsigned sizes[8] = { 64, 0, 512, 1500, 9000, 64, 0, 128 };
    pthread_t workers[NWORKERS], monitor;
    pthread_create(&monitor, NULL, monitor_main, NULL);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&workers[i], NULL, worker_main, (void *)sizes);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(workers[i], NULL);
    pthread_join(monitor, NULL);
    return 0;
}
