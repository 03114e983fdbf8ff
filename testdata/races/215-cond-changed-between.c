/* Pattern: creation and join guarded by the same flag, but the flag is
 * cleared in between (an error path), so the join is skipped.
 * Verdict: racy. After `threaded = 0` the worker started under the first
 * test is never joined; main's read of `prefetched` races with its write.
 */
// class: correlated-spawn-join
#include <pthread.h>
#include <stdio.h>

static long prefetched;

static void *prefetcher(void *arg)
{
    for (int i = 0; i < 32; i++)
        prefetched += i; // expect: CL002
    return arg;
}

static long run(int threaded, int budget)
{
    pthread_t t;
    if (threaded)
        pthread_create(&t, NULL, prefetcher, NULL); // expect: CL011
    if (budget < 10)
        threaded = 0;
    if (threaded)
        pthread_join(t, NULL);
    return prefetched;
}

int main(int argc, char **argv)
{
    (void)argv;
    printf("%ld\n", run(argc > 1, argc * 3));
    return 0;
}
