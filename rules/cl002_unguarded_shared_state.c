/* cl002_unguarded_shared_state.c - CL002 unguarded-shared-state: data races.
 *
 * What it finds: two accesses to the same location (a global, a static, a
 * field reached through a thread's start argument or a global pointer, a
 * stack object handed to a thread), at least one a write, made by threads
 * that may run at the same time (model.h: create/join ordering), with no
 * lock held by both, neither atomic, the object not thread-local. A start
 * routine started in a loop races with itself.
 *
 * Where it reports: at the access that lacks the lock (the side holding
 * fewer locks, then fewer locks held on some path); on a tie, the access in a spawned thread rather than the
 * creator's, then the earlier one in the source. One finding per such
 * access, with the other access as a related location and one thread flow
 * per thread; the races of one unguarded update (one function, one root
 * object, the same threads) fold into one finding at its first write
 * ("one root cause, one finding" below, docs/rules.md).
 *
 * What it deliberately does not flag: accesses before pthread_create or after
 * the join of every thread that touches the object; _Atomic objects and the
 * atomic builtins (their operands are not recorded as plain accesses);
 * a _Thread_local / __thread object used only by its own thread (its
 * address handed to another thread makes it shared); const objects; array elements handed out one per
 * thread instance (`&slot[i]` in the spawn loop) and a statement racing
 * only with itself on an element picked by a local index (`out[i] = ...`
 * with `i` a local: a partitioned array); heap objects reached through a
 * pointer loaded from shared memory (`it->next` with `it` taken from a
 * global list) when both accesses hold some lock: such objects change
 * owners (unlinked under one lock, freed into a pool under another) in ways
 * a lockset cannot see, so only an access holding no lock at all is
 * reported there; objects reached only through pointers whose origin is
 * unknown (a pointer a non-allocator call returned): without an escape
 * analysis they would be guesses. Heap objects a local received from an
 * allocator are tracked under that local's name (ir.h, "H" paths), so a
 * thread's argument meets the creator's accesses (docs/rules.md, "CL002
 * limits").
 *
 * Limits: locks are named by access path, so a lock reached through two
 * different paths (an alias) counts as two locks; trylock is assumed to
 * succeed on the path that follows it; calls that always end the process
 * (assert and panic handlers, model/dies.h) are not walked, so what they do
 * on the way out is not reported; nothing after a noreturn call is walked;
 * library calls access the memory their arguments point to (callspec.h); a global a path tested against a
 * constant keeps that value on the path until this thread writes it (a
 * thread's mode), so later tests of it are decided (docs/rules.md, "CL002
 * limits").
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/access_classes.h"
#include "analysis/finding_builder.h"
#include "analysis/race_fold.h"
#include "analysis/races.h"
#include "model/model.h"
#include "rule.h"

static const char *func_of(const cl_model *m, const cl_accrec *r)
{
    const char *fn = cl_model_frame_func(m, r->frame);
    return fn ? fn : "?";
}

/* The rule's state: the accesses that could take part in a race, collected
 * point by point, the hits of one path, then the races of every path. */
typedef struct cands {
    const cl_accrec **v;
    size_t n, cap;
    const cl_model *m;
    cl_rule_ctx *ctx;
    cl_race_hits hits;
    struct { cl_race_fold *v; size_t n, cap; } races;
} cands;

/* The message of a race, seen from `x->a`, into `msg`. */
static void race_message(const cl_model *m, const cl_race *x, cl_strbuf *msg)
{
    const cl_accrec *r = &x->a, *o = &x->b;
    const char *what = cl_race_writes(r) ? "write to" : "read of";
    if (x->self) {
        cl_strbuf_addf(msg, "%s '%s' in '%s' races with itself: %s runs in several instances; lock held: ",
                       what, r->ev->u.access.name, func_of(m, r), cl_model_thread_name(m, r->thread));
        cl_model_describe_locks(m, r->locks, r->nlocks, msg);
        return;
    }
    const char *of = o->ev->loc.file, *rf = r->ev->loc.file;
    int other_file = of != NULL && rf != NULL && strcmp(of, rf) != 0;
    cl_strbuf_addf(msg, "%s '%s' in '%s' races with %s in '%s' (%s%s%u); no common lock (held here: ",
                   what, r->ev->u.access.name, func_of(m, r), cl_race_writes(o) ? "write" : "read",
                   func_of(m, o), other_file ? cl_base_name(of) : "line ", other_file ? ":" : "",
                   o->ev->loc.line);
    cl_model_describe_locks(m, r->locks, r->nlocks, msg);
    cl_strbuf_add(msg, "; there: ");
    cl_model_describe_locks(m, o->locks, o->nlocks, msg);
    cl_strbuf_add(msg, ")");
}

/* The related location's text for the partner access `o`. */
static const char *conflict_text(cl_arena *a, const cl_model *m, const cl_accrec *o)
{
    return cl_arena_printf(a, "conflicting %s of '%s' in '%s'",
                           cl_race_writes(o) ? "write" : "read", o->ev->u.access.name,
                           func_of(m, o));
}

/* Starts the finding of race `x` at `x->a`: message `msg`, key, the
 * partner as a related location, the spawn sites and one thread flow per
 * thread. The caller may add related locations, then emits. */
static cl_fb *race_finding(const cl_model *m, cl_rule_ctx *ctx, const cl_race *x, const char *msg)
{
    const cl_accrec *r = &x->a, *o = &x->b;
    const char *name = r->ev->u.access.name;
    cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, func_of(m, r));
    cl_fb_message(b, "%s", msg);
    cl_fb_key(b, "%s|%s", name, cl_race_writes(r) ? "write" : "read");
    if (!x->self)
        cl_fb_related(b, o->ev->loc, "%s", conflict_text(&ctx->out->arena, m, o));
    cl_fb_spawn_related(b, r->thread);
    cl_fb_spawn_related(b, o->thread);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "%s '%s'",
                      cl_race_writes(r) ? "writes" : "reads", name);
    if (!x->self)
        cl_fb_thread_flow(b, o->thread, o->frame, o->ev->loc, "%s '%s'",
                          cl_race_writes(o) ? "writes" : "reads", o->ev->u.access.name);
    return b;
}

/* Reports race `x` alone (cl_race_fold_groups: `state` is the cands). */
static void report(void *state, const cl_race *x)
{
    const cl_model *m = ((cands *)state)->m;
    cl_rule_ctx *ctx = ((cands *)state)->ctx;
    cl_strbuf msg = { NULL, 0, 0 };
    race_message(m, x, &msg);
    cl_fb_emit(race_finding(m, ctx, x, cl_strbuf_str(&msg)));
    cl_strbuf_release(&msg);
}

/* --- one root cause, one finding ------------------------------------------
 *
 * The races of one unguarded update (one anchor function, one root object,
 * the same threads) fold into one finding (race_fold.h). A larger group is
 * reported once at its first anchor: the message and key are those of that
 * race seen from the anchor, plus the number of the others, which are
 * related locations (the first FOLD_LISTED of them). */

/* Races listed as related locations of a folded finding. */
#define FOLD_LISTED 10

/* The related locations of a folded finding, without repeats (the many
 * partners of one whole-object write). */
typedef struct fold_related {
    cl_fb *b;
    size_t n;
    cl_related v[2 * FOLD_LISTED + 1];
} fold_related;

/* Adds a related location unless it is there already; `fr->b` NULL: only
 * notes it (one race_finding added). */
static void add_once(fold_related *fr, cl_loc loc, const char *msg)
{
    for (size_t i = 0; i < fr->n; i++)
        if (cl_loc_cmp(&fr->v[i].loc, &loc) == 0 && strcmp(fr->v[i].message, msg) == 0)
            return;
    fr->v[fr->n++] = (cl_related){ loc, msg };
    if (fr->b != NULL)
        cl_fb_related(fr->b, loc, "%s", msg);
}

/* Reports the group g[0..n), n > 1, as one finding at g[0]'s anchor
 * (cl_race_fold_groups: `state` is the cands). */
static void report_folded(void *state, const cl_race_fold *g, size_t n)
{
    const cl_model *m = ((cands *)state)->m;
    cl_rule_ctx *ctx = ((cands *)state)->ctx;
    cl_arena *a = &ctx->out->arena;
    const cl_race *x = &g[0].seen;
    cl_strbuf msg = { NULL, 0, 0 };
    race_message(m, x, &msg);
    const char *root = cl_model_path_display(m, cl_arena_strndup(a, x->a.path, g[0].root_len));
    cl_strbuf_addf(&msg, "; and %zu more race%s on '%s' through '%s' (", n - 1,
                   n > 2 ? "s" : "", root, m->cg.funcs.v[g[0].owner].fn->name);
    if (n - 1 > FOLD_LISTED)
        cl_strbuf_addf(&msg, "the first %d as related locations)", FOLD_LISTED);
    else
        cl_strbuf_add(&msg, "related locations)");
    fold_related fr;
    fr.b = NULL;
    fr.n = 0;
    if (!x->self)
        add_once(&fr, x->b.ev->loc, conflict_text(a, m, &x->b));
    fr.b = race_finding(m, ctx, x, cl_strbuf_str(&msg));
    cl_strbuf_release(&msg);
    for (size_t i = 1; i < n && i <= FOLD_LISTED; i++) {
        const cl_accrec *r = &g[i].seen.a, *o = &g[i].seen.b;
        if (cl_loc_cmp(&r->ev->loc, &x->a.ev->loc) != 0)
            add_once(&fr, r->ev->loc,
                     cl_arena_printf(a, "also %s '%s' in '%s'",
                                     cl_race_writes(r) ? "writes" : "reads",
                                     r->ev->u.access.name, func_of(m, r)));
        if (!g[i].seen.self)
            add_once(&fr, o->ev->loc, conflict_text(a, m, o));
    }
    cl_fb_emit(fr.b);
}

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    cands *cs = cl_xcalloc(1, sizeof(cands));
    cs->m = m;
    cs->ctx = ctx;
    ctx->state = cs;
}

static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    if (!cl_race_skip(m, r))
        CL_VEC_PUSH((cands *)ctx->state, r);
}

/* The racing pairs of one path (races.h), then one race per function and
 * kind of access: the first one in the source; the others in that
 * function are the same bug. */
static void path_races(void *p, const cl_acc_class *cls, size_t ncls)
{
    cands *cs = p;
    cl_race_pairs(cs->m, cls, ncls, &cs->hits);
    for (size_t k = 0; k < cs->hits.n; k++) {
        const cl_accrec *r = cs->hits.v[k].r, *o = cs->hits.v[k].o;
        const cl_accrec *prev = k > 0 ? cs->hits.v[k - 1].r : NULL;
        if (prev != NULL && prev->frame->func == r->frame->func &&
            cl_race_writes(prev) == cl_race_writes(r))
            continue;
        cl_race x = { *r, *o, r == o || (r->ev == o->ev && r->thread == o->thread) };
        cl_race_fold f;
        cl_race_fold_init(cs->m, &f, &x);
        CL_VEC_PUSH(&cs->races, f);
    }
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    cands *cs = ctx->state;
    cl_access_classes(cs->v, cs->n, path_races, cs);
    cl_race_fold_groups(cs->races.v, cs->races.n, report, report_folded, cs);
    free(cs->races.v);
    free(cs->hits.v);
    free(cs->v);
    free(cs);
    ctx->state = NULL;
}

const cl_rule cl002_unguarded_shared_state = {
    .id = "CL002",
    .name = "unguarded-shared-state",
    .short_desc = "Shared state accessed by concurrent threads without a common lock",
    .full_desc =
        "A global, a static, or an object reachable from a thread's start argument or a "
        "global pointer is accessed by two threads that may run at the same time, at least "
        "one access is a write, no lock is held by both, neither access is atomic and the "
        "object is not thread-local. Accesses ordered by pthread_create (before it) or "
        "pthread_join (after it) do not race.",
    .help_md =
        "## unguarded-shared-state (CL002)\n\n"
        "Two threads touch the same memory, at least one writes, and nothing orders the "
        "accesses: the result depends on timing, and the C11 memory model makes the whole "
        "program's behaviour undefined (C11 5.1.2.4p25).\n\n"
        "**Fix** one of:\n\n"
        "- take the lock that guards the object around *every* access "
        "(`pthread_mutex_lock(&stats_lock); stats.bytes += n; pthread_mutex_unlock(&stats_lock);`);\n"
        "- make the object `_Atomic` or use `atomic_fetch_add` / `__atomic_*` when a single "
        "word is all that is shared;\n"
        "- give each thread its own copy (`_Thread_local`, or one array slot per thread) and "
        "combine after `pthread_join`.\n\n"
        "The finding names both accesses, the locks held at each, and the threads "
        "(with where they were started).",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "data-race", "correctness"),
    .cwe = CL_STRINGS("CWE-362", "CWE-366"),
    .precision = "high",
    .security_severity = "7.0",
    .points = CL_ON_ACCESS,
    .begin = begin,
    .on_access = on_access,
    .finish = finish,
};
