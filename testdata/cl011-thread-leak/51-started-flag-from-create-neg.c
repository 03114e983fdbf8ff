/* CL011 negative: the spawn's outcome is kept in a local (`int started =
 * pthread_create(..) == 0;`) and the join runs under `if (started)`: the
 * thread is joined on every path where it exists.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static int progress;

static void *reporter(void *arg)
{
    (void)arg;
    return NULL;
}

int run_job(int n)
{
    pthread_t t;
    int started = pthread_create(&t, NULL, reporter, NULL) == 0;
    if (!started)
        fprintf(stderr, "no progress reports\n");
    for (int i = 0; i < n; i++)
        progress = i;
    if (started)
        pthread_join(t, NULL);
    return 0;
}

int main(void)
{
    return run_job(10);
}
