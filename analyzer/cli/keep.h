/* keep.h - summaries kept in memory between runs of one process.
 *
 * The language server (analyzer/lsp) runs the whole program again after each
 * edit. The TUs that did not change are the same summaries as in the last
 * run; a keep holds them so that the next run neither reads them from the
 * cache nor parses them again. An entry is for one TU (its file and parser
 * arguments) and one source: the file on disk, or an editor's unsaved buffer
 * (its bytes are kept to tell whether the next buffer is the same).
 */
#ifndef CL_KEEP_H
#define CL_KEEP_H

#include <stdint.h>

#include "cache/cache.h"
#include "cli/compdb.h"
#include "frontend/frontend.h"
#include "ir/ir.h"

typedef struct cl_keep cl_keep;

/* A new, empty keep; free with cl_keep_free. Never NULL (aborts on OOM). */
cl_keep *cl_keep_new(void);

/* Frees `k` (NULL is fine) and every summary it holds. */
void cl_keep_free(cl_keep *k);

/* The summary kept for the TU `c` when it is still the TU's summary:
 * with `buf` (the TU's unsaved buffer, may be NULL), an entry made from a
 * buffer with the same bytes whose headers (tu->includes after the main
 * file) have the size, modification time and inode they had; without, an
 * entry made from the disk whose digest is the one `cache` (may be NULL:
 * then never) holds for the TU now (cl_cache_probe: the source and every
 * header it read are unchanged). Returns the summary (borrowed: `k` owns
 * it) and its digest in *digest, or NULL. Safe to call from several
 * threads at once while nothing is put. */
cl_tu *cl_keep_find(const cl_keep *k, const cl_compile_cmd *c, const cl_unsaved *buf,
                    cl_cache *cache, uint64_t *digest);

/* Files `tu` (ownership passes to `k`) with `digest` as the summary of the
 * TU `c` made from `buf` (may be NULL: the disk; the bytes are copied).
 * The entry it replaces is freed, unless it holds `tu` itself. Not
 * thread-safe. */
void cl_keep_put(cl_keep *k, const cl_compile_cmd *c, const cl_unsaved *buf, cl_tu *tu,
                 uint64_t digest);

#endif
