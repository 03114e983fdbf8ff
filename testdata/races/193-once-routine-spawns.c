/* Pattern: a lazily started background thread: the pthread_once routine
 * creates it and nobody joins it.
 * Verdict: racy. The sampler thread writes `samples` without a lock for as
 * long as the process runs; main's read of `samples` after the
 * pthread_once call is not ordered with it.
 */
// class: join-coverage
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_once_t sampler_once = PTHREAD_ONCE_INIT;
static pthread_t sampler;
static unsigned long samples;

static void *sampler_main(void *arg)
{
    for (;;) {
        samples++; // expect: CL002
        usleep(1000);
    }
    return arg;
}

static void start_sampler(void)
{
    pthread_create(&sampler, NULL, sampler_main, NULL);
}

static unsigned long sample_count(void)
{
    pthread_once(&sampler_once, start_sampler);
    return samples;
}

int main(void)
{
    printf("%lu\n", sample_count());
    return 0;
}
