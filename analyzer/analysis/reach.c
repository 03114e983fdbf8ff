/* reach.c - which library call kinds code reaches (see reach.h). */
#include "analysis/reach.h"

#include <stdlib.h>

unsigned long long cl_reach_in(const cl_callgraph *cg, const unsigned long long *reach,
                               const cl_node *n)
{
    unsigned long long k = 0;
    for (size_t i = 0; n != NULL && n->kind != CL_N_EVENT && i <= n->nkids; i++)
        k |= cl_reach_in(cg, reach, i ? n->kids[i - 1] : n->cond);
    if (n == NULL || n->kind != CL_N_EVENT || n->ev->kind != CL_EV_CALL)
        return k;
    const cl_callspec *cs = cl_callgraph_spec(cg, n->ev);
    const size_t *to;
    size_t one, nto = cs == NULL && reach != NULL ? cl_callgraph_callees(cg, n->ev, &one, &to) : 0;
    if (cs != NULL)
        k |= CL_REACH_BIT(cs->kind);
    for (size_t i = 0; i < nto; i++)
        k |= reach[to[i]];
    return k;
}

static int up(void *ctx, size_t callee, size_t caller)
{
    unsigned long long *reach = ctx, more = reach[callee] & ~reach[caller];
    reach[caller] |= more;
    return more != 0;
}

unsigned long long *cl_reach_new(const cl_callgraph *cg)
{
    unsigned long long *reach = cl_xcalloc(cg->funcs.n + 1, sizeof *reach);
    for (size_t f = 0; f < cg->funcs.n; f++)
        reach[f] = cl_reach_in(cg, NULL, cg->funcs.v[f].fn->body);
    cl_callgraph_to_callers(cg, up, reach);
    return reach;
}
