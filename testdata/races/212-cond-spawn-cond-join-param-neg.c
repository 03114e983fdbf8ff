/* Pattern: creation and join guarded by the same unchanged parameter
 * (`if (threaded) create; ...; if (threaded) join;`), then a read.
 * Verdict: race-free. When `threaded` is 0 no thread exists; when it is 1
 * the prefetcher is joined before `prefetched` is read. run() is called
 * with a value only known at run time.
 */
// class: correlated-spawn-join
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long prefetched;

static void *prefetcher(void *arg)
{
    for (int i = 0; i < 32; i++)
        prefetched += i;
    return arg;
}

static long run(int threaded)
{
    pthread_t t;
    if (threaded)
        pthread_create(&t, NULL, prefetcher, NULL);
    long local = 0;
    for (int i = 0; i < 100; i++)
        local += i;
    if (threaded)
        pthread_join(t, NULL);
    return local + prefetched;
}

int main(int argc, char **argv)
{
    (void)argv;
    printf("%ld\n", run(argc > 1));
    return 0;
}
