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
    const void *p;            /* the key (borrowed) */
    uint32_t len;
    uint32_t h;               /* the low half of the key's hash */
    size_t val;
} cl_blobent;

/* The entries are kept in insertion order in `e` (n of them, room for
 * ecap); the open-addressing table `slot` (cap words, 0 or a power of
 * two) holds, per used slot, the entry's index + 1 in its low 32 bits and
 * the high half of the key's hash in its high 32 bits, so that a probe
 * compares keys only when those agree. A key costs its entry (24 bytes)
 * and one to three 8-byte slots, where a table of whole entries cost
 * 64 to 128 bytes. */
typedef struct cl_blobmap {
    cl_blobent *e;
    uint64_t *slot;
    size_t cap, n, ecap;
} cl_blobmap;

/* Hash of `len` bytes at `p`. */
uint64_t cl_blob_hash(const void *p, size_t len);

/* The entry of key (p, len), or NULL. Never changes `m`, so threads may
 * look up at once in a map no one adds to. */
const cl_blobent *cl_blob_find(const cl_blobmap *m, const void *p, size_t len);

/* Looks up (p, len), adding it when new: the key is copied into `keys`,
 * *added says whether it was new (the caller then sets e->val). The entry
 * stays where it is until the next key is added to `m`. */
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
