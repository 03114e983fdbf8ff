/* cl003_sleep_coordination.c - CL003 sleep-coordination: a sleep used to
 * wait for another thread.
 *
 * What it finds (a sleep is a call of kind CL_CK_SLEEP -- sleep, usleep,
 * nanosleep, clock_nanosleep, thrd_sleep, a configured sleep function -- or
 * a call of a "sleep wrapper", a project function that sleeps and does no
 * work):
 *   (a) sleep instead of join. A thread sleeps, outside any loop of its
 *       function and of its callers, while a child it started is running
 *       (the call record's live set), and then reads a location that the
 *       child (or a thread it started) writes while it may still run
 *       (cl_model_may_parallel: no join in between), or -- a root thread
 *       running main() -- ends the process (returns from main, exit(),
 *       abort()) with no join, wait or loop after the sleep.
 *   (b) a poll loop. The innermost loop around the sleep can end (its
 *       condition, a break, a return, a goto), does no work on any
 *       iteration that comes back to its head (no write to shared memory,
 *       no call that does work or blocks on a synchronisation object), and
 *       reads -- in its condition, its body or a function it calls -- a
 *       location that another thread, which may run at the same time,
 *       writes: `while (!done) usleep(1000);`.
 *
 * Why: a sleep does not order anything. "Long enough" is a guess that fails
 * on a loaded machine, a slow disk or under a debugger, and a poll loop
 * burns wake-ups and adds latency. pthread_join, a condition variable, a
 * semaphore or a barrier express the wait exactly.
 *
 * How, on the engine (flow.h), with two small domains:
 *   - effects: what a path does after a point (works, sleeps, waits, ends
 *     the process, which locations it reads), descending into project
 *     callees once the point is passed. A function's summary is its
 *     effects after its entry; (a) walks the sleeping function and then
 *     each caller on the sleep's call chain, carrying the state across.
 *   - loops: per path, the loops it is in and whether the current
 *     iteration did work. An iteration that reaches the loop head again
 *     with work makes a work loop; iterations that leave (break, return,
 *     goto, a noreturn call) do not count, so `if (item) { take(); break; }`
 *     is the way out, not the polling. Branches testing the same local
 *     variables (`if (have) {...} ... if (have) break;`) are taken to go
 *     the same way on one path. Callees count by their summary.
 * The reads and writes are the model's access records (subscribed), the
 * sleeps its call records.
 *
 * Where it reports: at the sleep (for a wrapper, at the call of the wrapper
 * in the loop or function that waits), with the spawn site of the thread
 * waited for, its write and, for (a), the read after the sleep.
 *
 * What it deliberately does not flag: periodic work loops; loops that never
 * end (`for (;;) { sleep(10); dump_stats(); }`); retry and backoff loops
 * that read only locals; loops that also block on a real synchronisation
 * object; a sleep followed by a join before the read or the exit; sleeps
 * with no other thread around; a spawned thread that sleeps and returns.
 *
 * Limits. Two tests of the same local variables are assumed to have the
 * same polarity and the variables not to change between them (the IR
 * records neither). A call that does work anywhere makes the whole loop a
 * work loop, even when it runs only on the way out through a callee. A
 * function that never returns (every path ends in exit()) counts as work.
 * Polling a C11 atomic through atomic_load() is seen: atomic operations are
 * access events with CL_ACC_ATOMIC. The walks of (a) have a step budget;
 * past it callees count as work (fewer findings, never more).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/flow.h"
#include "model/model.h"
#include "rule.h"
#include "util/intern.h"

enum { FX_AFTER = 1, FX_WORK = 2, FX_SLEEPS = 4, FX_WAITS = 8, FX_ENDS = 16, FX_KNOWN = 128 };
enum { WALK_STEPS = 400000 };

/* A loop the path is in; its current iteration did work: `dirty` 0 no,
 * 1 yes, 2 + k only if the test of `cvars` went to alternative k. */
typedef struct loopent { const cl_node *loop; const void *cvars; uintptr_t dirty; } loopent;
typedef struct fact { const void *vars; uintptr_t kid; } fact;
typedef struct lstate { const loopent *in; size_t nin; const fact *facts; size_t nfacts; } lstate;

typedef struct loopinfo {
    const cl_node *loop;
    size_t func;
    const cl_event *sleep;     /* the first sleep (or wrapper call) in it */
    size_t parent;             /* 1 + index of the enclosing loop, or 0 */
    unsigned work : 1, exits : 1, poll : 1, reported : 1;
} loopinfo;

typedef struct wlink { const cl_accrec *w; size_t next; } wlink;

typedef struct rctx {
    const cl_model *m;
    cl_rule_ctx *ctx;
    unsigned char *fx;         /* per function: FX_KNOWN | its summary */
    cl_flow *summ;             /* the effects walk of the summaries */
    cl_arena keys;
    cl_blobmap loop_ix;        /* loop node -> index into loops */
    struct { loopinfo *v; size_t n, cap; } loops;
    struct { const cl_node **v; size_t n, cap; } stack;  /* loops around the point */
    cl_blobmap ev_loop;        /* event -> 1 + innermost loop around it */
    cl_strmap wfirst, wlast;   /* path -> 1 + index into wl */
    struct { wlink *v; size_t n, cap; } wl;
    struct { struct polled { const cl_accrec *r; size_t loop; } *v; size_t n, cap; } polled;
    cl_blobmap done;           /* (a): effective sleeps already walked */
    /* The effects walk in progress: the point, the state after it. */
    const cl_event *at;
    const void *carry;
    cl_blobmap *reads;
    size_t root_func;          /* main() of a root thread being walked, or SIZE_MAX */
    int in_loop, ends;
    const cl_callrec *sleeper; /* (a): the sleep record, and the child a read waits for */
    size_t child;
} rctx;

static size_t *ptr_slot(rctx *c, cl_blobmap *map, const void *a, const void *b, int *added)
{
    const void *key[2] = { a, b };
    cl_blobent *e = cl_blob_lookup(map, &c->keys, key, sizeof key, added);
    if (*added)
        e->val = 0;
    return &e->val;
}

static unsigned summary(rctx *c, size_t fi);

/* The value of (a, NULL) in `map`, 0 when absent. */
static size_t ptr_get(cl_blobmap *map, const void *a)
{
    const void *key[2] = { a, NULL };
    if (map->n == 0)
        return 0;
    cl_blobent *e = cl_blob_slot(map, key, sizeof key, cl_blob_hash(key, sizeof key));
    return e->p != NULL ? e->val : 0;
}

static int skip_access(const cl_accrec *r)
{
    return (r->ev->u.access.flags & (CL_ACC_TLS | CL_ACC_CONST)) != 0;
}

/* What a call does (FX_*), its callees by their summaries. */
static unsigned call_fx(rctx *c, const cl_event *ev, const cl_callspec *cs)
{
    if (cs == NULL) {
        size_t one, n;
        const size_t *fs;
        n = cl_callgraph_callees(&c->m->cg, ev, &one, &fs);
        unsigned fx = n ? 0 : FX_WORK;
        for (size_t i = 0; i < n; i++)
            fx |= summary(c, fs[i]);
        return fx & (FX_WORK | FX_SLEEPS | FX_WAITS | FX_ENDS);
    }
    if (cs->flags & CL_CS_PURE)
        return 0;
    switch (cs->kind) {
    case CL_CK_SLEEP: return FX_SLEEPS;
    case CL_CK_LOCK: case CL_CK_RDLOCK: case CL_CK_TRYLOCK: case CL_CK_UNLOCK:
    case CL_CK_COND_SIGNAL: return 0;
    case CL_CK_JOIN: case CL_CK_TIMEDJOIN: case CL_CK_CANCEL: case CL_CK_COND_WAIT:
    case CL_CK_COND_TIMEDWAIT: case CL_CK_SEM_WAIT: case CL_CK_SEM_TIMEDWAIT:
    case CL_CK_BARRIER_WAIT: case CL_CK_POLL: case CL_CK_MQ_TIMEDRECEIVE:
        return FX_WORK | FX_WAITS;
    case CL_CK_NORETURN: /* pthread_exit in main waits for the other threads */
        return FX_WORK | ((cs->flags & CL_CS_ENDS_PROCESS) ? FX_ENDS : FX_WAITS);
    default: return FX_WORK;
    }
}

/* A sleep, or a call of sleep wrappers only. */
static int is_sleep(unsigned fx)
{
    return (fx & (FX_SLEEPS | FX_WORK)) == FX_SLEEPS;
}

static int shared_write(const cl_event *ev)
{
    const cl_access *a = &ev->u.access;
    return (a->flags & CL_ACC_WRITE) && a->path != NULL && a->path[0] != 'L';
}

/* ---- the effects domain: a state is an `unsigned` of FX_* ------------------ */

static const void *fx_state(cl_flow *f, unsigned fx)
{
    return cl_flow_state(f, &fx);
}

static const void *fx_join(cl_flow *f, const void *a, const void *b)
{
    return fx_state(f, *(const unsigned *)a | *(const unsigned *)b);
}

static const void *fx_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                            const void *st)
{
    rctx *c = cl_flow_ctx(f);
    unsigned fx = *(const unsigned *)st;
    (void)fr;
    if (!(fx & FX_AFTER) || ev->kind != CL_EV_ACCESS)
        return st;
    if (c->reads != NULL && (ev->u.access.flags & CL_ACC_READ)) {
        int added;
        *ptr_slot(c, c->reads, ev, NULL, &added) = 1;
    }
    return shared_write(ev) ? fx_state(f, fx | FX_WORK) : st;
}

static const void *fx_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                           const cl_callspec *cs, const void *st, int *descend)
{
    rctx *c = cl_flow_ctx(f);
    unsigned fx = *(const unsigned *)st;
    if (ev == c->at && fr->depth == 0) {
        c->in_loop |= cl_flow_loop(f) != NULL;
        return fx_join(f, st, c->carry);
    }
    if (!(fx & FX_AFTER))
        return st;
    if (cs == NULL && descend != NULL) {
        *descend = 1;
        return st;
    }
    unsigned add = cs == NULL ? FX_WORK : call_fx(c, ev, cs);
    if ((add & FX_ENDS) && !(fx & FX_WAITS) && c->root_func != SIZE_MAX)
        c->ends = 1;
    return fx_state(f, fx | add);
}

static const void *fx_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                             const void *st)
{
    unsigned fx = *(const unsigned *)st;
    (void)fr, (void)n;
    return kid == CL_FLOW_LOOP_BODY && (fx & FX_AFTER) ? fx_state(f, fx | FX_WAITS) : st;
}

static void fx_exit(cl_flow *f, const cl_flow_frame *fr, const cl_node *ret, const void *st)
{
    rctx *c = cl_flow_ctx(f);
    unsigned fx = *(const unsigned *)st;
    (void)ret;
    if (fr->depth == 0 && fr->func == c->root_func && (fx & FX_AFTER) && !(fx & FX_WAITS))
        c->ends = 1;
}

static cl_flow *fx_walk(rctx *c, size_t steps)
{
    cl_flow_domain dom = { .state_size = sizeof(unsigned), .ctx = c, .join = fx_join,
                           .event = fx_event, .call = fx_call, .branch = fx_branch,
                           .on_exit = fx_exit };
    cl_flow_opts opts = { steps };
    return cl_flow_new(&c->m->cg, &dom, &opts);
}

/* What function `fi` does: its effects after its entry (every path that
 * never returns counts as work). */
static unsigned summary(rctx *c, size_t fi)
{
    if (!(c->fx[fi] & FX_KNOWN)) {
        c->fx[fi] = FX_KNOWN | FX_WORK | FX_WAITS; /* recursion: the worst */
        const unsigned *out = cl_flow_run(c->summ, fi, NULL, 0, fx_state(c->summ, FX_AFTER));
        c->fx[fi] = (unsigned char)(FX_KNOWN | (out ? *out : FX_WORK | FX_WAITS));
    }
    return c->fx[fi];
}

/* ---- the loops domain (lstate) --------------------------------------------- */

static loopinfo *info(rctx *c, const cl_node *loop)
{
    int added;
    size_t *ix = ptr_slot(c, &c->loop_ix, loop, NULL, &added);
    if (added) {
        loopinfo li = { loop, SIZE_MAX, NULL, 0, 0, 0, 0, 0 };
        CL_VEC_PUSH(&c->loops, li);
        *ix = c->loops.n;
    }
    return &c->loops.v[*ix - 1];
}

static int cmp_ent(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)*(const void *const *)x, b = (uintptr_t)*(const void *const *)y;
    return a < b ? -1 : a > b;
}

/* Interns a state: `in` is sorted here, `facts` must be sorted. */
static const void *mk_lstate(cl_flow *f, loopent *in, size_t nin, const fact *facts,
                             size_t nfacts)
{
    lstate s;
    memset(&s, 0, sizeof s);
    if (nin > 1)
        qsort(in, nin, sizeof *in, cmp_ent);
    s.in = cl_flow_intern(f, in, nin * sizeof *in);
    s.nin = nin;
    s.facts = cl_flow_intern(f, facts, nfacts * sizeof *facts);
    s.nfacts = nfacts;
    return cl_flow_state(f, &s);
}

/* The facts of `x` that `y` contradicts (same test, other way): 1 + the
 * first such fact's index in x, or 0. */
static size_t contradicts(const lstate *x, const lstate *y)
{
    for (size_t i = 0; i < x->nfacts; i++)
        for (size_t j = 0; j < y->nfacts; j++)
            if (x->facts[i].vars == y->facts[j].vars && x->facts[i].kid != y->facts[j].kid)
                return i + 1;
    return 0;
}

/* Joins loop entry `a` of path x with `b` of path y (dirty 0: absent). A
 * path that did work after a test and one that did not after the other
 * way give work "if the test goes that way". */
static loopent join_ent(const lstate *x, loopent a, const lstate *y, loopent b)
{
    if (a.dirty == b.dirty && a.cvars == b.cvars)
        return a;
    if (a.dirty != 0 && b.dirty != 0)
        return (loopent){ a.loop, NULL, 1 };
    if (a.dirty == 0) {
        const lstate *t = x;
        x = y, y = t;
        a = b;
    }
    size_t i = a.dirty == 1 ? contradicts(x, y) : 0;
    return i ? (loopent){ a.loop, x->facts[i - 1].vars, 2 + x->facts[i - 1].kid } : a;
}

/* Loops: union, dirt joined; facts: those both paths share. */
static const void *l_join(cl_flow *f, const void *a, const void *b)
{
    const lstate *x = a, *y = b;
    loopent *in = cl_xcalloc(x->nin + y->nin + 1, sizeof *in);
    fact *fa = cl_xcalloc(x->nfacts + 1, sizeof *fa);
    size_t n = 0, k = 0;
    for (size_t i = 0; i < x->nin; i++) {
        loopent o = { x->in[i].loop, NULL, 0 };
        for (size_t j = 0; j < y->nin; j++)
            if (y->in[j].loop == o.loop)
                o = y->in[j];
        in[n++] = join_ent(x, x->in[i], y, o);
    }
    for (size_t j = 0; j < y->nin; j++) {
        size_t i = 0;
        while (i < x->nin && x->in[i].loop != y->in[j].loop)
            i++;
        if (i == x->nin)
            in[n++] = join_ent(y, y->in[j], x, (loopent){ y->in[j].loop, NULL, 0 });
    }
    for (size_t i = 0; i < x->nfacts; i++)
        for (size_t j = 0; j < y->nfacts; j++)
            if (x->facts[i].vars == y->facts[j].vars && x->facts[i].kid == y->facts[j].kid)
                fa[k++] = x->facts[i];
    const void *s = mk_lstate(f, in, n, fa, k);
    free(in);
    free(fa);
    return s;
}

/* Rebuilds `st`: loops no longer around the point were left (they can
 * end), `dirty` marks every loop around it, `clean` restarts one. */
static const void *l_update(cl_flow *f, const void *st, int dirty, const cl_node *clean)
{
    rctx *c = cl_flow_ctx(f);
    const lstate *s = st;
    loopent *in = cl_xcalloc(s->nin + c->stack.n + 1, sizeof *in);
    size_t n = 0;
    for (size_t i = 0; i < s->nin; i++) {
        size_t j = 0;
        while (j < c->stack.n && c->stack.v[j] != s->in[i].loop)
            j++;
        if (j < c->stack.n)
            in[n++] = s->in[i];
        else
            info(c, s->in[i].loop)->exits = 1;
    }
    for (size_t j = 0; j < c->stack.n && (dirty || clean); j++) {
        size_t i = 0;
        while (i < n && in[i].loop != c->stack.v[j])
            i++;
        if (c->stack.v[j] == clean) {
            if (i < n && in[i].dirty)
                info(c, clean)->work = 1; /* an iteration came back with work */
            in[i] = (loopent){ clean, NULL, 0 };
            n += i == n;
        } else if (dirty) {
            in[i] = (loopent){ c->stack.v[j], NULL, 1 };
            n += i == n;
        }
    }
    const void *out = mk_lstate(f, in, n, s->facts, s->nfacts);
    free(in);
    return out;
}

/* The names of the local variables branch `n` tests, interned. */
static const void *test_key(cl_flow *f, const cl_node *n)
{
    cl_strbuf b = { NULL, 0, 0 };
    for (size_t i = 0; i < n->ncond_vars; i++) {
        cl_strbuf_add(&b, n->cond_vars[i]);
        cl_strbuf_add(&b, "|");
    }
    const void *k = cl_flow_intern(f, cl_strbuf_str(&b), b.len);
    cl_strbuf_release(&b);
    return k;
}

/* Records that `ev` runs in the innermost loop around the point. */
static void note_event(rctx *c, const cl_event *ev)
{
    if (c->stack.n == 0)
        return;
    size_t loop = (size_t)(info(c, c->stack.v[c->stack.n - 1]) - c->loops.v) + 1;
    int added;
    *ptr_slot(c, &c->ev_loop, ev, NULL, &added) = loop;
}

static const void *l_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                           const void *st)
{
    (void)fr;
    note_event(cl_flow_ctx(f), ev);
    return l_update(f, st, ev->kind == CL_EV_ACCESS && shared_write(ev), NULL);
}

static const void *l_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *st, int *descend)
{
    rctx *c = cl_flow_ctx(f);
    (void)fr, (void)descend;
    note_event(c, ev);
    unsigned fx = call_fx(c, ev, cs);
    if (is_sleep(fx) && c->stack.n > 0) {
        loopinfo *li = info(c, c->stack.v[c->stack.n - 1]);
        if (li->sleep == NULL)
            li->sleep = ev;
    }
    for (size_t j = 0; cs != NULL && cs->kind == CL_CK_NORETURN && j < c->stack.n; j++)
        info(c, c->stack.v[j])->exits = 1;
    return l_update(f, st, (fx & FX_WORK) != 0, NULL);
}

/* Entering a loop body restarts its iteration; a test of local variables
 * goes the way the same test went before on this path. */
static const void *l_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *st)
{
    (void)fr;
    if (kid == CL_FLOW_LOOP_BODY)
        return l_update(f, st, 0, n);
    if (kid < 0 || n->kind != CL_N_BRANCH || n->nkids != 2 || n->test_call != NULL ||
        n->ncond_vars == 0 || (n->cond != NULL && n->cond->nkids > 0))
        return st;
    const lstate *s = st;
    const void *vars = test_key(f, n);
    for (size_t i = 0; i < s->nfacts; i++)
        if (s->facts[i].vars == vars)
            return s->facts[i].kid == (uintptr_t)kid ? st : NULL;
    fact *fa = cl_xcalloc(s->nfacts + 1, sizeof *fa);
    loopent *in = cl_xcalloc(s->nin + 1, sizeof *in);
    if (s->nfacts > 0)
        memcpy(fa, s->facts, s->nfacts * sizeof *fa);
    for (size_t i = 0; i < s->nin; i++) {
        in[i] = s->in[i];
        if (in[i].dirty >= 2 && in[i].cvars == vars)
            in[i] = (loopent){ in[i].loop, NULL, in[i].dirty - 2 == (uintptr_t)kid };
    }
    fa[s->nfacts] = (fact){ vars, (uintptr_t)kid };
    qsort(fa, s->nfacts + 1, sizeof *fa, cmp_ent);
    const void *out = mk_lstate(f, in, s->nin, fa, s->nfacts + 1);
    free(fa);
    free(in);
    return out;
}

static void l_loop(cl_flow *f, const cl_flow_frame *fr, const cl_node *loop, int done,
                   const void *head)
{
    rctx *c = cl_flow_ctx(f);
    (void)head;
    if (done) {
        c->stack.n--;
        return;
    }
    size_t parent = c->stack.n ? (size_t)(info(c, c->stack.v[c->stack.n - 1]) - c->loops.v) + 1 : 0;
    loopinfo *li = info(c, loop);
    li->func = fr->func;
    li->parent = parent;
    CL_VEC_PUSH(&c->stack, loop);
}

/* A path leaving the function leaves every loop it is in. */
static void l_exit(cl_flow *f, const cl_flow_frame *fr, const cl_node *ret, const void *st)
{
    const lstate *s = st;
    (void)fr, (void)ret;
    for (size_t i = 0; i < s->nin; i++)
        info(cl_flow_ctx(f), s->in[i].loop)->exits = 1;
}

/* 1 + the index of the poll loop record `r` runs in (its access, or a call
 * on its chain, is in the loop or in a loop nested in it), or 0. */
static size_t poll_loop_of(rctx *c, const cl_accrec *r)
{
    size_t ix = ptr_get(&c->ev_loop, r->ev);
    for (const cl_frame *g = r->frame; ix == 0 && g != NULL && g->call != NULL; g = g->parent)
        ix = ptr_get(&c->ev_loop, g->call);
    while (ix != 0 && !c->loops.v[ix - 1].poll)
        ix = c->loops.v[ix - 1].parent;
    return ix;
}

/* ---- findings -------------------------------------------------------------- */

static const char *sleep_name(const cl_event *ev)
{
    return ev->u.call.callee_name ? ev->u.call.callee_name : "sleep";
}

/* Is thread `t` thread `anc` or one of its descendants? */
static int descends(const cl_model *m, size_t t, size_t anc)
{
    for (; t != SIZE_MAX && t < m->threads.n; t = m->threads.v[t].creator)
        if (t == anc)
            return 1;
    return 0;
}

/* The first write to `r`'s location (in record order) that `ok` accepts. */
static const cl_accrec *writer(rctx *c, const cl_accrec *r,
                               int (*ok)(rctx *c, const cl_accrec *r, const cl_accrec *w))
{
    size_t i = 0;
    cl_strmap_get(&c->wfirst, r->path, &i);
    for (; i != 0; i = c->wl.v[i - 1].next)
        if (ok(c, r, c->wl.v[i - 1].w))
            return c->wl.v[i - 1].w;
    return NULL;
}

/* (b): another thread, or this one outside the loop, that may run along. */
static int poll_writer(rctx *c, const cl_accrec *r, const cl_accrec *w)
{
    if (w->thread == r->thread && poll_loop_of(c, w) == poll_loop_of(c, r))
        return 0;
    return cl_model_may_parallel(c->m, r, w);
}

static void report_poll(rctx *c, const loopinfo *l, const cl_accrec *r, const cl_accrec *w)
{
    const cl_model *m = c->m;
    const char *var = r->ev->u.access.name;
    int by_root = m->threads.v[w->thread].spawn == NULL;
    char who[256];
    snprintf(who, sizeof who, by_root ? "the main thread" : "thread '%s'",
             cl_model_entry_name(m, w->thread));
    cl_fb *b = cl_fb_begin(c->ctx, m, l->sleep->loc, m->cg.funcs.v[l->func].fn->name);
    cl_fb_message(b, "'%s' polls '%s', which %s writes; wait on a condition variable%s instead "
                  "of sleeping", sleep_name(l->sleep), var, who,
                  by_root ? " or a semaphore" : " or join the thread");
    cl_fb_key(b, "poll|%s", cl_model_path_display(m, r->path));
    cl_fb_spawn_related(b, w->thread);
    cl_fb_related(b, w->ev->loc, "'%s' written here by %s (in '%s')", w->ev->u.access.name, who,
                  cl_model_frame_func(m, w->frame));
    if (r->ev->loc.line != l->sleep->loc.line || r->ev->loc.file != l->sleep->loc.file)
        cl_fb_related(b, r->ev->loc, "'%s' read here by the loop", var);
    if (w->thread != r->thread && by_root)
        cl_fb_spawn_related(b, r->thread);
    cl_fb_emit(b);
}

/* (a): a child running at the sleep (or a thread it started) that may
 * still run at the read. Sets c->child. */
static int child_writer(rctx *c, const cl_accrec *r, const cl_accrec *w)
{
    const cl_model *m = c->m;
    const cl_callrec *cr = c->sleeper;
    for (size_t k = 0; k < cr->nlive; k++) {
        size_t t = cr->live[k];
        if (m->threads.v[t].creator == cr->thread && descends(m, w->thread, t) &&
            cl_model_may_parallel(m, r, w)) {
            c->child = t;
            return 1;
        }
    }
    return 0;
}

static void report_wait(rctx *c, const cl_event *sleep, const cl_frame *sf, size_t child,
                        const cl_accrec *r, const cl_accrec *w)
{
    const cl_model *m = c->m;
    const char *tname = cl_model_entry_name(m, child);
    cl_fb *b = cl_fb_begin(c->ctx, m, sleep->loc, cl_model_frame_func(m, sf));
    cl_fb_spawn_related(b, child);
    if (r != NULL) {
        cl_fb_message(b, "'%s' waits for thread '%s' by time, then '%s' reads '%s', which the "
                      "thread writes; join the thread or wait on a condition variable instead "
                      "of sleeping", sleep_name(sleep), tname, cl_model_frame_func(m, r->frame),
                      r->ev->u.access.name);
        cl_fb_key(b, "wait|%s|%s", tname, cl_model_path_display(m, r->path));
        cl_fb_related(b, w->ev->loc, "'%s' written here by thread '%s'", w->ev->u.access.name,
                      tname);
        cl_fb_related(b, r->ev->loc, "'%s' read here after the sleep", r->ev->u.access.name);
    } else {
        cl_fb_message(b, "'%s' waits for thread '%s' by time, then 'main' ends the process "
                      "without joining it; join the thread instead of sleeping",
                      sleep_name(sleep), tname);
        cl_fb_key(b, "exit|%s", tname);
    }
    cl_fb_emit(b);
}

/* ---- hooks ----------------------------------------------------------------- */

/* Walks (loops domain) every function holding a sleep, and the callers of
 * sleep wrappers, then decides which loops poll. */
static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    rctx *c = cl_xcalloc(1, sizeof *c);
    ctx->state = c;
    c->m = m;
    c->ctx = ctx;
    c->root_func = SIZE_MAX;
    c->fx = cl_xcalloc(m->cg.funcs.n + 1, 1);
    c->summ = fx_walk(c, 0);
    cl_flow_domain dom = { .state_size = sizeof(lstate), .ctx = c, .join = l_join,
                           .event = l_event, .call = l_call, .branch = l_branch,
                           .loop = l_loop, .on_exit = l_exit };
    cl_flow *f = cl_flow_new(&m->cg, &dom, NULL);
    const void *entry = mk_lstate(f, NULL, 0, NULL, 0);
    unsigned char *walked = cl_xcalloc(m->cg.funcs.n + 1, 1);
    for (size_t i = 0; i < m->calls.n; i++) {
        if (m->calls.v[i].spec->kind != CL_CK_SLEEP)
            continue;
        for (const cl_frame *g = m->calls.v[i].frame; g != NULL; g = g->parent) {
            if (!walked[g->func])
                cl_flow_run(f, g->func, NULL, 0, entry);
            walked[g->func] = 1;
            if (!is_sleep(summary(c, g->func)))
                break;
        }
    }
    for (size_t i = 0; i < c->loops.n; i++) {
        loopinfo *l = &c->loops.v[i];
        l->poll = l->sleep != NULL && !l->work && (l->exits || l->loop->bound != CL_LOOP_INFINITE);
    }
    free(walked);
    cl_flow_free(f);
}

static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    rctx *c = ctx->state;
    (void)m;
    if (skip_access(r))
        return;
    if (r->ev->u.access.flags & CL_ACC_WRITE) {
        wlink l = { r, 0 };
        size_t last;
        CL_VEC_PUSH(&c->wl, l);
        if (cl_strmap_get(&c->wlast, r->path, &last))
            c->wl.v[last - 1].next = c->wl.n;
        else
            cl_strmap_put(&c->wfirst, r->path, c->wl.n);
        cl_strmap_put(&c->wlast, r->path, c->wl.n);
    }
    size_t loop = (r->ev->u.access.flags & CL_ACC_READ) ? poll_loop_of(c, r) : 0;
    if (loop != 0) {
        struct polled p = { r, loop - 1 };
        CL_VEC_PUSH(&c->polled, p);
    }
}

/* (a): a sleep with children running, outside loops: walks the effects
 * after it through its function and the callers up the chain. */
static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *cr)
{
    rctx *c = ctx->state;
    const cl_thread *t = &m->threads.v[cr->thread];
    size_t child = SIZE_MAX;
    for (size_t i = 0; i < cr->nlive && child == SIZE_MAX; i++)
        if (m->threads.v[cr->live[i]].creator == cr->thread)
            child = cr->live[i];
    const cl_frame *sf = cr->frame;
    const cl_event *at = cr->ev;
    for (; child != SIZE_MAX && sf->parent != NULL && is_sleep(summary(c, sf->func)); sf = sf->parent)
        at = sf->call;
    int added = 0;
    if (child != SIZE_MAX)
        ptr_slot(c, &c->done, at, (const void *)(uintptr_t)(cr->thread + 1), &added);
    if (!added)
        return;
    const cl_event *sleep = at;
    cl_blobmap reads = { NULL, 0, 0 };
    cl_flow *f = fx_walk(c, WALK_STEPS);
    c->reads = &reads;
    c->in_loop = c->ends = 0;
    c->root_func = t->creator == SIZE_MAX ? t->entry : SIZE_MAX;
    c->carry = fx_state(f, FX_AFTER);
    for (const cl_frame *g = sf; g != NULL && c->carry != NULL && !c->in_loop; g = g->parent) {
        c->at = at;
        c->carry = cl_flow_run(f, g->func, NULL, 0, fx_state(f, 0));
        at = g->call;
    }
    int in_loop = c->in_loop, ends = c->ends;
    c->at = NULL;
    c->reads = NULL;
    c->root_func = SIZE_MAX;
    cl_flow_free(f);
    size_t b = 0, e = 0;
    cl_model_thread_accesses(m, cr->thread, &b, &e);
    c->sleeper = cr;
    for (size_t i = b; i < e && !in_loop; i++) {
        const cl_accrec *r = &m->accesses.v[i];
        if (!(r->ev->u.access.flags & CL_ACC_READ) || skip_access(r) || !ptr_get(&reads, r->ev))
            continue;
        const cl_accrec *w = writer(c, r, child_writer);
        if (w != NULL) {
            report_wait(c, sleep, sf, c->child, r, w);
            ends = 0;
            break;
        }
    }
    if (ends && !in_loop)
        report_wait(c, sleep, sf, child, NULL, NULL);
    cl_blob_release(&reads);
}

/* (b): each poll loop, with the first read another thread writes. */
static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    rctx *c = ctx->state;
    (void)m;
    for (size_t i = 0; i < c->polled.n; i++) {
        loopinfo *l = &c->loops.v[c->polled.v[i].loop];
        const cl_accrec *r = c->polled.v[i].r, *w;
        if (!l->reported && (w = writer(c, r, poll_writer)) != NULL) {
            l->reported = 1;
            report_poll(c, l, r, w);
        }
    }
    cl_flow_free(c->summ);
    cl_blob_release(&c->loop_ix);
    cl_blob_release(&c->ev_loop);
    cl_blob_release(&c->done);
    cl_strmap_release(&c->wfirst);
    cl_strmap_release(&c->wlast);
    cl_arena_release(&c->keys);
    free(c->loops.v);
    free(c->stack.v);
    free(c->wl.v);
    free(c->polled.v);
    free(c->fx);
    free(c);
}

static const char *const cwe[] = { "CWE-662", "CWE-362", NULL };
static const char *const tags[] = { "concurrency", "synchronization", "correctness", NULL };

const cl_rule cl003_sleep_coordination = {
    .id = "CL003",
    .name = "sleep-coordination",
    .short_desc = "A sleep is used to wait for another thread",
    .full_desc =
        "sleep, usleep, nanosleep, clock_nanosleep, thrd_sleep (or a configured sleep "
        "function) stands in for synchronisation: a thread sleeps after starting a child "
        "instead of joining it and then reads what the child writes or returns from main(), "
        "or a loop does nothing but test state another thread writes and sleep. Periodic "
        "work loops and retry backoff that read nothing another thread writes are not "
        "findings.",
    .help_md =
        "## sleep-coordination (CL003)\n\n"
        "A sleep does not order memory or events between threads: \"long enough\" is a guess "
        "that fails on a loaded machine, a slow disk or under a debugger, and a poll loop "
        "wakes up for nothing and adds up to one period of latency.\n\n"
        "```c\n"
        "pthread_create(&loader, NULL, load_dump, path);\n"
        "sleep(2);                      /* \"the loader is done by now\" */\n"
        "printf(\"%u entries\\n\", warm_count);\n\n"
        "while (!ready)                 /* polls a flag the listener sets */\n"
        "    usleep(1000);\n"
        "```\n\n"
        "**Fix** with the tool that expresses the wait:\n\n"
        "- `pthread_join` (or `thrd_join`) when you wait for the thread to finish;\n"
        "- a condition variable with a predicate loop (`while (!ready) "
        "pthread_cond_wait(&cv, &m);`) or a semaphore when you wait for a state change;\n"
        "- `pthread_barrier_wait` when threads wait for each other to start.\n\n"
        "Not flagged: sleeps that pace periodic work, retry backoff reading only locals, and a "
        "sleep followed by `pthread_join` before the result is read. The finding names the "
        "thread waited for (where it starts) and its write that the sleep is hoping to see.",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "5.0",
    .points = CL_ON_ACCESS | CL_ON_CALL,
    .call_kinds = CL_KIND_BIT(CL_CK_SLEEP),
    .begin = begin,
    .on_access = on_access,
    .on_call = on_call,
    .finish = finish,
};
