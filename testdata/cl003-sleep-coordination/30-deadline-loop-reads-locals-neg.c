/* CL003 negative: with workers running, main waits until a wall-clock
 * deadline (the benchmark's fixed duration) by sleeping in a loop that reads
 * only its own locals and the clock, then tells the workers to stop and
 * joins them before reading their totals. Waiting for time, not for a
 * thread, is what sleep is for.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define NWORKERS 4

static atomic_bool bench_stop;
static unsigned long totals[NWORKERS];   /* one slot per worker */

unsigned long run_op(void);              /* ops.c */

static void *bench_main(void *arg)
{
    unsigned long *total = arg;
    while (!atomic_load(&bench_stop))
        *total += run_op();
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, bench_main, &totals[i]);
    time_t deadline = time(NULL) + 10;
    while (time(NULL) < deadline)
        sleep(1);
    atomic_store(&bench_stop, 1);
    unsigned long sum = 0;
    for (int i = 0; i < NWORKERS; i++) {
        pthread_join(tids[i], NULL);
        sum += totals[i];
    }
    printf("%lu ops\n", sum);
    return 0;
}
