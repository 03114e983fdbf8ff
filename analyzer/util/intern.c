/* intern.c - byte-string maps and hash-consing (see intern.h). */
#include "util/intern.h"

#include <stdlib.h>
#include <string.h>

#include "util/bytes.h"

/* cl_content_hash reads 8 bytes at a time (flow states and sets are
 * interned by their bytes, often hundreds of them); it sets the low bit,
 * which the fold moves out of the slot index. */
uint64_t cl_blob_hash(const void *p, size_t len)
{
    if (len == sizeof(uint64_t)) {
        /* An address or an id (most keys of the walk's memo tables): a
         * multiplicative hash, the high bits folded into the slot index. */
        uint64_t x;
        memcpy(&x, p, sizeof x);
        x = (x ^ (x >> 33)) * 0x9e3779b97f4a7c15ull;
        return x ^ (x >> 29);
    }
    uint64_t h = cl_content_hash(p, len);
    return h ^ (h >> 29);
}

/* Doubles the slot table (to 64 slots at first) when adding a key would
 * fill more than three quarters of it. */
static void grow_slots(cl_blobmap *m)
{
    if ((m->n + 1) * 4 <= m->cap * 3)
        return;
    size_t cap = m->cap ? m->cap * 2 : 64, mask = cap - 1;
    uint64_t *slot = cl_xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < m->cap; i++) {
        uint64_t s = m->slot[i];
        if (s == 0)
            continue;
        const cl_blobent *e = &m->e[(uint32_t)s - 1];
        size_t j = (size_t)e->h & mask;
        while (slot[j] != 0)
            j = (j + 1) & mask;
        slot[j] = s;
    }
    free(m->slot);
    m->slot = slot;
    m->cap = cap;
}

/* The slot of key (p, len) with hash h: the one holding it, or the free
 * slot where it belongs. The table has a free slot (grow_slots). */
static uint64_t *find_slot(const cl_blobmap *m, const void *p, size_t len, uint64_t h)
{
    size_t mask = m->cap - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        uint64_t s = m->slot[i];
        if (s == 0)
            return &m->slot[i];
        if ((uint32_t)(s >> 32) != tag)
            continue;
        const cl_blobent *e = &m->e[(uint32_t)s - 1];
        if (e->len == len && memcmp(e->p, p, len) == 0)
            return &m->slot[i];
    }
}

const cl_blobent *cl_blob_find(const cl_blobmap *m, const void *p, size_t len)
{
    if (m->n == 0)
        return NULL;
    uint64_t s = *find_slot(m, p, len, cl_blob_hash(p, len));
    return s != 0 ? &m->e[(uint32_t)s - 1] : NULL;
}

cl_blobent *cl_blob_lookup(cl_blobmap *m, cl_arena *keys, const void *p, size_t len, int *added)
{
    uint64_t h = cl_blob_hash(p, len);
    grow_slots(m);
    uint64_t *s = find_slot(m, p, len, h);
    *added = *s == 0;
    if (!*added)
        return &m->e[(uint32_t)*s - 1];
    if (m->n == m->ecap) {
        m->ecap = m->ecap ? m->ecap * 2 : 16;
        m->e = cl_xrealloc(m->e, m->ecap * sizeof *m->e);
    }
    void *q = cl_arena_alloc(keys, len ? len : 1);
    memcpy(q, p, len);
    cl_blobent *e = &m->e[m->n++];
    e->p = q;
    e->len = (uint32_t)len;
    e->h = (uint32_t)h;
    e->val = 0;
    *s = (h >> 32) << 32 | (uint64_t)m->n;
    return e;
}

void cl_blob_release(cl_blobmap *m)
{
    free(m->e);
    free(m->slot);
    memset(m, 0, sizeof *m);
}

void *cl_intern_tmp(cl_interner *in, size_t bytes)
{
    if (bytes > in->tmpcap) {
        in->tmpcap = bytes * 2;
        in->tmp = cl_xrealloc(in->tmp, in->tmpcap);
    }
    return in->tmp;
}

const void *cl_intern(cl_interner *in, const void *p, size_t len)
{
    if (len == 0)
        return NULL;
    int added;
    cl_blobent *e = cl_blob_lookup(&in->map, in->arena, p, len, &added);
    return e->p;
}

const char *cl_intern_str(cl_interner *in, const char *s)
{
    return s ? cl_intern(in, s, strlen(s) + 1) : NULL;
}

void cl_interner_release(cl_interner *in)
{
    cl_blob_release(&in->map);
    free(in->tmp);
    memset(in, 0, sizeof *in);
}
