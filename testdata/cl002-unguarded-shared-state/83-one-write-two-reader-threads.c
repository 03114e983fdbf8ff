/* CL002 positive, one root cause across two pairs of threads: main
 * changes `threshold` while two different threads, the sampler and the
 * reporter, read it, nobody holding a lock. Each reader races with the
 * write (two thread pairs), but there is one unguarded write and one fix
 * (a lock around the write and both reads): one finding at the write, both
 * reads as related locations. Compare 78, where each thread pair races on
 * a different access.
 */
#include <pthread.h>
#include <stdio.h>

static int threshold = 10;

static void *sampler_main(void *arg)
{
    int over = 15 > threshold; // expect-related: CL002 {{conflicting read of 'threshold' in 'sampler_main'}}
    return over ? arg : NULL;
}

static void *reporter_main(void *arg)
{
    printf("threshold %d\n", threshold); // expect-related: CL002 {{conflicting read of 'threshold' in 'reporter_main'}}
    return arg;
}

int main(void)
{
    pthread_t s, r;
    pthread_create(&s, NULL, sampler_main, NULL);
    pthread_create(&r, NULL, reporter_main, NULL);
    threshold = 20; // expect: CL002 {{write to 'threshold' in 'main'}} {{and 1 more race on 'threshold' through 'main'}}
    pthread_join(s, NULL);
    pthread_join(r, NULL);
    return 0;
}
