/* dies.c - see dies.h. A syntactic pass over the statement trees: a
 * statement falls through, may escape (return, break, continue, goto,
 * label), or dies; a sequence dies at its first dying statement unless an
 * earlier one may escape. */
#include "model/dies.h"

#include <stdio.h>
#include <string.h>

#include "model/model.h"

enum { FALLS, ESCAPES, DIES };
enum { MAX_DEPTH = 24, MAX_CONST_PARAMS = 8 };

typedef struct dctx {
    const cl_callgraph *cg;
    cl_strmap *memo;
    cl_arena *keys;
    int depth;
    size_t nparams;               /* params with an entry in known/val */
    unsigned char known[MAX_CONST_PARAMS];
    long long val[MAX_CONST_PARAMS];
} dctx;

static int call_dies(const dctx *d, const cl_event *call);

/* Does `n` hold a return or a goto (a way out of the function)? */
static int has_exit(const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_RETURN || n->kind == CL_N_GOTO || n->kind == CL_N_LABEL)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (has_exit(n->kids[i]))
            return 1;
    return 0;
}

static int fate(const dctx *d, const cl_node *n)
{
    if (n == NULL)
        return FALLS;
    switch (n->kind) {
    case CL_N_EVENT:
        if (n->ev->kind != CL_EV_CALL)
            return FALLS;
        if (call_dies(d, n->ev))
            return DIES;
        /* (pthread_exit, longjmp: the path leaves, the process lives on) */
        return cl_callgraph_noreturn(d->cg, n->ev) ? ESCAPES : FALLS;
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids; i++) {
            int r = fate(d, n->kids[i]);
            if (r != FALLS)
                return r;
        }
        return FALLS;
    case CL_N_BRANCH: {
        if (fate(d, n->cond) == DIES)
            return DIES;
        size_t p = n->x->test_param;
        if (n->x->test_call == NULL && p > 0 && p <= d->nparams && d->known[p - 1] && n->nkids == 2)
            return fate(d, n->kids[cl_test_holds(n->x->test_op, n->x->test_value, d->val[p - 1]) ? 0 : 1]);
        int all = n->nkids > 0;
        for (size_t i = 0; i < n->nkids; i++) {
            int r = fate(d, n->kids[i]);
            if (r == ESCAPES)
                return ESCAPES;
            all = all && r == DIES;
        }
        return all ? DIES : FALLS;
    }
    case CL_N_LOOP:
    case CL_N_SWITCH:
        return has_exit(n) ? ESCAPES : FALLS;
    default:
        return ESCAPES;
    }
}

/* Does function `fi`, called by `call`, end the process on every path? */
static int func_dies(const dctx *d, size_t fi, const cl_event *call)
{
    const cl_function *fn = d->cg->funcs.v[fi].fn;
    if (fn == NULL || fn->body == NULL || d->depth >= MAX_DEPTH)
        return 0;
    dctx in;
    memset(&in, 0, sizeof in);
    in.cg = d->cg;
    in.memo = d->memo;
    in.keys = d->keys;
    in.depth = d->depth + 1;
    in.nparams = fn->nparams < MAX_CONST_PARAMS ? fn->nparams : MAX_CONST_PARAMS;
    char key[MAX_CONST_PARAMS * 24 + 32];
    int len = snprintf(key, sizeof key, "%zu", fi);
    for (size_t i = 0; i < in.nparams && i < call->u.call.nargs; i++) {
        const cl_value *v = &call->u.call.args[i];
        in.known[i] = v->kind == CL_VAL_INT;
        in.val[i] = v->ival;
        if (in.known[i])
            len += snprintf(key + len, sizeof key - (size_t)len, "|%zu=%lld", i, v->ival);
    }
    size_t got;
    if (cl_strmap_get(in.memo, key, &got))
        return got == 1; /* 2: being decided further up (recursion): no */
    const char *k = cl_arena_strdup(in.keys, key);
    cl_strmap_put(in.memo, k, 2);
    int dies = fate(&in, fn->body) == DIES;
    cl_strmap_put(in.memo, k, (size_t)dies);
    return dies;
}

static int call_dies(const dctx *d, const cl_event *call)
{
    const cl_callspec *cs = cl_callgraph_spec(d->cg, call);
    if (cs != NULL)
        return cs->kind == CL_CK_NORETURN && (cs->flags & CL_CS_ENDS_PROCESS) != 0;
    size_t one;
    const size_t *cands;
    size_t n = cl_callgraph_callees(d->cg, call, &one, &cands);
    for (size_t i = 0; i < n; i++)
        if (!func_dies(d, cands[i], call))
            return 0;
    return n > 0;
}

int cl_call_dies(const cl_callgraph *cg, const cl_event *call, cl_strmap *memo, cl_arena *keys)
{
    dctx d;
    memset(&d, 0, sizeof d);
    d.cg = cg;
    d.memo = memo;
    d.keys = keys;
    return call_dies(&d, call);
}
