/* Pattern: wrappers around lock/unlock, leave called before the access.
 * Verdict: racy. stats_enter()/stats_leave() wrap stats_mutex. record()
 * updates `samples` inside the pair but updates `last_sample` after
 * stats_leave(); record() runs in every worker (started in a loop), so
 * that write races with itself and with the reader's locked read.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static pthread_mutex_t stats_mutex = PTHREAD_MUTEX_INITIALIZER;
static long samples;
static long last_sample;

static void stats_enter(void) { pthread_mutex_lock(&stats_mutex); }
static void stats_leave(void) { pthread_mutex_unlock(&stats_mutex); }

static void record(long v)
{
    stats_enter();
    samples++;
    stats_leave();
    last_sample = v; // expect: CL002
}

static void *worker(void *arg)
{
    for (long i = 0; i < 1000; i++)
        record(i);
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    stats_enter();
    printf("%ld %ld\n", samples, last_sample);
    stats_leave();
    return 0;
}
