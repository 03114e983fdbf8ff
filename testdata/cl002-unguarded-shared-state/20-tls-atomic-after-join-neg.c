/* CL002 negative: three race-free sharing idioms in one benchmark: a
 * _Thread_local scratch buffer, a C11 atomic stop flag and counter, and
 * per-thread result slots (&ops_per_worker[i]) that main reads only after
 * pthread_join().
 * From shared case 19 (false-positive trap), sources: redis/memtier_benchmark
 * PR #323; goblint/analyzer issue #876 / PR #1071. The case's
 * volatile-as-sync line is dropped (rule not implemented).
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NWORKERS 4

static _Thread_local char scratch[64];
static atomic_int stop_now;
static atomic_ulong total_ops;
static unsigned long ops_per_worker[NWORKERS];   /* slot i written only by worker i */

static void *bench_worker(void *arg)
{
    unsigned long *slot = arg;
    unsigned long ops = 0;
    while (!atomic_load_explicit(&stop_now, memory_order_acquire) && ops < 100000) {
        snprintf(scratch, sizeof scratch, "key-%lu", ops);
        atomic_fetch_add_explicit(&total_ops, 1, memory_order_relaxed);
        ops++;
    }
    *slot = ops;
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, bench_worker, &ops_per_worker[i]);
    atomic_store_explicit(&stop_now, 1, memory_order_release);
    unsigned long sum = 0;
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(tids[i], NULL);
        sum += ops_per_worker[i];
    }
    return sum == atomic_load(&total_ops) ? 0 : 1;
}
