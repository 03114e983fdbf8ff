/* Pattern: creation and join guarded by tests of the same global against
 * different constants (`> 1` to start, `> 2` to join).
 * Verdict: racy. With exactly two jobs configured the helper is started
 * but not joined, and main reads `merged` while the helper writes it.
 */
// class: correlated-spawn-join
#include <pthread.h>
#include <stdio.h>

static int njobs;
static long merged;
static pthread_t helper;

static void *merge_main(void *arg)
{
    merged += 7; // expect: CL002
    return arg;
}

int main(int argc, char **argv)
{
    (void)argv;
    njobs = argc;
    if (njobs > 1)
        pthread_create(&helper, NULL, merge_main, NULL);
    if (njobs > 2)
        pthread_join(helper, NULL);
    printf("%ld\n", merged);
    return 0;
}
