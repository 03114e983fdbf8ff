/* Pattern: global reached through a global pointer.
 * Verdict: racy. `cur_stats` is a global pointer to the static `stats`;
 * the request thread bumps cur_stats->hits unlocked, while the reporter
 * resets stats.hits directly, also unlocked. Both in spawned threads; the
 * earlier line carries the expectation.
 */
#include <pthread.h>

struct stats { unsigned long hits, misses; };
static struct stats stats;
static struct stats *cur_stats = &stats;

static void *requests(void *arg)
{
    for (int i = 0; i < 1000; i++)
        cur_stats->hits++; // expect: CL002
    return arg;
}

static void *reporter(void *arg)
{
    for (int i = 0; i < 10; i++)
        stats.hits = 0;
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, requests, NULL);
    pthread_create(&b, NULL, reporter, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(stats.hits & 1);
}
