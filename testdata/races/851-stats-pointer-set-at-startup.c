/* Pattern: a server keeps its counters behind a global pointer that the
 * start-up code points at the live statistics block (`g_stats =
 * &live_stats`), so that a test build can point it elsewhere. Workers
 * count through the pointer; the main thread resets the block directly
 * from its admin command, without the workers' lock.
 * Verdict: racy. `g_stats` points at `live_stats` wherever it is
 * assigned, so the workers' `g_stats->requests++` and the reset touch one
 * object.
 */
// class: alias-global-pointer
#include <pthread.h>

struct stats {
    long requests;
    long errors;
};

static struct stats live_stats;
static struct stats *g_stats;
static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&stats_mu);
        g_stats->requests++;
        pthread_mutex_unlock(&stats_mu);
    }
    return NULL;
}

static void admin_reset(void)
{
    live_stats.requests = 0; // expect: CL002
}

int main(void)
{
    pthread_t t[2];
    g_stats = &live_stats;
    for (int i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, worker, NULL) != 0)
            return 1;
    admin_reset();
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
