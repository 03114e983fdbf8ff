/* Pattern: a library starts its background statistics thread from a
 * constructor function, before main() runs; main later reads the counter
 * the thread keeps bumping.
 * Verdict: racy. The thread runs from before main on; main's read of
 * `ticks` races with its writes (no lock, no atomics).
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static long ticks;

static void *ticker(void *arg)
{
    (void)arg;
    for (;;) {
        ticks++; // expect: CL002 {{races with read in 'main'}}
        usleep(1000);
    }
    return NULL;
}

__attribute__((constructor)) static void start_ticker(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, ticker, NULL) == 0)
        pthread_detach(t);
}

int main(void)
{
    long last = 0;
    for (int i = 0; i < 1000; i++)
        last = ticks; // expect-related: CL002 {{conflicting read}}
    printf("%ld\n", last);
    return 0;
}
