/* Pattern: a fork/join helper run twice, but its quick mode returns
 * before the join; the second call then starts a new instance while the
 * first may still run.
 * Verdict: racy. Two instances of scan() can update `scanned` at once.
 */
// class: join-coverage
#include <pthread.h>

static long scanned;

static void *scan(void *arg)
{
    for (int i = 0; i < 100; i++)
        scanned++; // expect: CL002
    return arg;
}

static int run_scan(int quick)
{
    pthread_t t;
    if (pthread_create(&t, NULL, scan, NULL) != 0) // expect: CL011
        return -1;
    if (quick)
        return 0;          /* the thread is left running */
    pthread_join(t, NULL);
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    run_scan(argc > 1);
    run_scan(0);
    return (int)scanned;
}
