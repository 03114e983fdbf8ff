/* Pattern: a fast path that skips the lock when the cached entry "looks"
 * valid; the slow path locks. Both paths then bump the hit counter.
 * Verdict: racy. On the fast path `cache_hits++` runs with no lock, in
 * every worker at once.
 */
// class: conditional-locking
#include <pthread.h>
#include <string.h>

struct entry { char key[32]; int valid; };
static struct entry cache[16];
static long cache_hits;
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static void *lookup_worker(void *arg)
{
    const char *key = arg;
    for (int i = 0; i < 16; i++) {
        int fast = strcmp(cache[i].key, key) == 0;
        if (!fast)
            pthread_mutex_lock(&cache_lock);
        cache_hits++; // expect: CL002
        if (!fast)
            pthread_mutex_unlock(&cache_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, lookup_worker, "alpha");
    pthread_create(&b, NULL, lookup_worker, "beta");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)cache_hits;
}
