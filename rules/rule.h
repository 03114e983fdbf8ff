/* rule.h - the rule descriptor and the context rules run in.
 *
 * A rule is a const descriptor plus hooks on the program points of the
 * whole-program model (model.h): "select the points" is the subscription
 * in the descriptor, "decide" is the rule's code.
 * --list-rules, --explain and the SARIF rules[] array are generated from the
 * descriptors; rules never print, they emit findings through the context.
 * Rule state lives in locals or hangs off the context, never in file-scope
 * variables.
 */
#ifndef CL_RULE_H
#define CL_RULE_H

#include "report/finding.h"

typedef struct cl_model cl_model;
typedef struct cl_rule_ctx cl_rule_ctx;
typedef struct cl_accrec cl_accrec;
typedef struct cl_callrec cl_callrec;
typedef struct cl_exitrec cl_exitrec;

/* Kinds of program points a rule subscribes to (cl_rule.points). */
enum {
    CL_ON_ACCESS = 1u << 0, /* every access record (cl_accrec) */
    CL_ON_CALL = 1u << 1,   /* library calls (cl_callrec) of the kinds in call_kinds */
    CL_ON_EXIT = 1u << 2    /* function exits (cl_exitrec) */
};

/* Bit for callspec kind `k` (callspec.h cl_callkind) in cl_rule.call_kinds. */
#define CL_KIND_BIT(k) (1ull << (unsigned)(k))

/* A NULL-terminated list of strings for the list fields of a descriptor
 * (tags, config_keys, cwe, subsumes), written where the field is set:
 * `.tags = CL_STRINGS("concurrency", "data-race")`. At file scope the
 * compound literal has static storage duration (C11 6.5.2.5p5). */
#define CL_STRINGS(...) ((const char *const[]){ __VA_ARGS__, NULL })

struct cl_rule {
    const char *id;          /* "CL002"; stable, never reused */
    const char *name;        /* "unguarded-shared-state", kebab-case */
    const char *short_desc;  /* one sentence, no final period */
    const char *full_desc;   /* a paragraph */
    const char *help_md;     /* markdown: what, why, how to fix, example */
    cl_level default_level;
    const char *const *tags; /* NULL-terminated, e.g. {"concurrency", "data-race", NULL} */
    /* The .conc-lint.json keys this rule reads (NULL-terminated, or NULL). */
    const char *const *config_keys;
    /* What the rule looks at: CL_ON_* point kinds, and with CL_ON_CALL the
     * library call kinds (CL_KIND_BIT of each; 0 = every classified call). */
    unsigned points;
    unsigned long long call_kinds;
    /* Hooks, each optional. The runner (cl_rule_run) calls `begin`, then the
     * point hooks for every subscribed point of the model in record order,
     * then `finish`, which decides what is left and emits findings
     * (finding_builder.h). State lives in ctx->state, never in file-scope
     * variables; `finish` frees it. */
    void (*begin)(const cl_model *m, cl_rule_ctx *ctx);
    void (*on_access)(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r);
    void (*on_call)(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r);
    void (*on_exit)(const cl_model *m, cl_rule_ctx *ctx, const cl_exitrec *r);
    void (*finish)(const cl_model *m, cl_rule_ctx *ctx);
    /* 1 when the hooks read only the call graph (m->cg) and the
     * configuration: the rule then runs while the thread walks fill in the
     * rest of the model (cl_model_link, cl_model_walk), and subscribes to
     * no points. The hooks of all rules may run at once on several
     * threads: they only read the model and write their own ctx. */
    int callgraph_only;
    /* For consumers that rank alerts (GitHub code scanning reads them from
     * SARIF rule properties): the CWE ids of what the rule finds
     * (NULL-terminated, e.g. {"CWE-362", NULL}), how often a finding is
     * right ("very-high", "high", "medium" or "low"), and a severity from
     * 0.0 to 10.0 written as a string ("6.3", CVSS-like). NULL: unstated. */
    const char *const *cwe;
    const char *precision;
    const char *security_severity;
    /* Ids of rules (NULL-terminated, or NULL) whose findings this rule's
     * findings can stand for: one defect, one finding. A finding of one of
     * them is dropped when each of its locations (primary and related) is
     * a related location of one finding of this rule or on the line of its
     * primary (cl_rules_fold). */
    const char *const *subsumes;
};

typedef struct cl_config cl_config;

struct cl_rule_ctx {
    const cl_rule *rule;
    size_t rule_index;
    cl_level level;          /* effective level */
    cl_findings *out;        /* findings go here (finding_builder.h) */
    const cl_config *config; /* the project's .conc-lint.json (config.h); never NULL */
    void *state;             /* the rule's own state between hooks */
};

/* Runs `rule` over the model with context `ctx` (its state starts NULL). */
void cl_rule_run(const cl_rule *rule, const cl_model *m, cl_rule_ctx *ctx);

/* One rule's run: its context, whose `out` the runner points at `found`,
 * the findings it made, and its wall time in seconds. */
typedef struct cl_rule_job {
    cl_rule_ctx ctx;
    cl_findings found;
    double seconds;
} cl_rule_job;

/* Rule jobs running on threads of their own. */
typedef struct cl_rule_batch cl_rule_batch;

/* Starts jobs[0..n) (borrowed until cl_rules_wait) on up to `threads`
 * pthreads, each taking the next job no thread has taken; 0 threads, or
 * threads that cannot be created, leave the jobs to cl_rules_wait. A job
 * reads `m` (which must not change meanwhile except, for callgraph_only
 * rules, outside m->cg) and writes only itself. Never NULL. */
cl_rule_batch *cl_rules_start(const cl_model *m, cl_rule_job *jobs, size_t n, unsigned threads);

/* Runs the jobs of `b` no thread has taken on the calling thread, waits
 * for the batch's threads, and frees `b`. Each job's findings are then in
 * its `found`, in the order the rule made them. */
void cl_rules_wait(cl_rule_batch *b);

/* Drops from `fs` every finding that a finding of another rule stands for
 * (cl_rule.subsumes): e.g. the race on a flag that a CL003 finding already
 * reports as polled with a sleep. Run after every rule, before sorting. */
void cl_rules_fold(cl_findings *fs);

/* The registry, in id order (rules/registry.c). */
extern const cl_rule *const cl_rules[];
extern const size_t cl_nrules;

/* Finds a rule by id ("CL002", in any case: "cl002") or name
 * ("unguarded-shared-state"); NULL if none. */
const cl_rule *cl_rule_find(const char *id_or_name, size_t *index_out);

#endif
