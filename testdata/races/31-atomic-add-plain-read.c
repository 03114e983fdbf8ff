/* Pattern: atomics mixed with a plain access.
 * Verdict: racy. The workers update `dropped` with __atomic_fetch_add, but
 * the monitor thread reads it with a plain load while they run. A data race
 * needs only one of the two accesses to be non-atomic; the plain read
 * carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static unsigned long dropped;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        if (i % 7 == 0)
            __atomic_fetch_add(&dropped, 1, __ATOMIC_RELAXED);
    return arg;
}

static void *monitor(void *arg)
{
    unsigned long last = 0;
    for (int i = 0; i < 1000; i++)
        last = dropped; // expect: CL002
    printf("%lu\n", last);
    return arg;
}

int main(void)
{
    pthread_t t[NT], m;
    pthread_create(&m, NULL, monitor, NULL);
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(m, NULL);
    return 0;
}
