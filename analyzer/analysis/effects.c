/* effects.c - what a path does (effects.h): an effects domain on the flow
 * engine whose state is an `unsigned` of CL_FX_* plus FX_AFTER (past the
 * point). Summaries run from the entry with FX_AFTER set, descending into
 * project callees through their own memoized summaries; a walk after a
 * point runs each frame of the chain without descending, joining the
 * state carried up from the frame below at the call that led there. No
 * walk needs a step budget: states are a few bits.
 */
#include <stdint.h>
#include <stdlib.h>

#include "analysis/effects.h"
#include "analysis/flow.h"
#include "util/arena.h"

enum { FX_AFTER = 1, FX_KNOWN = 128 };

struct cl_effects {
    const cl_callgraph *cg;
    unsigned char *fx;        /* per function: FX_KNOWN | its summary */
    cl_flow *summ;            /* the walk of the summaries */
    cl_arena keys;
    struct point *pt;         /* the walk after a point in progress, or NULL */
};

typedef struct point {
    const cl_event *at;       /* the point in the frame walked now */
    const void *carry;        /* the state after it */
    size_t root;
    cl_fx_after *out;
} point;

int cl_effects_shared_write(const cl_event *ev)
{
    const cl_access *a = &ev->u.access;
    return (a->flags & CL_ACC_WRITE) && a->path != NULL && a->path[0] != 'L';
}

unsigned cl_effects_call(cl_effects *e, const cl_event *ev, const cl_callspec *cs)
{
    if (cs == NULL) {
        size_t one;
        const size_t *fs;
        size_t n = cl_callgraph_callees(e->cg, ev, &one, &fs);
        unsigned fx = n ? 0 : CL_FX_WORK;
        for (size_t i = 0; i < n; i++)
            fx |= cl_effects_summary(e, fs[i]);
        return fx & (CL_FX_WORK | CL_FX_SLEEPS | CL_FX_WAITS | CL_FX_ENDS);
    }
    if (cs->flags & CL_CS_PURE)
        return 0;
    switch (cs->kind) {
    case CL_CK_SLEEP: return CL_FX_SLEEPS;
    case CL_CK_LOCK: case CL_CK_RDLOCK: case CL_CK_TRYLOCK: case CL_CK_UNLOCK:
    case CL_CK_COND_SIGNAL: return 0;
    case CL_CK_JOIN: case CL_CK_TIMEDJOIN: case CL_CK_CANCEL: case CL_CK_COND_WAIT:
    case CL_CK_COND_TIMEDWAIT: case CL_CK_SEM_WAIT: case CL_CK_SEM_TIMEDWAIT:
    case CL_CK_BARRIER_WAIT: case CL_CK_POLL: case CL_CK_MQ_TIMEDRECEIVE:
        return CL_FX_WORK | CL_FX_WAITS;
    case CL_CK_NORETURN: /* pthread_exit in main waits for the other threads */
        return CL_FX_WORK | ((cs->flags & CL_CS_ENDS_PROCESS) ? CL_FX_ENDS : CL_FX_WAITS);
    default: return CL_FX_WORK;
    }
}

static const void *fx_state(cl_flow *f, unsigned fx)
{
    return cl_flow_state(f, &fx);
}

static const void *fx_join(cl_flow *f, const void *a, const void *b)
{
    return fx_state(f, *(const unsigned *)a | *(const unsigned *)b);
}

static void see(cl_effects *e, const cl_event *ev)
{
    int added;
    cl_blob_lookup(&e->pt->out->seen, &e->keys, &ev, sizeof ev, &added)->val = 1;
}

static const void *fx_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                            const void *st)
{
    cl_effects *e = cl_flow_ctx(f);
    unsigned fx = *(const unsigned *)st;
    (void)fr;
    if (!(fx & FX_AFTER) || ev->kind != CL_EV_ACCESS)
        return st;
    if (e->pt != NULL && (ev->u.access.flags & CL_ACC_READ))
        see(e, ev);
    return cl_effects_shared_write(ev) ? fx_state(f, fx | CL_FX_WORK) : st;
}

/* At the point: the state carried up joins in (and a loop there stops the
 * walk, as does a path from after the point back to it that worked or
 * waited: a retry loop written with a label and a backward goto, which
 * the flow engine walks again from the states the goto carried back).
 * After it, library calls by their kind; project callees descended into
 * by a summary walk, by their summaries in a walk after a point. */
static const void *fx_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                           const cl_callspec *cs, const void *st, int *descend)
{
    cl_effects *e = cl_flow_ctx(f);
    point *pt = e->pt;
    unsigned fx = *(const unsigned *)st;
    (void)fr;
    if (pt != NULL && ev == pt->at) {
        pt->out->in_loop |= cl_flow_loop(f) != NULL ||
                            ((fx & FX_AFTER) && (fx & (CL_FX_WORK | CL_FX_WAITS)));
        return fx_join(f, st, pt->carry);
    }
    if (!(fx & FX_AFTER))
        return st;
    if (pt != NULL)
        see(e, ev);
    if (cs == NULL && pt == NULL && descend != NULL) {
        *descend = 1;
        return st;
    }
    unsigned add = cs != NULL || pt != NULL ? cl_effects_call(e, ev, cs) : CL_FX_WORK;
    if (pt != NULL && (add & CL_FX_ENDS) && !(fx & CL_FX_WAITS) && pt->root != SIZE_MAX)
        pt->out->ends = 1;
    return fx_state(f, fx | add);
}

static const void *fx_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                             const void *st)
{
    unsigned fx = *(const unsigned *)st;
    (void)fr, (void)n;
    return kid == CL_FLOW_LOOP_BODY && (fx & FX_AFTER) ? fx_state(f, fx | CL_FX_WAITS) : st;
}

static void fx_exit(cl_flow *f, const cl_flow_frame *fr, const cl_node *ret, const void *st)
{
    point *pt = ((cl_effects *)cl_flow_ctx(f))->pt;
    unsigned fx = *(const unsigned *)st;
    (void)ret;
    if (pt != NULL && fr->func == pt->root && (fx & FX_AFTER) && !(fx & CL_FX_WAITS))
        pt->out->ends = 1;
}

static cl_flow *fx_walk(cl_effects *e)
{
    cl_flow_domain dom = { .state_size = sizeof(unsigned), .ctx = e, .join = fx_join,
                           .event = fx_event, .call = fx_call, .branch = fx_branch,
                           .on_exit = fx_exit };
    return cl_flow_new(e->cg, &dom, NULL);
}

cl_effects *cl_effects_new(const cl_callgraph *cg)
{
    cl_effects *e = cl_xcalloc(1, sizeof *e);
    e->cg = cg;
    e->fx = cl_xcalloc(cg->funcs.n + 1, 1);
    e->summ = fx_walk(e);
    return e;
}

void cl_effects_free(cl_effects *e)
{
    cl_flow_free(e->summ);
    cl_arena_release(&e->keys);
    free(e->fx);
    free(e);
}

unsigned cl_effects_summary(cl_effects *e, size_t func)
{
    if (!(e->fx[func] & FX_KNOWN)) {
        point *pt = e->pt;
        e->pt = NULL;
        e->fx[func] = FX_KNOWN | CL_FX_WORK | CL_FX_WAITS;
        const unsigned *out = cl_flow_run(e->summ, func, NULL, 0, fx_state(e->summ, FX_AFTER));
        e->fx[func] = (unsigned char)(FX_KNOWN | (out ? *out : CL_FX_WORK | CL_FX_WAITS));
        e->pt = pt;
    }
    return e->fx[func] & (unsigned)~FX_KNOWN;
}

void cl_effects_after(cl_effects *e, const cl_frame *frame, const cl_event *at, size_t root,
                      cl_fx_after *out)
{
    cl_flow *f = fx_walk(e);
    point pt = { at, fx_state(f, FX_AFTER), root, out };
    out->seen = (cl_blobmap){ NULL, NULL, 0, 0, 0 };
    out->in_loop = out->ends = 0;
    e->pt = &pt;
    for (const cl_frame *g = frame; g != NULL && pt.carry != NULL && !out->in_loop; g = g->parent) {
        pt.carry = cl_flow_run(f, g->func, NULL, 0, fx_state(f, 0));
        pt.at = g->call;
    }
    e->pt = NULL;
    cl_flow_free(f);
}

int cl_fx_after_has(cl_fx_after *a, const cl_event *ev)
{
    cl_blobmap *m = &a->seen;
    return cl_blob_find(m, &ev, sizeof ev) != NULL;
}

void cl_fx_after_release(cl_fx_after *a)
{
    cl_blob_release(&a->seen);
}
