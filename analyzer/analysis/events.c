/* events.c - event loops and callback registrations (see events.h). */
#include "analysis/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/reach.h"
#include "analysis/shape.h"
#include "util/strmap.h"

struct cl_events {
    const cl_callgraph *cg;
    const cl_callspec **src; /* per function: the best event source it reaches */
    int linked;              /* src is complete: scans follow project calls */
    cl_strmap loops;         /* loop -> 1 + index into loopsrc; 0: no event loop */
    cl_arena arena;
    struct { const cl_callspec **v; size_t n, cap; } loopsrc;
};

static int rank(const cl_callspec *cs)
{
    return cs == NULL ? 0 : cs->kind == CL_CK_POLL ? 1 : 2;
}

/* The best event source subtree `n` calls, directly or (once linked)
 * through project calls; the first in tree order among equals. */
static const cl_callspec *source(const cl_events *ev, const cl_node *n)
{
    const cl_callspec *best = NULL, *cs;
    size_t one, k;
    const size_t *to;
    if (n == NULL)
        return NULL;
    if (n->kind == CL_N_EVENT) {
        if (n->ev->kind != CL_EV_CALL)
            return NULL;
        if ((cs = cl_callgraph_spec(ev->cg, n->ev)) != NULL)
            return cs->flags & CL_CS_EVENT_SOURCE ? cs : NULL;
        k = ev->linked ? cl_callgraph_callees(ev->cg, n->ev, &one, &to) : 0;
        for (size_t i = 0; i < k; i++)
            best = rank(ev->src[to[i]]) > rank(best) ? ev->src[to[i]] : best;
        return best;
    }
    for (size_t i = 0; i <= n->nkids; i++)
        if (rank(cs = source(ev, i ? n->kids[i - 1] : n->cond)) > rank(best))
            best = cs;
    return best;
}

static int up_source(void *ctx, size_t callee, size_t caller)
{
    const cl_callspec **src = ((cl_events *)ctx)->src;
    if (rank(src[callee]) <= rank(src[caller]))
        return 0;
    src[caller] = src[callee];
    return 1;
}

cl_events *cl_events_new(const cl_callgraph *cg)
{
    cl_events *ev = cl_xcalloc(1, sizeof *ev);
    ev->cg = cg;
    ev->src = cl_xcalloc(cg->funcs.n + 1, sizeof *ev->src);
    for (size_t f = 0; f < cg->funcs.n; f++)
        ev->src[f] = source(ev, cg->funcs.v[f].fn->body);
    cl_callgraph_to_callers(cg, up_source, ev);
    ev->linked = 1;
    return ev;
}

void cl_events_free(cl_events *ev)
{
    if (ev == NULL)
        return;
    free(ev->src);
    free(ev->loopsrc.v);
    cl_strmap_release(&ev->loops);
    cl_arena_release(&ev->arena);
    free(ev);
}

int cl_events_loop(cl_events *ev, const cl_node *loop, const cl_callspec **src)
{
    char key[32];
    size_t v;
    snprintf(key, sizeof key, "%p", (const void *)loop);
    if (!cl_strmap_get(&ev->loops, key, &v)) {
        int scanned = loop->bound == CL_LOOP_INFINITE || (loop->bound == CL_LOOP_UNKNOWN && !loop->x->walks_list);
        const cl_callspec *cs = scanned ? source(ev, loop) : NULL;
        if ((v = loop->bound == CL_LOOP_INFINITE || cs != NULL)) {
            CL_VEC_PUSH(&ev->loopsrc, cs);
            v = ev->loopsrc.n;
        }
        cl_strmap_put(&ev->loops, cl_arena_strdup(&ev->arena, key), v);
    }
    if (src != NULL)
        *src = v ? ev->loopsrc.v[v - 1] : NULL;
    return v != 0;
}

const cl_node *cl_events_around(cl_events *ev, const cl_event *e)
{
    const cl_node *n = cl_callgraph_event_node(ev->cg, e);
    while (n != NULL && !(n->kind == CL_N_LOOP && cl_events_loop(ev, n, NULL)))
        n = cl_callgraph_parent(ev->cg, n);
    return n;
}

const cl_node *cl_events_loop_in(cl_events *ev, const cl_node *n, const unsigned long long *reach,
                                 unsigned long long kinds)
{
    const cl_node *l;
    if (n == NULL || n->kind == CL_N_EVENT)
        return NULL;
    if (n->kind == CL_N_LOOP && cl_events_loop(ev, n, NULL) && (cl_reach_in(ev->cg, reach, n) & kinds))
        return n;
    for (size_t i = 0; i < n->nkids; i++)
        if ((l = cl_events_loop_in(ev, n->kids[i], reach, kinds)) != NULL)
            return l;
    return NULL;
}

enum { MAX_FORWARD_DEPTH = 4 };

/* Whether subtree `n` of function `fn` runs its function-pointer parameter
 * `k` (named `param`) now, not once per later event: it calls through it,
 * or passes it on to a call that starts it once or as a thread (a spawn,
 * pthread_once) or calls it back before returning (CL_CS_CALLS_BACK), or
 * to a project function that does one of these with it, up to
 * MAX_FORWARD_DEPTH calls down (uv_once(&guard, init) forwarding to
 * pthread_once). */
static int runs_param(const cl_callgraph *cg, const cl_node *n, size_t k, const char *param,
                      unsigned depth)
{
    if (n != NULL && n->kind != CL_N_EVENT) {
        for (size_t i = 0; i <= n->nkids; i++)
            if (runs_param(cg, i ? n->kids[i - 1] : n->cond, k, param, depth))
                return 1;
        return 0;
    }
    const cl_event *e = n != NULL ? n->ev : NULL;
    if (e == NULL || e->kind != CL_EV_CALL)
        return 0;
    const cl_call *c = &e->u.call;
    if (c->callee_usr == NULL && c->callee_name != NULL && strcmp(c->callee_name, param) == 0)
        return 1;
    const cl_callspec *cs = cl_callgraph_spec(cg, e);
    size_t callee = cl_callgraph_func(cg, c->callee_usr);
    for (size_t a = 0; a < c->nargs; a++) {
        if (cl_value_param(&c->args[a]) != (int)k)
            continue;
        if (cs != NULL && (cs->kind == CL_CK_SPAWN || cs->kind == CL_CK_ONCE ||
                           (cs->flags & CL_CS_CALLS_BACK)))
            return 1;
        const cl_function *fn = callee != SIZE_MAX ? cg->funcs.v[callee].fn : NULL;
        if (cs == NULL && fn != NULL && depth < MAX_FORWARD_DEPTH && a < fn->nparams &&
            fn->param_names[a] != NULL &&
            runs_param(cg, fn->body, a, fn->param_names[a], depth + 1))
            return 1;
    }
    return 0;
}

static void note(cl_registration *reg, size_t f, cl_registration r)
{
    if (f != SIZE_MAX && !reg[f].known)
        reg[f] = r;
}

typedef struct survey {
    const cl_callgraph *cg;
    cl_registration *reg;
    int (*configured)(const void *ctx, const char *name);
    const void *ctx;
    cl_strmap handed;     /* globals passed to library calls ("G<usr>") */
    cl_arena keys;
} survey;

/* Notes the global objects call `e` is given the address of (`&handlers`,
 * `routes`, `&routes[0]`; not a value read from one), for a call to a
 * function without a body that the library table does not know (qsort or
 * memcpy of a table calls none of its functions). */
static void note_handed(survey *s, const cl_event *e)
{
    for (size_t a = 0; a < e->u.call.nargs; a++) {
        const cl_value *v = &e->u.call.args[a];
        const char *p = v->kind == CL_VAL_ADDR ? v->path : NULL;
        size_t n = p != NULL && p[0] == 'G' ? cl_path_owner_len(p) : 0;
        while (n > 0 && p[n] == '[' && strchr(p + n, ']') != NULL)
            n = (size_t)(strchr(p + n, ']') + 1 - p); /* &routes[0]: still the table */
        if (n > 0 && p[n] == '\0')
            cl_strmap_put(&s->handed, cl_arena_strndup(&s->keys, p, cl_path_owner_len(p)), 1);
    }
}

/* Whether a function named in a global initializer, in the table at raw
 * path `path`, runs once per event: in a program without main() (a
 * library: the host calls through its tables), or when the table is
 * handed to a library call (`serve(&handlers)`). In a program with main()
 * the program calls through its own tables (a test runner's case table, a
 * module table read at start-up), and whether that is per event is for
 * the call graph to say. */
static int table_registers(const survey *s, const char *path)
{
    if (s->cg->mains.n == 0)
        return 1;
    size_t n = path != NULL && path[0] == 'G' ? cl_path_owner_len(path) : 0;
    char key[512];
    if (n == 0 || n >= sizeof key)
        return 0;
    memcpy(key, path, n);
    key[n] = '\0';
    return cl_strmap_get(&s->handed, key, NULL);
}

/* The registrations in subtree `n`, in tree order. */
static void survey_tree(survey *s, const cl_node *n)
{
    const cl_callgraph *cg = s->cg;
    for (size_t i = 0; n != NULL && n->kind != CL_N_EVENT && i <= n->nkids; i++)
        survey_tree(s, i ? n->kids[i - 1] : n->cond);
    const cl_event *e = n != NULL && n->kind == CL_N_EVENT ? n->ev : NULL;
    if (e != NULL && e->kind == CL_EV_FUNCREF)
        note(s->reg, cl_callgraph_func(cg, e->u.funcref.func_usr),
             (cl_registration){ 1, e->loc, NULL });
    if (e == NULL || e->kind != CL_EV_CALL || e->u.call.callee_name == NULL)
        return;
    const cl_callspec *cs = cl_callgraph_spec(cg, e);
    size_t api = cl_callgraph_func(cg, e->u.call.callee_usr);
    const cl_function *fn = api == SIZE_MAX ? NULL : cg->funcs.v[api].fn;
    if (fn == NULL && cs == NULL)
        note_handed(s, e);
    int configured = s->configured(s->ctx, e->u.call.callee_name);
    if (!configured && cs != NULL &&
        (cs->kind == CL_CK_SPAWN || cs->kind == CL_CK_ONCE || (cs->flags & CL_CS_CALLS_BACK)))
        return;
    for (size_t a = 0; a < e->u.call.nargs; a++)
        if (e->u.call.args[a].kind == CL_VAL_FUNC &&
            (configured || fn == NULL || a >= fn->nparams || fn->param_names[a] == NULL ||
             (!runs_param(cg, fn->body, a, fn->param_names[a], 0) &&
              !cl_shape_block_param(cg, fn->body, a))))
            note(s->reg, cl_callgraph_func(cg, e->u.call.args[a].func_usr),
                 (cl_registration){ 1, e->loc, e->u.call.callee_name });
}

cl_registration *cl_events_registrations(const cl_events *ev,
                                         int (*configured)(const void *ctx, const char *name),
                                         const void *ctx)
{
    const cl_callgraph *cg = ev->cg;
    survey s;
    memset(&s, 0, sizeof s);
    s.cg = cg;
    s.reg = cl_xcalloc(cg->funcs.n + 1, sizeof *s.reg);
    s.configured = configured;
    s.ctx = ctx;
    for (size_t f = 0; f < cg->funcs.n; f++)
        survey_tree(&s, cg->funcs.v[f].fn->body);
    for (size_t t = 0; t < cg->ntus; t++) {
        const cl_tu *tu = cg->tus[t];
        for (size_t i = 0; tu != NULL && tu->parsed && i < tu->nfuncrefs; i++)
            if (table_registers(&s, tu->funcrefs[i].path))
                note(s.reg, cl_callgraph_func(cg, tu->funcrefs[i].func_usr),
                     (cl_registration){ 1, { NULL, 0, 0 }, NULL });
    }
    cl_strmap_release(&s.handed);
    cl_arena_release(&s.keys);
    return s.reg;
}

const char *cl_events_how(const cl_registration *r, cl_arena *a)
{
    if (r->known == 2)
        return "matches a configured handler pattern";
    if (r->api != NULL)
        return cl_arena_printf(a, "registered with '%s'", r->api);
    return r->loc.file != NULL ? "stored as a callback" : "registered in a global initializer";
}
