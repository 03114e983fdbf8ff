/* shape.c - see shape.h. */
#include "analysis/shape.h"

#include <stdlib.h>
#include <string.h>

/* See shape.h. */
int cl_shape_tested(const cl_node *n, const cl_event *ev)
{
    if (n == NULL)
        return 0;
    if (n->test_call == ev)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (cl_shape_tested(n->kids[i], ev))
            return 1;
    return 0;
}

/* See shape.h. */
int cl_shape_under_branch(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_node *n = cl_callgraph_event_node(cg, ev);
    for (const cl_node *p = n ? cl_callgraph_parent(cg, n) : NULL; p != NULL;
         n = p, p = cl_callgraph_parent(cg, p))
        if ((p->kind == CL_N_BRANCH || p->kind == CL_N_SWITCH) && p->cond != n)
            return 1;
    return 0;
}

/* See shape.h. */
int cl_shape_split_by_branch(const cl_callgraph *cg, const cl_event *a, const cl_event *b)
{
    const cl_node *up[64];
    size_t n = 0;
    for (const cl_node *p = cl_callgraph_event_node(cg, a); p != NULL && n < 64;
         p = cl_callgraph_parent(cg, p))
        up[n++] = p;
    for (const cl_node *p = cl_callgraph_event_node(cg, b); p != NULL;
         p = cl_callgraph_parent(cg, p))
        for (size_t i = 0; i < n; i++)
            if (up[i] == p)
                return p->kind == CL_N_BRANCH || p->kind == CL_N_SWITCH;
    return 0;
}

/* See shape.h. */
int cl_shape_respelled(const cl_node *n, const char *name, const char **first)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL) {
        const cl_call *c = &n->ev->u.call;
        for (size_t i = 0; i < c->nargs; i++) {
            const cl_value *v = &c->args[i];
            if (v->kind != CL_VAL_ADDR || v->name == NULL || v->path == NULL ||
                strcmp(v->name, name) != 0)
                continue;
            if (*first != NULL && strcmp(*first, v->path) != 0)
                return 1;
            *first = v->path;
        }
    }
    if (cl_shape_respelled(n->cond, name, first))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (cl_shape_respelled(n->kids[i], name, first))
            return 1;
    return 0;
}

/* Whether `f` is reached from `from` (depth first; `seen` has a byte per
 * function). */
static int reaches(const cl_callgraph *cg, size_t from, size_t f, unsigned char *seen)
{
    const cl_mfunc *mf = &cg->funcs.v[from];
    for (size_t k = 0; k < mf->nout; k++) {
        size_t c = cg->edges.v[mf->out[k]].callee;
        if (c == f)
            return 1;
        if (!seen[c]) {
            seen[c] = 1;
            if (reaches(cg, c, f, seen))
                return 1;
        }
    }
    return 0;
}

/* See shape.h. */
int cl_shape_recursive(const cl_callgraph *cg, size_t f)
{
    unsigned char *seen = cl_xcalloc(cg->funcs.n + 1, 1);
    int r = reaches(cg, f, f, seen);
    free(seen);
    return r;
}
