/* loops.c - idle loops (loops.h): a loops domain on the flow engine. Its
 * state says, per nesting depth, whether the current iteration of the loop
 * around the point there did work (only if local test `cond` went that
 * way, when set), and which local test ran last.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/flow.h"
#include "analysis/loops.h"
#include "util/intern.h"

typedef struct fact { const void *vars; uintptr_t kid; } fact; /* a local test went `kid` */

typedef struct lstate {
    const cl_node *dirty[CL_LOOPS_DEPTH];
    const fact *cond[CL_LOOPS_DEPTH];
    const fact *last;
} lstate;

struct cl_loops {
    const cl_callgraph *cg;
    cl_effects *fx;
    cl_flow *f;
    const void *entry;        /* the state with no work */
    unsigned char *walked;    /* per function */
    cl_arena keys;
    cl_blobmap ix;            /* loop -> 1 + index into loops */
    struct { cl_loopinfo *v; size_t n, cap; } loops;
    struct { const cl_node **v; size_t n, cap; } stack; /* loops around the point */
};

/* 1 + the index of `loop` in l->loops, 0 when it is not recorded. */
static size_t find(cl_loops *l, const cl_node *loop)
{
    const cl_blobent *e = cl_blob_find(&l->ix, &loop, sizeof loop);
    return e != NULL ? e->val : 0;
}

static cl_loopinfo *info(cl_loops *l, const cl_node *loop)
{
    int added;
    cl_blobent *e = cl_blob_lookup(&l->ix, &l->keys, &loop, sizeof loop, &added);
    if (added) {
        cl_loopinfo li = { loop, SIZE_MAX, NULL, 0, 0 };
        CL_VEC_PUSH(&l->loops, li);
        e->val = l->loops.n;
    }
    return &l->loops.v[e->val - 1];
}

/* Per depth, the work of the loop around the point there: work on both
 * paths stays; work on one path only, after a local test the other path
 * took the other way, becomes work "if the test goes that way". */
static const void *l_join(cl_flow *f, const void *a, const void *b)
{
    cl_loops *l = cl_flow_ctx(f);
    const lstate *x = a, *y = b;
    lstate s;
    memset(&s, 0, sizeof s);
    s.last = x->last == y->last ? x->last : NULL;
    int split = x->last && y->last && x->last->vars == y->last->vars && !s.last;
    for (size_t d = 0; d < CL_LOOPS_DEPTH && d < l->stack.n; d++) {
        const cl_node *cur = l->stack.v[d];
        int dx = x->dirty[d] == cur, dy = y->dirty[d] == cur;
        if (!dx && !dy)
            continue;
        s.dirty[d] = cur;
        if (dx && dy)
            s.cond[d] = x->cond[d] == y->cond[d] ? x->cond[d] : NULL;
        else
            s.cond[d] = dx ? (x->cond[d] ? x->cond[d] : split ? x->last : NULL)
                           : (y->cond[d] ? y->cond[d] : split ? y->last : NULL);
    }
    return cl_flow_state(f, &s);
}

static const void *l_work(cl_flow *f, const void *st)
{
    cl_loops *l = cl_flow_ctx(f);
    lstate s = *(const lstate *)st;
    for (size_t d = 0; d < CL_LOOPS_DEPTH && d < l->stack.n; d++)
        s.dirty[d] = l->stack.v[d], s.cond[d] = NULL;
    return cl_flow_state(f, &s);
}

static const void *l_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                           const void *st)
{
    (void)fr;
    return ev->kind == CL_EV_ACCESS && cl_effects_shared_write(ev) ? l_work(f, st) : st;
}

static const void *l_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *st, int *descend)
{
    cl_loops *l = cl_flow_ctx(f);
    (void)fr, (void)descend;
    unsigned fx = cl_effects_call(l->fx, ev, cs);
    if ((fx & (CL_FX_SLEEPS | CL_FX_WORK)) == CL_FX_SLEEPS && l->stack.n > 0) {
        cl_loopinfo *li = info(l, l->stack.v[l->stack.n - 1]);
        li->sleep = li->sleep ? li->sleep : ev;
    }
    return (fx & CL_FX_WORK) ? l_work(f, st) : st;
}

/* Entering a loop body: did the iteration that came back do work? Then a
 * new iteration. A test of local variables settles conditional work. */
static const void *l_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *st)
{
    cl_loops *l = cl_flow_ctx(f);
    lstate s = *(const lstate *)st;
    (void)fr;
    if (kid == CL_FLOW_LOOP_BODY) {
        size_t d = l->stack.n - 1;
        info(l, n)->work |= d >= CL_LOOPS_DEPTH || s.dirty[d] == n;
        for (; d < CL_LOOPS_DEPTH; d++)
            s.dirty[d] = NULL, s.cond[d] = NULL;
        return cl_flow_state(f, &s);
    }
    if (kid < 0 || n->kind != CL_N_BRANCH || n->nkids != 2 || n->x->test_call != NULL ||
        n->ncond_vars == 0 || (n->cond != NULL && n->cond->nkids > 0))
        return st;
    cl_strbuf b = { NULL, 0, 0 };
    for (size_t i = 0; i < n->ncond_vars; i++)
        cl_strbuf_addf(&b, "%s|", n->cond_vars[i]);
    fact t = { cl_flow_intern(f, cl_strbuf_str(&b), b.len), (uintptr_t)kid };
    cl_strbuf_release(&b);
    s.last = cl_flow_intern(f, &t, sizeof t);
    for (size_t d = 0; d < CL_LOOPS_DEPTH; d++)
        if (s.cond[d] != NULL && s.cond[d]->vars == t.vars) {
            s.dirty[d] = s.cond[d] == s.last ? s.dirty[d] : NULL;
            s.cond[d] = NULL;
        }
    return cl_flow_state(f, &s);
}

static void l_loop(cl_flow *f, const cl_flow_frame *fr, const cl_node *loop, int done,
                   const void *head)
{
    cl_loops *l = cl_flow_ctx(f);
    (void)head;
    if (done) {
        l->stack.n--;
        return;
    }
    info(l, loop)->func = fr->func;
    CL_VEC_PUSH(&l->stack, loop);
}

cl_loops *cl_loops_new(const cl_callgraph *cg, cl_effects *fx)
{
    cl_loops *l = cl_xcalloc(1, sizeof *l);
    l->cg = cg;
    l->fx = fx;
    l->walked = cl_xcalloc(cg->funcs.n + 1, 1);
    cl_flow_domain dom = { .state_size = sizeof(lstate), .ctx = l, .join = l_join,
                           .event = l_event, .call = l_call, .branch = l_branch,
                           .loop = l_loop };
    l->f = cl_flow_new(cg, &dom, NULL);
    lstate none;
    memset(&none, 0, sizeof none);
    l->entry = cl_flow_state(l->f, &none);
    return l;
}

void cl_loops_free(cl_loops *l)
{
    if (l == NULL)
        return;
    cl_flow_free(l->f);
    cl_blob_release(&l->ix);
    cl_arena_release(&l->keys);
    free(l->walked);
    free(l->loops.v);
    free(l->stack.v);
    free(l);
}

void cl_loops_walk(cl_loops *l, size_t func)
{
    if (!l->walked[func])
        cl_flow_run(l->f, func, NULL, 0, l->entry);
    l->walked[func] = 1;
}

cl_loopinfo *cl_loops_all(cl_loops *l, size_t *n)
{
    *n = l->loops.n;
    return l->loops.v;
}

/* The innermost loop around `ev` in its function that `keep` accepts. */
static cl_loopinfo *around(cl_loops *l, const cl_event *ev,
                           int (*keep)(void *ctx, const cl_loopinfo *li), void *ctx)
{
    for (const cl_node *n = cl_callgraph_event_node(l->cg, ev); n;
         n = cl_callgraph_parent(l->cg, n)) {
        size_t ix = n->kind == CL_N_LOOP ? find(l, n) : 0;
        if (ix != 0 && keep(ctx, &l->loops.v[ix - 1]))
            return &l->loops.v[ix - 1];
    }
    return NULL;
}

cl_loopinfo *cl_loops_around(cl_loops *l, const cl_event *ev, const cl_frame *frame,
                             int (*keep)(void *ctx, const cl_loopinfo *li), void *ctx)
{
    cl_loopinfo *li = around(l, ev, keep, ctx);
    for (const cl_frame *g = frame; li == NULL && g != NULL && g->call != NULL; g = g->parent)
        li = around(l, g->call, keep, ctx);
    return li;
}
