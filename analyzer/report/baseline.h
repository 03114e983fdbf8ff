/* baseline.h - `--baseline OLD.sarif`: which of this run's findings were
 * already reported by an earlier run (docs/ci.md, README "Usage").
 *
 * A baseline is a SARIF 2.1.0 log written earlier by conc-lint. Each of its
 * results contributes one entry: the ruleId and the line-independent
 * fingerprint partialFingerprints["concLint/v1"] (CL_BASELINE_FINGERPRINT_KEY;
 * computed by cl_report_fingerprint, report.h), plus the message, level and
 * location needed to re-emit it as an "absent" result.
 *
 * Matching algorithm. A current finding matches a baseline entry when both
 * the rule id and the fingerprint are equal as strings; nothing else is
 * compared. The fingerprint hashes the rule id, the file's path relative to
 * the source root, the enclosing function and the rule's key (e.g.
 * "stats.bytes_out|write"), and deliberately no line or column: inserting
 * lines above a finding, reformatting its function or moving the checkout to
 * another directory must not turn an old finding into a "new" one, or the
 * gate would fail on every unrelated edit (SARIF 2.1.0 section 3.27.17:
 * partialFingerprints identify a result across runs). The price: a
 * finding whose function or file is renamed shows up as one "new" result
 * plus one "absent" one, and the fingerprint cannot tell apart two findings
 * with the same key in the same function. Those are handled as a multiset:
 * each baseline entry matches at most one current finding, so a baseline
 * holding a fingerprint twice absorbs two current findings and a third is
 * NEW. Which of several equal findings is the NEW one depends on call order;
 * classify findings in their sorted order (cl_findings_sort) so the answer
 * is deterministic.
 *
 * Usage:
 *   cl_baseline b = {0};
 *   if (cl_baseline_load(&b, path, err, sizeof err) != 0) -> exit 2 with err
 *   for each finding f (sorted): state = cl_baseline_classify(&b, id, fp)
 *   n = cl_baseline_absent(&b, NULL); ... cl_baseline_absent(&b, vec);
 *   cl_baseline_release(&b);
 * Not thread-safe: classify mutates the match marks.
 */
#ifndef CL_BASELINE_H
#define CL_BASELINE_H

#include <stddef.h>

#include "util/arena.h"
#include "report/finding.h"

/* The partialFingerprints key conc-lint writes and reads. A new fingerprint
 * algorithm gets a new key ("concLint/v2"); results of an older baseline
 * without the current key are then skipped (counted in `nskipped`). */
#define CL_BASELINE_FINGERPRINT_KEY "concLint/v1"

/* Baseline files larger than this are refused (cJSON needs several times the
 * file size in memory). A SARIF log of 25,000 results, GitHub's upload
 * limit, is well below it. */
#define CL_BASELINE_MAX_BYTES (64u * 1024u * 1024u)

/* SARIF result.baselineState of a current finding. */
typedef enum cl_baseline_state {
    CL_BASELINE_NEW = 0,   /* "new": not in the baseline; fails the gate */
    CL_BASELINE_UNCHANGED  /* "unchanged": in the baseline; does not fail it */
} cl_baseline_state;

/* "new" or "unchanged", the SARIF spellings. */
const char *cl_baseline_state_name(cl_baseline_state s);

/* One result of the baseline log. Every string is owned by the baseline's
 * arena and lives until cl_baseline_release; optional ones may be NULL.
 * Read-only for callers. */
typedef struct cl_baseline_entry {
    const char *rule_id;     /* result.ruleId (or result.rule.id); never NULL */
    const char *fingerprint; /* partialFingerprints["concLint/v1"]; never NULL */
    cl_level level;          /* result.level; SARIF's default "warning" if absent */
    const char *message;     /* result.message.text, or NULL */
    const char *uri;         /* locations[0].physicalLocation.artifactLocation.uri, or NULL */
    const char *uri_base_id; /* its uriBaseId (e.g. "%SRCROOT%"), or NULL */
    unsigned long line;      /* region.startLine (1-based), 0 if absent */
    unsigned long col;       /* region.startColumn as written (the log's columnKind), 0 if absent */
    const char *function;    /* locations[0].logicalLocations[0].name, or NULL */
    size_t run, index;       /* position in the log: runs[run].results[index] */
    int matched;             /* set by cl_baseline_classify */
} cl_baseline_entry;

typedef struct cl_baseline {
    cl_arena arena;
    struct { cl_baseline_entry *v; size_t n, cap; } entries; /* log order */
    cl_baseline_entry **order; /* entries.v sorted by (rule_id, fingerprint, log order) */
    size_t nmatched;      /* entries matched so far */
    /* What loading ignored, for a warning line; none of it is an error. */
    size_t nskipped;      /* results without a ruleId or a concLint/v1 fingerprint */
    size_t nabsent;       /* results already "absent" in the log (an earlier baseline's leftovers) */
    size_t nforeign_runs; /* runs of other tools (tool.driver.name not "conc-lint") */
} cl_baseline;

/* Loads the SARIF log at `path` into `b`, which must be zeroed or released.
 *
 * Returns 0 on success (possibly with zero entries: a baseline without
 * findings is valid and makes every finding NEW). Returns -1 when the file
 * cannot be read, is not a regular file, is larger than
 * CL_BASELINE_MAX_BYTES, is not JSON, is not a SARIF 2.1.0 log (no "runs"
 * array, an empty one, a "version" other than "2.1.0"), or holds no
 * conc-lint run; then one lowercase line naming the file and the problem is
 * written to `err` (truncated to `errlen`; may be NULL) and `b` is left
 * empty. Individual results that are not objects, lack a ruleId or lack the
 * concLint/v1 fingerprint are skipped and counted, not fatal: a baseline
 * from an older fingerprint version degrades to "everything is new" instead
 * of failing the run.
 * Cost: one read of the file and one cJSON tree, freed before returning;
 * O(n log n) in the number of results. */
int cl_baseline_load(cl_baseline *b, const char *path, char *err, size_t errlen);

/* Classifies a current finding by its rule id and fingerprint (the value of
 * cl_report_fingerprint). When an unmatched baseline entry has the same rule
 * id and fingerprint, marks the first such entry (in log order) matched and
 * returns CL_BASELINE_UNCHANGED; otherwise returns CL_BASELINE_NEW. Each
 * entry matches once: see the file comment on duplicates. NULL arguments and
 * an empty baseline give NEW. O(log n). */
cl_baseline_state cl_baseline_classify(cl_baseline *b, const char *rule_id,
                                       const char *fingerprint);

/* The baseline entries no cl_baseline_classify call matched (SARIF
 * baselineState "absent": fixed, or gone with their code), in log order.
 * Returns their count. With `out` non-NULL, also stores pointers to them
 * (borrowed from `b`, valid until cl_baseline_release) in out[0..count-1];
 * `out` must have room for the count, which a first call with out == NULL
 * returns, or for b->entries.n. */
size_t cl_baseline_absent(const cl_baseline *b, const cl_baseline_entry **out);

/* Frees everything `b` owns; `b` is zeroed and may be loaded again. */
void cl_baseline_release(cl_baseline *b);

#endif
