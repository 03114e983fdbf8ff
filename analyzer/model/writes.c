/* writes.c - globals private to one thread's side of the program
 * (writes.h). */
#include "model/writes.h"

#include <stdlib.h>
#include <string.h>

#include "ir/ir.h"
#include "util/arena.h"
#include "util/strmap.h"

struct cl_writes {
    const cl_callgraph *cg;
    cl_strmap taken;    /* root objects whose address is taken -> 1 */
    cl_strmap shared;   /* paths written by a function reachable from one
                           used as a value -> 1 (IR strings) */
    cl_arena arena;     /* the roots' copies */
};

/* Notes that the root object of global path `path` has its address taken. */
static void mark_taken(cl_writes *ws, const char *path)
{
    size_t len = cl_path_root_len(path);
    if (len == 0)
        return;
    char *root = cl_arena_strndup(&ws->arena, path, len);
    if (!cl_strmap_get(&ws->taken, root, NULL))
        cl_strmap_put(&ws->taken, root, 1);
}

/* Whether global path `p` names storage of its root object itself: no
 * step through a pointer ("->", a dereference). */
static int own_storage(const char *p)
{
    return strstr(p, "->") == NULL && strchr(p, '*') == NULL;
}

static void note_value(cl_writes *ws, const cl_value *v)
{
    if (v != NULL && v->kind == CL_VAL_ADDR && v->path != NULL && v->path[0] == 'G' && own_storage(v->path))
        mark_taken(ws, v->path);
}

/* Notes the writes of globals in tree `n` when `shared` (the function is
 * reachable from a function used as a value), and the addresses taken. */
static void scan(cl_writes *ws, const cl_node *n, int shared)
{
    if (n == NULL)
        return;
    const cl_event *ev = n->kind == CL_N_EVENT ? n->ev : NULL;
    if (ev != NULL && ev->kind == CL_EV_ACCESS) {
        const char *p = ev->u.access.path;
        if (shared && (ev->u.access.flags & CL_ACC_WRITE) && p != NULL && p[0] == 'G' &&
            !cl_strmap_get(&ws->shared, p, NULL))
            cl_strmap_put(&ws->shared, p, 1);
        note_value(ws, ev->u.access.stored);
    } else if (ev != NULL && ev->kind == CL_EV_CALL) {
        for (size_t i = 0; i < ev->u.call.nargs; i++)
            note_value(ws, &ev->u.call.args[i]);
    }
    scan(ws, n->cond, shared);
    for (size_t i = 0; i < n->nkids; i++)
        scan(ws, n->kids[i], shared);
}

cl_writes *cl_writes_new(const cl_callgraph *cg)
{
    cl_writes *ws = cl_xcalloc(1, sizeof *ws);
    ws->cg = cg;
    size_t nf = cg->funcs.n;
    /* The functions reachable from one used as a value, or from one the
     * program never calls (code outside it may: an API, a callback handed
     * over by a function it does not see). */
    unsigned char *reach = cl_xcalloc(nf + 1, 1), *is_main = cl_xcalloc(nf + 1, 1);
    size_t *stack = cl_xcalloc(nf + 1, sizeof *stack), sp = 0;
    for (size_t i = 0; i < cg->mains.n; i++)
        is_main[cg->mains.v[i]] = 1;
    for (size_t f = 0; f < nf; f++)
        if (cg->funcs.v[f].addr_taken || cg->funcs.v[f].spawned ||
            (cg->funcs.v[f].ncallsites == 0 && !is_main[f])) {
            reach[f] = 1;
            stack[sp++] = f;
        }
    free(is_main);
    while (sp > 0) {
        const cl_mfunc *mf = &cg->funcs.v[stack[--sp]];
        for (size_t i = 0; i < mf->nout; i++) {
            size_t callee = cg->edges.v[mf->out[i]].callee;
            if (callee < nf && !reach[callee]) {
                reach[callee] = 1;
                stack[sp++] = callee;
            }
        }
    }
    const cl_tu *last = NULL;
    for (size_t f = 0; f < nf; f++) {
        scan(ws, cg->funcs.v[f].fn->body, reach[f]);
        const cl_tu *tu = cg->funcs.v[f].tu;
        if (tu == NULL || tu == last)
            continue;
        last = tu;
        for (size_t g = 0; g < tu->nglobals; g++)
            if (tu->globals[g].init_path != NULL && tu->globals[g].init_path[0] == 'G' &&
                own_storage(tu->globals[g].init_path))
                mark_taken(ws, tu->globals[g].init_path);
    }
    free(reach);
    free(stack);
    return ws;
}

void cl_writes_free(cl_writes *ws)
{
    if (ws == NULL)
        return;
    cl_strmap_release(&ws->taken);
    cl_strmap_release(&ws->shared);
    cl_arena_release(&ws->arena);
    free(ws);
}

/* Whether static global path `p` ("Gc:<file>@name...") was declared in a
 * .c file: a static in a header is one object per file that includes it,
 * under one name. */
static int in_source_file(const char *p)
{
    const char *at = strncmp(p, "Gc:", 3) == 0 ? strchr(p + 3, '@') : NULL;
    return at != NULL && at - p > 5 && at[-2] == '.' && at[-1] == 'c';
}

int cl_writes_private(const cl_writes *ws, const char *path)
{
    size_t len = path != NULL && path[0] == 'G' ? cl_path_root_len(path) : 0, n = len ? strlen(path) : 0;
    char buf[4096];
    if (len == 0 || n >= sizeof buf)
        return 0;
    unsigned flags = cl_callgraph_global_flags(ws->cg, path);
    if (!(flags & CL_GV_STATIC) || (flags & CL_GV_TLS) || !own_storage(path) || !in_source_file(path))
        return 0;
    memcpy(buf, path, n + 1);
    buf[len] = '\0';
    if (cl_strmap_get(&ws->taken, buf, NULL))
        return 0;
    /* (the path and each object containing it: "Gs.mode", "Gs") */
    memcpy(buf, path, n + 1);
    if (cl_strmap_get(&ws->shared, buf, NULL))
        return 0;
    for (size_t i = n; i-- > len;) {
        if (buf[i] != '.' && buf[i] != '[' && buf[i] != '-')
            continue;
        buf[i] = '\0';
        if (cl_strmap_get(&ws->shared, buf, NULL))
            return 0;
    }
    return 1;
}
