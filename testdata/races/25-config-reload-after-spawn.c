/* Pattern: read-mostly configuration, but reloaded while workers run.
 * Verdict: racy. main rewrites `cfg.timeout_ms` (a "reload") after the
 * workers have started; the workers read it with no lock. Neither side
 * locks, so the worker's read carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 2
static struct { int timeout_ms; int retries; } cfg = { 100, 3 };

static void *worker(void *arg)
{
    long budget = 0;
    for (int i = 0; i < 1000; i++)
        budget += cfg.timeout_ms; // expect: CL002
    return budget > 0 ? arg : NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    cfg.timeout_ms = 250;              /* reload */
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", cfg.retries);
    return 0;
}
