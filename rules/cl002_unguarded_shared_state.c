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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/access_classes.h"
#include "analysis/finding_builder.h"
#include "analysis/races.h"
#include "model/model.h"
#include "rule.h"

static int is_write(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_WRITE) != 0;
}

static int is_atomic(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_ATOMIC) != 0;
}

/* Which access of a racing pair is reported: 1 for `a`, 0 for `b`. */
static int a_at_fault(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (is_atomic(a) != is_atomic(b))
        return !is_atomic(a); /* the plain access next to an atomic one */
    if (a->nlocks != b->nlocks)
        return a->nlocks < b->nlocks;
    if (a->nmay != b->nmay) /* (a lock wrapper choosing by type: held on every path) */
        return a->nmay < b->nmay;
    int a_spawned = m->threads.v[a->thread].spawn != NULL;
    int b_spawned = m->threads.v[b->thread].spawn != NULL;
    if (a_spawned != b_spawned)
        return a_spawned;
    return cl_loc_cmp(&a->ev->loc, &b->ev->loc) <= 0;
}

static const char *func_of(const cl_model *m, const cl_accrec *r)
{
    const char *fn = cl_model_frame_func(m, r->frame);
    return fn ? fn : "?";
}

/* A race to report: the access `a` and its partner `b` (copies: the
 * whole-object records of access_classes.h live only during a visit). */
typedef struct race {
    cl_accrec a, b;
    int self;                 /* a multi-instance thread racing with itself */
} race;

/* The message of a race, seen from `x->a`, into `msg`. */
static void race_message(const cl_model *m, const race *x, cl_strbuf *msg)
{
    const cl_accrec *r = &x->a, *o = &x->b;
    const char *what = is_write(r) ? "write to" : "read of";
    if (x->self) {
        cl_strbuf_addf(msg, "%s '%s' in '%s' races with itself: %s runs in several instances; lock held: ",
                       what, r->ev->u.access.name, func_of(m, r), cl_model_thread_name(m, r->thread));
        cl_model_describe_locks(m, r->locks, r->nlocks, msg);
        return;
    }
    cl_strbuf_addf(msg, "%s '%s' in '%s' races with %s in '%s' (line %u); no common lock (held here: ",
                   what, r->ev->u.access.name, func_of(m, r), is_write(o) ? "write" : "read",
                   func_of(m, o), o->ev->loc.line);
    cl_model_describe_locks(m, r->locks, r->nlocks, msg);
    cl_strbuf_add(msg, "; there: ");
    cl_model_describe_locks(m, o->locks, o->nlocks, msg);
    cl_strbuf_add(msg, ")");
}

/* The related location's text for the partner access `o`. */
static const char *conflict_text(cl_arena *a, const cl_model *m, const cl_accrec *o)
{
    return cl_arena_printf(a, "conflicting %s of '%s' in '%s'", is_write(o) ? "write" : "read",
                           o->ev->u.access.name, func_of(m, o));
}

/* Starts the finding of race `x` at `x->a`: message `msg`, key, the
 * partner as a related location, the spawn sites and one thread flow per
 * thread. The caller may add related locations, then emits. */
static cl_fb *race_finding(const cl_model *m, cl_rule_ctx *ctx, const race *x, const char *msg)
{
    const cl_accrec *r = &x->a, *o = &x->b;
    const char *name = r->ev->u.access.name;
    cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, func_of(m, r));
    cl_fb_message(b, "%s", msg);
    cl_fb_key(b, "%s|%s", name, is_write(r) ? "write" : "read");
    if (!x->self)
        cl_fb_related(b, o->ev->loc, "%s", conflict_text(&ctx->out->arena, m, o));
    cl_fb_spawn_related(b, r->thread);
    cl_fb_spawn_related(b, o->thread);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "%s '%s'", is_write(r) ? "writes" : "reads",
                      name);
    if (!x->self)
        cl_fb_thread_flow(b, o->thread, o->frame, o->ev->loc, "%s '%s'",
                          is_write(o) ? "writes" : "reads", o->ev->u.access.name);
    return b;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const race *x)
{
    cl_strbuf msg = { NULL, 0, 0 };
    race_message(m, x, &msg);
    cl_fb_emit(race_finding(m, ctx, x, cl_strbuf_str(&msg)));
    cl_strbuf_release(&msg);
}

/* A finding candidate: the access at fault and its partner. */
typedef struct hit {
    const cl_accrec *r, *o;
} hit;

/* Orders hits by function, kind of access, then source location. */
static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->r->frame->func != b->r->frame->func)
        return a->r->frame->func < b->r->frame->func ? -1 : 1;
    if (is_write(a->r) != is_write(b->r))
        return is_write(a->r) - is_write(b->r);
    int c = cl_loc_cmp(&a->r->ev->loc, &b->r->ev->loc);
    if (c != 0)
        return c;
    return a->r->thread < b->r->thread ? -1 : a->r->thread > b->r->thread;
}

/* --- one root cause, one finding ------------------------------------------
 *
 * One function that updates several fields of a shared object without the
 * lock (a config reload rebuilding `config->...`, an error counter and an
 * error table in `server`) races once per field and per reader, but it is
 * one defect with one fix. Races fold into one finding when they have the
 * same *anchor function*, the same *root object* and the same *threads*:
 *
 * - the anchor is the side to fix: the access at fault, or the write of a
 *   read/write pair when the write holds no more locks than the read (the
 *   read was picked only by a_at_fault's tie-break: a reader in a spawned
 *   thread against an unlocked writer in its creator);
 * - the anchor function is the function that names the anchor's object:
 *   its own, or, for an access through a parameter, the caller that passed
 *   the object (owner_frame), so `raxInsert(server.errors, ...)` charges
 *   raxInsert's writes to its caller; and a function whose caller races
 *   on the same root with the same threads is part of the caller's
 *   update (merge_into_callers);
 * - the root is the access path's first step: the global, the stack
 *   object or the heap object of an allocator ("Gc:@config" for
 *   `config->port`, `config` itself and `config->acl->count`);
 * - the threads are the start routines of the two threads, in either
 *   role (instances of one start routine are one).
 *
 * A group of one race is reported as before; so is a group whose races are
 * all reported at one access. A read and a write of one pair, each at
 * fault in its own race (`n = (n + 1) % 64` in two threads), are reported
 * once, at the anchor. A larger group is reported once
 * at its first anchor (writes first, then accesses made in the anchor
 * function itself, then source order): the message and key are those of
 * that race seen from the anchor, plus the number of the others, which are
 * related locations (the first FOLD_LISTED of them). A race found from
 * both its accesses counts once; groups whose first races are at one
 * access, or that would be reported at one access, are one finding
 * (merge_groups): one unguarded write is one fix. Different functions,
 * different objects, or different threads on different accesses otherwise
 * stay separate findings. */

/* Races listed as related locations of a folded finding. */
#define FOLD_LISTED 10

/* A race with its fold group. */
typedef struct fold {
    race x;                   /* as reported alone: x.a at fault */
    race seen;                /* seen from its anchor: seen.a is the anchor */
    const cl_frame *owner_frame; /* where the anchor function runs */
    size_t owner;             /* the anchor function (index into cg.funcs) */
    const char *root;         /* the root of seen.a's path: root_len bytes */
    size_t root_len;
    size_t entry_lo, entry_hi;/* start routines of the two threads, the lower index first */
    int in_owner;             /* the anchor is made in the anchor function itself */
    size_t gid;               /* its group, once groups are merged (finish) */
} fold;

/* Whether `a` was picked over `b` only by a_at_fault's tie-break. */
static int lock_tie(const cl_accrec *a, const cl_accrec *b)
{
    return is_atomic(a) == is_atomic(b) && a->nlocks == b->nlocks && a->nmay == b->nmay;
}

/* The frame whose function names the object `r` accesses: r's own frame,
 * or, while the access goes through a parameter ("P<n>..."), the caller
 * that passed the object. A callback a library calls back gets its
 * arguments from the library, so the walk stops at such a call. It stops
 * below the thread's entry too: the entry passes its start argument to
 * everything the thread does, which is not one update. */
static const cl_frame *owner_frame(const cl_model *m, const cl_accrec *r)
{
    const char *p = r->ev->u.access.path;
    const cl_frame *f = r->frame;
    while (p != NULL && p[0] == 'P' && f->parent != NULL && f->parent->parent != NULL &&
           f->call != NULL && f->call->kind == CL_EV_CALL) {
        const cl_call *c = &f->call->u.call;
        if (c->callee_usr != NULL && strcmp(c->callee_usr, m->cg.funcs.v[f->func].fn->usr) != 0)
            break;
        char *end;
        unsigned long n = strtoul(p + 1, &end, 10);
        if (end == p + 1 || n >= c->nargs || c->args[n].kind != CL_VAL_ADDR)
            break;
        p = c->args[n].path;
        f = f->parent;
    }
    return f;
}

/* The length of the root of a resolved path: up to the first member,
 * element or dereference step after the name (USRs hold '.' in file names,
 * names end at their last '@' or '#'). */
static size_t root_len(const char *path)
{
    const char *name = path;
    for (const char *p = path; *p != '\0' && strncmp(p, "->", 2) != 0; p++)
        if (*p == '@' || *p == '#')
            name = p + 1;
    return (size_t)(name - path) + strcspn(name, ".[-");
}

static size_t entry_of(const cl_model *m, size_t thread)
{
    return m->threads.v[thread].entry;
}

static void fold_init(const cl_model *m, fold *f)
{
    const race *x = &f->x;
    f->seen = *x;
    if (!x->self && !is_write(&x->a) && lock_tie(&x->a, &x->b)) {
        f->seen.a = x->b;
        f->seen.b = x->a;
    }
    const cl_accrec *a = &f->seen.a;
    f->owner_frame = owner_frame(m, a);
    f->owner = f->owner_frame->func;
    f->in_owner = a->frame->func == f->owner;
    f->root = a->path;
    f->root_len = root_len(a->path);
    size_t ea = entry_of(m, a->thread), eb = entry_of(m, f->seen.b.thread);
    f->entry_lo = ea < eb ? ea : eb;
    f->entry_hi = ea < eb ? eb : ea;
}

static int cmp_size(size_t a, size_t b)
{
    return a < b ? -1 : a > b;
}

/* Orders folds by group (0 for the same group). */
static int cmp_group(const fold *a, const fold *b)
{
    int c;
    if ((c = cmp_size(a->owner, b->owner)) != 0)
        return c;
    size_t n = a->root_len < b->root_len ? a->root_len : b->root_len;
    if ((c = memcmp(a->root, b->root, n)) != 0 || (c = cmp_size(a->root_len, b->root_len)) != 0)
        return c;
    if ((c = cmp_size(a->entry_lo, b->entry_lo)) != 0)
        return c;
    return cmp_size(a->entry_hi, b->entry_hi);
}

/* The order of the races of one group: writes first, the anchor
 * function's own accesses first, source order of the anchor and of the
 * partner. */
static int cmp_member(const fold *a, const fold *b)
{
    int c;
    if ((c = is_write(&b->seen.a) - is_write(&a->seen.a)) != 0 || (c = b->in_owner - a->in_owner) != 0)
        return c;
    if ((c = cl_loc_cmp(&a->seen.a.ev->loc, &b->seen.a.ev->loc)) != 0 ||
        (c = cl_loc_cmp(&a->seen.b.ev->loc, &b->seen.b.ev->loc)) != 0)
        return c;
    if ((c = cmp_size(a->seen.a.thread, b->seen.a.thread)) != 0)
        return c;
    return cmp_size(a->seen.b.thread, b->seen.b.thread);
}

/* qsort order: by group key, then member order. */
static int cmp_fold(const void *x, const void *y)
{
    const fold *a = x, *b = y;
    int c = cmp_group(a, b);
    return c != 0 ? c : cmp_member(a, b);
}

/* qsort order: by merged group, then member order. */
static int cmp_gid(const void *x, const void *y)
{
    const fold *a = x, *b = y;
    int c = cmp_size(a->gid, b->gid);
    return c != 0 ? c : cmp_member(a, b);
}

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

/* Reports the group g[0..n), n > 1, as one finding at g[0]'s anchor. */
static void report_folded(const cl_model *m, cl_rule_ctx *ctx, const fold *g, size_t n)
{
    cl_arena *a = &ctx->out->arena;
    const race *x = &g[0].seen;
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
                     cl_arena_printf(a, "also %s '%s' in '%s'", is_write(r) ? "writes" : "reads",
                                     r->ev->u.access.name, func_of(m, r)));
        if (!g[i].seen.self)
            add_once(&fr, o->ev->loc, conflict_text(a, m, o));
    }
    cl_fb_emit(fr.b);
}

/* Whether every race of g[0..n) is reported at the same access alone
 * (several paths of one access: a whole object and its members). */
static int same_access(const fold *g, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (cl_loc_cmp(&g[i].x.a.ev->loc, &g[0].x.a.ev->loc) != 0)
            return 0;
    return 1;
}

/* Moves the races of g[0..n) with different locations to its front, in
 * order, and returns how many there are: a whole-object access meets the
 * members of the object on several paths (access_classes.h), the same
 * race for the reader. O(n * distinct). */
static size_t distinct_races(fold *g, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < k && (cl_loc_cmp(&g[j].seen.a.ev->loc, &g[i].seen.a.ev->loc) != 0 ||
                         cl_loc_cmp(&g[j].seen.b.ev->loc, &g[i].seen.b.ev->loc) != 0))
            j++;
        if (j == k)
            g[k++] = g[i];
    }
    return k;
}

/* The rule's state: the accesses that could take part in a race, collected
 * point by point, the hits of one path, then the races of every path. */
typedef struct cands {
    const cl_accrec **v;
    size_t n, cap;
    const cl_model *m;
    cl_rule_ctx *ctx;
    struct { hit *v; size_t n, cap; } hits;
    struct { fold *v; size_t n, cap; } races;
} cands;

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

static void add_hit(cands *cs, const cl_accrec *r, const cl_accrec *o)
{
    hit h = { r, o };
    CL_VEC_PUSH(&cs->hits, h);
}

/* The racing pairs among the classes of one path (access_classes.h), then
 * one race per function and kind of access. */
static void path_races(void *p, const cl_acc_class *cls, size_t ncls)
{
    cands *cs = p;
    const cl_model *m = cs->m;
    cs->hits.n = 0;
    for (size_t ci = 0; ci < ncls; ci++) {
        for (size_t cj = ci; cj < ncls; cj++) {
            const cl_acc_class *A = &cls[ci], *B = &cls[cj];
            if (!cl_race_classes(m, A->v[0], B->v[0]))
                continue;
            if (A == B) {
                /* One multi-instance thread racing with itself: every
                 * access, except a statement that picks its element with
                 * a local index (a partitioned array) when it is the only
                 * one, and accesses that pick each instance's own element
                 * with its own index. */
                if (A->v[0]->own_index)
                    continue;
                for (size_t k = 0; k < A->n; k++)
                    if (A->n > 1 || !(A->v[k]->ev->u.access.flags & CL_ACC_LOCAL_INDEX))
                        add_hit(cs, A->v[k], A->n > 1 ? A->v[k == 0 ? 1 : 0] : A->v[k]);
                continue;
            }
            const cl_acc_class *F = a_at_fault(m, A->v[0], B->v[0]) ? A : B;
            const cl_acc_class *O = F == A ? B : A;
            for (size_t k = 0; k < F->n; k++)
                for (size_t q = 0; q < O->n; q++)
                    if (!cl_race_distinct_elements(m, F->v[k], O->v[q])) {
                        add_hit(cs, F->v[k], O->v[q]);
                        break;
                    }
        }
    }
    /* One race per function and kind of access: the first one in the
     * source; the others in that function are the same bug. */
    if (cs->hits.n > 1)
        qsort(cs->hits.v, cs->hits.n, sizeof *cs->hits.v, cmp_hit);
    for (size_t k = 0; k < cs->hits.n; k++) {
        const cl_accrec *r = cs->hits.v[k].r, *o = cs->hits.v[k].o;
        const cl_accrec *prev = k > 0 ? cs->hits.v[k - 1].r : NULL;
        if (prev != NULL && prev->frame->func == r->frame->func && is_write(prev) == is_write(r))
            continue;
        fold f;
        memset(&f, 0, sizeof f);
        f.x = (race){ *r, *o, r == o || (r->ev == o->ev && r->thread == o->thread) };
        fold_init(m, &f);
        CL_VEC_PUSH(&cs->races, f);
    }
}

/* The representative of group `i` in the union-find forest `up`. */
static size_t group_find(size_t *up, size_t i)
{
    while (up[i] != i)
        i = up[i] = up[up[i]];
    return i;
}

/* Puts group `i`'s set under group `into`'s. */
static void group_union(size_t *up, size_t i, size_t into)
{
    size_t ri = group_find(up, i), rj = group_find(up, into);
    if (ri != rj)
        up[ri] = rj;
}

/* The group (an index into `first`, the first fold of each of the ngroups
 * groups of g, in cmp_group order) with the key of `key`, or SIZE_MAX. */
static size_t group_of(const fold *g, const size_t *first, size_t ngroups, const fold *key)
{
    size_t lo = 0, hi = ngroups;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_group(&g[first[mid]], key);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return SIZE_MAX;
}

/* Folds a group into the group of its anchor function's caller when that
 * caller races on the same root with the same threads itself: the helper's
 * writes are part of the caller's unguarded update (afterErrorReply counts
 * an error and calls incrementErrorCount, which inserts into the error
 * table). The thread's entry function does not take its callees' groups:
 * it calls everything the thread does. `first` (ngroups + 1 entries, the
 * last n) starts each group of g in cmp_fold order. */
static void merge_into_callers(const fold *g, const size_t *first, size_t ngroups, size_t *up)
{
    for (size_t k = 0; k < ngroups; k++)
        for (size_t i = first[k]; i < first[k + 1]; i++) {
            const cl_frame *caller = g[i].owner_frame->parent;
            if (caller == NULL || caller->parent == NULL)
                continue;
            fold key = g[i];
            key.owner = caller->func;
            size_t j = group_of(g, first, ngroups, &key);
            if (j != SIZE_MAX)
                group_union(up, k, j);
        }
}

/* The access the group g[0..n) (in member order) is reported at: its
 * first anchor, or, when the group is one race reported alone (finish),
 * that race's access at fault. */
static const cl_accrec *reported_at(const fold *g, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (cl_loc_cmp(&g[i].seen.a.ev->loc, &g[0].seen.a.ev->loc) != 0 ||
            cl_loc_cmp(&g[i].seen.b.ev->loc, &g[0].seen.b.ev->loc) != 0)
            return &g[0].seen.a;
    return same_access(g, n) ? &g[0].x.a : &g[0].seen.a;
}

/* A group by the access it is reported at. */
typedef struct group_head {
    const cl_accrec *at;
    size_t gid;
} group_head;

/* qsort order of group heads: by location, kind and name of the access
 * (what makes two findings one: cl_findings_first), then group. */
static int cmp_head(const void *x, const void *y)
{
    const group_head *a = x, *b = y;
    int c = cl_loc_cmp(&a->at->ev->loc, &b->at->ev->loc);
    if (c != 0 || (c = is_write(a->at) - is_write(b->at)) != 0 ||
        (c = strcmp(a->at->ev->u.access.name, b->at->ev->u.access.name)) != 0)
        return c;
    return cmp_size(a->gid, b->gid);
}

/* Whether the race is seen from its partner (the anchor is the other
 * side's record, reached through whichever call chain came first). */
static int flipped(const fold *f)
{
    return f->seen.a.ev != f->x.a.ev;
}

/* qsort order of fold pointers by race (anchor and partner locations),
 * then the race seen from its own access at fault first, then group. */
static int cmp_race_at(const void *x, const void *y)
{
    const fold *a = *(const fold *const *)x, *b = *(const fold *const *)y;
    int c = cl_loc_cmp(&a->seen.a.ev->loc, &b->seen.a.ev->loc);
    if (c != 0 || (c = cl_loc_cmp(&a->seen.b.ev->loc, &b->seen.b.ev->loc)) != 0 ||
        (c = flipped(a) - flipped(b)) != 0)
        return c;
    return cmp_size(a->gid, b->gid);
}

/* Keeps one fold per race (the pair of locations): the same race found
 * from both of its accesses, through different call chains, can name two
 * anchor functions; the one seen from its access at fault keeps it (its
 * own chain). Returns the new length of g. */
static size_t one_fold_per_race(fold *g, size_t n)
{
    const fold **races = cl_xcalloc(n + 1, sizeof *races);
    unsigned char *drop = cl_xcalloc(n + 1, 1);
    for (size_t i = 0; i < n; i++)
        races[i] = &g[i];
    qsort(races, n, sizeof *races, cmp_race_at);
    for (size_t i = 1; i < n; i++)
        if (cl_loc_cmp(&races[i]->seen.a.ev->loc, &races[i - 1]->seen.a.ev->loc) == 0 &&
            cl_loc_cmp(&races[i]->seen.b.ev->loc, &races[i - 1]->seen.b.ev->loc) == 0)
            drop[races[i] - g] = 1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!drop[i])
            g[k++] = g[i];
    free(drop);
    free(races);
    return k;
}

/* Names each set of groups by its lowest group, whatever the order of the
 * unions, and sorts g by group. `low` has ngroups entries. */
static void name_groups(fold *g, size_t n, size_t *up, size_t *low, size_t ngroups)
{
    for (size_t k = 0; k < ngroups; k++)
        low[k] = SIZE_MAX;
    for (size_t k = 0; k < ngroups; k++) {
        size_t r = group_find(up, k);
        if (low[r] == SIZE_MAX)
            low[r] = k;
    }
    for (size_t i = 0; i < n; i++)
        g[i].gid = low[group_find(up, g[i].gid)];
    qsort(g, n, sizeof *g, cmp_gid);
}

/* Gives every fold of g its merged group (gid) and anchor function, sorts
 * g by group and returns its new length. Groups merge into their caller's
 * (merge_into_callers); a race found from both its accesses stays in one
 * group (one_fold_per_race); and groups with the same first anchor, or
 * that would be reported at one access, merge: one unguarded write that
 * two pairs of threads race with is one fix, and two findings at one line
 * would be one. */
static size_t merge_groups(fold *g, size_t n)
{
    size_t *first = cl_xcalloc(n + 1, sizeof *first), ngroups = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || cmp_group(&g[i - 1], &g[i]) != 0)
            first[ngroups++] = i;
    first[ngroups] = n;
    size_t *up = cl_xcalloc(ngroups, sizeof *up), *low = cl_xcalloc(ngroups, sizeof *low);
    for (size_t k = 0; k < ngroups; k++)
        up[k] = k;
    merge_into_callers(g, first, ngroups, up);
    for (size_t k = 0; k < ngroups; k++) {
        size_t owner = g[first[group_find(up, k)]].owner;
        for (size_t i = first[k]; i < first[k + 1]; i++) {
            g[i].gid = k;
            g[i].owner = owner;
            g[i].in_owner = g[i].seen.a.frame->func == owner;
        }
    }
    n = one_fold_per_race(g, n);
    name_groups(g, n, up, low, ngroups);
    size_t nheads = 0;
    group_head *heads = cl_xcalloc(2 * ngroups + 1, sizeof *heads);
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && g[hi].gid == g[lo].gid; hi++)
            ;
        heads[nheads++] = (group_head){ reported_at(g + lo, hi - lo), g[lo].gid };
        heads[nheads++] = (group_head){ &g[lo].seen.a, g[lo].gid };
    }
    qsort(heads, nheads, sizeof *heads, cmp_head);
    for (size_t k = 1; k < nheads; k++)
        if (cmp_head(&(group_head){ heads[k].at, 0 }, &(group_head){ heads[k - 1].at, 0 }) == 0)
            group_union(up, heads[k].gid, heads[k - 1].gid);
    free(heads);
    name_groups(g, n, up, low, ngroups);
    free(low);
    free(up);
    free(first);
    return n;
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cands *cs = ctx->state;
    cl_access_classes(cs->v, cs->n, path_races, cs);
    fold *g = cs->races.v;
    size_t n = cs->races.n;
    if (n > 1) {
        qsort(g, n, sizeof *g, cmp_fold);
        n = merge_groups(g, n);
    }
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && g[hi].gid == g[lo].gid; hi++)
            ;
        int one_access = same_access(g + lo, hi - lo);
        size_t k = distinct_races(g + lo, hi - lo);
        if (k > 1)
            report_folded(m, ctx, g + lo, k);
        else
            report(m, ctx, one_access ? &g[lo].x : &g[lo].seen);
    }
    free(cs->races.v);
    free(cs->hits.v);
    free(cs->v);
    free(cs);
    ctx->state = NULL;
}

static const char *const cwe[] = { "CWE-362", "CWE-366", NULL };
static const char *const tags[] = { "concurrency", "data-race", "correctness", NULL };

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
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "7.0",
    .points = CL_ON_ACCESS,
    .begin = begin,
    .on_access = on_access,
    .finish = finish,
};
