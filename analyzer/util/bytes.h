/* bytes.h - the byte-level pieces of conc-lint's on-disk formats (summaries,
 * cache entries, cached results): little-endian integers appended to a
 * cl_strbuf, a bounds-checked reader over a byte buffer, and the FNV-1a-64
 * hash used for checksums and change detection.
 *
 * A reader never reads past its end: the first short read sets `bad`, and
 * every later get returns 0/NULL, so a format reader can decode a whole
 * record and check `bad` once (truncated or corrupt input is rejected,
 * never trusted).
 */
#ifndef CL_BYTES_H
#define CL_BYTES_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

#define CL_FNV_OFFSET 1469598103934665603ull

/* FNV-1a-64 of `n` bytes at `p`, continuing from `h` (start with
 * CL_FNV_OFFSET). Not cryptographic: it detects change, not tampering. */
uint64_t cl_fnv1a64(uint64_t h, const void *p, size_t n);

/* The content hash the summary cache records for a file's bytes (and the
 * analyzer's build id): a 64-bit multiply-rotate hash over four lanes,
 * with the low bit set, so it is never 0 (0 means "unreadable"). Not
 * cryptographic; about 8 times as fast as cl_fnv1a64 (every included file
 * of every TU goes through it). */
uint64_t cl_content_hash(const void *p, size_t n);

/* Append to `b` (bytes, may contain NULs: use b->len). */
void cl_put_u8(cl_strbuf *b, unsigned v);
void cl_put_u32(cl_strbuf *b, uint32_t v);
void cl_put_u64(cl_strbuf *b, uint64_t v);
/* u32 length + 1 (0 for NULL), then the bytes without the NUL. */
void cl_put_str(cl_strbuf *b, const char *s);

typedef struct cl_reader {
    const unsigned char *p, *end;
    int bad;          /* set by the first read past `end` (or by the caller) */
} cl_reader;

/* 1 when `n` more bytes can be read; otherwise sets r->bad, returns 0. */
int cl_need(cl_reader *r, size_t n);
unsigned cl_get_u8(cl_reader *r);
uint32_t cl_get_u32(cl_reader *r);
uint64_t cl_get_u64(cl_reader *r);
/* A count of items that each take at least `min` bytes: a count the rest of
 * the input cannot hold sets r->bad (so nothing huge is allocated). */
size_t cl_get_count(cl_reader *r, size_t min);
/* A string written by cl_put_str, copied into `a`; NULL for NULL or when
 * r->bad. */
const char *cl_get_str(cl_reader *r, cl_arena *a);

/* The first byte in [p, end) that is not JSON whitespace (RFC 8259 section
 * 2: space, tab, line feed, carriage return), or NULL when there is none
 * (or p is NULL). For parsers of a whole JSON document: data after the
 * document, such as a second array appended to the first, is an error. */
const char *cl_json_trailing(const char *p, const char *end);

#endif
