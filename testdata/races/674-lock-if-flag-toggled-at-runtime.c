/* Pattern: a "fast mode" switch that an admin thread turns on while the
 * workers run; with it on, the workers skip the statistics lock.
 * Verdict: racy. Once `fast_mode` is set, `stats.requests` is updated
 * with no lock by both workers (and the switch itself is written while
 * they read it).
 */
// class: conditional-locking
#include <pthread.h>
#include <unistd.h>

static int fast_mode;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct { long requests; } stats;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        if (!fast_mode) // expect: CL002
            pthread_mutex_lock(&stats_lock);
        stats.requests++; // expect: CL002
        if (!fast_mode)
            pthread_mutex_unlock(&stats_lock);
    }
    return arg;
}

static void *admin(void *arg)
{
    sleep(1);
    fast_mode = 1;
    return arg;
}

int main(void)
{
    pthread_t w1, w2, ad;
    pthread_create(&w1, NULL, worker, NULL);
    pthread_create(&w2, NULL, worker, NULL);
    pthread_create(&ad, NULL, admin, NULL);
    pthread_join(w1, NULL);
    pthread_join(w2, NULL);
    pthread_join(ad, NULL);
    return (int)(stats.requests & 1);
}
