/* Pattern: function-pointer dispatch of the start routine itself.
 * Verdict: racy. The start routine is chosen at run time from a table and
 * passed to pthread_create through a variable; both candidates bump the
 * global `jobs_run` without a lock, and both kinds run concurrently. The
 * earlier of the two unlocked lines carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

typedef void *(*start_fn)(void *);
static long jobs_run;

static void *fast_job(void *arg)
{
    jobs_run++; // expect: CL002
    return arg;
}

static void *slow_job(void *arg)
{
    for (int i = 0; i < 100; i++)
        jobs_run++; // expect: CL002
    return arg;
}

int main(int argc, char **argv)
{
    (void)argv;
    start_fn kinds[2] = { fast_job, slow_job };
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        start_fn fn = kinds[(i + argc) & 1];
        pthread_create(&t[i], NULL, fn, NULL);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", jobs_run);
    return 0;
}
