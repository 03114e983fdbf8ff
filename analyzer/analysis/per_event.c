/* per_event.c - see per_event.h. */
#include "analysis/per_event.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/bound.h"
#include "analysis/flow.h"
#include "analysis/reach.h"
#include "analysis/shape.h"
#include "util/strmap.h"

enum { MAX_STEPS = 400000 };
#define MAX_DEPTH CL_PER_EVENT_MAX_DEPTH

typedef cl_flow_set set;
/* The state: sets of candidate ids (indexes into out->cands). */
typedef struct st {
    set pend;         /* candidates started and not undone */
    set fresh;        /* those of them started in this iteration */
    cl_bound b;       /* what bounds the path (bound.h) */
} st;
typedef cl_per_event_cand cand;
/* A query's walks: the query, its bound and reach facts, the result. */
typedef struct rc {
    const cl_per_event_query *q;
    cl_per_event *out;          /* cands, arena */
    cl_bound_ctx *bc;
    unsigned long long *reach;  /* per function: the call kinds it reaches (reach.h) */
    unsigned long long actions; /* CL_REACH_BIT(q->action) */
    size_t root;
    cl_strmap keys;             /* action|frame -> cand */
    struct { set *v; size_t n, cap; } entry; /* pend at each open loop's entry */
    const cl_node *closed;      /* the loop whose fixpoint ended last, */
    set closed_entry;           /* with pend at its entry (for d_loop_out) */
} rc;

#define NONE ((set){ NULL, 0 })
/* Calls that may bound an action besides the undoing ones: semaphore waits. */
#define SEM_WAITS (CL_REACH_BIT(CL_CK_SEM_WAIT) | CL_REACH_BIT(CL_CK_SEM_TIMEDWAIT) | \
                   CL_REACH_BIT(CL_CK_SEM_TRYWAIT))

/* The interned state `s`. */
static const void *mk(cl_flow *f, st s)
{
    return cl_flow_state(f, &s); /* st is words only: no padding to intern */
}

/* A call into a wrapper of the action is walked for itself (its call in
 * the memo key): each call that names what it passes on is a candidate of
 * its own. */
static const void *d_enter(cl_flow *f, const cl_flow_frame *caller, const cl_event *call,
                           size_t callee, const cl_flow_frame *outer)
{
    const rc *c = cl_flow_ctx(f);
    (void)caller;
    (void)outer;
    if (c->q->wrappers != NULL && c->q->wrappers[callee] != 0)
        cl_flow_key(f, (uintptr_t)call);
    return NULL;
}

/* Where paths meet: pending actions of either path; bounds as bound.h joins. */
static const void *d_join(cl_flow *f, const void *pa, const void *pb)
{
    const st *a = pa, *b = pb;
    st r = { cl_flow_set_merge(f, a->pend, b->pend, 1), cl_flow_set_merge(f, a->fresh, b->fresh, 1),
             cl_bound_join(f, &a->b, &b->b) };
    return mk(f, r);
}

/* The candidate for an action `ev` in frame `fr`; SIZE_MAX when it runs
 * neither per event nor per handler call. Memoized by the action and the
 * calls that lead to it. */
static size_t candidate(rc *c, const cl_flow_frame *fr, const cl_event *ev)
{
    const cl_node *loop = NULL;
    const cl_flow_frame *o = fr;
    char key[32 * (MAX_DEPTH + 2)];
    size_t id = SIZE_MAX, len = (size_t)snprintf(key, sizeof key, "%p", (const void *)ev);
    /* (keyed by the calls that lead here: a frame's address is reused) */
    for (const cl_flow_frame *p = fr; p != NULL && p->call != NULL && len < sizeof key;
         p = p->parent)
        len += (size_t)snprintf(key + len, sizeof key - len, "|%p", (const void *)p->call);
    if (cl_strmap_get(&c->keys, key, &id))
        return id;
    for (const cl_event *at = ev; o != NULL; at = o->call, o = o->parent)
        if ((loop = cl_events_around(c->q->ev, at)) != NULL)
            break;
    if (o != NULL || c->q->reg[c->root].known) {
        cand k = { ev, loop, fr->depth - (o != NULL ? o->depth : 0), NULL, NULL, 0 };
        cl_flow_chain(fr, k.depth + 1, &c->out->arena, &k.fn, &k.via);
        CL_VEC_PUSH(&c->out->cands, k);
        id = c->out->cands.n - 1;
    }
    cl_strmap_put(&c->keys, cl_arena_strdup(&c->out->arena, key), id);
    return id;
}

/* A write: the bound records it; when it advances the counter a filtering
 * branch of this iteration tested, the actions since are bounded by it. */
static const void *d_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev, const void *ps)
{
    rc *c = cl_flow_ctx(f);
    st s = *(const st *)ps;
    int counted = s.fresh.n > 0 && cl_bound_counts(c->bc, &s.b, ev);
    if (counted) {
        s.pend = cl_flow_set_merge(f, s.pend, s.fresh, 0);
        s.fresh = NONE;
    }
    return cl_bound_event(c->bc, f, &s.b, fr, ev) || counted ? mk(f, s) : ps;
}

/* Whether subtree `n` advances a counter a filtering branch of the path
 * `b` tested (cl_bound_counts). */
static int tree_counts(cl_bound_ctx *bc, const cl_bound *b, const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT && cl_bound_counts(bc, b, n->ev))
        return 1;
    if (tree_counts(bc, b, n->cond))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (tree_counts(bc, b, n->kids[i]))
            return 1;
    return 0;
}

/* Whether the routine that action call `ev` (spec `cs`) starts counts
 * itself in, in its own body, on a counter a filtering branch of the path
 * tested: a client thread's `live++` (or atomic add) against the
 * accept loop's `if (live >= max) continue;`. A burst faster than the
 * threads start can pass the limit, but the live threads stay bounded. */
static int routine_counts(rc *c, const cl_bound *b, const cl_event *ev, const cl_callspec *cs)
{
    const cl_value *fv = cs->func >= 0 ? cl_call_arg(ev, cs->func) : NULL;
    size_t f = fv != NULL && fv->kind == CL_VAL_FUNC && fv->func_usr != NULL
                   ? cl_callgraph_func(c->q->cg, fv->func_usr) : SIZE_MAX;
    return f != SIZE_MAX && tree_counts(c->bc, b, c->q->cg->funcs.v[f].fn->body);
}

/* A call: descends where an action or a bound may be (reach.h, bound.h);
 * an action the path does not bound becomes pending (and fresh); an
 * undoing call drops every pending action; other library calls may bound
 * the path (a semaphore slot, cl_bound_call). */
static const void *d_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *ps, int *descend)
{
    rc *c = cl_flow_ctx(f);
    st s = *(const st *)ps;
    const size_t *to;
    size_t id, one, n = 0;
    if (descend != NULL && fr->depth < MAX_DEPTH)
        n = cl_callgraph_callees(c->q->cg, ev, &one, &to);
    for (size_t i = 0; i < n; i++) /* only where an action or a bound may be */
        if ((c->reach[to[i]] & (c->actions | c->q->undo | SEM_WAITS)) ||
            cl_bound_touches(c->bc, to[i]))
            return *descend = 1, ps;
    if (cs != NULL && cs->kind == c->q->action) {
        if (!cl_bound_holds(c->bc, &s.b, cl_call_arg(ev, cs->obj)) &&
            !routine_counts(c, &s.b, ev, cs) && (id = candidate(c, fr, ev)) != SIZE_MAX) {
            s.pend = cl_flow_set_add(f, s.pend, id);
            s.fresh = cl_flow_set_add(f, s.fresh, id);
        }
    } else if (cs != NULL && (c->q->undo & CL_REACH_BIT(cs->kind))) {
        s.pend = NONE;
        s.fresh = NONE;
    } else {
        cl_bound_call(&s.b, cs);
    }
    return mk(f, s);
}

/* Entering alternative `kid` of `n`: an event loop's body starts a fresh
 * iteration; the alternative of a test of an action's result where it
 * failed drops that action; the branch filters the path (bound.h). */
static const void *d_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *ps)
{
    rc *c = cl_flow_ctx(f);
    st s = *(const st *)ps;
    if (kid == CL_FLOW_LOOP_BODY && cl_events_loop(c->q->ev, n, NULL)) {
        /* A fresh iteration: pending actions carry over. */
        s.b = cl_bound_iteration(c->bc, &s.b, n);
        s.fresh = NONE;
        return mk(f, s);
    }
    if (kid < 0)
        return ps;
    const cl_callspec *tcs = cl_callgraph_spec(c->q->cg, n->x->test_call);
    /* The alternative where the action failed started nothing. */
    int failed = tcs != NULL && tcs->kind == c->q->action && n->kind == CL_N_BRANCH && kid < 2 &&
                 (kid == 0) != cl_test_holds(n->x->test_op, n->x->test_value, 0);
    for (size_t i = 0; failed && i < s.pend.n; i++)
        if (c->out->cands.v[s.pend.v[i]].action == n->x->test_call)
            s.pend = cl_flow_set_merge(f, s.pend, (set){ &s.pend.v[i--], 1 }, 0);
    cl_bound_branch(c->bc, f, &s.b, fr, n, kid);
    return mk(f, s);
}

/* Leaving a function: its branches no longer filter the caller's path. */
static const void *d_leave(cl_flow *f, const cl_flow_frame *fr, const void **exit)
{
    if (*exit == NULL)
        return NULL;
    st s = *(const st *)*exit;
    cl_bound_leave(f, &s.b, fr->func);
    *exit = mk(f, s);
    return NULL;
}

/* A question to a loop body: does it undo the action whose object (its
 * handle) has path `handle` (NULL: unknown)? */
typedef struct undo_probe {
    const rc *c;
    const char *handle;
} undo_probe;

/* Whether node `n` is an undoing call (a join) of the probe's handle (of
 * any when either path is unknown), or a call of project code that
 * reaches one (a wrapper: its handle is not followed). */
static int undoes(const cl_node *n, const void *arg)
{
    const undo_probe *u = arg;
    if (n->kind != CL_N_EVENT || n->ev->kind != CL_EV_CALL)
        return 0;
    const cl_callspec *cs = cl_callgraph_spec(u->c->q->cg, n->ev);
    if (cs != NULL) {
        const cl_value *v = cl_call_arg(n->ev, cs->obj);
        return (u->c->q->undo & CL_REACH_BIT(cs->kind)) &&
               (u->handle == NULL || v == NULL || v->path == NULL || strcmp(v->path, u->handle) == 0);
    }
    const size_t *to;
    size_t one, k = cl_callgraph_callees(u->c->q->cg, n->ev, &one, &to);
    for (size_t i = 0; i < k; i++)
        if (u->c->reach[to[i]] & u->c->q->undo)
            return 1;
    return 0;
}

/* Leaving a loop that is not an event loop: its condition, failed on the
 * way out, filters the path as an `if` that leaves would (`while (nlive >=
 * MAX) pthread_cond_wait(..); nlive++;` waits for a free slot). A loop
 * whose body undoes an action pending at its entry (a join loop after a
 * spawn loop, `for (i..) { if (!used[i]) continue; pthread_join(t[i],
 * ..); }`: the handle it joins is the one the spawn filled) undoes it,
 * also on the rounds that skip the join. */
static const void *d_loop_out(cl_flow *f, const cl_flow_frame *fr, const cl_node *n,
                              const void *out)
{
    rc *c = cl_flow_ctx(f);
    if (out == NULL || cl_events_loop(c->q->ev, n, NULL))
        return out;
    st s = *(const st *)out;
    for (size_t i = 0; c->closed == n && i < c->closed_entry.n; i++) {
        size_t id = c->closed_entry.v[i];
        const cl_event *a = c->out->cands.v[id].action;
        const cl_value *h = cl_call_arg(a, cl_callgraph_spec(c->q->cg, a)->obj);
        undo_probe u = { c, h != NULL && h->kind == CL_VAL_ADDR ? h->path : NULL };
        if (cl_flow_set_has(s.pend, id) && cl_shape_any(n, undoes, &u)) {
            set one = { &id, 1 };
            s.pend = cl_flow_set_merge(f, s.pend, one, 0);
            s.fresh = cl_flow_set_merge(f, s.fresh, one, 0);
        }
    }
    if (n->cond != NULL && n->nkids < 63)
        cl_bound_branch(c->bc, f, &s.b, fr, n, (int)n->nkids);
    return mk(f, s);
}

/* After an event loop's fixpoint: its actions pending at its head (and not
 * at its entry) run once per iteration. */
static void d_loop(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int done,
                   const void *head)
{
    rc *c = cl_flow_ctx(f);
    set pend = head != NULL ? ((const st *)head)->pend : NONE;
    (void)fr;
    if (!done) {
        CL_VEC_PUSH(&c->entry, pend);
        return;
    }
    c->closed = n;
    c->closed_entry = c->entry.v[--c->entry.n];
    pend = cl_flow_set_merge(f, pend, c->closed_entry, 0);
    for (size_t i = 0; cl_flow_publishing(f) && i < pend.n; i++)
        c->out->cands.v[pend.v[i]].confirmed |= c->out->cands.v[pend.v[i]].loop == n;
}

/* Walks from root function `f`; a handler's actions pending at its exit
 * are confirmed. */
static void walk_from(rc *c, size_t f)
{
    cl_flow_domain dom = { .state_size = sizeof(st), .ctx = c, .join = d_join, .event = d_event,
                           .call = d_call, .branch = d_branch, .enter = d_enter, .leave = d_leave,
                           .loop = d_loop, .loop_out = d_loop_out };
    cl_flow_opts opts = { MAX_STEPS };
    const st empty = { NONE, NONE, { NONE, NONE, NONE, 0, 0, NONE } };
    cl_flow *w = cl_flow_new(c->q->cg, &dom, &opts);
    c->root = f;
    const st *out = cl_flow_run(w, f, NULL, 0, cl_flow_state(w, &empty));
    for (size_t i = 0; out != NULL && c->q->reg[f].known && i < out->pend.n; i++)
        c->out->cands.v[out->pend.v[i]].confirmed |= c->out->cands.v[out->pend.v[i]].loop == NULL;
    cl_flow_free(w);
    cl_strmap_release(&c->keys);
}

/* See per_event.h. */
void cl_per_event_find(const cl_per_event_query *q, cl_per_event *out)
{
    rc c;
    const cl_callgraph *cg = q->cg;
    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    c.q = q;
    c.out = out;
    c.actions = CL_REACH_BIT(q->action);
    c.bc = cl_bound_new(cg);
    c.reach = cl_reach_new(cg);
    for (size_t f = 0; f < cg->funcs.n; f++)
        if ((c.reach[f] & c.actions) &&
            (q->reg[f].known ||
             cl_events_loop_in(q->ev, cg->funcs.v[f].fn->body, c.reach, c.actions)))
            walk_from(&c, f);
    cl_bound_free(c.bc);
    free(c.entry.v);
    free(c.reach);
}

/* See per_event.h. */
void cl_per_event_release(cl_per_event *pe)
{
    free(pe->cands.v);
    cl_arena_release(&pe->arena);
    memset(pe, 0, sizeof *pe);
}
