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

cl_blobent *cl_blob_slot(cl_blobmap *m, const void *p, size_t len, uint64_t h)
{
    if ((m->n + 1) * 4 > m->cap * 3) {
        cl_blobmap g = { NULL, m->cap ? m->cap * 2 : 64, 0 };
        g.e = cl_xcalloc(g.cap, sizeof *g.e);
        for (size_t i = 0; i < m->cap; i++) {
            if (m->e[i].p == NULL)
                continue;
            size_t j = (size_t)m->e[i].h & (g.cap - 1);
            while (g.e[j].p != NULL)
                j = (j + 1) & (g.cap - 1);
            g.e[j] = m->e[i];
        }
        g.n = m->n;
        free(m->e);
        *m = g;
    }
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        cl_blobent *e = &m->e[i];
        if (e->p == NULL)
            return e;
        if (e->h == h && e->len == len && memcmp(e->p, p, len) == 0)
            return e;
    }
}

const cl_blobent *cl_blob_find(const cl_blobmap *m, const void *p, size_t len)
{
    if (m->n == 0)
        return NULL;
    uint64_t h = cl_blob_hash(p, len);
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        const cl_blobent *e = &m->e[i];
        if (e->p == NULL)
            return NULL;
        if (e->h == h && e->len == len && memcmp(e->p, p, len) == 0)
            return e;
    }
}

cl_blobent *cl_blob_lookup(cl_blobmap *m, cl_arena *keys, const void *p, size_t len, int *added)
{
    uint64_t h = cl_blob_hash(p, len);
    cl_blobent *e = cl_blob_slot(m, p, len, h);
    *added = e->p == NULL;
    if (*added) {
        void *q = cl_arena_alloc(keys, len ? len : 1);
        memcpy(q, p, len);
        e->p = q;
        e->len = len;
        e->h = h;
        m->n++;
    }
    return e;
}

void cl_blob_release(cl_blobmap *m)
{
    free(m->e);
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
