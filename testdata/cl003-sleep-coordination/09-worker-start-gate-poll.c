/* CL003 positive, polling in the spawned threads: benchmark workers spin on
 * an atomic start gate with usleep() until main opens it, instead of a
 * pthread_barrier or a condition variable.
 * The polled flag is seen through the atomic operations (atomic_load and
 * atomic_store are atomic access events).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <unistd.h>

#define NWORKERS 8

static atomic_bool start_gate;
static atomic_ulong ops_done;

void do_one_op(unsigned worker);         /* bench_ops.c */

static void *bench_main(void *arg)
{
    unsigned id = *(const unsigned *)arg;
    while (!atomic_load_explicit(&start_gate, memory_order_acquire))
        usleep(100); // expect: CL003
    for (int i = 0; i < 100000; i++) {
        do_one_op(id);
        atomic_fetch_add_explicit(&ops_done, 1, memory_order_relaxed);
    }
    return NULL;
}

int main(void)
{
    static const unsigned ids[NWORKERS] = { 0, 1, 2, 3, 4, 5, 6, 7 };
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, bench_main, (void *)&ids[i]);
    atomic_store_explicit(&start_gate, true, memory_order_release);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return atomic_load(&ops_done) > 0 ? 0 : 1;
}
