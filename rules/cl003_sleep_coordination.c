/* cl003_sleep_coordination.c - CL003 sleep-coordination: a sleep used to
 * wait for another thread.
 *
 * A sleep is a CL_CK_SLEEP call or a call of a "sleep wrapper" (a project
 * function that sleeps and does no work). Findings, at the sleep:
 *   (a) sleep instead of join: with no loop around it in its function and
 *       callers, a thread sleeps while a child it started runs, then reads
 *       what the child (or its descendants) writes while it may still run,
 *       or, in main(), ends the process with no join, wait or loop first;
 *   (b) a poll loop: the innermost loop around the sleep can end, does no
 *       work (shared write, call that works or blocks) on an iteration that
 *       comes back to its head, and reads what a thread that may run along
 *       writes: `while (!done) usleep(1);`.
 * Why: a sleep orders nothing and a poll loop adds wake-ups and latency.
 * Not flagged: periodic work loops, endless loops, retry loops reading only
 * locals, loops that also block, a sleep then a join, sleeps with no other
 * thread, a spawned thread that sleeps and ends.
 *
 * How: (a) asks effects.h what the paths after the sleep do, up its call
 * chain; (b) is a loops domain on flow.h: did an iteration that reaches the
 * loop head again do work (paths that leave do not count; work after a test
 * of locals counts only if the same test goes the same way again:
 * `if (have) {...} ... if (have) break;`). Writes come from
 * cl_model_writers, reads are the model's access records (atomics included).
 *
 * Limits: two tests of the same locals are assumed to agree (the IR has no
 * polarity or assignments); a callee that works anywhere makes a work loop,
 * as do loops nested deeper than LDEPTH and functions that never return; a
 * sleep in a callee of a loop counts only through a sleep wrapper; a read
 * after the sleep is found when the model recorded it under a call after
 * the sleep (it records a callee once per state).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/effects.h"
#include "analysis/finding_builder.h"
#include "analysis/flow.h"
#include "model/model.h"
#include "rule.h"
#include "util/intern.h"

enum { LDEPTH = 8 };

typedef struct fact { const void *vars; uintptr_t kid; } fact; /* a local test went `kid` */

/* The loops domain: per depth, the loop whose current iteration did work
 * (only if test `cond` went that way, when set), and the last local test. */
typedef struct lstate {
    const cl_node *dirty[LDEPTH];
    const fact *cond[LDEPTH];
    const fact *last;
} lstate;

typedef struct loopinfo {
    const cl_node *loop;
    size_t func;
    const cl_event *sleep;     /* the first sleep (or wrapper call) in it */
    unsigned work : 1, poll : 1, reported : 1;
} loopinfo;

typedef struct rctx {
    const cl_model *m;
    cl_rule_ctx *ctx;
    cl_effects *fx;            /* what paths do (effects.h) */
    cl_arena keys;
    cl_blobmap loop_ix, done;  /* loop -> 1 + index into loops; (a): sleeps walked */
    struct { loopinfo *v; size_t n, cap; } loops;
    struct { const cl_node **v; size_t n, cap; } stack; /* loops around the point */
    size_t npoll;              /* loops that poll */
} rctx;

/* The value slot of key (p, q) in `map`, 0 when new. */
static size_t *slot(rctx *c, cl_blobmap *map, const void *p, const void *q)
{
    const void *k[2] = { p, q };
    int added;
    cl_blobent *e = cl_blob_lookup(map, &c->keys, k, sizeof k, &added);
    if (added)
        e->val = 0;
    return &e->val;
}

/* The value of key (p, NULL) in `map`, 0 when absent. */
static size_t get(cl_blobmap *map, const void *p)
{
    const void *k[2] = { p, NULL };
    cl_blobent *e = map->n ? cl_blob_slot(map, k, sizeof k, cl_blob_hash(k, sizeof k)) : NULL;
    return e != NULL && e->p != NULL ? e->val : 0;
}

static int skip_access(const cl_accrec *r)
{
    return (r->ev->u.access.flags & (CL_ACC_TLS | CL_ACC_CONST)) != 0;
}

/* A sleep, or a call of sleep wrappers only. */
static int is_sleep(unsigned fx)
{
    return (fx & (CL_FX_SLEEPS | CL_FX_WORK)) == CL_FX_SLEEPS;
}

/* ---- the loops domain (lstate) --------------------------------------------- */

static size_t loop_index(rctx *c, const cl_node *loop)
{
    size_t *ix = slot(c, &c->loop_ix, loop, NULL);
    if (*ix == 0) {
        loopinfo li = { loop, SIZE_MAX, NULL, 0, 0, 0 };
        CL_VEC_PUSH(&c->loops, li);
        *ix = c->loops.n;
    }
    return *ix - 1;
}

/* Per depth, the work of the loop around the point there: work on both
 * paths stays; work on one path only, after a local test the other path
 * took the other way, becomes work "if the test goes that way". */
static const void *l_join(cl_flow *f, const void *a, const void *b)
{
    rctx *c = cl_flow_ctx(f);
    const lstate *x = a, *y = b;
    lstate s;
    memset(&s, 0, sizeof s);
    s.last = x->last == y->last ? x->last : NULL;
    int split = x->last && y->last && x->last->vars == y->last->vars && !s.last;
    for (size_t d = 0; d < LDEPTH && d < c->stack.n; d++) {
        const cl_node *cur = c->stack.v[d];
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
    rctx *c = cl_flow_ctx(f);
    lstate s = *(const lstate *)st;
    for (size_t d = 0; d < LDEPTH && d < c->stack.n; d++)
        s.dirty[d] = c->stack.v[d], s.cond[d] = NULL;
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
    rctx *c = cl_flow_ctx(f);
    (void)fr, (void)descend;
    unsigned fx = cl_effects_call(c->fx, ev, cs);
    if (is_sleep(fx) && c->stack.n > 0) {
        size_t i = loop_index(c, c->stack.v[c->stack.n - 1]);
        c->loops.v[i].sleep = c->loops.v[i].sleep ? c->loops.v[i].sleep : ev;
    }
    return (fx & CL_FX_WORK) ? l_work(f, st) : st;
}

/* Entering a loop body: did the iteration that came back do work? Then a
 * new iteration. A test of local variables settles conditional work. */
static const void *l_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *st)
{
    rctx *c = cl_flow_ctx(f);
    lstate s = *(const lstate *)st;
    (void)fr;
    if (kid == CL_FLOW_LOOP_BODY) {
        size_t d = c->stack.n - 1;
        size_t i = loop_index(c, n);
        c->loops.v[i].work |= d >= LDEPTH || s.dirty[d] == n;
        for (; d < LDEPTH; d++)
            s.dirty[d] = NULL, s.cond[d] = NULL;
        return cl_flow_state(f, &s);
    }
    if (kid < 0 || n->kind != CL_N_BRANCH || n->nkids != 2 || n->test_call != NULL ||
        n->ncond_vars == 0 || (n->cond != NULL && n->cond->nkids > 0))
        return st;
    cl_strbuf b = { NULL, 0, 0 };
    for (size_t i = 0; i < n->ncond_vars; i++)
        cl_strbuf_addf(&b, "%s|", n->cond_vars[i]);
    fact t = { cl_flow_intern(f, cl_strbuf_str(&b), b.len), (uintptr_t)kid };
    cl_strbuf_release(&b);
    s.last = cl_flow_intern(f, &t, sizeof t);
    for (size_t d = 0; d < LDEPTH; d++)
        if (s.cond[d] != NULL && s.cond[d]->vars == t.vars) {
            s.dirty[d] = s.cond[d] == s.last ? s.dirty[d] : NULL;
            s.cond[d] = NULL;
        }
    return cl_flow_state(f, &s);
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
    size_t i = loop_index(c, loop); /* before reading c->loops.v: it may grow */
    c->loops.v[i].func = fr->func;
    CL_VEC_PUSH(&c->stack, loop);
}

/* 1 + the index of the innermost poll loop around `ev` in its function
 * (the call graph's tree query), or 0. */
static size_t poll_loop_at(rctx *c, const cl_event *ev)
{
    const cl_callgraph *cg = &c->m->cg;
    for (const cl_node *n = cl_callgraph_event_node(cg, ev); n; n = cl_callgraph_parent(cg, n)) {
        size_t ix = n->kind == CL_N_LOOP ? get(&c->loop_ix, n) : 0;
        if (ix != 0 && c->loops.v[ix - 1].poll)
            return ix;
    }
    return 0;
}

/* 1 + the index of the poll loop record `r` runs in (its access, or a call
 * on its chain, is in it), or 0. */
static size_t poll_loop_of(rctx *c, const cl_accrec *r)
{
    size_t ix = c->npoll ? poll_loop_at(c, r->ev) : 0;
    for (const cl_frame *g = r->frame; c->npoll && !ix && g != NULL && g->call; g = g->parent)
        ix = poll_loop_at(c, g->call);
    return ix;
}

/* ---- findings -------------------------------------------------------------- */

static const char *sleep_name(const cl_event *ev)
{
    return ev->u.call.callee_name ? ev->u.call.callee_name : "sleep";
}

/* (b): the first write to what `r` reads in poll loop `l`, by another
 * thread (or this one outside the loop) that may run along. */
static void check_poll(rctx *c, loopinfo *l, const cl_accrec *r)
{
    const cl_model *m = c->m;
    const cl_accrec *w = NULL;
    size_t nw;
    const size_t *ws = cl_model_writers(m, r->path, &nw);
    for (size_t i = 0; i < nw && w == NULL; i++) {
        w = &m->accesses.v[ws[i]];
        if (skip_access(w) || !cl_model_may_parallel(m, r, w) ||
            (w->thread == r->thread && poll_loop_of(c, w) == poll_loop_of(c, r)))
            w = NULL;
    }
    if (w == NULL)
        return;
    l->reported = 1;
    int by_root = m->threads.v[w->thread].spawn == NULL;
    char who[256];
    snprintf(who, sizeof who, by_root ? "the main thread" : "thread '%s'",
             cl_model_entry_name(m, w->thread));
    cl_fb *b = cl_fb_begin(c->ctx, m, l->sleep->loc, m->cg.funcs.v[l->func].fn->name);
    cl_fb_message(b, "'%s' polls '%s', which %s writes; wait on a condition variable%s instead "
                  "of sleeping", sleep_name(l->sleep), r->ev->u.access.name, who,
                  by_root ? " or a semaphore" : " or join the thread");
    cl_fb_key(b, "poll|%s", cl_model_path_display(m, r->path));
    cl_fb_spawn_related(b, w->thread);
    cl_fb_related(b, w->ev->loc, "'%s' written here by %s (in '%s')", w->ev->u.access.name, who,
                  cl_model_frame_func(m, w->frame));
    if (r->ev->loc.line != l->sleep->loc.line || r->ev->loc.file != l->sleep->loc.file)
        cl_fb_related(b, r->ev->loc, "'%s' read here by the loop", r->ev->u.access.name);
    if (w->thread != r->thread && by_root)
        cl_fb_spawn_related(b, r->thread);
    cl_fb_emit(b);
}

/* (a): the first read after the sleep `cr` (its event, or a call on its
 * chain, in `after`) of what a child running at the sleep, or a thread it
 * started, writes while it may still run; else, when `ends`, the exit with
 * the child running. */
static void check_wait(rctx *c, const cl_callrec *cr, const cl_event *sleep, const cl_frame *sf,
                       cl_fx_after *after)
{
    const cl_model *m = c->m;
    const cl_accrec *r = NULL, *w = NULL;
    size_t child = SIZE_MAX, b, e;
    cl_model_thread_accesses(m, cr->thread, &b, &e);
    for (size_t i = b; i < e && w == NULL; i++) {
        r = &m->accesses.v[i];
        int later = cl_fx_after_has(after, r->ev);
        for (const cl_frame *g = r->frame; !later && g != NULL && g->call != NULL; g = g->parent)
            later = cl_fx_after_has(after, g->call);
        if (!(r->ev->u.access.flags & CL_ACC_READ) || skip_access(r) || !later)
            continue;
        size_t nw;
        const size_t *ws = cl_model_writers(m, r->path, &nw);
        for (size_t j = 0; j < nw && w == NULL; j++)
            for (size_t k = 0; k < cr->nlive && w == NULL; k++) {
                const cl_accrec *x = &m->accesses.v[ws[j]];
                size_t t = x->thread;
                while (t != SIZE_MAX && t != cr->live[k])
                    t = m->threads.v[t].creator;
                if (t != SIZE_MAX && !skip_access(x) && m->threads.v[t].creator == cr->thread &&
                    cl_model_may_parallel(m, r, x))
                    w = x, child = t;
            }
    }
    for (size_t k = 0; k < cr->nlive && child == SIZE_MAX && after->ends; k++)
        if (m->threads.v[cr->live[k]].creator == cr->thread)
            child = cr->live[k];
    if (child == SIZE_MAX)
        return;
    const char *tname = cl_model_entry_name(m, child);
    cl_fb *fb = cl_fb_begin(c->ctx, m, sleep->loc, cl_model_frame_func(m, sf));
    cl_fb_spawn_related(fb, child);
    if (w != NULL) {
        cl_fb_message(fb, "'%s' waits for thread '%s' by time, then '%s' reads '%s', which the "
                      "thread writes; join the thread or wait on a condition variable instead "
                      "of sleeping", sleep_name(sleep), tname, cl_model_frame_func(m, r->frame),
                      r->ev->u.access.name);
        cl_fb_key(fb, "wait|%s|%s", tname, cl_model_path_display(m, r->path));
        cl_fb_related(fb, w->ev->loc, "'%s' written here by thread '%s'", w->ev->u.access.name,
                      tname);
        cl_fb_related(fb, r->ev->loc, "'%s' read here after the sleep", r->ev->u.access.name);
    } else {
        cl_fb_message(fb, "'%s' waits for thread '%s' by time, then 'main' ends the process "
                      "without joining it; join the thread instead of sleeping",
                      sleep_name(sleep), tname);
        cl_fb_key(fb, "exit|%s", tname);
    }
    cl_fb_emit(fb);
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
    c->fx = cl_effects_new(&m->cg);
    cl_flow_domain dom = { .state_size = sizeof(lstate), .ctx = c, .join = l_join,
                           .event = l_event, .call = l_call, .branch = l_branch,
                           .loop = l_loop };
    cl_flow *f = cl_flow_new(&m->cg, &dom, NULL);
    lstate none;
    memset(&none, 0, sizeof none);
    const void *entry = cl_flow_state(f, &none);
    unsigned char *walked = cl_xcalloc(m->cg.funcs.n + 1, 1);
    for (size_t i = 0; i < m->calls.n; i++)
        for (const cl_frame *g = m->calls.v[i].frame;
             m->calls.v[i].spec->kind == CL_CK_SLEEP && g != NULL; g = g->parent) {
            if (!walked[g->func])
                cl_flow_run(f, g->func, NULL, 0, entry);
            walked[g->func] = 1;
            if (!is_sleep(cl_effects_summary(c->fx, g->func)))
                break;
        }
    for (size_t i = 0; i < c->loops.n; i++) {
        loopinfo *l = &c->loops.v[i];
        l->poll = l->sleep != NULL && !l->work &&
                  (l->loop->bound != CL_LOOP_INFINITE ||
                   cl_callgraph_can_leave(&m->cg, l->loop));
        c->npoll += l->poll;
    }
    free(walked);
    cl_flow_free(f);
}

/* (b): a read in a poll loop not reported yet. */
static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    rctx *c = ctx->state;
    size_t loop = (r->ev->u.access.flags & CL_ACC_READ) && !skip_access(r) ? poll_loop_of(c, r) : 0;
    (void)m;
    if (loop != 0 && !c->loops.v[loop - 1].reported)
        check_poll(c, &c->loops.v[loop - 1], r);
}

/* (a): a sleep (walked up out of sleep wrappers) with a child running:
 * the effects after it, through its function and up the call chain,
 * unless a loop encloses it in one of them. */
static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *cr)
{
    rctx *c = ctx->state;
    const cl_thread *t = &m->threads.v[cr->thread];
    const cl_frame *sf = cr->frame;
    const cl_event *at = cr->ev;
    size_t kids = 0;
    for (size_t i = 0; i < cr->nlive; i++)
        kids += m->threads.v[cr->live[i]].creator == cr->thread;
    for (; kids && sf->parent != NULL && is_sleep(cl_effects_summary(c->fx, sf->func));
         sf = sf->parent)
        at = sf->call;
    size_t *seen = kids ? slot(c, &c->done, at, (void *)(uintptr_t)cr->thread) : NULL;
    if (seen == NULL || (*seen)++ > 0)
        return;
    cl_fx_after after;
    cl_effects_after(c->fx, sf, at, t->creator == SIZE_MAX ? t->entry : SIZE_MAX, &after);
    if (!after.in_loop)
        check_wait(c, cr, at, sf, &after);
    cl_fx_after_release(&after);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    rctx *c = ctx->state;
    (void)m;
    cl_effects_free(c->fx);
    cl_blob_release(&c->loop_ix);
    cl_blob_release(&c->done);
    cl_arena_release(&c->keys);
    free(c->loops.v);
    free(c->stack.v);
    free(c);
}

static const char *const cwe[] = { "CWE-662", "CWE-362", NULL };
static const char *const tags[] = { "concurrency", "synchronization", "correctness", NULL };

const cl_rule cl003_sleep_coordination = {
    .id = "CL003",
    .name = "sleep-coordination",
    .short_desc = "A sleep is used to wait for another thread",
    .full_desc =
        "A sleep (sleep, usleep, nanosleep, thrd_sleep or a configured sleep function) stands "
        "in for synchronisation: a thread sleeps after starting a child instead of joining it, "
        "then reads what the child writes or returns from main(); or a loop only tests state "
        "another thread writes and sleeps. Periodic work and retry backoff are not findings.",
    .help_md =
        "## sleep-coordination (CL003)\n\n"
        "A sleep orders nothing between threads: \"long enough\" fails on a loaded machine, "
        "and a poll loop wakes up for nothing and adds up to one period of latency.\n\n"
        "```c\n"
        "pthread_create(&loader, NULL, load_dump, path);\n"
        "sleep(2);                      /* \"the loader is done by now\" */\n"
        "printf(\"%u entries\\n\", warm_count);\n\n"
        "while (!ready)                 /* polls a flag the listener sets */\n"
        "    usleep(1000);\n"
        "```\n\n"
        "**Fix**: `pthread_join` to wait for a thread to finish; a condition variable with a "
        "predicate loop, or a semaphore, to wait for a state change; `pthread_barrier_wait` "
        "for threads to wait for each other.\n\n"
        "Not flagged: sleeps pacing periodic work, retry backoff reading only locals, a sleep "
        "followed by a join before the result is read. The finding names the thread waited "
        "for and the write the sleep hopes to see.",
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
