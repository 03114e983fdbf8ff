/* strmap.c - see strmap.h. */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/bytes.h"

uint64_t cl_hash_str(const char *s)
{
    return cl_content_hash(s, strlen(s));
}

/* The slot of `key` (hash h): its own, or the free one where it belongs. */
static size_t slot(const cl_strmap *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask)
        if (m->keys[i] == NULL || (m->hashes[i] == h && strcmp(m->keys[i], key) == 0))
            return i;
}

int cl_strmap_get(const cl_strmap *m, const char *key, size_t *val)
{
    if (m->cap == 0)
        return 0;
    size_t i = slot(m, key, cl_hash_str(key));
    if (m->keys[i] == NULL)
        return 0;
    if (val != NULL)
        *val = m->vals[i];
    return 1;
}

static void grow(cl_strmap *m)
{
    cl_strmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = cl_xcalloc(m->cap, sizeof *m->keys);
    m->vals = cl_xcalloc(m->cap, sizeof *m->vals);
    m->hashes = cl_xcalloc(m->cap, sizeof *m->hashes);
    for (size_t i = 0; i < old.cap; i++) {
        if (old.keys[i] == NULL)
            continue;
        size_t k = slot(m, old.keys[i], old.hashes[i]);
        m->keys[k] = old.keys[i];
        m->vals[k] = old.vals[i];
        m->hashes[k] = old.hashes[i];
    }
    free(old.keys);
    free(old.vals);
    free(old.hashes);
}

void cl_strmap_put(cl_strmap *m, const char *key, size_t val)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    uint64_t h = cl_hash_str(key);
    size_t i = slot(m, key, h);
    if (m->keys[i] == NULL) {
        m->keys[i] = key;
        m->hashes[i] = h;
        m->n++;
    }
    m->vals[i] = val;
}

void cl_strmap_release(cl_strmap *m)
{
    free(m->keys);
    free(m->vals);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}
