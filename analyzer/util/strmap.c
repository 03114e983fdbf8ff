/* strmap.c - see strmap.h. */
#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

uint64_t cl_hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 1099511628211ull;
    }
    return h;
}

int cl_strmap_get(const cl_strmap *m, const char *key, size_t *val)
{
    if (m->cap == 0)
        return 0;
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)cl_hash_str(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == NULL)
            return 0;
        if (strcmp(m->keys[i], key) == 0) {
            if (val != NULL)
                *val = m->vals[i];
            return 1;
        }
    }
}

static void grow(cl_strmap *m)
{
    size_t ocap = m->cap;
    const char **okeys = m->keys;
    size_t *ovals = m->vals;
    m->cap = ocap ? ocap * 2 : 64;
    m->keys = cl_xcalloc(m->cap, sizeof *m->keys);
    m->vals = cl_xcalloc(m->cap, sizeof *m->vals);
    m->n = 0;
    for (size_t i = 0; i < ocap; i++)
        if (okeys[i] != NULL)
            cl_strmap_put(m, okeys[i], ovals[i]);
    free(okeys);
    free(ovals);
}

void cl_strmap_put(cl_strmap *m, const char *key, size_t val)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)cl_hash_str(key) & mask;; i = (i + 1) & mask) {
        if (m->keys[i] == NULL) {
            m->keys[i] = key;
            m->vals[i] = val;
            m->n++;
            return;
        }
        if (strcmp(m->keys[i], key) == 0) {
            m->vals[i] = val;
            return;
        }
    }
}

void cl_strmap_release(cl_strmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
