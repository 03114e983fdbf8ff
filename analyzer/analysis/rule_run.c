/* rule_run.c - runs one rule over the model: its subscribed program points,
 * then its decision (rule.h). */
#include "model/model.h"
#include "rule.h"

static int wants_call(const cl_rule *r, const cl_callrec *c)
{
    return r->call_kinds == 0 || (r->call_kinds & CL_KIND_BIT(c->spec->kind)) != 0;
}

void cl_rule_run(const cl_rule *rule, const cl_model *m, cl_rule_ctx *ctx)
{
    if (rule->begin)
        rule->begin(m, ctx);
    if ((rule->points & CL_ON_ACCESS) && rule->on_access)
        for (size_t i = 0; i < m->accesses.n; i++)
            rule->on_access(m, ctx, &m->accesses.v[i]);
    if ((rule->points & CL_ON_CALL) && rule->on_call)
        for (size_t i = 0; i < m->calls.n; i++)
            if (wants_call(rule, &m->calls.v[i]))
                rule->on_call(m, ctx, &m->calls.v[i]);
    if ((rule->points & CL_ON_EXIT) && rule->on_exit)
        for (size_t i = 0; i < m->exits.n; i++)
            rule->on_exit(m, ctx, &m->exits.v[i]);
    if (rule->finish)
        rule->finish(m, ctx);
}
