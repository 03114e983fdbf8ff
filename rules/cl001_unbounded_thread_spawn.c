/* cl001_unbounded_thread_spawn.c - CL001 unbounded-thread-spawn: a thread
 * started per request or event with nothing bounding how many are alive.
 *
 * What it finds: a spawn (pthread_create, thrd_create or a configured spawn
 * function: callspec kind CL_CK_SPAWN) that runs once per iteration of an
 * event loop, or once per call of a request handler, with no bound on that
 * path. Thread-per-connection servers fall over under a connection flood:
 * every thread costs a stack (8 MiB of address space by default) and a
 * kernel task, and pthread_create starts failing (EAGAIN) or the process is
 * OOM-killed long before the CPU is busy.
 *
 *  - An event loop is a loop written for(;;) / while (1) (CL_LOOP_INFINITE),
 *    or a loop with a run-time condition (CL_LOOP_UNKNOWN) whose condition
 *    or body calls an event source (CL_CS_EVENT_SOURCE: accept, recv, read,
 *    epoll_wait, ...), directly or through project functions. Loops that
 *    count to a constant or to a value known at entry (CL_LOOP_CONST,
 *    CL_LOOP_COUNTED) are never event loops themselves, but a counted loop
 *    nested in an event loop (`for (i = 0; i < n; i++)` over the epoll
 *    results) still runs once per event.
 *  - A request handler is a function the event loop calls, directly or
 *    through other project functions (followed up to MAX_DEPTH frames), or a
 *    function registered as a callback: its address is passed to a function
 *    other than a spawn/once/atexit/signal/sort routine, stored at run time
 *    (`loop->handler = on_message`), or used in a global initializer (a
 *    route table).
 *
 * Bounds that make a spawn fine, when they come before it on the path (the
 * same loop iteration, the handler and the calls on the way to it):
 *  - a counting semaphore: sem_wait, sem_timedwait, sem_clockwait or
 *    sem_trywait (a configured wrapper that calls one counts too, since
 *    project calls are followed);
 *  - an admission counter (heuristic): a branch tests a shared location
 *    (global, static, or a field reached through a parameter) and one of its
 *    alternatives leaves (return, continue, break, goto, a noreturn call),
 *    or the spawn sits inside the alternative; and the same location is
 *    written on the path (`if (live >= MAX) return -1; live++;`). The test
 *    may go through a local flag computed under a lock
 *    (`ok = n < MAX; if (ok) n++; unlock; if (!ok) continue;`). The lock is
 *    not required: an unlocked counter is still a bound (its race is CL002's
 *    business). A one-shot `if (!started) { started = 1; spawn }` and a
 *    spawn into a tested shared handle (`if (!tid) pthread_create(&tid...)`)
 *    are bounded the same way;
 *  - a join later in the same iteration or handler (fork/join per request,
 *    a supervisor that restarts one thread and waits for it);
 *  - for an endless loop that reads no events, leaving the loop after the
 *    spawn, other than in the branch that tests the spawn's result for
 *    failure (a retry loop: `while (1) { if (pthread_create(...) == 0)
 *    break; sleep(1); }`).
 *
 * What it deliberately does not flag: fixed pools started by a constant or
 * counted loop outside the event loop, one background thread started before
 * the loop, a listener thread per configured port, an event loop that only
 * queues work for a pool, functions whose address is only taken as a thread
 * start routine, once routine, atexit/signal handler or comparator.
 *
 * Where it reports: at the spawn call, with the event loop (and each call on
 * the way from it to the spawn) or the registration site as related
 * locations. One finding per spawn; when several origins reach it, the loop
 * in the spawn's own function wins, then a loop that calls the handler, then
 * a callback registration.
 *
 * Limits: indirect calls are not followed (a registered callback counts as a
 * handler by registration alone, even if nothing ever calls it in a loop);
 * a join anywhere later in the walk counts, even on a sibling branch; the
 * admission heuristic does not check that the counter is compared with a
 * limit, nor that the spawned thread gives the slot back; a registration in
 * a global initializer is reported at the handler's definition, since the
 * summary does not record where the initializer is; configured handler
 * patterns of .conc-lint.json mark more functions as handlers; any call
 * that takes a function pointer already counts as a registration. Walks give up
 * silently (no finding) past MAX_STEPS nodes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/config.h"
#include "model/model.h"
#include "rule.h"

/* Call frames followed from a loop or handler to a spawn. */
#define MAX_DEPTH 6
/* Statement-tree nodes visited per walk before it gives up. */
#define MAX_STEPS 50000

/* ---- small immutable sets of strings (arena-owned, copy on change) ------- */

typedef struct pset {
    const char **v;
    size_t n;
} pset;

static int pset_has(const pset *s, const char *p)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == p || (s->v[i][0] == p[0] && strcmp(s->v[i], p) == 0))
            return 1;
    return 0;
}

static pset pset_add(cl_arena *a, pset s, const char *p)
{
    if (pset_has(&s, p))
        return s;
    pset r;
    r.v = cl_arena_alloc(a, (s.n + 1) * sizeof *r.v);
    if (s.n)
        memcpy(r.v, s.v, s.n * sizeof *r.v);
    r.v[s.n] = p;
    r.n = s.n + 1;
    return r;
}

static pset pset_union(cl_arena *a, pset x, pset y)
{
    if (y.n == 0 || x.v == y.v)
        return x;
    if (x.n == 0)
        return y;
    /* One allocation for the whole union (paths merge at every branch). */
    pset r;
    r.v = cl_arena_alloc(a, (x.n + y.n) * sizeof *r.v);
    memcpy(r.v, x.v, x.n * sizeof *r.v);
    r.n = x.n;
    for (size_t i = 0; i < y.n; i++)
        if (!pset_has(&x, y.v[i]))
            r.v[r.n++] = y.v[i];
    return r.n == x.n ? x : r;
}

/* keep == 1: x ∩ y; keep == 0: x \ y. */
static pset pset_filter(cl_arena *a, pset x, const pset *y, int keep)
{
    pset r = { NULL, 0 };
    for (size_t i = 0; i < x.n; i++)
        if (pset_has(y, x.v[i]) == keep)
            r = pset_add(a, r, x.v[i]);
    return r;
}

static int pset_meets(const pset *x, const pset *y)
{
    for (size_t i = 0; i < x->n; i++)
        if (pset_has(y, x->v[i]))
            return 1;
    return 0;
}

/* ---- path state ------------------------------------------------------------ */

typedef struct state {
    int bottom;    /* no path reaches this point */
    int bounded;   /* a semaphore slot was taken on every path */
    int locks;     /* locks held (the fewest over the paths) */
    pset readx;    /* shared locations read on some path */
    pset written;  /* shared locations written on some path */
    pset checked;  /* shared locations a branch tested, on every path */
    pset flags;    /* "var\001loc": local `var` tested in a branch under a
                      lock whose alternative writes `loc`, read before */
} state;

static state bottom_state(void)
{
    state s;
    memset(&s, 0, sizeof s);
    s.bottom = 1;
    return s;
}

static state merge(cl_arena *a, state x, state y)
{
    if (x.bottom)
        return y;
    if (y.bottom)
        return x;
    state r;
    r.bottom = 0;
    r.bounded = x.bounded && y.bounded;
    r.locks = x.locks < y.locks ? x.locks : y.locks;
    r.readx = pset_union(a, x.readx, y.readx);
    r.written = pset_union(a, x.written, y.written);
    r.checked = pset_filter(a, x.checked, &y.checked, 1);
    r.flags = pset_union(a, x.flags, y.flags);
    return r;
}

/* Globals, statics and objects reached through parameters; not locals. */
static int shared_path(const char *p)
{
    return p != NULL && (p[0] == 'G' || p[0] == 'P');
}

/* ---- per-function facts (memoized for the run) ------------------------------ */

enum {
    EV_NONE = 0, /* event-source class, best first: accept > receive > poll */
    EV_POLL = 1,
    EV_RECV = 2,
    EV_ACCEPT = 3
};

enum {
    FI_DONE = 1u << 0,
    FI_BUSY = 1u << 1,
    FI_SPAWN = 1u << 2 /* reaches a spawn; bits 8.. hold the EV_* class */
};

/* Rule state for one run: lives in run()'s frame, never at file scope. */
typedef struct rctx {
    const cl_model *m;
    unsigned *finfo;          /* per model function: FI_* | ev class << 8 */
    cl_arena arena;           /* messages */
    struct reg { int known; cl_loc loc; const char *api; } *reg; /* per function */
    struct { struct cand *v; size_t n, cap; } cands;
} rctx;

static int ev_class(const cl_callspec *cs)
{
    if (cs == NULL || !(cs->flags & CL_CS_EVENT_SOURCE))
        return EV_NONE;
    if (strncmp(cs->name, "accept", 6) == 0)
        return EV_ACCEPT;
    if (cs->kind == CL_CK_POLL)
        return EV_POLL;
    return EV_RECV;
}

static unsigned func_info(rctx *rc, size_t f);

/* ORs the facts of the subtree `n` into *spawn and *ev. */
static void scan_tree(rctx *rc, const cl_node *n, int *spawn, int *ev)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        if (n->ev->kind != CL_EV_CALL)
            return;
        const cl_callspec *cs = cl_callgraph_spec(&rc->m->cg, n->ev);
        if (cs != NULL) {
            if (cs->kind == CL_CK_SPAWN)
                *spawn = 1;
            int c = ev_class(cs);
            if (c > *ev)
                *ev = c;
            return;
        }
        size_t f = cl_callgraph_func(&rc->m->cg, n->ev->u.call.callee_usr);
        if (f != SIZE_MAX) {
            unsigned fi = func_info(rc, f);
            if (fi & FI_SPAWN)
                *spawn = 1;
            if ((int)(fi >> 8) > *ev)
                *ev = (int)(fi >> 8);
        }
        return;
    }
    scan_tree(rc, n->cond, spawn, ev);
    for (size_t k = 0; k < n->nkids; k++)
        scan_tree(rc, n->kids[k], spawn, ev);
}

/* Whether function `f` reaches a spawn and which event sources it calls,
 * through project calls. A recursive cycle contributes what is known when
 * it is re-entered. */
static unsigned func_info(rctx *rc, size_t f)
{
    unsigned fi = rc->finfo[f];
    if (fi & (FI_DONE | FI_BUSY))
        return fi;
    rc->finfo[f] = FI_BUSY;
    int spawn = 0, ev = EV_NONE;
    scan_tree(rc, rc->m->cg.funcs.v[f].fn->body, &spawn, &ev);
    rc->finfo[f] = FI_DONE | (spawn ? FI_SPAWN : 0) | ((unsigned)ev << 8);
    return rc->finfo[f];
}

static int loop_is_event_loop(rctx *rc, const cl_node *loop, int *ev_out)
{
    int spawn = 0, ev = EV_NONE;
    if (loop->bound == CL_LOOP_CONST || loop->bound == CL_LOOP_COUNTED ||
        loop->bound == CL_LOOP_ONCE)
        return 0;
    scan_tree(rc, loop->cond, &spawn, &ev);
    for (size_t k = 0; k < loop->nkids; k++)
        scan_tree(rc, loop->kids[k], &spawn, &ev);
    if (ev_out != NULL)
        *ev_out = ev;
    return loop->bound == CL_LOOP_INFINITE || ev != EV_NONE;
}

static int loop_reaches_spawn(rctx *rc, const cl_node *loop)
{
    int spawn = 0, ev = EV_NONE;
    scan_tree(rc, loop->cond, &spawn, &ev);
    for (size_t k = 0; k < loop->nkids; k++)
        scan_tree(rc, loop->kids[k], &spawn, &ev);
    return spawn;
}

/* ---- the walk ------------------------------------------------------------- */

enum { ORIGIN_LOOP = 0, ORIGIN_HANDLER_LOOP = 1, ORIGIN_CALLBACK = 2 };

/* A spawn reached with no bound, and how. */
typedef struct cand {
    const cl_event *spawn;
    int kind;                          /* ORIGIN_*, the finding's flavour */
    size_t depth;                      /* frames below the origin */
    size_t fn[MAX_DEPTH + 1];          /* function per frame; fn[depth] spawns */
    const cl_event *via[MAX_DEPTH + 1];/* via[k]: call in frame k-1 entering frame k */
    const cl_node *loop;               /* ORIGIN_LOOP / _HANDLER_LOOP */
    int ev;                            /* EV_* class of the loop */
    int joined;                        /* a join followed it in the walk */
} cand;

typedef enum jkind { J_LOOP, J_SWITCH, J_ORIGIN } jkind;

typedef struct jtarget {
    jkind kind;
    state brk, cont;
} jtarget;

typedef struct walker {
    rctx *rc;
    cl_arena *a;                  /* = &arena */
    cl_arena arena;               /* the walk's states; dropped when it ends */
    size_t steps;
    int aborted;
    const cl_node *origin_loop;   /* NULL when the origin is a callback */
    int origin_ev;
    size_t depth;
    size_t fn[MAX_DEPTH + 1];
    const cl_event *via[MAX_DEPTH + 1];
    struct { jtarget *v; size_t n, cap; } jumps;
    size_t jbase;                 /* first jump target of the current frame */
    state *ret;                   /* return accumulator of the current frame */
    struct { cand *v; size_t n, cap; } pend;
    int exit_after_spawn;         /* the origin loop is left after a spawn */
    int on_failure;               /* inside the branch taken when a spawn failed */
} walker;

static state walk(walker *w, const cl_node *n, state s);

static void leave_origin(walker *w)
{
    if (w->on_failure)
        return; /* giving up after a failed spawn is no retry loop */
    for (size_t i = 0; i < w->pend.n; i++)
        if (!w->pend.v[i].joined)
            w->exit_after_spawn = 1;
}

static void do_spawn(walker *w, const cl_event *ev, const cl_callspec *cs, state s)
{
    if (s.bounded || pset_meets(&s.checked, &s.written))
        return;
    /* `if (!worker) pthread_create(&worker, ...)`: a singleton handle. */
    if (cs->obj >= 0 && (size_t)cs->obj < ev->u.call.nargs) {
        const cl_value *h = &ev->u.call.args[cs->obj];
        if (h->kind == CL_VAL_ADDR && shared_path(h->path) && pset_has(&s.checked, h->path))
            return;
    }
    cand c;
    memset(&c, 0, sizeof c);
    c.spawn = ev;
    c.depth = w->depth;
    memcpy(c.fn, w->fn, sizeof c.fn);
    memcpy(c.via, w->via, sizeof c.via);
    c.loop = w->origin_loop;
    c.ev = w->origin_ev;
    c.kind = w->origin_loop == NULL ? ORIGIN_CALLBACK
             : w->depth == 0        ? ORIGIN_LOOP
                                    : ORIGIN_HANDLER_LOOP;
    CL_VEC_PUSH(&w->pend, c);
}

static state call_into(walker *w, const cl_event *ev, size_t f, state s)
{
    if (w->depth >= MAX_DEPTH)
        return s;
    for (size_t k = 0; k <= w->depth; k++)
        if (w->fn[k] == f)
            return s; /* recursion: take the call as a no-op */
    size_t saved_jbase = w->jbase;
    state *saved_ret = w->ret;
    state ret = bottom_state();
    w->depth++;
    w->fn[w->depth] = f;
    w->via[w->depth] = ev;
    w->jbase = w->jumps.n;
    w->ret = &ret;
    state out = walk(w, w->rc->m->cg.funcs.v[f].fn->body, s);
    out = merge(w->a, out, ret);
    w->jumps.n = w->jbase;
    w->ret = saved_ret;
    w->jbase = saved_jbase;
    w->depth--;
    return out;
}

static state walk_event(walker *w, const cl_event *ev, state s)
{
    if (ev->kind == CL_EV_ACCESS) {
        const char *p = ev->u.access.path;
        if (!shared_path(p))
            return s;
        if (ev->u.access.flags & CL_ACC_READ)
            s.readx = pset_add(w->a, s.readx, p);
        if (ev->u.access.flags & CL_ACC_WRITE)
            s.written = pset_add(w->a, s.written, p);
        return s;
    }
    if (ev->kind != CL_EV_CALL)
        return s;
    const cl_callspec *cs = cl_callgraph_spec(&w->rc->m->cg, ev);
    if (cs != NULL) {
        switch (cs->kind) {
        case CL_CK_SPAWN:
            do_spawn(w, ev, cs, s);
            break;
        case CL_CK_JOIN:
        case CL_CK_TIMEDJOIN:
            for (size_t i = 0; i < w->pend.n; i++)
                w->pend.v[i].joined = 1;
            break;
        case CL_CK_LOCK:
        case CL_CK_RDLOCK:
            s.locks++;
            break;
        case CL_CK_UNLOCK:
            if (s.locks > 0)
                s.locks--;
            break;
        case CL_CK_SEM_WAIT:
        case CL_CK_SEM_TIMEDWAIT:
            s.bounded = 1;
            break;
        case CL_CK_NORETURN:
            return bottom_state();
        default:
            if (strcmp(cs->name, "sem_trywait") == 0)
                s.bounded = 1;
            break;
        }
        return s;
    }
    size_t f = cl_callgraph_func(&w->rc->m->cg, ev->u.call.callee_usr);
    return f == SIZE_MAX ? s : call_into(w, ev, f, s);
}

/* Shared locations tested by a branch condition: read directly in it, or
 * through a local flag (state.flags). */
static pset tested_by(walker *w, const cl_node *n, const state *c)
{
    pset t = { NULL, 0 };
    if (n->cond != NULL && n->cond->kind == CL_N_SEQ)
        for (size_t i = 0; i < n->cond->nkids; i++) {
            const cl_node *k = n->cond->kids[i];
            if (k->kind == CL_N_EVENT && k->ev->kind == CL_EV_ACCESS &&
                (k->ev->u.access.flags & CL_ACC_READ) && shared_path(k->ev->u.access.path))
                t = pset_add(w->a, t, k->ev->u.access.path);
        }
    for (size_t v = 0; v < n->ncond_vars; v++) {
        size_t len = strlen(n->cond_vars[v]);
        for (size_t i = 0; i < c->flags.n; i++)
            if (strncmp(c->flags.v[i], n->cond_vars[v], len) == 0 && c->flags.v[i][len] == '\001')
                t = pset_add(w->a, t, c->flags.v[i] + len + 1);
    }
    return t;
}

static state walk_branch(walker *w, const cl_node *n, state s)
{
    state c = n->cond ? walk(w, n->cond, s) : s;
    if (c.bottom || n->nkids == 0)
        return c;
    pset tested = tested_by(w, n, &c);
    state in = c;
    in.checked = pset_union(w->a, c.checked, tested);
    int is_switch = n->kind == CL_N_SWITCH;
    size_t top = w->jumps.n;
    if (is_switch) {
        jtarget j = { J_SWITCH, bottom_state(), bottom_state() };
        CL_VEC_PUSH(&w->jumps, j);
    }
    state out = bottom_state();
    pset flags = { NULL, 0 };
    int some_alt_leaves = 0;
    const cl_callspec *tcs = cl_callgraph_spec(&w->rc->m->cg, n->test_call);
    int spawn_test = tcs != NULL && tcs->kind == CL_CK_SPAWN && n->kind == CL_N_BRANCH;
    for (size_t k = 0; k < n->nkids; k++) {
        /* kids[0] runs when `result test_op test_value` holds; spawns
         * return 0 on success. */
        int failure = spawn_test && (k == 0) != cl_test_holds(n->test_op, n->test_value, 0);
        w->on_failure += failure;
        state sk = walk(w, n->kids[k], in);
        w->on_failure -= failure;
        if (sk.bottom) {
            some_alt_leaves = 1;
            continue;
        }
        /* `if (ok) count++` under a lock, `count` read before: `ok` now
         * stands for a test of `count`. */
        if (c.locks > 0)
            for (size_t i = 0; i < sk.written.n; i++) {
                const char *x = sk.written.v[i];
                if (pset_has(&c.written, x) || !pset_has(&c.readx, x))
                    continue;
                for (size_t v = 0; v < n->ncond_vars; v++)
                    flags = pset_add(w->a, flags,
                                     cl_arena_printf(w->a, "%s\001%s", n->cond_vars[v], x));
            }
        out = merge(w->a, out, sk);
    }
    if (is_switch) {
        out = merge(w->a, out, w->jumps.v[top].brk);
        w->jumps.n = top;
        some_alt_leaves = 0; /* a `break` is not a way out of the path */
    }
    if (!out.bottom) {
        if (!some_alt_leaves) { /* every path goes on: the test filtered nothing */
            pset fresh = pset_filter(w->a, tested, &c.checked, 0);
            out.checked = pset_filter(w->a, out.checked, &fresh, 0);
        }
        out.flags = pset_union(w->a, out.flags, flags);
    }
    return out;
}

static state walk_loop(walker *w, const cl_node *n, state s)
{
    jtarget j = { J_LOOP, bottom_state(), bottom_state() };
    size_t top = w->jumps.n;
    CL_VEC_PUSH(&w->jumps, j);
    state c = n->cond ? walk(w, n->cond, s) : s;
    state body = n->nkids ? walk(w, n->kids[0], c) : c;
    state iterated = merge(w->a, body, w->jumps.v[top].cont);
    state out;
    if (n->bound == CL_LOOP_INFINITE)
        out = bottom_state();
    else if ((n->bound == CL_LOOP_CONST || n->bound == CL_LOOP_COUNTED ||
              n->bound == CL_LOOP_ONCE) && !iterated.bottom)
        out = iterated; /* counting loops are taken to run at least once */
    else
        out = c;
    out = merge(w->a, out, w->jumps.v[top].brk);
    w->jumps.n = top;
    return out;
}

/* The innermost jump target of the current frame accepting `kind`
 * (J_LOOP for continue: a switch does not take it), or SIZE_MAX. */
static size_t jump_target(const walker *w, int for_continue)
{
    for (size_t i = w->jumps.n; i > w->jbase; i--)
        if (!for_continue || w->jumps.v[i - 1].kind != J_SWITCH)
            return i - 1;
    return SIZE_MAX;
}

static state walk(walker *w, const cl_node *n, state s)
{
    if (n == NULL || s.bottom || w->aborted)
        return s;
    if (++w->steps > MAX_STEPS) {
        w->aborted = 1;
        return bottom_state();
    }
    switch (n->kind) {
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids && !s.bottom; i++)
            s = walk(w, n->kids[i], s);
        return s;
    case CL_N_EVENT:
        return walk_event(w, n->ev, s);
    case CL_N_BRANCH:
    case CL_N_SWITCH:
        return walk_branch(w, n, s);
    case CL_N_LOOP:
        /* Another event loop is an origin of its own (see run()). */
        if (loop_is_event_loop(w->rc, n, NULL))
            return n->bound == CL_LOOP_INFINITE ? bottom_state() : s;
        return walk_loop(w, n, s);
    case CL_N_RETURN:
        if (n->cond != NULL)
            s = walk(w, n->cond, s);
        if (s.bottom)
            return s;
        if (w->depth == 0 && w->origin_loop != NULL)
            leave_origin(w);
        *w->ret = merge(w->a, *w->ret, s);
        return bottom_state();
    case CL_N_BREAK:
    case CL_N_CONTINUE: {
        size_t t = jump_target(w, n->kind == CL_N_CONTINUE);
        if (t == SIZE_MAX)
            return bottom_state();
        jtarget *jt = &w->jumps.v[t];
        if (jt->kind == J_ORIGIN && n->kind == CL_N_BREAK)
            leave_origin(w);
        else if (n->kind == CL_N_BREAK)
            jt->brk = merge(w->a, jt->brk, s);
        else
            jt->cont = merge(w->a, jt->cont, s);
        return bottom_state();
    }
    case CL_N_LABEL:
        return s;
    case CL_N_GOTO:
        if (w->depth == 0 && w->origin_loop != NULL)
            leave_origin(w);
        return bottom_state();
    }
    return s;
}

static void walker_init(walker *w, rctx *rc, size_t f)
{
    memset(w, 0, sizeof *w);
    w->rc = rc;
    w->a = &w->arena;
    w->fn[0] = f;
}

/* Keeps the walk's unjoined spawns as candidates and frees the walk. */
static void walker_finish(walker *w, int retry_loop)
{
    if (!w->aborted && !(retry_loop && w->exit_after_spawn))
        for (size_t i = 0; i < w->pend.n; i++)
            if (!w->pend.v[i].joined)
                CL_VEC_PUSH(&w->rc->cands, w->pend.v[i]);
    free(w->pend.v);
    free(w->jumps.v);
    cl_arena_release(&w->arena);
}

/* One iteration of event loop `loop` in function `f`. */
static void walk_origin_loop(rctx *rc, size_t f, const cl_node *loop, int ev)
{
    walker w;
    walker_init(&w, rc, f);
    w.origin_loop = loop;
    w.origin_ev = ev;
    state ret = bottom_state(), s;
    memset(&s, 0, sizeof s);
    w.ret = &ret;
    jtarget j = { J_ORIGIN, bottom_state(), bottom_state() };
    CL_VEC_PUSH(&w.jumps, j);
    s = loop->cond ? walk(&w, loop->cond, s) : s;
    if (loop->nkids)
        walk(&w, loop->kids[0], s);
    walker_finish(&w, ev == EV_NONE);
}

static void find_loops(rctx *rc, size_t f, const cl_node *n)
{
    if (n == NULL)
        return;
    int ev = EV_NONE;
    if (n->kind == CL_N_LOOP && loop_is_event_loop(rc, n, &ev) && loop_reaches_spawn(rc, n))
        walk_origin_loop(rc, f, n, ev);
    find_loops(rc, f, n->cond);
    for (size_t k = 0; k < n->nkids; k++)
        find_loops(rc, f, n->kids[k]);
}

/* ---- callback registrations ------------------------------------------------ */

/* Library functions that take a function pointer without making it a
 * request handler. */
static int not_a_registration(const char *callee)
{
    static const char *const names[] = {
        "at_quick_exit", "atexit", "bsearch", "ftw", "lfind", "lsearch", "nftw", "on_exit",
        "pthread_atfork", "pthread_key_create", "qsort", "qsort_r", "scandir", "sigaction",
        "signal", "tdelete", "tfind", "tsearch", "tss_create", "twalk",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], callee) == 0)
            return 1;
    return 0;
}

static void note_reg(rctx *rc, const char *usr, cl_loc loc, const char *api)
{
    size_t f = cl_callgraph_func(&rc->m->cg, usr);
    if (f == SIZE_MAX || rc->reg[f].known)
        return;
    rc->reg[f].known = 1;
    rc->reg[f].loc = loc;
    rc->reg[f].api = api;
}

static void find_registrations(rctx *rc, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_event *e = n->ev;
        if (e->kind == CL_EV_FUNCREF) {
            note_reg(rc, e->u.funcref.func_usr, e->loc, NULL);
        } else if (e->kind == CL_EV_CALL) {
            const cl_callspec *cs = cl_callgraph_spec(&rc->m->cg, e);
            if ((cs != NULL && (cs->kind == CL_CK_SPAWN || cs->kind == CL_CK_ONCE)) ||
                (e->u.call.callee_name != NULL && not_a_registration(e->u.call.callee_name)))
                return;
            for (size_t a = 0; a < e->u.call.nargs; a++)
                if (e->u.call.args[a].kind == CL_VAL_FUNC)
                    note_reg(rc, e->u.call.args[a].func_usr, e->loc, e->u.call.callee_name);
        }
        return;
    }
    find_registrations(rc, n->cond);
    for (size_t k = 0; k < n->nkids; k++)
        find_registrations(rc, n->kids[k]);
}

static void walk_callback(rctx *rc, size_t f)
{
    walker w;
    walker_init(&w, rc, f);
    state ret = bottom_state(), s;
    memset(&s, 0, sizeof s);
    w.ret = &ret;
    walk(&w, rc->m->cg.funcs.v[f].fn->body, s);
    walker_finish(&w, 0);
}

/* ---- reporting ----------------------------------------------------------- */

/* "line 31", or "file.c:31" when `loc` is in another file than `from`. */
static const char *where(cl_arena *a, cl_loc loc, cl_loc from)
{
    if (loc.file != NULL && from.file != NULL && strcmp(loc.file, from.file) != 0)
        return cl_arena_printf(a, "%s:%u", cl_base_name(loc.file), loc.line);
    return cl_arena_printf(a, "line %u", loc.line);
}

static const char *fname(const cl_model *m, size_t f)
{
    return m->cg.funcs.v[f].fn->name;
}

/* Lower is better: the loop in the spawn's own function, then a loop that
 * calls the handler (fewer frames first), then a callback registration. */
static int better(const cand *x, const cand *y)
{
    if (x->kind != y->kind)
        return x->kind < y->kind;
    return x->depth < y->depth;
}

/* The key of a candidate's spawn call in the `best` map of run(). */
static void spawn_key(const cand *c, char *key, size_t size)
{
    snprintf(key, size, "%p", (const void *)c->spawn);
}

static void report(rctx *rc, cl_rule_ctx *ctx, const cand *c)
{
    const cl_model *m = rc->m;
    cl_arena *a = &rc->arena;
    const cl_call *call = &c->spawn->u.call;
    const cl_callspec *cs = cl_callgraph_spec(&m->cg, c->spawn);
    const char *routine = NULL;
    if (cs != NULL && cs->func >= 0 && (size_t)cs->func < call->nargs &&
        call->args[cs->func].kind == CL_VAL_FUNC)
        routine = call->args[cs->func].func_name;
    cl_loc at = c->spawn->loc;
    cl_strbuf msg = { NULL, 0, 0 };
    if (routine != NULL)
        cl_strbuf_addf(&msg, "thread '%s' started", routine);
    else
        cl_strbuf_add(&msg, "thread started");
    if (c->kind != ORIGIN_LOOP && c->depth > 0)
        cl_strbuf_addf(&msg, " in '%s'", fname(m, c->fn[c->depth]));
    cl_related rel[MAX_DEPTH + 2];
    size_t nrel = 0;
    if (c->kind == ORIGIN_CALLBACK) {
        const struct reg *r = &rc->reg[c->fn[0]];
        cl_strbuf_addf(&msg, " for every call of callback '%s'", fname(m, c->fn[0]));
        if (r->loc.file != NULL && r->api != NULL) {
            cl_strbuf_addf(&msg, " (registered with '%s' at %s)", r->api, where(a, r->loc, at));
            rel[nrel].loc = r->loc;
            rel[nrel++].message = cl_arena_printf(a, "'%s' registered as a callback with '%s'",
                                                  fname(m, c->fn[0]), r->api);
        } else if (r->loc.file != NULL) {
            cl_strbuf_addf(&msg, " (stored as a callback at %s)", where(a, r->loc, at));
            rel[nrel].loc = r->loc;
            rel[nrel++].message = cl_arena_printf(a, "'%s' stored as a callback",
                                                  fname(m, c->fn[0]));
        } else {
            const cl_function *fn = m->cg.funcs.v[c->fn[0]].fn;
            cl_strbuf_add(&msg, " (registered in a global initializer)");
            rel[nrel].loc = fn->loc;
            rel[nrel++].message = cl_arena_printf(
                a, "'%s' is registered as a callback in a global initializer", fn->name);
        }
    } else {
        static const char *const per[] = {
            [EV_NONE] = "on every iteration of the endless loop",
            [EV_POLL] = "for every event handled in the loop",
            [EV_RECV] = "for every message received in the loop",
            [EV_ACCEPT] = "for every connection accepted in the loop",
        };
        cl_strbuf_addf(&msg, " %s at %s", per[c->ev], where(a, c->loop->loc, at));
        if (c->kind == ORIGIN_HANDLER_LOOP)
            cl_strbuf_addf(&msg, " in '%s'", fname(m, c->fn[0]));
        rel[nrel].loc = c->loop->loc;
        static const char *const note[] = {
            [EV_NONE] = "each iteration of this endless loop starts a thread",
            [EV_POLL] = "each event handled in this loop starts a thread",
            [EV_RECV] = "each message received in this loop starts a thread",
            [EV_ACCEPT] = "each connection accepted in this loop starts a thread",
        };
        rel[nrel++].message = note[c->ev];
    }
    for (size_t k = 1; k <= c->depth; k++) {
        rel[nrel].loc = c->via[k]->loc;
        rel[nrel++].message = cl_arena_printf(a, "calls '%s'", fname(m, c->fn[k]));
    }
    cl_strbuf_add(&msg, " with no bound on live threads; use a fixed pool or bound the number "
                        "of live threads (counting semaphore, counter under a lock)");
    const char *key = cl_arena_printf(a, "spawn|%s", routine ? routine : "?");
    cl_rule_emit(ctx, at, fname(m, c->fn[c->depth]), cl_strbuf_str(&msg), key, rel, nrel,
                 NULL, 0);
    cl_strbuf_release(&msg);
}

static void run(const cl_model *m, cl_rule_ctx *ctx)
{
    rctx rc;
    memset(&rc, 0, sizeof rc);
    rc.m = m;
    rc.finfo = cl_xcalloc(m->cg.funcs.n + 1, sizeof *rc.finfo);
    rc.reg = cl_xcalloc(m->cg.funcs.n + 1, sizeof *rc.reg);
    for (size_t f = 0; f < m->cg.funcs.n; f++)
        find_loops(&rc, f, m->cg.funcs.v[f].fn->body);
    for (size_t f = 0; f < m->cg.funcs.n; f++)
        find_registrations(&rc, m->cg.funcs.v[f].fn->body);
    for (size_t t = 0; t < m->cg.ntus; t++) {
        const cl_tu *tu = m->cg.tus[t];
        if (tu == NULL || !tu->parsed)
            continue;
        for (size_t i = 0; i < tu->nfuncrefs; i++)
            note_reg(&rc, tu->funcrefs[i].func_usr, (cl_loc){ NULL, 0, 0 }, NULL);
    }
    /* Request handlers named by the configuration's patterns. */
    for (size_t f = 0; f < m->cg.funcs.n; f++)
        if (cl_config_is_handler(ctx->config, m->cg.funcs.v[f].fn->name))
            note_reg(&rc, m->cg.funcs.v[f].fn->usr, m->cg.funcs.v[f].fn->loc, NULL);
    for (size_t f = 0; f < m->cg.funcs.n; f++)
        if (rc.reg[f].known && (func_info(&rc, f) & FI_SPAWN))
            walk_callback(&rc, f);
    /* One finding per spawn: its best candidate (the first of the best),
     * reported in discovery order. best: spawn_key -> candidate index. */
    cl_strmap best = { NULL, NULL, 0, 0 };
    for (size_t i = 0; i < rc.cands.n; i++) {
        char key[32];
        size_t b;
        spawn_key(&rc.cands.v[i], key, sizeof key);
        if (cl_strmap_get(&best, key, &b) && !better(&rc.cands.v[i], &rc.cands.v[b]))
            continue;
        cl_strmap_put(&best, cl_arena_strdup(&rc.arena, key), i);
    }
    for (size_t i = 0; i < rc.cands.n; i++) {
        char key[32];
        size_t b;
        spawn_key(&rc.cands.v[i], key, sizeof key);
        if (cl_strmap_get(&best, key, &b) && b == i)
            report(&rc, ctx, &rc.cands.v[i]);
    }
    cl_strmap_release(&best);
    free(rc.cands.v);
    free(rc.finfo);
    free(rc.reg);
    cl_arena_release(&rc.arena);
}

static const char *const cwe[] = { "CWE-400", "CWE-770", NULL };
static const char *const tags[] = { "concurrency", "resource-exhaustion", "reliability", NULL };

const cl_rule cl001_unbounded_thread_spawn = {
    .id = "CL001",
    .name = "unbounded-thread-spawn",
    .short_desc = "A thread is started per request or event with no bound on live threads",
    .full_desc =
        "pthread_create or thrd_create runs once per iteration of an accept, receive or "
        "event loop (or an endless loop), or once per call of a request handler (a function "
        "such a loop calls, or one registered as a callback), and nothing on that path bounds "
        "the number of live threads: no counting semaphore, no counter checked before the "
        "spawn, no join. Loops with a constant or known bound and fixed pools started before "
        "the loop are fine.",
    .help_md =
        "## unbounded-thread-spawn (CL001)\n\n"
        "A server that starts a thread for every connection, datagram or request has no "
        "upper bound on its threads: each costs a stack and a kernel task, and a burst of "
        "clients (or an attacker) drives `pthread_create` into `EAGAIN` or the process into "
        "the OOM killer.\n\n"
        "**Fix** one of:\n\n"
        "- start a fixed pool of workers before the loop and hand them work through a "
        "bounded queue;\n"
        "- take a slot of a counting semaphore before the spawn and give it back when the "
        "thread ends (`sem_wait(&slots); pthread_create(...)`, `sem_post(&slots)` in the "
        "thread);\n"
        "- check and bump a counter under a lock and refuse (or answer \"busy\") over the "
        "cap:\n\n"
        "```c\n"
        "pthread_mutex_lock(&lock);\n"
        "if (live >= MAX_LIVE) { pthread_mutex_unlock(&lock); close(fd); continue; }\n"
        "live++;\n"
        "pthread_mutex_unlock(&lock);\n"
        "pthread_create(&tid, &detached, serve, arg);   /* serve() does live-- under lock */\n"
        "```\n\n"
        "The finding names the loop (or the callback registration) that makes the spawn run "
        "once per event, and each call on the way to it.",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "6.5",
    .finish = run,
};
