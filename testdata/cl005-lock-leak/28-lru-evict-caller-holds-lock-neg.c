/* CL005/CL006/CL007 negative, shared case 39: an LRU cache whose helpers
 * rely on the caller holding cache_lock; the janitor holds it across a
 * condition wait in an endless loop. Nothing leaks, nothing is locked
 * twice or unlocked unheld.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define HIGH_WATER (64u << 20)
#define LOW_WATER (48u << 20)
struct item { struct item *prev, *next; size_t size; char key[48]; };

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t over_budget = PTHREAD_COND_INITIALIZER;
static struct item *lru_head, *lru_tail;       /* guarded by cache_lock */
static size_t bytes_used;                      /* guarded by cache_lock */

/* lru_unlink() and cache_evict_locked(): the caller holds cache_lock. */
static void lru_unlink(struct item *it)
{
    if (it->prev) it->prev->next = it->next; else lru_head = it->next;
    if (it->next) it->next->prev = it->prev; else lru_tail = it->prev;
    bytes_used -= it->size;
}

static void cache_evict_locked(size_t target)
{
    while (bytes_used > target && lru_tail != NULL) {
        struct item *victim = lru_tail;
        lru_unlink(victim);
        free(victim);
    }
}

void cache_put(const char *key, size_t size)
{
    struct item *it = calloc(1, sizeof *it);
    if (it == NULL) return;
    snprintf(it->key, sizeof it->key, "%s", key);
    it->size = size;
    pthread_mutex_lock(&cache_lock);
    it->next = lru_head;
    if (lru_head) lru_head->prev = it; else lru_tail = it;
    lru_head = it;
    bytes_used += size;
    if (bytes_used > 2 * (size_t)HIGH_WATER)
        cache_evict_locked(HIGH_WATER);        /* janitor is behind: help out */
    else if (bytes_used > HIGH_WATER)
        pthread_cond_signal(&over_budget);
    pthread_mutex_unlock(&cache_lock);
}

static void *janitor_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&cache_lock);
    for (;;) {
        while (bytes_used <= HIGH_WATER)
            pthread_cond_wait(&over_budget, &cache_lock);
        cache_evict_locked(LOW_WATER);
    }
    return NULL;
}

static void *request_main(void *arg)
{
    char key[32];
    for (unsigned n = 0; n < 100000; n++) {
        snprintf(key, sizeof key, "%s:%u", (const char *)arg, n);
        cache_put(key, 4096 + n % 8192);
    }
    return NULL;
}

int main(void)
{
    static const char *const names[4] = { "img", "css", "js", "api" };
    pthread_t janitor, req[4];
    pthread_create(&janitor, NULL, janitor_main, NULL);
    for (int i = 0; i < 4; i++)
        pthread_create(&req[i], NULL, request_main, (void *)names[i]);
    for (int i = 0; i < 4; i++) pthread_join(req[i], NULL);
    return 0;
}
