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
 * thread, a spawned thread that sleeps and ends; for (a), a retry written
 * with a label and a backward goto counts as a loop around the sleep when
 * its rounds work or wait (sleep, reap the threads that finished, try
 * again: effects.h), while one that only tests and sleeps is still a
 * sleep followed by reads.
 *
 * How: (a) asks effects.h what the paths after the sleep do, up its call
 * chain; (b) asks loops.h which loops idle: did an iteration that reaches
 * the loop head again do work (paths that leave do not count; work after
 * a test of locals counts only if the same test goes the same way again:
 * `if (have) {...} ... if (have) break;`), and which sleep. Writes come
 * from cl_model_writers, reads are the model's access records (atomics
 * included).
 *
 * Limits: those of loops.h (two tests of the same locals are assumed to
 * agree; a callee that works anywhere makes a work loop, as do loops
 * nested deeper than CL_LOOPS_DEPTH and functions that never return; a
 * sleep in a callee of a loop counts only through a sleep wrapper); a read
 * after the sleep is found when the model recorded it under a call after
 * the sleep (it records a callee once per state).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis/effects.h"
#include "analysis/finding_builder.h"
#include "analysis/loops.h"
#include "model/model.h"
#include "rule.h"
#include "util/intern.h"

typedef struct rctx {
    const cl_model *m;
    cl_rule_ctx *ctx;
    cl_effects *fx;            /* what paths do (effects.h) */
    cl_loops *loops;           /* which loops idle (loops.h); mark: POLL, REPORTED */
    size_t npoll;              /* loops that poll */
    cl_arena keys;
    cl_blobmap done;           /* (a): (sleep, thread) walked */
} rctx;

enum { POLL = 1, REPORTED = 2 };

static int skip_access(const cl_accrec *r)
{
    return (r->ev->u.access.flags & (CL_ACC_TLS | CL_ACC_CONST)) != 0;
}

/* A sleep, or a call of sleep wrappers only. */
static int is_sleep(unsigned fx)
{
    return (fx & (CL_FX_SLEEPS | CL_FX_WORK)) == CL_FX_SLEEPS;
}

static int polls(void *ctx, const cl_loopinfo *li)
{
    (void)ctx;
    return li->mark & POLL;
}

/* The poll loop record `r` runs in (its access, or a call on its chain,
 * is in it), or NULL. */
static cl_loopinfo *poll_loop_of(rctx *c, const cl_accrec *r)
{
    return c->npoll ? cl_loops_around(c->loops, r->ev, r->frame, polls, NULL) : NULL;
}

/* ---- findings -------------------------------------------------------------- */

static const char *sleep_name(const cl_event *ev)
{
    return ev->u.call.callee_name ? ev->u.call.callee_name : "sleep";
}

/* (b): the first write to what `r` reads in poll loop `l`, by another
 * thread (or this one outside the loop) that may run along. */
static void check_poll(rctx *c, cl_loopinfo *l, const cl_accrec *r)
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
    l->mark |= REPORTED;
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

/* Walks (loops.h) every function holding a sleep, and the callers of
 * sleep wrappers, then marks the loops that poll. */
static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    rctx *c = cl_xcalloc(1, sizeof *c);
    ctx->state = c;
    c->m = m;
    c->ctx = ctx;
    c->fx = cl_effects_new(&m->cg);
    c->loops = cl_loops_new(&m->cg, c->fx);
    for (size_t i = 0; i < m->calls.n; i++)
        for (const cl_frame *g = m->calls.v[i].frame;
             m->calls.v[i].spec->kind == CL_CK_SLEEP && g != NULL; g = g->parent) {
            cl_loops_walk(c->loops, g->func);
            if (!is_sleep(cl_effects_summary(c->fx, g->func)))
                break;
        }
    size_t n;
    cl_loopinfo *l = cl_loops_all(c->loops, &n);
    for (size_t i = 0; i < n; i++) {
        l[i].mark = l[i].sleep != NULL && !l[i].work &&
                    (l[i].loop->bound != CL_LOOP_INFINITE ||
                     cl_callgraph_can_leave(&m->cg, l[i].loop)) ? POLL : 0;
        c->npoll += l[i].mark;
    }
}

/* (b): a read in a poll loop not reported yet. */
static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    rctx *c = ctx->state;
    cl_loopinfo *loop = (r->ev->u.access.flags & CL_ACC_READ) && !skip_access(r)
                            ? poll_loop_of(c, r) : NULL;
    (void)m;
    if (loop != NULL && !(loop->mark & REPORTED))
        check_poll(c, loop, r);
}

/* (a): a sleep (walked up out of sleep wrappers) with a child running:
 * the effects after it, through its function and up the call chain,
 * unless a loop encloses it in one of them. Once per (sleep, thread). */
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
    const void *key[2] = { at, (void *)(uintptr_t)cr->thread };
    int added = 0;
    if (kids)
        cl_blob_lookup(&c->done, &c->keys, key, sizeof key, &added);
    if (!added)
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
    cl_loops_free(c->loops);
    cl_effects_free(c->fx);
    cl_blob_release(&c->done);
    cl_arena_release(&c->keys);
    free(c);
}

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
        "for and the write the sleep hopes to see. A plain (non-atomic) flag polled this way "
        "is also a data race between the poll and the write; it is reported once, here, not "
        "again as unguarded-shared-state (CL002).",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "synchronization", "correctness"),
    .cwe = CL_STRINGS("CWE-662", "CWE-362"),
    .precision = "high",
    .security_severity = "5.0",
    /* A flag polled with a sleep and written without synchronization is
     * also a CL002 race between the poll and the write: the sleep finding
     * says it. */
    .subsumes = CL_STRINGS("CL002"),
    .points = CL_ON_ACCESS | CL_ON_CALL,
    .call_kinds = CL_KIND_BIT(CL_CK_SLEEP),
    .begin = begin,
    .on_access = on_access,
    .on_call = on_call,
    .finish = finish,
};
