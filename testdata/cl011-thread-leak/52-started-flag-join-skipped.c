/* CL011 positive: the spawn's outcome is kept in a local, but the join is
 * guarded by the wrong test: where the thread was started, `!started` is
 * false, so it is never joined.
 */
#include <pthread.h>
#include <stdio.h>

static void *reporter(void *arg)
{
    (void)arg;
    return NULL;
}

int run_job(int n)
{
    pthread_t t;
    int started = pthread_create(&t, NULL, reporter, NULL) == 0; // expect: CL011
    if (!started)
        fprintf(stderr, "no progress reports\n");
    if (!started)
        pthread_join(t, NULL);
    return n;
}

int main(void)
{
    return run_job(10);
}
