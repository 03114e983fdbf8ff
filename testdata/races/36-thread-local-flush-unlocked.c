/* Pattern: thread-local accumulation flushed into a shared total.
 * Verdict: racy. The per-thread `local_hits` is fine, but the flush into
 * the global `total_hits` has no lock, and the flushing routine runs in
 * every worker (started in a loop). The unlocked `+=` carries the
 * expectation.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static _Thread_local long local_hits;
static long total_hits;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        local_hits++;
    total_hits += local_hits; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", total_hits);
    return 0;
}
