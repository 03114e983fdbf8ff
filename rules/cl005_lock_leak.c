/* cl005_lock_leak.c - CL005 lock-leak: a mutex left held on a path out of
 * the function that took it.
 *
 * What it finds: an exit of a function (a `return`, or the end of its
 * body) that a thread reaches holding, on every path there, a mutex,
 * rwlock, spinlock or C11 mtx_t that the function acquired itself
 * (directly or through callees: it was not held when the function was
 * entered), while no caller on record releases it: the early error return
 * in a locked section, a goto cleanup ladder that jumps past the unlock, a
 * break out of a locked loop. The next lock of that mutex blocks forever.
 * Reported at the exit (the function's name for the end of its body), with
 * the lock site.
 *
 * Why: the thread walk (model/threads.c) records every exit with the
 * locks held there (cl_exitrec) and every frame with the locks held at
 * its entry (cl_frame.entry), so "acquired here and still held" is a
 * difference of two locksets: RELAY's relative locksets.
 *
 * Not flagged: lock wrappers. A function whose exit holds the lock is an
 * acquire wrapper when a caller on record releases it (itself, or in
 * another function it calls; a lock in a heap object or reached through a
 * pointer also matches an unlock of the same member under another path),
 * when it never releases the lock itself (it hands the lock over:
 * `lock_item()`, a trylock helper returning the lock, an API that locks
 * for its user), when the lock is in an object it allocated (a
 * constructor returning its object locked), or when it is configured as
 * a lock function. A leak that
 * reaches a caller only through a leaking callee is reported once, in the
 * callee.
 * A trylock counts only where a test of its result says it succeeded
 * (past `if (rc == EBUSY) return`, not inside `if (rc != 0)`; once for
 * several tests of one result), and a lock call whose failure is tested
 * is not held on the failure path (threads.c). `main` (returning ends the process); locks that are
 * not plain lock objects (cl_model_plain_lock: binary semaphores, locks
 * built from atomics, elements of lock arrays picked by a variable).
 *
 * A path that jumped holding the lock (a `break` out of a locked loop, a
 * `continue` past the unlock, a `goto` past it) still holds it where it
 * meets paths that do not (cl_exitrec.jumped): reported at the exits it
 * reaches unless an unlock on such a path releases it (`if (found)
 * unlock(m)` after the loop, `if (locked) unlock(m)` at a cleanup label:
 * cl_model.jump_released, for the whole function). Such a path counts only
 * for a lock not even possibly held at the function's entry: a jump in the
 * caller carries the caller's hold into its callees' states, so where the
 * walk joined a held and a free entry (a recursion, an uncorrelated `if
 * (c) lock(m)`) the jumped lock may be the caller's.
 *
 * Limits: nothing is reported from inside a recursive invocation whose
 * parameters the walk bound to the outer one's objects (cl_frame.merged:
 * `InitDA(q) -> .. -> InitDA(q->child)` would name both queues' locks as
 * one). Must-locksets otherwise: a path that leaves with the lock held
 * only where paths were joined before (the lock taken under a condition
 * the walk could not correlate) is not reported; a conditional acquire wrapper
 * (a lock-returning trylock helper) is one wrapper for all its callers,
 * so a caller that forgets to release is missed, and so is a function
 * that never unlocks the lock at all; "the caller releases it" is judged
 * on the call graph, not on the order of the calls; the end of a body is
 * reported at the function's name (the IR has no closing brace).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/lock_names.h"
#include "model/model.h"
#include "rule.h"
#include "util/strmap.h"

typedef struct leak {
    const cl_exitrec *x;
    size_t lock;
} leak;

typedef struct cl005_state {
    struct { const cl_exitrec **v; size_t n, cap; } exits;
    struct { const cl_callrec **v; size_t n, cap; } locks, unlocks;
} cl005_state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(cl005_state));
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    (void)m;
    cl005_state *st = ctx->state;
    if (r->lock == SIZE_MAX)
        return;
    if (r->spec->kind == CL_CK_UNLOCK)
        CL_VEC_PUSH(&st->unlocks, r);
    else if (r->spec->kind == CL_CK_LOCK || r->spec->kind == CL_CK_RDLOCK ||
             r->spec->kind == CL_CK_TRYLOCK)
        CL_VEC_PUSH(&st->locks, r);
}

static void on_exit(const cl_model *m, cl_rule_ctx *ctx, const cl_exitrec *x)
{
    (void)m;
    cl005_state *st = ctx->state;
    if (x->nlocks > 0 || x->njumped > 0)
        CL_VEC_PUSH(&st->exits, x);
}

/* Whether exit `x` holds `lock` that its function took itself. */
static int acquired(const cl_exitrec *x, size_t lock)
{
    const cl_lockref *l = cl_lockref_find(x->locks, x->nlocks, lock);
    return l != NULL && !(l->mode & CL_LOCK_FAILED_PATH) && !cl_frame_entry_holds(x->frame, lock, 0);
}

/* Whether exit `x` holds `lock`, which its function took itself (not
 * held, not even possibly, at its entry), on a path that jumped with it
 * (a `break` out of a locked loop, a `goto` past the unlock) though not
 * on every path, while no unlock there releases it on such a path
 * (cl_model.jump_released: `if (found) unlock(m)` after the loop). */
static int jumped_out(const cl_model *m, const cl_exitrec *x, size_t lock)
{
    char key[64];
    snprintf(key, sizeof key, "%zu|%zu", x->frame->func, lock);
    return cl_ids_contains(x->jumped, x->njumped, lock) &&
           cl_lockref_find(x->locks, x->nlocks, lock) == NULL &&
           !cl_frame_entry_holds(x->frame, lock, 1) && !cl_strmap_get(&m->jump_released, key, NULL);
}

/* Whether `h` is `g` or a function `g` calls directly other than `f`. */
static int g_or_callee(const cl_model *m, size_t g, size_t f, size_t h)
{
    if (h == g)
        return 1;
    const cl_mfunc *mg = &m->cg.funcs.v[g];
    for (size_t k = 0; k < mg->nout && h != f; k++)
        if (m->cg.edges.v[mg->out[k]].callee == h)
            return 1;
    return 0;
}

/* Whether function `g` releases `lock` (or a lock in a member of that
 * name): an unlock of it in `g`, or in a function `g` calls (other than
 * `f`) or below it. Matched on the call graph rather than on the unlock's
 * own call chain, which shows only the first context the walk recorded
 * it in. */
static int releases(const cl_model *m, const cl005_state *st, size_t g, size_t f, size_t lock)
{
    const char *mem = cl_lock_member(m, lock);
    for (size_t i = 0; i < st->unlocks.n; i++) {
        const cl_callrec *u = st->unlocks.v[i];
        const char *um = mem != NULL && u->lock != lock ? cl_lock_member(m, u->lock) : NULL;
        if (u->lock != lock && (um == NULL || strcmp(um, mem) != 0))
            continue;
        /* (an unlock inside `f`'s own invocation is not the caller's) */
        for (const cl_frame *fr = u->frame; fr != NULL && fr->func != f; fr = fr->parent)
            if (g_or_callee(m, g, f, fr->func))
                return 1;
    }
    return 0;
}

/* Whether `f` is an acquire wrapper of `lock` (see the header). */
static int wrapper(const cl_model *m, const cl005_state *st, size_t f, size_t lock)
{
    if (cl_lock_in_new_object(m, f, lock))
        return 1;
    const cl_callspec *cs = cl_callspec_find(m->cg.specs, m->cg.funcs.v[f].fn->name);
    if (cs != NULL && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_RDLOCK || cs->kind == CL_CK_TRYLOCK))
        return 1;
    /* A function that never releases the lock itself hands it over. */
    int unlocks = 0;
    for (size_t i = 0; i < st->unlocks.n && !unlocks; i++)
        for (const cl_frame *fr = st->unlocks.v[i]->frame; fr != NULL && !unlocks; fr = fr->parent)
            unlocks = st->unlocks.v[i]->lock == lock && fr->func == f;
    if (!unlocks)
        return 1;
    for (size_t i = 0; i < st->exits.n; i++) {
        const cl_exitrec *x = st->exits.v[i];
        const cl_frame *p = x->frame->parent;
        if (x->frame->func != f || p == NULL || !(acquired(x, lock) || jumped_out(m, x, lock)))
            continue;
        if (releases(m, st, p->func, f, lock))
            return 1;
    }
    return 0;
}

/* The lock call of `lock` that `f` (or a callee of it) made, first in the
 * source, or NULL. */
static const cl_callrec *lock_site(const cl005_state *st, size_t f, size_t lock)
{
    const cl_callrec *best = NULL;
    for (size_t i = 0; i < st->locks.n; i++) {
        const cl_callrec *r = st->locks.v[i];
        const cl_frame *fr = r->frame;
        while (fr != NULL && fr->func != f)
            fr = fr->parent;
        if (r->lock == lock && fr != NULL &&
            (best == NULL || (fr == r->frame && best->frame->func != f) ||
             ((fr == r->frame) == (best->frame->func == f) && cl_loc_cmp(&r->ev->loc, &best->ev->loc) < 0)))
            best = r;
    }
    return best;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const cl005_state *st, const leak *l)
{
    if (cl_frame_merged(l->x->frame))
        return; /* inside a recursion the lock's name may be the outer object's */
    const cl_function *fn = m->cg.funcs.v[l->x->frame->func].fn;
    const cl_callrec *site = lock_site(st, l->x->frame->func, l->lock);
    const char *name = site != NULL && site->frame->func == l->x->frame->func
                           ? cl_callrec_lock_spelling(m, site) : cl_model_lock_display(m, l->lock);
    cl_loc at = l->x->ret ? l->x->ret->loc : fn->loc;
    cl_fb *b = cl_fb_begin(ctx, m, at, fn->name);
    cl_fb_message(b, "'%s' %s with '%s' still locked%s%s; release '%s' on this path before "
                     "%s, or every later lock of it blocks forever",
                  fn->name, l->x->ret ? "returns" : "reaches its end", name,
                  site ? ", taken at " : "", site ? cl_fb_where(b, site->ev->loc) : "", name,
                  l->x->ret ? "returning" : "leaving");
    cl_fb_key(b, "%s", cl_model_lock_display(m, l->lock));
    if (site != NULL)
        cl_fb_related(b, site->ev->loc, "'%s' locked here", name);
    cl_fb_thread_flow(b, l->x->thread, l->x->frame, at, "leaves '%s' holding '%s'", fn->name, name);
    cl_fb_emit(b);
}

enum { WRAPPER = 1, LEAK = 2, INHERITED = 3 };

typedef struct judge {
    const cl_model *m;
    const cl005_state *st;
    cl_strmap done; /* "f|lock" -> WRAPPER, LEAK or INHERITED */
    cl_arena keys;
} judge;

/* What `f` holding `lock` at an exit is: a wrapper's hand-over, a leak of
 * its own, or one inherited from a callee that leaks it (reported there,
 * once: `f` takes the lock only through such callees). Memoized. */
static size_t verdict(judge *j, size_t f, size_t lock)
{
    char key[64];
    snprintf(key, sizeof key, "%zu|%zu", f, lock);
    size_t v;
    if (cl_strmap_get(&j->done, key, &v))
        return v;
    cl_strmap_put(&j->done, cl_arena_strdup(&j->keys, key), WRAPPER); /* (recursion) */
    v = wrapper(j->m, j->st, f, lock) ? WRAPPER : INHERITED;
    for (size_t i = 0; i < j->st->locks.n && v == INHERITED; i++) {
        const cl_callrec *r = j->st->locks.v[i];
        const cl_frame *below = NULL, *fr = r->frame;
        for (; fr != NULL && fr->func != f; fr = fr->parent)
            below = fr;
        if (r->lock == lock && fr != NULL && (below == NULL || verdict(j, below->func, lock) == WRAPPER))
            v = LEAK; /* taken here, or through a wrapper */
    }
    cl_strmap_put(&j->done, cl_arena_strdup(&j->keys, key), v);
    return v;
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cl005_state *st = ctx->state;
    struct { leak *v; size_t n, cap; } found = { NULL, 0, 0 };
    judge j = { m, st, { NULL, NULL, NULL, 0, 0 }, { NULL } };
    for (size_t i = 0; i < st->exits.n; i++) {
        const cl_exitrec *x = st->exits.v[i];
        size_t f = x->frame->func;
        const char *fname = m->cg.funcs.v[f].fn->name;
        if (strcmp(fname, "main") == 0 ||
            strncmp(fname, CL_ATOMIC_FUNCTION_PREFIX, strlen(CL_ATOMIC_FUNCTION_PREFIX)) == 0)
            continue;
        for (size_t k = 0; k < x->nlocks + x->njumped; k++) {
            size_t lock = k < x->nlocks ? x->locks[k].lock : x->jumped[k - x->nlocks];
            if ((k < x->nlocks ? acquired(x, lock) : jumped_out(m, x, lock)) &&
                cl_model_plain_lock(m, lock) && verdict(&j, f, lock) == LEAK) {
                leak l = { x, lock };
                CL_VEC_PUSH(&found, l);
            }
        }
    }
    for (size_t i = 0; i < found.n; i++)
        report(m, ctx, st, &found.v[i]);
    free(found.v);
    cl_strmap_release(&j.done);
    cl_arena_release(&j.keys);
    free(st->exits.v);
    free(st->locks.v);
    free(st->unlocks.v);
    free(st);
}

#define K(kind) CL_KIND_BIT(CL_CK_##kind)

const cl_rule cl005_lock_leak = {
    .id = "CL005",
    .name = "lock-leak",
    .short_desc = "A path leaves a function with a mutex held that it acquired and no caller "
                  "releases",
    .full_desc =
        "A function takes a mutex (pthread mutex, rwlock, spinlock or C11 mtx_t), directly or "
        "through a callee, and a path leaves it (an early error return, a goto past the unlock "
        "of a cleanup ladder, a break out of a locked loop) with the mutex still held, while "
        "no caller releases it for the function. The next thread that locks it, or this one "
        "the next time, blocks forever.",
    .help_md =
        "## lock-leak (CL005)\n\n"
        "A mutex taken in a function stays locked on one of the paths out of it. Typical "
        "shape: an error check added inside a critical section that returns early.\n\n"
        "```c\n"
        "pthread_mutex_lock(&r->lock);\n"
        "grown = realloc(r->slots, ncap * sizeof *grown);\n"
        "if (grown == NULL)\n"
        "    return -1;                 /* r->lock stays locked */\n"
        "...\n"
        "pthread_mutex_unlock(&r->lock);\n"
        "```\n\n"
        "**Fix** release the mutex on that path: unlock before the `return`, or turn the "
        "early returns into `goto out;` with one unlock at the `out:` label.\n\n"
        "Reported at the exiting `return` (the function's name when it falls off its end), "
        "with the lock site. Lock wrappers are not findings: a function that returns with "
        "the lock held is fine when a caller releases it after the call, or when it is "
        "configured in `lock_functions`. A trylock holds the lock only where a test of its "
        "result says it succeeded; a lock call whose failure is tested does not hold it on "
        "the failure path. `main` is not checked (returning ends the process).",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "lock", "deadlock", "reliability"),
    .cwe = CL_STRINGS("CWE-667", "CWE-764"),
    .precision = "high",
    .security_severity = "5.5",
    .points = CL_ON_CALL | CL_ON_EXIT,
    .call_kinds = K(LOCK) | K(RDLOCK) | K(TRYLOCK) | K(UNLOCK),
    .begin = begin,
    .on_call = on_call,
    .on_exit = on_exit,
    .finish = finish,
};

#undef K
