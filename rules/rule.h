/* rule.h - the rule descriptor and the context rules run in.
 *
 * A rule is a const descriptor plus one hook on the whole-program model.
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

struct cl_rule {
    const char *id;          /* "CL002"; stable, never reused */
    const char *name;        /* "unguarded-shared-state", kebab-case */
    const char *short_desc;  /* one sentence, no final period */
    const char *full_desc;   /* a paragraph */
    const char *help_md;     /* markdown: what, why, how to fix, example */
    cl_level default_level;
    const char *const *tags; /* NULL-terminated, e.g. {"concurrency", "data-race", NULL} */
    /* Runs the rule over the linked program and emits findings. */
    void (*run)(const cl_model *model, cl_rule_ctx *ctx);
};

typedef struct cl_config cl_config;

struct cl_rule_ctx {
    const cl_rule *rule;
    size_t rule_index;
    cl_level level;          /* effective level */
    cl_findings *out;        /* emit with cl_rule_emit */
    const cl_config *config; /* the project's .conc-lint.json (config.h); never NULL */
};

/* Emits a finding of ctx->rule at `loc`. `message`, `key`, `function` and
 * every related/flow string are copied into the findings arena, so callers
 * may pass temporaries. */
void cl_rule_emit(cl_rule_ctx *ctx, cl_loc loc, const char *function,
                  const char *message, const char *key,
                  const cl_related *related, size_t nrelated,
                  const cl_thread_flow *flows, size_t nflows);

/* The registry, in id order (rules/registry.c). */
extern const cl_rule *const cl_rules[];
extern const size_t cl_nrules;

/* Finds a rule by id ("CL002") or name ("unguarded-shared-state"); NULL if none. */
const cl_rule *cl_rule_find(const char *id_or_name, size_t *index_out);

#endif
