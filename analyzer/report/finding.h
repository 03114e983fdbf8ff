/* finding.h - what rules produce and report writers consume.
 *
 * A finding is a rule's verdict at one primary location, with the related
 * locations that make it true (the other access, the spawn site, the lock
 * site) and, for races and leaks, one thread flow per thread involved.
 * All strings and arrays of a finding are owned by the cl_findings arena that
 * produced it. Locations use cl_loc from ir.h (1-based lines, byte columns);
 * file paths are absolute or as the compile database named them.
 */
#ifndef CL_FINDING_H
#define CL_FINDING_H

#include <stddef.h>

#include "util/arena.h"
#include "util/strmap.h"
#include "ir/ir.h"

typedef enum cl_level {
    CL_LEVEL_NONE = 0, /* rule disabled */
    CL_LEVEL_NOTE,
    CL_LEVEL_WARNING,
    CL_LEVEL_ERROR
} cl_level;

/* "none", "note", "warning", "error" (the SARIF spellings). */
const char *cl_level_name(cl_level level);
/* Parses a SARIF level name; returns 0 and sets *out, or -1 if unknown. */
int cl_level_parse(const char *s, cl_level *out);

typedef enum cl_baseline_mark {
    CL_BASELINE_NONE = 0,     /* no baseline was given */
    CL_BASELINE_MARK_NEW,     /* not in the baseline: counts for --fail-on */
    CL_BASELINE_MARK_UNCHANGED/* in the baseline: reported, does not fail the gate */
} cl_baseline_mark;

typedef struct cl_related {
    cl_loc loc;
    const char *message;  /* e.g. "thread 'worker' started here" */
} cl_related;

/* One step of a thread flow: where the thread was and what it did. */
typedef struct cl_flow_step {
    cl_loc loc;
    const char *message;  /* e.g. "calls 'note_rx_drop'" or "writes 'rx_dropped'" */
} cl_flow_step;

typedef struct cl_thread_flow {
    const char *thread;   /* e.g. "thread 'rx_worker_main' (rx_worker.c:37)" or "main thread" */
    size_t nsteps;
    cl_flow_step *steps;  /* from the thread's start to the event */
} cl_thread_flow;

typedef struct cl_rule cl_rule;

typedef struct cl_finding {
    const cl_rule *rule;
    size_t rule_index;    /* index of `rule` in the registry */
    cl_level level;       /* effective level after configuration */
    cl_loc loc;           /* primary location */
    const char *function; /* enclosing function name, or NULL */
    const char *message;  /* lowercase, no final period, identifiers quoted */
    /* Stable, line-independent identity of the finding within its function,
     * e.g. "stats.bytes_out|write": the fingerprint is derived from the rule
     * id, the file's path relative to the source root, `function` and `key`. */
    const char *key;
    size_t nrelated;
    cl_related *related;
    size_t nflows;
    cl_thread_flow *flows;
    /* Set by the driver from inline suppression comments. */
    int suppressed;
    const char *suppression_reason; /* justification, may be NULL */
    /* Set by the driver with --baseline: SARIF baselineState. */
    cl_baseline_mark baseline;
} cl_finding;

typedef struct cl_findings {
    cl_arena arena;
    struct { cl_finding *v; size_t n, cap; } list;
    /* "rule|file:line:col|key" of every finding added through
     * cl_findings_first (one root cause, one finding); keys in `arena`. */
    cl_strmap folded;
} cl_findings;

/* Whether no finding of `rule` at `loc` with `key` (may be NULL) is in
 * `fs` yet; records it. Rules' findings pass through it, so the copies of
 * one defect reached through many thread instances or call paths fold
 * into the first. */
int cl_findings_first(cl_findings *fs, const cl_rule *rule, cl_loc loc, const char *key);

/* Appends a copy of `f` (shallow: strings/arrays must already live in
 * `fs->arena`, e.g. made with cl_arena_* on it). */
void cl_findings_add(cl_findings *fs, const cl_finding *f);

/* Sorts on the total order (file, line, column, rule id, message, key) and
 * drops exact duplicates, so output is deterministic for any -j. */
void cl_findings_sort(cl_findings *fs);

/* Appends the findings of `src` to `dst` in their order and hands `dst`
 * the memory they live in; `src` is empty afterwards (its fold record,
 * kept per rule, is dropped: fold within a rule before taking). */
void cl_findings_take(cl_findings *dst, cl_findings *src);

void cl_findings_release(cl_findings *fs);

#endif
