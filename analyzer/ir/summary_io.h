/* summary_io.h - serializing a TU summary (ir.h) to bytes and back: the
 * unit of the summary cache and of sharding.
 *
 * Format (all integers little-endian):
 *   "CLSUM\r\n\x1a"       8-byte magic
 *   u32 format version    CL_SUMMARY_FORMAT, bumped with CL_IR_VERSION
 *   u64 payload length
 *   u64 cl_content_hash of the payload (util/bytes.h)
 *   payload: a string table, then the TU (see summary_io.c)
 * Readers check every length and index against the buffer, so a truncated or
 * corrupt file is rejected (NULL), never trusted and never read out of
 * bounds.
 */
#ifndef CL_SUMMARY_IO_H
#define CL_SUMMARY_IO_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "ir/ir.h"

#define CL_SUMMARY_FORMAT (2000u + CL_IR_VERSION)

/* Appends the serialized form of `tu` to `out` (a byte buffer; cl_strbuf is
 * used for its growth, the bytes may contain NULs: use out->len). */
void cl_summary_write(const cl_tu *tu, cl_strbuf *out);

/* Rebuilds a summary from `len` bytes. Returns a new cl_tu (free with
 * cl_tu_free) or NULL when the bytes are not a valid summary of this
 * format version. `*consumed` (may be NULL) receives the bytes used. */
cl_tu *cl_summary_read(const unsigned char *buf, size_t len, size_t *consumed);

/* The payload checksum in the header of the serialized summary at `buf`:
 * what identifies its contents (two summaries with the same digest are the
 * same for the link phase, barring a hash collision). 0 when `buf` does not
 * start with a summary header. The payload is not verified here. */
uint64_t cl_summary_digest(const unsigned char *buf, size_t len);

#endif
