/* CL005 negative (a stats snapshot): the lock is taken once around the
 * whole loop, which skips empty counters with `continue`; the jumps carry
 * the lock, but it is held on every path and released after the loop.
 * A second loop unlocks before each `continue`.
 */
// class: jump-past-unlock
// expect-none
#include <pthread.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long counters[32], snapshot[32];

static int stats_snapshot(void)
{
    int n = 0;
    pthread_mutex_lock(&stats_lock);
    for (int i = 0; i < 32; i++) {
        if (counters[i] == 0)
            continue;
        snapshot[i] = counters[i];
        n++;
    }
    pthread_mutex_unlock(&stats_lock);
    for (int i = 0; i < 32; i++) {
        pthread_mutex_lock(&stats_lock);
        if (snapshot[i] == 0) {
            pthread_mutex_unlock(&stats_lock);
            continue;
        }
        counters[i] -= snapshot[i];
        pthread_mutex_unlock(&stats_lock);
    }
    return n;
}

static void *reporter(void *arg)
{
    stats_snapshot();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reporter, NULL);
    stats_snapshot();
    pthread_join(t, NULL);
    return 0;
}
