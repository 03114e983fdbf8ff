/* Pattern: configuration changed between two generations of workers.
 * Verdict: race-free. main writes `cfg.level` before the first batch,
 * joins every thread of the batch, changes `cfg.level`, and starts the
 * second batch: each write is ordered by join/create against every read.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 3
static struct { int level; } cfg;
static long out[NT];

static void *worker(void *arg)
{
    long id = (long)arg;
    out[id] += cfg.level * (id + 1);
    return NULL;
}

static void run_batch(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
}

int main(void)
{
    cfg.level = 1;
    run_batch();
    cfg.level = 5;
    run_batch();
    printf("%ld %ld %ld\n", out[0], out[1], out[2]);
    return 0;
}
