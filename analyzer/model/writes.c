/* writes.c - the globals code reachable from a function may write
 * (writes.h). */
#include "model/writes.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/strmap.h"

struct cl_writes {
    const cl_callgraph *cg;
    cl_strmap *reach;   /* per function: root objects written, or NULL before its query */
    cl_arena arena;     /* the roots' copies */
    unsigned char *seen;
    size_t *stack;
};

cl_writes *cl_writes_new(const cl_callgraph *cg)
{
    cl_writes *ws = cl_xcalloc(1, sizeof *ws);
    ws->cg = cg;
    ws->reach = cl_xcalloc(cg->funcs.n + 1, sizeof *ws->reach);
    ws->seen = cl_xcalloc(cg->funcs.n + 1, 1);
    ws->stack = cl_xcalloc(cg->funcs.n + 1, sizeof *ws->stack);
    return ws;
}

void cl_writes_free(cl_writes *ws)
{
    if (ws == NULL)
        return;
    for (size_t f = 0; f < ws->cg->funcs.n; f++)
        cl_strmap_release(&ws->reach[f]);
    free(ws->reach);
    free(ws->seen);
    free(ws->stack);
    cl_arena_release(&ws->arena);
    free(ws);
}

/* Adds to `out` the roots `n`'s writes name, and pushes the callees of its
 * calls not seen yet onto the stack (depth *sp). */
static void scan(cl_writes *ws, const cl_node *n, cl_strmap *out, size_t *sp)
{
    if (n == NULL)
        return;
    const cl_event *ev = n->kind == CL_N_EVENT ? n->ev : NULL;
    if (ev != NULL && ev->kind == CL_EV_ACCESS && (ev->u.access.flags & CL_ACC_WRITE) &&
        ev->u.access.path != NULL && ev->u.access.path[0] == 'G') {
        size_t len = cl_path_root_len(ev->u.access.path);
        char *root = cl_arena_strndup(&ws->arena, ev->u.access.path, len);
        if (!cl_strmap_get(out, root, NULL))
            cl_strmap_put(out, root, 1);
    } else if (ev != NULL && ev->kind == CL_EV_CALL) {
        size_t one;
        const size_t *callees;
        size_t k = cl_callgraph_callees(ws->cg, ev, &one, &callees);
        for (size_t i = 0; i < k; i++)
            if (!ws->seen[callees[i]]) {
                ws->seen[callees[i]] = 1;
                ws->stack[(*sp)++] = callees[i];
            }
    }
    scan(ws, n->cond, out, sp);
    for (size_t i = 0; i < n->nkids; i++)
        scan(ws, n->kids[i], out, sp);
}

int cl_writes_may(cl_writes *ws, size_t func, const char *path)
{
    size_t len = path != NULL && path[0] == 'G' ? cl_path_root_len(path) : 0;
    if (len == 0 || len >= 4096)
        return 0;
    cl_strmap *out = &ws->reach[func];
    if (out->cap == 0) {
        size_t sp = 0;
        memset(ws->seen, 0, ws->cg->funcs.n + 1);
        ws->seen[func] = 1;
        ws->stack[sp++] = func;
        while (sp > 0) {
            size_t f = ws->stack[--sp];
            scan(ws, ws->cg->funcs.v[f].fn->body, out, &sp);
        }
        /* (a function that writes no global: a placeholder key, so that
         * the next query finds it collected) */
        if (out->cap == 0)
            cl_strmap_put(out, "", 0);
    }
    char root[4096];
    memcpy(root, path, len);
    root[len] = '\0';
    return cl_strmap_get(out, root, NULL);
}
