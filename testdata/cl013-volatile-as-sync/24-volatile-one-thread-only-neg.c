/* CL013 negative: threads exist, but each volatile is touched by one thread
 * only: the worker's `volatile` sink that keeps a busy-wait loop from being
 * optimized away, and main's own volatile progress counter.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static volatile unsigned g_sink;          /* only the worker */
static volatile unsigned long g_progress; /* only main */

static void delay(unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        g_sink = i;
}

static void *worker(void *arg)
{
    (void)arg;
    delay(1000);
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    for (int i = 0; i < 100; i++)
        g_progress = (unsigned long)i;
    pthread_join(t, NULL);
    printf("%lu\n", g_progress);
    return 0;
}
