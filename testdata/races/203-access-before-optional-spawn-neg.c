/* Pattern: an access before a spawn that only some paths reach, with no
 * way back to the access.
 * Verdict: race-free. `threshold` is written before the (optional) spawn
 * and read by main only after the join.
 */
// class: spawn-paths
// expect-none
#include <pthread.h>
#include <stdio.h>

static int threshold;
static long over;

static void *checker(void *arg)
{
    for (int i = 0; i < 100; i++)
        if (i > threshold)
            over++;
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t t;
    threshold = argc > 2 ? 50 : 10;
    if (argc > 1) {
        pthread_create(&t, NULL, checker, argv);
        pthread_join(t, NULL);
    }
    printf("%d %ld\n", threshold, over);
    return 0;
}
