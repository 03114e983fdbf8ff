/* Pattern: a resolver hands each lookup job its own argument struct with
 * a pointer to the process-wide cache; while the jobs run, the main
 * thread flushes the cache by resetting its counters.
 * Verdict: racy. The jobs write cache->hits through their argument's
 * pointer while main writes the same member, no lock on either side.
 */
// class: thread-arguments
#include <pthread.h>

struct cache {
    unsigned long hits, misses;
};
struct lookup_job {
    const char *name;
    struct cache *cache;
};

static struct cache g_cache;

static void *lookup(void *arg)
{
    struct lookup_job *job = arg;
    if (job->name[0] != '\0')
        job->cache->hits++; // expect: CL002
    return NULL;
}

int main(void)
{
    static const char *names[2] = { "alpha", "beta" };
    struct lookup_job jobs[2];
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        jobs[i].name = names[i];
        jobs[i].cache = &g_cache;
        pthread_create(&t[i], NULL, lookup, &jobs[i]);
    }
    g_cache.hits = 0;
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return (int)g_cache.hits;
}
