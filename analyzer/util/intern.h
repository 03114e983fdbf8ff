/* intern.h - hash maps keyed by byte strings, and hash-consing.
 *
 * cl_blobmap maps byte strings (any bytes, with a length) to size_t values;
 * keys are borrowed, the owner keeps them alive (in an arena). cl_interner
 * gives the canonical copy of a byte string: equal contents give the same
 * pointer, so interned values compare and hash by address, and a value
 * computed again and again takes memory once. Open addressing, linear
 * probing, hashes from cl_content_hash (util/bytes.h). Not thread-safe: one per walk.
 */
#ifndef CL_INTERN_H
#define CL_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct cl_blobent {
    const void *p;            /* NULL: free slot */
    size_t len;
    uint64_t h;
    size_t val;
} cl_blobent;

typedef struct cl_blobmap {
    cl_blobent *e;
    size_t cap, n;            /* cap is 0 or a power of two */
} cl_blobmap;

/* Hash of `len` bytes at `p`. */
uint64_t cl_blob_hash(const void *p, size_t len);

/* The slot of key (p, len) with hash h: its entry, or the free slot where
 * it belongs (e->p == NULL; the caller fills p, len, h, val and counts it
 * in m->n). Grows the table first so that a slot is free. */
cl_blobent *cl_blob_slot(cl_blobmap *m, const void *p, size_t len, uint64_t h);

/* The entry of key (p, len), or NULL. Never changes `m`, so threads may
 * look up at once in a map no one adds to. */
const cl_blobent *cl_blob_find(const cl_blobmap *m, const void *p, size_t len);

/* Looks up (p, len), adding it when new: the key is copied into `keys`,
 * *added says whether it was new (the caller then sets e->val). */
cl_blobent *cl_blob_lookup(cl_blobmap *m, cl_arena *keys, const void *p, size_t len, int *added);

void cl_blob_release(cl_blobmap *m);

typedef struct cl_interner {
    cl_arena *arena;          /* where canonical copies live (borrowed) */
    cl_blobmap map;
    void *tmp;                /* scratch buffer for building a value */
    size_t tmpcap;
} cl_interner;

/* A scratch buffer of at least `bytes` bytes, valid until the next call;
 * not interned itself. */
void *cl_intern_tmp(cl_interner *in, size_t bytes);

/* The canonical copy of the `len` bytes at `p` (NULL for len 0). */
const void *cl_intern(cl_interner *in, const void *p, size_t len);

/* The canonical copy of a string (NULL for NULL). */
const char *cl_intern_str(cl_interner *in, const char *s);

/* Frees the map and the scratch buffer (the arena is the owner's). */
void cl_interner_release(cl_interner *in);

#endif
