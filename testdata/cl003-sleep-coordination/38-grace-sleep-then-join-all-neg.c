/* CL003 negative: after telling the workers to stop, main sleeps for a
 * grace period (to let in-flight requests finish before it logs), then
 * joins every worker in a loop over the handle array and only then reads
 * their per-worker counters. The joins order the reads; the sleep only
 * paces the shutdown.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

#define NW 4

static atomic_bool stopping;
static unsigned long served[NW];

unsigned long serve_one(void);           /* net.c */

static void *worker(void *arg)
{
    unsigned long *n = arg;
    while (!atomic_load(&stopping))
        *n += serve_one();
    return NULL;
}

int main(void)
{
    pthread_t tids[NW];
    for (int i = 0; i < NW; i++)
        if (pthread_create(&tids[i], NULL, worker, &served[i]) != 0)
            return 1;
    atomic_store(&stopping, 1);
    sleep(1);
    for (int i = 0; i < NW; i++)
        pthread_join(tids[i], NULL);
    unsigned long total = 0;
    for (int i = 0; i < NW; i++)
        total += served[i];
    printf("served %lu\n", total);
    return 0;
}
