/* cache.c - the key-value store.
 *
 * A fixed-size open-addressing hash table. The mutex is private to this file
 * and taken only through cache_lock()/cache_unlock(), which abort on a
 * locking error; every access to the table happens between them. The
 * loader thread fills the table through cache_set() like any client.
 */
// expect-none
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "server.h"

#define CACHE_SLOTS 4096

struct entry {
    char key[CACHE_KEY_MAX];
    char val[CACHE_VAL_MAX];
    int used;
};

static pthread_mutex_t cache_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct entry table[CACHE_SLOTS];  /* guarded by cache_mutex */
static unsigned n_entries;               /* guarded by cache_mutex */

static void cache_lock(void)
{
    int rc = pthread_mutex_lock(&cache_mutex);
    if (rc != 0) {
        fprintf(stderr, "kvd: cache lock failed: error %d\n", rc);
        abort();
    }
}

static void cache_unlock(void)
{
    pthread_mutex_unlock(&cache_mutex);
}

static unsigned hash_key(const char *key)
{
    unsigned h = 2166136261u;
    for (; *key != '\0'; key++)
        h = (h ^ (unsigned char)*key) * 16777619u;
    return h;
}

/* The caller holds the cache lock. Returns the slot holding key, or the
 * free slot where it would go, or NULL when the table is full. */
static struct entry *find_slot_locked(const char *key)
{
    unsigned start = hash_key(key) % CACHE_SLOTS;
    for (unsigned i = 0; i < CACHE_SLOTS; i++) {
        struct entry *e = &table[(start + i) % CACHE_SLOTS];
        if (!e->used || strcmp(e->key, key) == 0)
            return e;
    }
    return NULL;
}

int cache_get(const char *key, char *val, size_t cap)
{
    int rc = -1;
    cache_lock();
    struct entry *e = find_slot_locked(key);
    if (e != NULL && e->used) {
        snprintf(val, cap, "%s", e->val);
        rc = 0;
    }
    cache_unlock();
    return rc;
}

int cache_set(const char *key, const char *val)
{
    int rc = -1;
    cache_lock();
    struct entry *e = find_slot_locked(key);
    if (e != NULL) {
        if (!e->used) {
            snprintf(e->key, sizeof e->key, "%s", key);
            e->used = 1;
            n_entries++;
        }
        snprintf(e->val, sizeof e->val, "%s", val);
        rc = 0;
    }
    cache_unlock();
    return rc;
}

unsigned cache_count(void)
{
    cache_lock();
    unsigned n = n_entries;
    cache_unlock();
    return n;
}

void *cache_load_main(void *arg)
{
    const char *path = arg;
    char line[CACHE_KEY_MAX + CACHE_VAL_MAX + 2];
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return NULL;
    while (fgets(line, sizeof line, f) != NULL) {
        char *sp = strchr(line, ' ');
        if (sp == NULL)
            continue;
        *sp = '\0';
        sp[1 + strcspn(sp + 1, "\r\n")] = '\0';
        cache_set(line, sp + 1);
    }
    fclose(f);
    return NULL;
}
