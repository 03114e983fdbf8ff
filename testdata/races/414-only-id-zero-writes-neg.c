/* Pattern: workers started with their loop index as the argument; only
 * worker 0 (the leader) records the start time and the configuration in
 * globals, the others only compute.
 * Verdict: race-free. The indices differ per worker, so exactly one
 * instance runs the leader's writes; main reads them after the joins.
 */
// class: instance-id
// expect-none
#include <pthread.h>

static long start_time;
static int config_seen;
static long results[4];

static void *worker(void *arg)
{
    if ((long)arg == 0) {
        start_time = 12345;
        config_seen = 1;
        config_seen++;
    }
    results[(long)arg] = (long)arg * 2;
    return NULL;
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    return (int)(start_time + config_seen + results[3]);
}
