/* result.h - what the link and rules phases produced, as bytes: the unit of
 * the result cache.
 *
 * The findings of a run depend only on the summaries of its translation
 * units (in input order), the effective configuration, the selected rules
 * and the analyzer build. When a re-run finds every summary unchanged, the
 * driver takes the findings from a result entry filed under a key of those
 * inputs (cl_result_key) instead of linking and running the rules again:
 * on an unchanged code base the run costs a stat() per dependency.
 *
 * Format (integers little-endian, bytes.h):
 *   "CLRES\r\n\x1a"   8-byte magic
 *   u32 format         CL_RESULT_FORMAT
 *   u64 payload length, u64 cl_content_hash of the payload (util/bytes.h)
 *   payload: u64 functions, u64 threads, u64 accesses, u64 truncated walks,
 *            u64 spawn sites, u64 resolved spawn sites, u64 unresolved
 *            indirect calls,
 *            u32 n, n x TU outcome (str main file, u8 parsed, u32 n x
 *            diagnostic (u8 level, loc, str message)),
 *            u32 n, n x finding (str rule id, u8 level, loc, str function,
 *            str message, str key, u32 n x (loc, str message) related,
 *            u32 n x (str thread, u32 n x (loc, str message) steps) flows)
 *   loc: str file, u32 line, u32 col;  str: cl_put_str
 * The TU outcomes are what the report needs of the summaries (parse errors
 * become notifications), so a run served from a result entry never reads a
 * summary. Suppression and baseline marks are not stored: the driver applies them
 * after the rules, cached or not.
 */
#ifndef CL_RESULT_H
#define CL_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "report/finding.h"
#include "ir/ir.h"

#define CL_RESULT_FORMAT 5u

/* Sizes of the program model, reported by --stats. */
typedef struct cl_result_stats {
    uint64_t functions, threads, accesses;
    uint64_t truncated;       /* thread walks cut at the step budget */
    uint64_t spawn_sites, resolved_sites; /* thread coverage (cl_thread_coverage) */
    uint64_t unresolved_calls; /* indirect calls resolved to no function (cl_model.unresolved) */
} cl_result_stats;

/* The key of a run's result: a hash of `build_id` (the analyzer build, as
 * the summary cache computes it), the `n` summary digests in input order
 * and `settings` (every setting that changes what the rules report, as
 * text). */
uint64_t cl_result_key(uint64_t build_id, const uint64_t *digests, size_t n, const char *settings);

/* Appends the serialized `fs` (sorted, as cl_findings_sort leaves it),
 * `st` and the outcome (main file, parsed, diagnostics) of the `ntus`
 * summaries `tus` to `out`. */
void cl_result_write(const cl_findings *fs, const cl_result_stats *st, const cl_tu *const *tus,
                     size_t ntus, cl_strbuf *out);

/* Rebuilds findings from `len` bytes into `fs` (empty on entry; its arena
 * owns the strings) and `st`, and fills outcomes[0..ntus-1] with new
 * summaries that hold only a TU's outcome (no functions; free each with
 * cl_tu_free). Returns 0, or -1 when the bytes are not a valid result of
 * this format for `ntus` TUs or name a rule this build does not have; then
 * `fs` is left empty and `outcomes` untouched. */
int cl_result_read(const unsigned char *buf, size_t len, cl_findings *fs, cl_result_stats *st,
                   cl_tu **outcomes, size_t ntus);

#endif
