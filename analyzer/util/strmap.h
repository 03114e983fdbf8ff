/* strmap.h - a string-keyed hash map (open addressing, linear probing) from
 * NUL-terminated keys to size_t values. Keys are borrowed: they must outlive
 * the map (typically they live in an arena). Not thread-safe.
 */
#ifndef CL_STRMAP_H
#define CL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct cl_strmap {
    const char **keys;
    size_t *vals;
    uint64_t *hashes; /* cl_hash_str of each key: probes compare it first */
    size_t cap, n;    /* cap is 0 or a power of two */
} cl_strmap;

/* A 64-bit hash of the NUL-terminated `s` (cl_content_hash of its bytes:
 * word-wise, several times faster than a byte-wise hash on long paths). */
uint64_t cl_hash_str(const char *s);

/* Looks `key` up; returns 1 and sets *val if present, else 0. */
int cl_strmap_get(const cl_strmap *m, const char *key, size_t *val);

/* Inserts or replaces. */
void cl_strmap_put(cl_strmap *m, const char *key, size_t val);

void cl_strmap_release(cl_strmap *m);

#endif
