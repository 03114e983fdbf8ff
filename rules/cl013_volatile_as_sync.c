/* cl013_volatile_as_sync.c - CL013 volatile-as-sync: a volatile object
 * used as the only synchronization between threads.
 *
 * What it finds: a volatile-qualified variable or member that one thread
 * stores to (`srv->stop = 1`, `ready = 1`) while another thread reads it
 * (`while (!srv->stop)`, `while (!ready) ;`), the two accesses racing by
 * the engine's one meaning of a race (races.h: threads that may run in
 * parallel, no common lock, not ordered by create/join or by
 * synchronization). Why: volatile keeps the compiler from caching the
 * value, nothing more: the accesses are not atomic, and the flag orders
 * no other memory, so the data a ready flag "publishes" may be seen stale
 * (C11 5.1.2.4p25: a data race, undefined behaviour). `_Atomic` (or
 * atomic_store / atomic_load) is the fix.
 * Where: once per object, at its declaration (where `_Atomic` goes), with
 * the stores and the reads that race as related locations, the spawn sites
 * and one thread flow per thread; without a declaration (a cast to a
 * pointer to volatile), at the first store.
 * One defect, one rule: CL013 subsumes CL002, so CL002's finding on the
 * same accesses is dropped (cl_rules_fold); CL002 keeps the flag's races
 * out of its folds of data races (race_fold.h), so that finding exists on
 * its own; with CL013 disabled, CL002 reports the race.
 * Not flagged: volatile counters (every racing write reads the object too:
 * `n++`, `n += k`, `n = n + 1`): lost updates, a data race CL002 reports;
 * accesses under a common lock, ordered by create/join, _Atomic objects;
 * a volatile touched by one thread only (a `volatile sig_atomic_t` set by
 * a signal handler on the thread it interrupts, memory-mapped registers in
 * a single-threaded program).
 * Limits: in a program without main(), a store of one API function and a
 * read by a thread another one started pair only through parameters and
 * with no lock (cl_race_api_pair); the data a ready flag publishes stays
 * CL002's finding.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/access_classes.h"
#include "analysis/finding_builder.h"
#include "analysis/races.h"
#include "model/model.h"
#include "rule.h"

/* A store and a read of one volatile object that race (copies: the
 * records of access_classes.h live only during a visit); `test`: the read
 * is in the condition of a loop or an `if` (a flag polled or checked). */
typedef struct hit {
    cl_accrec w, r;
    int test;
} hit;

/* The rule's state: the volatile access records, the racing (store, read)
 * pairs, and the stores that race with another store (a stop flag two
 * threads set: the same defect, named in the object's finding if it has
 * one, so that CL002 does not report it again). */
typedef struct cl013_state {
    const cl_model *m;
    struct { const cl_accrec **v; size_t n, cap; } recs;
    struct { hit *v; size_t n, cap; } hits;
    struct { cl_accrec *v; size_t n, cap; } wstores;
} cl013_state;

static unsigned flags(const cl_accrec *r)
{
    return r->ev->u.access.flags;
}

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    cl013_state *st = cl_xcalloc(1, sizeof *st);
    st->m = m;
    ctx->state = st;
}

static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    cl013_state *st = ctx->state;
    if ((flags(r) & CL_ACC_VOLATILE) && !(flags(r) & CL_ACC_ATOMIC) && !cl_race_skip(m, r))
        CL_VEC_PUSH(&st->recs, r);
}

/* Adds the hit (w, r). */
static void add_hit(cl013_state *st, const cl_accrec *w, const cl_accrec *r)
{
    const cl_callgraph *cg = &st->m->cg;
    hit h = { *w, *r, 0 };
    const cl_node *n = cl_callgraph_event_node(cg, r->ev);
    for (const cl_node *p = n ? cl_callgraph_parent(cg, n) : NULL; p != NULL && !h.test;
         n = p, p = cl_callgraph_parent(cg, p))
        h.test = p->cond == n && (p->kind == CL_N_LOOP || p->kind == CL_N_BRANCH);
    CL_VEC_PUSH(&st->hits, h);
}

/* Keeps the stores of classes W and V (both stores) that race with each
 * other (st->wstores). */
static void store_pairs(cl013_state *st, const cl_acc_class *W, const cl_acc_class *V)
{
    for (size_t k = 0; k < W->n; k++)
        for (size_t q = 0; q < V->n; q++)
            if (!cl_race_distinct_elements(st->m, W->v[k], V->v[q]) &&
                cl_race_volatile_store(st->m, W->v[k]) && cl_race_volatile_store(st->m, V->v[q])) {
                CL_VEC_PUSH(&st->wstores, *W->v[k]);
                CL_VEC_PUSH(&st->wstores, *V->v[q]);
            }
}

/* The racing (store, read) pairs of one path: every store with a read it
 * races with, every read with a store, so that the finding names each
 * access CL002 would pair (and cl_rules_fold drops CL002's findings); and
 * the stores that race with stores. */
static void path_hits(void *p, const cl_acc_class *cls, size_t ncls)
{
    cl013_state *st = p;
    const cl_model *m = st->m;
    const unsigned rw = CL_ACC_WRITE | CL_ACC_READ;
    for (size_t ci = 0; ci < ncls; ci++) {
        if ((flags(cls[ci].v[0]) & rw) != CL_ACC_WRITE)
            continue;
        for (size_t cj = 0; cj < ncls; cj++) {
            const cl_acc_class *W = &cls[ci], *R = &cls[cj];
            if (cj == ci || !cl_race_classes(m, W->v[0], R->v[0]))
                continue;
            if ((flags(R->v[0]) & rw) == CL_ACC_WRITE) {
                if (cj > ci)
                    store_pairs(st, W, R);
                continue;
            }
            if (!(flags(R->v[0]) & CL_ACC_READ))
                continue;
            unsigned char *store = cl_xcalloc(W->n, 1);
            for (size_t k = 0; k < W->n; k++) {
                size_t q = 0;
                while (q < R->n && cl_race_distinct_elements(m, W->v[k], R->v[q]))
                    q++;
                if (q < R->n && (store[k] = (unsigned char)cl_race_volatile_store(m, W->v[k])))
                    add_hit(st, W->v[k], R->v[q]);
            }
            for (size_t q = 0; q < R->n; q++)
                for (size_t k = 0; k < W->n; k++)
                    if (store[k] && !cl_race_distinct_elements(m, W->v[k], R->v[q])) {
                        add_hit(st, W->v[k], R->v[q]);
                        break;
                    }
            free(store);
        }
    }
}

/* In a program without main(): the stores of its API functions racing
 * with reads by threads other API functions left running (races.h). */
static void api_hits(cl013_state *st)
{
    for (size_t i = 0; i < st->recs.n; i++) {
        const cl_accrec *w = st->recs.v[i];
        if (st->m->threads.v[w->thread].entry != SIZE_MAX || !(flags(w) & CL_ACC_WRITE))
            continue; /* not a store of the root thread of a program without main() */
        for (size_t k = 0; k < st->recs.n; k++) {
            const cl_accrec *r = st->recs.v[k];
            if ((flags(r) & CL_ACC_READ) && cl_race_api_pair(st->m, w, r) && cl_race_volatile_store(st->m, w)) {
                add_hit(st, w, r);
            }
        }
    }
}

/* The object a record designates, for one finding per object: where its
 * volatile is declared, else its resolved path. */
static int cmp_object(const cl_accrec *a, const cl_accrec *b)
{
    const cl_loc *da = &a->ev->u.access.decl, *db = &b->ev->u.access.decl;
    if ((da->line != 0) != (db->line != 0))
        return da->line != 0 ? -1 : 1;
    if (da->line != 0)
        return cl_loc_cmp(da, db);
    return strcmp(a->path, b->path);
}

/* qsort order of hits: object, then those whose read is a test (the
 * message names one: the flag, not the data of one volatile struct), then
 * store and read in source order. */
static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    int c = cmp_object(&a->w, &b->w);
    if (c == 0 && (c = b->test - a->test) == 0 &&
        (c = cl_loc_cmp(&a->w.ev->loc, &b->w.ev->loc)) == 0 &&
        (c = cl_loc_cmp(&a->r.ev->loc, &b->r.ev->loc)) == 0 &&
        (c = (a->w.thread > b->w.thread) - (a->w.thread < b->w.thread)) == 0)
        c = (a->r.thread > b->r.thread) - (a->r.thread < b->r.thread);
    return c;
}

static const char *func_of(const cl_model *m, const cl_accrec *r)
{
    const char *fn = cl_model_frame_func(m, r->frame);
    return fn ? fn : "?";
}

/* Adds related locations for the distinct locations of the `w` (stores)
 * or `r` (reads) side of g[0..n), and the spawn sites of their threads. */
static void relate_side(cl_fb *b, const cl_model *m, const hit *g, size_t n, int reads)
{
    for (size_t i = 0; i < n; i++) {
        const cl_accrec *x = reads ? &g[i].r : &g[i].w;
        size_t j = 0;
        while (j < i && cl_loc_cmp(&(reads ? &g[j].r : &g[j].w)->ev->loc, &x->ev->loc) != 0)
            j++;
        if (j < i)
            continue;
        cl_fb_related(b, x->ev->loc, "%s '%s' in '%s'", reads ? "read of" : "store to",
                      x->ev->u.access.name, func_of(m, x));
        cl_fb_spawn_related(b, x->thread);
    }
}

/* Adds related locations for the stores of st->wstores to the object of
 * hits g[0..n) that are not among the hits' stores. */
static void relate_store_pairs(cl_fb *b, const cl013_state *st, const hit *g, size_t n)
{
    for (size_t i = 0; i < st->wstores.n; i++) {
        const cl_accrec *x = &st->wstores.v[i];
        int seen = cmp_object(x, &g[0].w) != 0;
        for (size_t j = 0; j < n && !seen; j++)
            seen = cl_loc_cmp(&g[j].w.ev->loc, &x->ev->loc) == 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = cl_loc_cmp(&st->wstores.v[j].ev->loc, &x->ev->loc) == 0 &&
                   cmp_object(&st->wstores.v[j], x) == 0;
        if (seen)
            continue;
        cl_fb_related(b, x->ev->loc, "store to '%s' in '%s'", x->ev->u.access.name, func_of(st->m, x));
        cl_fb_spawn_related(b, x->thread);
    }
}

/* Reports the object of hits g[0..n), n > 0: at its declaration, with the
 * first hit's store and read in the message. */
static void report(const cl013_state *st, cl_rule_ctx *ctx, const hit *g, size_t n)
{
    const cl_model *m = st->m;
    const cl_accrec *w = &g[0].w, *r = &g[0].r;
    const cl_loc *decl = &w->ev->u.access.decl;
    const char *name = w->ev->u.access.name;
    cl_fb *b = decl->file != NULL ? cl_fb_begin(ctx, m, *decl, NULL)
                                  : cl_fb_begin(ctx, m, w->ev->loc, func_of(m, w));
    cl_fb_message(b, "volatile '%s' is the only synchronization between threads: stored in '%s' "
                     "(%s) and read in '%s' (%s) with no common lock; volatile is not atomic and "
                     "orders no other memory: use _Atomic or atomic_store/atomic_load",
                  name, func_of(m, w), cl_fb_where(b, w->ev->loc), func_of(m, r),
                  cl_fb_where(b, r->ev->loc));
    cl_fb_key(b, "%s|volatile", name);
    relate_side(b, m, g, n, 0);
    relate_store_pairs(b, st, g, n);
    relate_side(b, m, g, n, 1);
    cl_fb_thread_flow(b, w->thread, w->frame, w->ev->loc, "stores to '%s'", name);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "reads '%s'", r->ev->u.access.name);
    cl_fb_emit(b);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    cl013_state *st = ctx->state;
    cl_access_classes(st->recs.v, st->recs.n, path_hits, st);
    api_hits(st);
    hit *g = st->hits.v;
    size_t n = st->hits.n;
    if (n > 1)
        qsort(g, n, sizeof *g, cmp_hit);
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && cmp_object(&g[hi].w, &g[lo].w) == 0; hi++)
            ;
        report(st, ctx, g + lo, hi - lo);
    }
    free(st->hits.v);
    free(st->wstores.v);
    free(st->recs.v);
    free(st);
    ctx->state = NULL;
}

const cl_rule cl013_volatile_as_sync = {
    .id = "CL013",
    .name = "volatile-as-sync",
    .short_desc = "A volatile object is used as the only synchronization between threads",
    .full_desc =
        "A volatile-qualified variable or member is stored to by one thread and read by "
        "another (a stop flag, a ready flag) with no common lock and nothing else ordering "
        "the two. volatile only keeps the compiler from caching the value: the accesses are "
        "a data race, not atomic, and they order no other memory, so data published behind "
        "the flag may be seen stale. Volatile counters updated by several threads are "
        "reported as data races by unguarded-shared-state (CL002) instead.",
    .help_md =
        "## volatile-as-sync (CL013)\n\n"
        "`volatile` tells the compiler that every access must happen, which is what "
        "memory-mapped registers and `sig_atomic_t` flags set by a signal handler on the "
        "same thread need. Between threads it is not enough: the accesses are a data race "
        "(C11 5.1.2.4p25), a read may see a torn value, and a store to a volatile flag does "
        "not make the writes before it visible to the thread that sees the flag.\n\n"
        "```c\n"
        "static volatile int stop;            /* reported here */\n"
        "void *worker(void *a) { while (!stop) serve(); return a; }\n"
        "void shutdown(void)   { stop = 1; }  /* another thread */\n"
        "```\n\n"
        "**Fix** make the flag `_Atomic` (`static atomic_int stop;`, or "
        "`atomic_store(&stop, 1)` / `atomic_load(&stop)`; `memory_order_release` on the "
        "store and `memory_order_acquire` on the load when the flag publishes other data), "
        "or guard it and the data with a mutex (a condition variable to wait on it).\n\n"
        "Reported once per object, at its declaration (where `_Atomic` goes), with the "
        "racing stores and reads as related locations. A volatile counter that several "
        "threads increment (`hits++`) is a lost-update race: unguarded-shared-state (CL002) "
        "reports it, since the fix is an atomic read-modify-write or a lock, not a flag. "
        "The race this rule reports is not reported again by CL002; with CL013 disabled, "
        "CL002 reports it.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "data-race", "correctness"),
    .cwe = CL_STRINGS("CWE-362", "CWE-667"),
    .precision = "high",
    .security_severity = "6.0",
    .points = CL_ON_ACCESS,
    .begin = begin,
    .on_access = on_access,
    .finish = finish,
    .subsumes = CL_STRINGS("CL002"),
};
