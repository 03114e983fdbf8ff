/* bound.c - is an action bounded on its path (see bound.h). */
#include "analysis/bound.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/strmap.h"

/* A branch every path here passed: which alternatives reach here (bit per
 * alternative), and the location ids its condition tests. */
typedef struct guard {
    const cl_node *node;
    size_t func;
    uintptr_t kids;
    cl_flow_set tested;
} guard;

struct cl_bound_ctx {
    const cl_callgraph *cg;
    cl_strmap ids;           /* shared path -> id (from 1) */
    struct { const char **v; size_t n, cap; } names; /* id - 1 -> shared path */
    unsigned char *touches;  /* per function: cl_bound_touches */
    cl_arena names_mem;      /* paths rewritten for a caller (caller_path) */
};

#define NONE ((cl_flow_set){ NULL, 0 })
#define GUARD(s, i) ((const guard *)(s).v[i])

/* The id of shared path `p` (0 for others and, unless `add`, unknown ones;
 * an added `p` is copied). */
static uintptr_t path_id(cl_bound_ctx *bc, const char *p, int add)
{
    size_t id = 0;
    if (p == NULL || (p[0] != 'G' && p[0] != 'P') || cl_strmap_get(&bc->ids, p, &id) || !add)
        return id;
    p = cl_arena_strdup(&bc->names_mem, p);
    cl_strmap_put(&bc->ids, p, bc->ids.n + 1);
    CL_VEC_PUSH(&bc->names, p);
    return bc->ids.n;
}

/* The shared locations condition `cond` reads, as ids (added); the set is
 * built only with a walk `f`. */
static cl_flow_set cond_reads(cl_bound_ctx *bc, cl_flow *f, const cl_node *cond)
{
    cl_flow_set t = NONE;
    for (size_t i = 0; cond != NULL && i < cond->nkids; i++) {
        const cl_event *e = cond->kids[i]->kind == CL_N_EVENT ? cond->kids[i]->ev : NULL;
        uintptr_t id = e != NULL && e->kind == CL_EV_ACCESS && (e->u.access.flags & CL_ACC_READ)
                           ? path_id(bc, e->u.access.path, 1) : 0;
        if (id != 0 && f != NULL)
            t = cl_flow_set_add(f, t, id);
    }
    return t;
}

/* Every shared location a branch condition in subtree `n` tests gets an id. */
static void note_tests(cl_bound_ctx *bc, const cl_node *n)
{
    if (n != NULL && n->kind != CL_N_EVENT)
        cond_reads(bc, NULL, n->cond);
    for (size_t i = 0; n != NULL && n->kind != CL_N_EVENT && i <= n->nkids; i++)
        note_tests(bc, i ? n->kids[i - 1] : n->cond);
}

static int takes_slot(const cl_callspec *cs)
{
    return cs != NULL && (cs->kind == CL_CK_SEM_WAIT || cs->kind == CL_CK_SEM_TIMEDWAIT ||
                          cs->kind == CL_CK_SEM_TRYWAIT);
}

/* Whether subtree `n` itself takes a lock, writes a tested global, or
 * writes through a parameter (a setter, `set_state(job, CREATED)`: the
 * location is the caller's argument's, caller_path). */
static int touches(cl_bound_ctx *bc, const cl_node *n)
{
    for (size_t i = 0; n != NULL && n->kind != CL_N_EVENT && i <= n->nkids; i++)
        if (touches(bc, i ? n->kids[i - 1] : n->cond))
            return 1;
    if (n == NULL || n->kind != CL_N_EVENT)
        return 0;
    const cl_event *e = n->ev;
    const cl_callspec *cs = cl_callgraph_spec(bc->cg, e);
    if (cs != NULL)
        return cs->kind == CL_CK_LOCK || cs->kind == CL_CK_RDLOCK;
    const char *p = e->kind == CL_EV_ACCESS && (e->u.access.flags & CL_ACC_WRITE)
                        ? e->u.access.path : NULL;
    return p != NULL && ((p[0] == 'G' && path_id(bc, p, 0)) || (p[0] == 'P' && p[1] != '\0'));
}

cl_bound_ctx *cl_bound_new(const cl_callgraph *cg)
{
    cl_bound_ctx *bc = cl_xcalloc(1, sizeof *bc);
    bc->cg = cg;
    bc->touches = cl_xcalloc(cg->funcs.n + 1, 1);
    for (size_t f = 0; f < cg->funcs.n; f++)
        note_tests(bc, cg->funcs.v[f].fn->body);
    for (size_t f = 0; f < cg->funcs.n; f++)
        bc->touches[f] = (unsigned char)touches(bc, cg->funcs.v[f].fn->body);
    return bc;
}

void cl_bound_free(cl_bound_ctx *bc)
{
    if (bc == NULL)
        return;
    cl_strmap_release(&bc->ids);
    cl_arena_release(&bc->names_mem);
    free(bc->names.v);
    free(bc->touches);
    free(bc);
}

int cl_bound_touches(const cl_bound_ctx *bc, size_t func)
{
    return bc->touches[func];
}

/* Whether guard `g` filters: some alternative of its branch does not reach. */
static int filters(const guard *g)
{
    return g->node->nkids < 64 && g->kids != ((uintptr_t)1 << g->node->nkids) - 1;
}

static uintptr_t intern_guard(cl_flow *f, const guard *g)
{
    return (uintptr_t)cl_flow_intern(f, g, sizeof *g);
}

cl_bound cl_bound_join(cl_flow *f, const cl_bound *a, const cl_bound *b)
{
    cl_flow_set only_a = cl_flow_set_merge(f, a->fresh, b->fresh, 0);
    cl_bound r = { NONE, cl_flow_set_merge(f, a->wr, b->wr, 1),
                   cl_flow_set_merge(f, a->claims, b->claims, 1),
                   a->locks < b->locks ? a->locks : b->locks, a->sem && b->sem,
                   cl_flow_set_merge(f, a->fresh, only_a, 0) };
    for (size_t i = 0; i < a->guards.n; i++)
        for (size_t j = 0; j < b->guards.n; j++) {
            const guard *x = GUARD(a->guards, i), *y = GUARD(b->guards, j);
            if (x->node != y->node)
                continue;
            guard z = { x->node, x->func, x->kids | y->kids, NONE };
            if (!filters(&z)) /* a full one filters nothing */
                continue;
            z.tested = cl_flow_set_merge(f, x->tested, y->tested, 1);
            r.guards = cl_flow_set_add(f, r.guards, intern_guard(f, &z));
        }
    return r;
}

cl_bound cl_bound_iteration(const cl_bound_ctx *bc, const cl_bound *b, const cl_node *loop)
{
    cl_bound r = { NONE, NONE, NONE, b->locks, 0, NONE };
    for (size_t i = 0; loop->cond != NULL && i < loop->cond->nkids; i++)
        r.sem |= takes_slot(cl_callgraph_spec(bc->cg, loop->cond->kids[i]->ev));
    return r;
}

/* Records in b->fresh whether write `ev` stores into a shared pointer an
 * object allocated in this iteration (`conns = c` after `c = calloc(..)`),
 * or something else. Returns whether b->fresh changed. */
static int note_fresh(cl_bound_ctx *bc, cl_flow *f, cl_bound *b, const cl_event *ev)
{
    const cl_value *v = ev->u.access.stored;
    int fresh = v != NULL && v->kind == CL_VAL_ADDR && v->per_iteration && v->path != NULL &&
                v->path[0] == 'H';
    uintptr_t id = path_id(bc, ev->u.access.path, fresh);
    if (id == 0 || fresh == cl_flow_set_has(b->fresh, id))
        return 0;
    cl_flow_set one = { &id, 1 };
    b->fresh = fresh ? cl_flow_set_add(f, b->fresh, id) : cl_flow_set_merge(f, b->fresh, one, 0);
    return 1;
}

/* Whether shared path `p` is a pointer of `fresh` or goes through one: the
 * new object's address, or a location of the object this iteration
 * allocated, that no earlier iteration set. */
static int through_fresh(const cl_bound_ctx *bc, const char *p, cl_flow_set fresh)
{
    for (size_t i = 0; i < fresh.n; i++) {
        const char *ptr = bc->names.v[fresh.v[i] - 1];
        size_t n = strlen(ptr);
        if (strncmp(p, ptr, n) == 0 && (p[n] == '\0' || strncmp(p + n, "->", 2) == 0))
            return 1;
    }
    return 0;
}

/* Path `p` of the function of frame `fr` as the walk's entry function
 * names it: a path through a parameter ("P0.state" in a setter) becomes
 * the path of the object the call passed (`set_state(&jobs[i], ..)`:
 * jobs' element), frame by frame up to the entry, into `buf` (`cap`
 * bytes) when rewritten. NULL when an argument is not an address the
 * caller knows, or the result does not fit. */
static const char *caller_path(const cl_flow_frame *fr, const char *p, char *buf, size_t cap)
{
    while (p != NULL && p[0] == 'P' && fr != NULL && fr->call != NULL) {
        char *rest;
        long n = strtol(p + 1, &rest, 10);
        const cl_value *a = rest != p + 1 && *rest != '^' && n >= 0 && n < 64
                                ? cl_call_arg(fr->call, (int)n) : NULL;
        if (a == NULL || a->kind != CL_VAL_ADDR || a->path == NULL)
            return NULL;
        char next[512]; /* (`rest` may lie in `buf`) */
        int len = snprintf(next, sizeof next, "%s%s", a->path, rest);
        if (len < 0 || (size_t)len >= cap || (size_t)len >= sizeof next)
            return NULL;
        memcpy(buf, next, (size_t)len + 1);
        p = buf;
        fr = fr->parent;
    }
    return p;
}

int cl_bound_event(cl_bound_ctx *bc, cl_flow *f, cl_bound *b, const cl_flow_frame *fr,
                   const cl_event *ev)
{
    int claim = 0;
    if (ev->kind != CL_EV_ACCESS || !(ev->u.access.flags & CL_ACC_WRITE))
        return 0;
    int changed = note_fresh(bc, f, b, ev);
    for (size_t i = 0; b->locks > 0 && i < b->guards.n; i++)
        claim |= filters(GUARD(b->guards, i)) && GUARD(b->guards, i)->func == fr->func;
    char buf[512];
    uintptr_t w = path_id(bc, caller_path(fr, ev->u.access.path, buf, sizeof buf), claim);
    if (w == 0)
        return changed;
    b->wr = cl_flow_set_add(f, b->wr, w);
    b->claims = claim ? cl_flow_set_add(f, b->claims, w) : b->claims;
    return 1;
}

void cl_bound_call(cl_bound *b, const cl_callspec *cs)
{
    if (cs != NULL && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_RDLOCK))
        b->locks++;
    else if (cs != NULL && cs->kind == CL_CK_UNLOCK)
        b->locks -= b->locks > 0;
    else if (takes_slot(cs))
        b->sem = 1;
}

void cl_bound_branch(cl_bound_ctx *bc, cl_flow *f, cl_bound *b, const cl_flow_frame *fr,
                     const cl_node *n, int kid)
{
    const cl_callgraph *cg = bc->cg;
    const cl_event *tc = n->x->test_call;
    cl_flow_set tested = cond_reads(bc, f, n->cond), stale = NONE;
    for (size_t i = 0; b->fresh.n > 0 && i < tested.n; i++)
        if (through_fresh(bc, bc->names.v[tested.v[i] - 1], b->fresh))
            stale = cl_flow_set_add(f, stale, tested.v[i]);
    tested = cl_flow_set_merge(f, tested, stale, 0); /* a fresh object's flags filter nothing */
    if (tested.n == 0 && (n->ncond_vars > 0 || (tc != NULL && cl_callgraph_spec(cg, tc) == NULL &&
                                                cl_callgraph_func(cg, tc->u.call.callee_usr) != SIZE_MAX)))
        tested = b->claims;
    if (tested.n == 0 && !(b->locks > 0 && n->ncond_vars > 0))
        return;
    guard g = { n, fr->func, (uintptr_t)1 << (kid & 63), tested };
    cl_flow_set others = NONE;
    for (size_t i = 0; i < b->guards.n; i++)
        if (GUARD(b->guards, i)->node != n)
            others = cl_flow_set_add(f, others, b->guards.v[i]);
    b->guards = cl_flow_set_add(f, others, intern_guard(f, &g));
}

void cl_bound_leave(cl_flow *f, cl_bound *b, size_t func)
{
    cl_flow_set keep = NONE;
    for (size_t i = 0; i < b->guards.n; i++)
        if (GUARD(b->guards, i)->func != func || GUARD(b->guards, i)->node->kind == CL_N_LOOP)
            keep = cl_flow_set_add(f, keep, b->guards.v[i]);
    b->guards = keep;
}

int cl_bound_counts(cl_bound_ctx *bc, const cl_bound *b, const cl_event *ev)
{
    unsigned rmw = CL_ACC_READ | CL_ACC_WRITE;
    if (ev->kind != CL_EV_ACCESS || !(ev->u.access.flags & CL_ACC_WRITE))
        return 0;
    const cl_value *v = ev->u.access.stored;
    int sets = v != NULL && v->kind != CL_VAL_NULL && !(v->kind == CL_VAL_INT && v->ival == 0);
    if ((ev->u.access.flags & rmw) != rmw && !sets)
        return 0; /* a counter steps from its value, a flag is set; `n = 0` resets */
    uintptr_t w = path_id(bc, ev->u.access.path, 0);
    for (size_t i = 0; w != 0 && i < b->guards.n; i++)
        if (filters(GUARD(b->guards, i)) && cl_flow_set_has(GUARD(b->guards, i)->tested, w))
            return 1;
    return 0;
}

int cl_bound_holds(cl_bound_ctx *bc, const cl_bound *b, const cl_value *object)
{
    uintptr_t hp = object != NULL && object->kind == CL_VAL_ADDR ? path_id(bc, object->path, 0) : 0;
    if (b->sem)
        return 1;
    for (size_t i = 0; i < b->guards.n; i++)
        for (size_t j = 0; filters(GUARD(b->guards, i)) && j < GUARD(b->guards, i)->tested.n; j++) {
            uintptr_t t = GUARD(b->guards, i)->tested.v[j];
            if (cl_flow_set_has(b->wr, t) || t == hp)
                return 1;
        }
    return 0;
}
