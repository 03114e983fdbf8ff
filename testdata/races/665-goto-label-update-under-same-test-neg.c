/* Pattern: the fast path of 660's cache, done right. A hit jumps past
 * the lock to the shared tail of the function, but everything shared
 * in that tail is under `if (!hit)`, the same test that skipped the
 * lock, and the hit path counts into the thread's own statistics.
 * Verdict: race-free. `misses_total` is written only where `hit` is
 * false, which is where the lock was taken.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <string.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static long misses_total;
static int table[64];
static const char *const preloaded[] = { "alpha", "gamma", "delta" };

static int is_preloaded(const char *key)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(preloaded[i], key) == 0)
            return 1;
    return 0;
}

static int lookup(const char *key, long *my_hits)
{
    int hit = is_preloaded(key);
    if (hit)
        goto account;
    pthread_mutex_lock(&table_lock);
    table[strlen(key) % 64]++;
account:
    if (!hit) {
        misses_total++;
        pthread_mutex_unlock(&table_lock);
    } else {
        (*my_hits)++;
    }
    return hit;
}

static void *worker(void *arg)
{
    long hits = 0;
    for (int i = 0; i < 100; i++)
        lookup(arg, &hits);
    return (void *)hits;
}

int main(void)
{
    pthread_t t[2];
    pthread_create(&t[0], NULL, worker, "alpha");
    pthread_create(&t[1], NULL, worker, "beta");
    pthread_join(t[0], NULL);
    pthread_join(t[1], NULL);
    return (int)(misses_total & 1);
}
