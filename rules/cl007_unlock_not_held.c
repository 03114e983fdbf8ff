/* cl007_unlock_not_held.c - CL007 unlock-not-held: a mutex unlocked on a
 * path where the thread does not hold it.
 *
 * What it finds: an unlock (pthread_mutex_unlock, pthread_rwlock_unlock,
 * pthread_spin_unlock, mtx_unlock, a configured unlock function) that a
 * thread reaches on some path without holding the lock: a double unlock,
 * an error path that jumps to the unlock of a cleanup label before the
 * lock was taken, unlocking another lock than the one taken. Unlocking a
 * mutex the thread does not own is undefined behaviour for a default
 * mutex (and may release another thread's critical section).
 *
 * Who is to blame: the innermost function on the unlock's call chain that
 * takes the lock itself (directly or through callees); a function that
 * only releases it (a release wrapper, an "unlock" helper whose callers
 * hold the lock) is judged at its callers, so the finding lands at the
 * call made without the lock. When no function on the chain takes the
 * lock, the caller of the unlocking function is blamed, unless the chain
 * starts at a function nobody in the project calls of a program without
 * `main` (an API entry: its caller may hold the lock by contract).
 *
 * Not flagged: unlocks where every path holds the lock (a lock taken in
 * one function and released in another called by the same caller is
 * held along the walk; pthread_cond_wait gives its mutex back). Where the
 * lock is held on some paths only, the finding needs the lock calls of
 * the blamed function to be unconditional (the path without the lock
 * went around them: a goto over the lock, an early jump to the cleanup
 * label); a lock taken under an `if`, a trylock (unless its result is
 * dropped: `pthread_mutex_trylock(&m);` as a statement holds the lock on
 * no path the walk can tell) or a typed lock wrapper
 * (`if (l->type == RW) wrlock(); else lock();`) is a conditional lock
 * whose condition the walk may not correlate with the unlock's. Silence
 * over noise, too, for locks a trylock took whose result the IR does not
 * test (stored into a flag, used in a `&&` chain or a switch), for an
 * unlock under a condition where other paths hold the lock (`if
 * (locked) unlock();`, the flag set next to the lock), for locks named
 * through a pointer the function reassigns (hand-over-hand traversal),
 * and for locks that are not plain lock objects (cl_model_plain_lock).
 *
 * An unlock under no `if` reached from a trylock that a test found failed
 * (a bounded retry loop that gives up and goes on) is reported whatever
 * else took the lock (cl_callrec.after_failed_try).
 *
 * Limits: must-locksets: correlations of conditions the walk does not
 * track (beyond equal conditions over unchanged variables) can make a
 * path that does not exist; unlocks in a function that may call itself
 * (unbound's log_vmsg logs a failed lock through itself) are not
 * checked: the walk joins the states of a recursion.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/shape.h"
#include "model/model.h"
#include "rule.h"
#include "util/strmap.h"

typedef struct recvec { const cl_callrec **v; size_t n, cap; } recvec;

typedef struct cl007_state {
    recvec unheld; /* unlocks on a path without the lock */
    recvec takes;  /* lock, rdlock and trylock calls */
    recvec unlocks;/* every unlock */
    struct { const cl_exitrec **v; size_t n, cap; } exits;
} cl007_state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(cl007_state));
}

static void on_exit(const cl_model *m, cl_rule_ctx *ctx, const cl_exitrec *x)
{
    (void)m;
    cl007_state *st = ctx->state;
    CL_VEC_PUSH(&st->exits, x);
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    cl007_state *st = ctx->state;
    const char *fn = cl_model_frame_func(m, r->frame);
    if (r->lock == SIZE_MAX || !cl_model_plain_lock(m, r->lock) ||
        strncmp(fn, CL_ATOMIC_FUNCTION_PREFIX, strlen(CL_ATOMIC_FUNCTION_PREFIX)) == 0)
        return;
    if (r->spec->kind != CL_CK_UNLOCK)
        CL_VEC_PUSH(&st->takes, r);
    else if (cl_lockref_find(r->locks, r->nlocks, r->lock) == NULL)
        CL_VEC_PUSH(&st->unheld, r);
    if (r->spec->kind == CL_CK_UNLOCK)
        CL_VEC_PUSH(&st->unlocks, r);
}

/* Whether function `f` may return holding `lock` on one path and without
 * it on another (a conditional acquire: a lookup that returns the item
 * locked, or NULL unlocked; an iterator whose allocation failed). */
static int acquires_conditionally(const cl007_state *st, size_t f, size_t lock)
{
    int with = 0, without = 0;
    for (size_t i = 0; i < st->exits.n; i++) {
        const cl_exitrec *x = st->exits.v[i];
        if (x->frame->func != f || cl_frame_entry_holds(x->frame, lock, 0))
            continue;
        with |= cl_ids_contains(x->may, x->nmay, lock);
        without |= cl_lockref_find(x->locks, x->nlocks, lock) == NULL;
    }
    return with && without;
}

/* Whether lock call `r` takes its lock under a condition seen from frame
 * `top` on its chain: a trylock, or a call inside a branch alternative in
 * its function or in a function between it and `top`, or one of those
 * functions returning with it on some paths only (acquires_conditionally). */
static int conditional(const cl_model *m, const cl007_state *st, const cl_callrec *r,
                       const cl_frame *top)
{
    if ((r->spec->kind == CL_CK_TRYLOCK && !r->ev->u.call.discarded) ||
        cl_shape_under_branch(&m->cg, r->ev))
        return 1;
    for (const cl_frame *fr = r->frame; fr != NULL && fr->func != top->func; fr = fr->parent) {
        if (fr->call != NULL && cl_shape_under_branch(&m->cg, fr->call))
            return 1;
        if (acquires_conditionally(st, fr->func, r->lock))
            return 1;
    }
    return 0;
}

/* How the lock of unlock `u` is taken in frame `top` and its callees:
 * *seen, some lock call takes it; the result, some lock call takes it
 * under a condition (then the walk may have lost or dropped it on paths
 * where the condition held: a condition it could not correlate, or one
 * recomputed in between). Unconditional lock calls only: a path without
 * the lock went around them (a goto over the lock, an early jump to the
 * cleanup label, a second unlock). */
static int taken_conditionally(const cl_model *m, const cl007_state *st, const cl_callrec *u,
                               const cl_frame *top, int *seen)
{
    *seen = 0;
    for (size_t i = 0; i < st->takes.n; i++) {
        const cl_callrec *r = st->takes.v[i];
        const cl_frame *fr = r->frame;
        while (fr != NULL && top != NULL && fr->func != top->func)
            fr = fr->parent;
        if (r->lock != u->lock || fr == NULL)
            continue;
        if (conditional(m, st, r, top))
            return 1;
        *seen = 1;
    }
    return 0;
}

typedef struct takers {
    cl_strmap of;      /* "func|lock" -> 1: takes it; 2: a trylock it does not test */
    cl_arena keys;
} takers;

static void note(takers *t, size_t f, size_t lock, size_t what)
{
    char key[64];
    snprintf(key, sizeof key, "%zu|%zu", f, lock);
    size_t old = 0;
    if (cl_strmap_get(&t->of, key, &old) && old >= what)
        return;
    cl_strmap_put(&t->of, cl_arena_strdup(&t->keys, key), what);
}

static size_t taken_by(const takers *t, size_t f, size_t lock)
{
    char key[64];
    snprintf(key, sizeof key, "%zu|%zu", f, lock);
    size_t v = 0;
    cl_strmap_get(&t->of, key, &v);
    return v;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const takers *t, const cl007_state *st,
                   const cl_callrec *u)
{
    const cl_frame *below = NULL, *fr = u->frame;
    size_t what = 0;
    for (; fr != NULL && (what = taken_by(t, fr->func, u->lock)) == 0; fr = fr->parent)
        below = fr;
    if (what == 2 || !taken_by(t, SIZE_MAX, u->lock))
        return; /* a trylock's result the walk could not follow, or a word
                   no lock call takes (`__sync_lock_release` alone) */
    if (fr == NULL) {
        const cl_thread *th = &m->threads.v[u->thread];
        if ((th->spawn == NULL && th->entry == SIZE_MAX) || u->frame->parent == NULL)
            return; /* an API entry: its caller may hold the lock */
        below = u->frame;
        fr = u->frame->parent;
    } else if (fr == u->frame) {
        below = NULL;
    } else {
        below = u->frame;
        while (below->parent != fr)
            below = below->parent;
    }
    int seen = 0;
    const char *name = cl_callrec_lock_spelling(m, u), *first = NULL;
    if (cl_shape_recursive(&m->cg, u->frame->func) || cl_shape_recursive(&m->cg, fr->func))
        return; /* the walk joins a recursion's states: its locks are may-held */
    int may = cl_ids_contains(u->may, u->nmay, u->lock);
    /* (an unconditional unlock reached from a failed trylock is a finding
     * whatever else took the lock) */
    int tried = u->after_failed_try && !cl_shape_under_branch(&m->cg, u->ev);
    if ((!tried && taken_conditionally(m, st, u, fr, &seen)) ||
        (!tried && may && (!seen || cl_shape_under_branch(&m->cg, u->ev))) ||
        cl_shape_respelled(m->cg.funcs.v[u->frame->func].fn->body, name, &first))
        return;
    const char *fn = m->cg.funcs.v[fr->func].fn->name;
    cl_loc at = below != NULL ? below->call->loc : u->ev->loc;
    cl_fb *b = cl_fb_begin(ctx, m, at, fn);
    if (below != NULL)
        cl_fb_message(b, "call to '%s' unlocks '%s' (in '%s', %s) on a path where '%s' does not "
                      "hold it (never locked there, or already unlocked); call it only where "
                      "'%s' is locked",
                      below->call->u.call.callee_name, name, cl_model_frame_func(m, u->frame),
                      cl_fb_where(b, u->ev->loc), fn, name);
    else
        cl_fb_message(b, "'%s' is unlocked on a path where this thread does not hold it (never "
                         "locked on that path, or already unlocked); unlock it only where it "
                         "was locked", name);
    cl_fb_key(b, "%s", cl_model_lock_display(m, u->lock));
    if (below != NULL)
        cl_fb_related(b, u->ev->loc, "'%s' unlocked here, in '%s'", name,
                      cl_model_frame_func(m, u->frame));
    cl_fb_thread_flow(b, u->thread, u->frame, u->ev->loc, "unlocks '%s' without holding it", name);
    cl_fb_emit(b);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cl007_state *st = ctx->state;
    takers t = { { NULL, NULL, NULL, 0, 0 }, { NULL } };
    for (size_t i = 0; i < st->takes.n; i++) {
        const cl_callrec *r = st->takes.v[i];
        size_t what = 1;
        if (r->spec->kind == CL_CK_TRYLOCK && !r->ev->u.call.discarded &&
            !cl_shape_tested(m->cg.funcs.v[r->frame->func].fn->body, r->ev))
            what = 2;
        for (const cl_frame *fr = r->frame; fr != NULL; fr = fr->parent)
            note(&t, fr->func, r->lock, what);
        note(&t, SIZE_MAX, r->lock, 1); /* taken somewhere by a lock call */
    }
    for (size_t i = 0; i < st->unheld.n; i++)
        report(m, ctx, &t, st, st->unheld.v[i]);
    cl_strmap_release(&t.of);
    cl_arena_release(&t.keys);
    free(st->unheld.v);
    free(st->takes.v);
    free(st->unlocks.v);
    free(st->exits.v);
    free(st);
}

#define K(kind) CL_KIND_BIT(CL_CK_##kind)

const cl_rule cl007_unlock_not_held = {
    .id = "CL007",
    .name = "unlock-not-held",
    .short_desc = "A mutex is unlocked on a path where this thread does not hold it",
    .full_desc =
        "A thread unlocks a mutex (pthread mutex, rwlock, spinlock or C11 mtx_t) on a path "
        "where it does not hold it: a second unlock of the same lock, an error path that "
        "reaches the unlock of a cleanup label before the lock was taken, or the unlock of "
        "another lock than the one taken. Unlocking a mutex the thread does not own is "
        "undefined behaviour for a default mutex and can end another thread's critical "
        "section.",
    .help_md =
        "## unlock-not-held (CL007)\n\n"
        "The thread reaches an unlock without holding the lock on some path.\n\n"
        "```c\n"
        "if (len > MAX)\n"
        "    goto out;                  /* jumps over the lock */\n"
        "pthread_mutex_lock(&q->lock);\n"
        "...\n"
        "out:\n"
        "pthread_mutex_unlock(&q->lock); /* not held when len > MAX */\n"
        "```\n\n"
        "**Fix** unlock only on the paths that locked: give the cleanup ladder a label "
        "below the unlock for the paths that never locked, drop the second unlock, or "
        "unlock the lock that was taken.\n\n"
        "A function that only releases a lock its callers hold (an unlock wrapper) is judged "
        "at its callers: the finding is at the call made without the lock. A lock taken in "
        "one function and released in another called by the same caller is fine, and so "
        "is the mutex of `pthread_cond_wait` (held again when it returns).",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "lock", "undefined-behavior"),
    .cwe = CL_STRINGS("CWE-765", "CWE-667"),
    .precision = "high",
    .security_severity = "5.0",
    .points = CL_ON_CALL | CL_ON_EXIT,
    .call_kinds = K(LOCK) | K(RDLOCK) | K(TRYLOCK) | K(UNLOCK),
    .begin = begin,
    .on_call = on_call,
    .on_exit = on_exit,
    .finish = finish,
};

#undef K
