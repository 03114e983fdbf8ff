/* handles.c - what the paths after a spawn do with the thread (handles.h):
 * a RUN/LATE domain on the flow engine over the spawning function.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/flow.h"
#include "analysis/handles.h"
#include "analysis/shape.h"

/* The paths reaching a point where the thread was started and not handled
 * (joined, detached, handed on): RUN before any deadline passed, LATE after
 * one may have. Paths without an unhandled worker need no bit (an
 * unreachable point is the engine's NULL state). `wait`: a timed wait that
 * may have expired on a LATE path (never NULL with LATE). EARLY: a thread
 * an earlier run of the spawn started is unhandled too; PARTIAL: only such
 * threads, on the side where a later run failed. CANCELLED: the thread was
 * cancelled and its handle not joined or detached since (a cancelled
 * joinable thread still keeps its stack until joined). FAILED_NEXT: with
 * RUN, the path went on where another spawn after this one failed (`if
 * (pthread_create(&p->b, ..) != 0) return -1;` after `&p->a`'s). */
enum { RUN = 1u, LATE = 2u, EARLY = 4u, PARTIAL = 8u, CANCELLED = 16u, FAILED_NEXT = 32u };

typedef struct cstate {
    unsigned bits;
    const cl_event *wait;
} cstate;

typedef struct cwalk {
    const cl_model *m;
    const cl_thread *t;
    const char *handle;       /* raw path of the handle in the creator, or NULL */
    cl_handle_exits *out;
} cwalk;

static const void *mk(cl_flow *f, unsigned bits, const cl_event *wait)
{
    cstate r;
    memset(&r, 0, sizeof r); /* the padding is interned too */
    r.bits = bits;
    r.wait = wait;
    return cl_flow_state(f, &r);
}

static const void *cjoin(cl_flow *f, const void *pa, const void *pb)
{
    const cstate *a = pa, *b = pb;
    return mk(f, a->bits | b->bits, a->wait ? a->wait : b->wait);
}

/* Is `path` the handle or an object containing it ("w" for "w.tid")? */
static int covers_handle(const char *path, const char *handle)
{
    size_t n = path && handle ? strlen(path) : 0;
    return n > 0 && strncmp(path, handle, n) == 0 &&
           (handle[n] == '\0' || handle[n] == '.' || handle[n] == '[' || handle[n] == '-');
}

/* Does argument `i` of call `ev` name the handle? Without a known handle,
 * any pointer or untracked value may. */
static int arg_is_handle(const cwalk *w, const cl_event *ev, int i)
{
    if (i < 0 || (size_t)i >= ev->u.call.nargs)
        return 0;
    const cl_value *v = &ev->u.call.args[i];
    if (v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD)
        return w->handle == NULL && v->kind == CL_VAL_UNKNOWN;
    return w->handle == NULL || covers_handle(v->path, w->handle);
}

typedef struct waitfind {
    const cl_callgraph *cg;
    const cl_event *found;
} waitfind;

/* cl_shape_any match: a call with a finite deadline (cl_wait_is_finite),
 * the first one kept. */
static int finite_wait(const cl_node *n, const void *arg)
{
    waitfind *wf = (waitfind *)arg;
    if (n->kind != CL_N_EVENT || n->ev->kind != CL_EV_CALL ||
        !cl_wait_is_finite(cl_callgraph_spec(wf->cg, n->ev), n->ev))
        return 0;
    wf->found = n->ev;
    return 1;
}

/* The wait with a finite deadline inside the one project function that
 * call `ev` calls (`wait_done(&r, &ts)` whose body runs
 * pthread_cond_timedwait and returns its result), or NULL: such a helper
 * stands for its wait (a deadline that may pass, its result tested by the
 * caller as the wait's would be). */
static const cl_event *helper_wait(const cl_callgraph *cg, const cl_event *ev)
{
    size_t one;
    const size_t *fs;
    if (ev == NULL || ev->kind != CL_EV_CALL || cl_callgraph_spec(cg, ev) != NULL ||
        cl_callgraph_callees(cg, ev, &one, &fs) != 1)
        return NULL;
    waitfind wf = { cg, NULL };
    cl_shape_any(cg->funcs.v[fs[0]].fn->body, finite_wait, &wf);
    return wf.found;
}

static const void *c_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *ps, int *descend)
{
    (void)fr, (void)descend; /* the creator's callees are not walked */
    cwalk *w = cl_flow_ctx(f);
    const cstate *s = ps;
    if (ev == w->t->spawn) {
        unsigned early = s->bits & (RUN | LATE | EARLY | PARTIAL) ? EARLY : 0;
        /* one handle, written again: not an element (`&t[i]`), nor in a
         * heap object ("H...": an allocation site names every object made
         * there) or reached through a pointer (`&c->thread`): c may be a
         * new object each round */
        if (early && w->handle != NULL && w->handle[0] != 'H' &&
            strchr(w->handle, '[') == NULL && strstr(w->handle, "->") == NULL)
            w->out->overwritten = 1;
        return mk(f, RUN | early, s->wait);
    }
    int handled = 0;
    if (cs == NULL) { /* a project function given the handle (a stop helper, a registry) */
        for (size_t i = 0; i < ev->u.call.nargs && w->handle != NULL; i++)
            handled |= ev->u.call.args[i].kind != CL_VAL_UNKNOWN && arg_is_handle(w, ev, (int)i);
        const cl_event *hw = handled ? NULL : helper_wait(&w->m->cg, ev);
        if (hw != NULL)
            return s->bits & (RUN | LATE) ? mk(f, LATE, hw) : ps;
    } else if (cs->kind == CL_CK_CANCEL) {
        return s->bits != 0 && arg_is_handle(w, ev, cs->obj) ? mk(f, CANCELLED, NULL) : ps;
    } else if (cs->kind == CL_CK_JOIN || cs->kind == CL_CK_DETACH) {
        handled = arg_is_handle(w, ev, cs->obj);
    } else if (cl_wait_is_finite(cs, ev)) {
        return s->bits & (RUN | LATE) ? mk(f, LATE, ev) : ps; /* (PARTIAL: no worker waited for) */
    }
    return handled ? mk(f, 0, s->wait) : ps;
}

/* Whether call `b` runs after call `a` on every path through `a`: the
 * innermost statement holding both is a sequence or a loop, not an `if`
 * or `switch` with each in another alternative (`if (stack) res =
 * pthread_create(..); else res = pthread_create(..);`), and `b` is under
 * no alternative below it (only conditions: `if (pthread_create(..) !=
 * 0)`). */
static int in_sequence(const cl_callgraph *cg, const cl_event *a, const cl_event *b)
{
    enum { DEPTH = 256 };
    const cl_node *up[DEPTH];
    size_t n = 0;
    for (const cl_node *x = cl_callgraph_event_node(cg, a); x != NULL && n < DEPTH;
         x = cl_callgraph_parent(cg, x))
        up[n++] = x;
    for (const cl_node *y = cl_callgraph_event_node(cg, b), *from = NULL; y != NULL;
         from = y, y = cl_callgraph_parent(cg, y)) {
        for (size_t i = 0; i < n; i++)
            if (up[i] == y)
                return y->kind == CL_N_SEQ || y->kind == CL_N_LOOP;
        /* (`b` in an alternative, not the condition, runs on some paths
         * only: `if (res == EAGAIN) res = pthread_create(..)`, a retry) */
        if (from != NULL && y->kind != CL_N_SEQ && from != y->cond)
            return 0;
    }
    return 0;
}

/* The side `kid` of a branch or loop whose condition tests the result of
 * the spawn (failure: no thread) or of a timed wait (success: no deadline
 * passed; a successful pthread_timedjoin_np also joined). */
static const void *c_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *ps)
{
    (void)fr;
    cwalk *w = cl_flow_ctx(f);
    const cstate *s = ps;
    const cl_event *tc = n->x->test_call;
    if (tc == NULL || n->kind == CL_N_SWITCH || (n->kind == CL_N_BRANCH && n->nkids != 2))
        return ps;
    int holds = kid == 0 || kid == CL_FLOW_LOOP_BODY; /* the test is true on this side */
    /* (a test of one element's stored result, n->test_elem, in a later
     * loop: the other elements' threads are met in their own rounds) */
    if (tc == w->t->spawn)
        return cl_test_holds(n->x->test_op, n->x->test_value, 0) == holds
                   ? ps : mk(f, s->bits & (EARLY | PARTIAL) && !n->x->test_elem ? PARTIAL : 0, s->wait);
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, tc);
    const cl_event *hw = cs == NULL ? helper_wait(&w->m->cg, tc) : NULL;
    if (hw != NULL) { /* (the helper's result is its wait's) */
        tc = hw;
        cs = cl_callgraph_spec(&w->m->cg, hw);
    }
    if (cs != NULL && cs->kind == CL_CK_SPAWN && (s->bits & RUN) && !n->x->test_elem &&
        cl_test_holds(n->x->test_op, n->x->test_value, 0) != holds &&
        in_sequence(&w->m->cg, w->t->spawn, tc))
        return mk(f, s->bits | FAILED_NEXT, s->wait); /* (another start failed) */
    if (cs == NULL || (cs->kind != CL_CK_TIMEDJOIN && !cl_wait_is_finite(cs, tc)))
        return ps;
    long long expired = cs->kind == CL_CK_COND_TIMEDWAIT || cs->kind == CL_CK_TIMEDJOIN
                            ? ETIMEDOUT : cs->kind == CL_CK_POLL ? 0 : -1;
    if (cl_test_holds(n->x->test_op, n->x->test_value, expired) == holds)
        return ps;
    int joined = cs->kind == CL_CK_TIMEDJOIN && arg_is_handle(w, tc, cs->obj);
    return mk(f, joined || !s->bits ? 0 : RUN, s->wait);
}

/* Does expression `n` join, detach or cancel the handle (`return
 * pthread_cancel(tid);`)? */
static int consumes_handle(const cwalk *w, const cl_node *n)
{
    if (n == NULL || n->kind == CL_N_EVENT) {
        const cl_callspec *cs = n != NULL && n->ev->kind == CL_EV_CALL ? cl_callgraph_spec(&w->m->cg, n->ev)
                                                                      : NULL;
        return cs != NULL &&
               (cs->kind == CL_CK_JOIN || cs->kind == CL_CK_DETACH || cs->kind == CL_CK_CANCEL) &&
               arg_is_handle(w, n->ev, cs->obj);
    }
    int r = consumes_handle(w, n->cond);
    for (size_t i = 0; i < n->nkids && !r; i++)
        r = consumes_handle(w, n->kids[i]);
    return r;
}

/* Does expression `n` read the handle (`return tid;`)? The caller owns
 * the thread then. Not when a join, detach or cancel there takes it
 * (`return pthread_cancel(tid);`: c_call). */
static int reads_handle(const cwalk *w, const cl_node *n)
{
    if (n == NULL || n->kind == CL_N_EVENT)
        return n != NULL && n->ev->kind == CL_EV_ACCESS &&
               (n->ev->u.access.flags & CL_ACC_READ) &&
               covers_handle(w->handle, n->ev->u.access.path);
    int r = reads_handle(w, n->cond);
    for (size_t i = 0; i < n->nkids && !r; i++)
        r = reads_handle(w, n->kids[i]);
    return r;
}

/* Leaving the loop that runs the spawn after a run failed is no partial
 * start: the loop went on, and the function keeps the threads it made. */
static const void *c_loop_out(cl_flow *f, const cl_flow_frame *fr, const cl_node *loop,
                              const void *ps)
{
    (void)fr, (void)loop;
    const cstate *s = ps;
    return s->bits & PARTIAL ? mk(f, (s->bits & ~PARTIAL) | RUN, s->wait) : ps;
}

static void c_on_exit(cl_flow *f, const cl_flow_frame *fr, const cl_node *ret, const void *ps)
{
    (void)fr;
    cwalk *w = cl_flow_ctx(f);
    const cstate *s = ps;
    if (s->bits == 0 || (ret != NULL && !consumes_handle(w, ret->cond) && reads_handle(w, ret->cond)))
        return;
    unsigned late = (s->bits & LATE) != 0, partial = (s->bits & PARTIAL) != 0;
    unsigned cancelled = (s->bits & ~(unsigned)CANCELLED) == 0;
    unsigned failed_next = (s->bits & (RUN | FAILED_NEXT)) == (RUN | FAILED_NEXT);
    for (size_t i = 0; i < w->out->n; i++)
        if (w->out->v[i].ret == ret) {
            if (late && !w->out->v[i].late)
                w->out->v[i] = (cl_handle_exit){ ret, 1, s->wait, w->out->v[i].partial, 0,
                                                 w->out->v[i].failed_next };
            w->out->v[i].partial |= partial;
            w->out->v[i].cancelled &= cancelled;
            w->out->v[i].failed_next |= failed_next;
            return;
        }
    CL_VEC_PUSH(w->out,
                ((cl_handle_exit){ ret, late, late ? s->wait : NULL, partial, cancelled, failed_next }));
}

void cl_handle_exits_find(const cl_model *m, const cl_thread *t, cl_handle_exits *out)
{
    cwalk w = { m, t, NULL, out };
    memset(out, 0, sizeof *out);
    const cl_callspec *cs = cl_callgraph_spec(&m->cg, t->spawn);
    if (cs != NULL && cs->obj >= 0 && (size_t)cs->obj < t->spawn->u.call.nargs &&
        t->spawn->u.call.args[cs->obj].kind == CL_VAL_ADDR)
        w.handle = out->handle = t->spawn->u.call.args[cs->obj].path;
    cl_flow_domain dom = { .state_size = sizeof(cstate), .ctx = &w, .join = cjoin,
                           .call = c_call, .branch = c_branch, .on_exit = c_on_exit,
                           .loop_out = c_loop_out };
    cl_flow_opts opts = { 0 }; /* one body, no descents: linear in its size */
    cl_flow *f = cl_flow_new(&m->cg, &dom, &opts);
    cl_flow_run(f, t->spawn_frame->func, NULL, 0, mk(f, 0, NULL));
    cl_flow_free(f);
}

void cl_handle_exits_release(cl_handle_exits *x)
{
    free(x->v);
    memset(x, 0, sizeof *x);
}
