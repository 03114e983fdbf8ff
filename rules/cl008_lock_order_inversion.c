/* cl008_lock_order_inversion.c - CL008 lock-order-inversion: two locks
 * taken in opposite orders by threads that may run at once.
 *
 * What it finds: a thread acquires lock B (a blocking lock or rdlock call)
 * while it holds lock A, and a thread that may run in parallel with it
 * (cl_model_calls_parallel: the create/join ordering, or two instances of
 * one multi thread) acquires A while it holds B. Each thread can take its
 * first lock and block on the other's: a deadlock. The locks may be taken
 * in different functions and translation units (the model's locksets
 * follow calls). Reported once per edge: at each inner acquisition (B
 * under A, and A under B), with the other order's site, the outer
 * acquisitions as related locations and a thread flow per thread.
 * Why: the deadlock needs an unlucky interleaving, so tests rarely see it.
 * Not flagged: nested trylocks (a trylock never waits: only blocking
 * acquisitions make edges, though a lock held from a trylock counts as
 * held); taking a lock the thread holds already (a recursive mutex
 * entered again); pairs taken under a common gate lock that both threads hold;
 * locks in shared (read) mode on both sides of one lock; threads that
 * cannot overlap (joined before the other starts); a function that takes
 * the two locks in both orders, in the alternatives of one branch (the
 * address-ordered `if (a < b) { lock a; lock b; } else { ... }`); the
 * same lock name twice (elements of one array by an unknown index, or a
 * recursive re-acquisition: double-lock's business); array elements by a
 * local index (`m[i]`), whose identity differs per call.
 * How: the edges are the model's lock call records and their must-locksets
 * (model.h); the rule pairs each edge with its reverse and asks the model
 * whether the two threads overlap.
 * Cycles of three locks (A->B, B->C, C->A) are reported too, at each
 * inner acquisition, when the three acquisitions may pairwise run at once
 * and no two share a gate lock or a shared mode; an acquisition already
 * reported for a cycle of two is not reported again.
 * Two elements of one lock array picked by two parameters of the function
 * taking them (`lock(&acct[from]); lock(&acct[to])`, both as received)
 * are a cycle between any two calls with the arguments swapped: reported
 * when two such acquisitions of that array may run at once, without a
 * gate lock or a test ordering them (element_pairs).
 * Limits: no cycles longer than three locks; locks are
 * the model's resolved names, so two objects reached through unrelated
 * paths are two locks (a per-object lock reached as `c->lock` in one
 * thread and as `pool_head->lock` in another is found only when the
 * model resolves both to one name); a branch that picks one order by
 * anything but the locks' addresses is taken as address ordering.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/lock_names.h"
#include "analysis/shape.h"
#include "model/model.h"
#include "rule.h"

/* B acquired (record `r`) while A is held. */
typedef struct edge {
    size_t from, to;          /* A, B (lock ids) */
    size_t cfrom, cto;        /* their groups (state.group) */
    const cl_callrec *r;
    unsigned from_shared : 1, to_shared : 1;
} edge;

typedef struct state {
    struct { edge *v; size_t n, cap; } edges;
    /* Two elements of one lock array, each picked by a parameter
     * (param_elements): not an edge between two locks, but between any
     * two elements the callers name. */
    struct { edge *v; size_t n, cap; } elems;
    /* Per lock id: its group, the same for a class lock ("?.lock") and
     * every lock of that class ("pool_head->.lock"); the others are their
     * own group. Filled in `finish`. */
    size_t *group;
} state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(state));
}

/* Locks that name one object, or a class of them (model.h), and are
 * not counting semaphores (model.h sem_locks). */
static int plain_lock(const cl_model *m, size_t lock)
{
    unsigned k = lock < m->lock_kind.n ? m->lock_kind.v[lock] : 0;
    return (k == 0 || k == CL_LOCKNAME_CLASS) &&
           !cl_ids_contains(m->sem_locks.v, m->sem_locks.n, lock);
}

/* Whether locks x and y may be one lock (lock_names.h). */
static int same_lock(const cl_model *m, const state *s, size_t x, size_t y)
{
    return cl_lock_may_be_same(m, s->group, x, y);
}

/* Fills s->group (lock_names.h) and each edge's groups. */
static void group_locks(const cl_model *m, state *s)
{
    s->group = cl_lock_names_new(m);
    for (size_t i = 0; i < s->edges.n; i++) {
        s->edges.v[i].cfrom = s->group[s->edges.v[i].from];
        s->edges.v[i].cto = s->group[s->edges.v[i].to];
    }
}

/* The length of resolved lock name `name` before its first subscript by
 * a variable or an unknown index ("G<usr>acct" of "G<usr>acct[$..].lock"),
 * or 0: the array part two elements of one lock array share. */
static size_t array_part(const char *name)
{
    const char *sym = strstr(name, "[$"), *unk = strstr(name, "[?]");
    const char *open = sym == NULL || (unk != NULL && unk < sym) ? unk : sym;
    return open != NULL ? (size_t)(open - name) : 0;
}

/* The subscript token of acquisition `r` when its lock, as the source of
 * the function taking it spells it, is an element of a lock array picked
 * once by a parameter as that function received it (`&acct[from].lock`:
 * "$L<fn>#from@12!0", `len` bytes); else NULL. */
static const char *param_subscript(const cl_model *m, const cl_callrec *r, size_t *len)
{
    const cl_value *v = r != NULL ? cl_call_arg(r->ev, r->spec->obj) : NULL;
    const char *ip = v != NULL && v->kind == CL_VAL_ADDR ? v->ipath : NULL;
    const char *open = ip != NULL ? strstr(ip, "[$") : NULL;
    const char *close = open != NULL ? strchr(open, ']') : NULL;
    if (close == NULL || strchr(close, '[') != NULL || strchr(ip, '[') != open)
        return NULL;
    *len = (size_t)(close - open - 1);
    return cl_token_param_func(&m->cg, open + 1, *len) != SIZE_MAX ? open + 1 : NULL;
}

/* Whether inner acquisition `r` takes, while holding `held`, another
 * element of the same lock array, the two picked by two different
 * parameters (`lock(&acct[from]); lock(&acct[to])` in transfer(from,
 * to)): which two, and in which order, is up to the callers. */
/* Whether resolved lock names a and b are elements of one array
 * (array_part). */
static int same_array(const char *a, const char *b)
{
    size_t na = array_part(a);
    return na > 0 && array_part(b) == na && memcmp(a, b, na) == 0;
}

static int param_elements(const cl_model *m, const cl_callrec *r, size_t held)
{
    if (!same_array(m->lock_names.v[held], m->lock_names.v[r->lock]))
        return 0;
    size_t la = 0, lb = 0;
    const char *ta = param_subscript(m, cl_model_lock_site(m, r, held), &la);
    const char *tb = param_subscript(m, r, &lb);
    return ta != NULL && tb != NULL && (la != lb || memcmp(ta, tb, la) != 0) &&
           strcmp(ta + la, tb + lb) == 0;
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    state *s = ctx->state;
    if (r->lock == SIZE_MAX || r->spec->kind == CL_CK_TRYLOCK)
        return;
    for (size_t i = 0; i < r->nlocks; i++)
        if (param_elements(m, r, r->locks[i].lock)) {
            edge e = { r->locks[i].lock, r->lock, 0, 0, r,
                       (r->locks[i].mode & CL_LOCK_SHARED) != 0, r->spec->kind == CL_CK_RDLOCK };
            CL_VEC_PUSH(&s->elems, e);
        }
    if (!plain_lock(m, r->lock))
        return;
    /* Taking a lock the thread holds already (a recursive mutex entered
     * again, or a double lock: CL006) orders nothing: it waits for no one. */
    if (cl_lockref_find(r->locks, r->nlocks, r->lock) != NULL)
        return;
    for (size_t i = 0; i < r->nlocks; i++) {
        if (r->locks[i].lock == r->lock || !plain_lock(m, r->locks[i].lock) ||
            (cl_lock_is_class(m, r->lock) && cl_lock_is_class(m, r->locks[i].lock)))
            continue;
        edge e = { r->locks[i].lock, r->lock, 0, 0, r,
                   (r->locks[i].mode & CL_LOCK_SHARED) != 0, r->spec->kind == CL_CK_RDLOCK };
        CL_VEC_PUSH(&s->edges, e);
    }
}

static int edge_cmp(const void *pa, const void *pb)
{
    const edge *a = pa, *b = pb;
    if (a->cfrom != b->cfrom)
        return a->cfrom < b->cfrom ? -1 : 1;
    if (a->cto != b->cto)
        return a->cto < b->cto ? -1 : 1;
    int c = cl_loc_cmp(&a->r->ev->loc, &b->r->ev->loc);
    return c ? c : (a->r->thread > b->r->thread) - (a->r->thread < b->r->thread);
}

/* The mode `lock` is held in by record `r`: 1 exclusive, 2 shared, 0 not. */
static int held(const cl_model *m, const state *s, const cl_callrec *r, size_t lock)
{
    for (size_t i = 0; i < r->nlocks; i++)
        if (same_lock(m, s, r->locks[i].lock, lock))
            return (r->locks[i].mode & CL_LOCK_SHARED) ? 2 : 1;
    return 0;
}

/* A gate: a third lock both hold, not both in shared mode. */
static int gated(const cl_model *m, const state *s, const edge *e, const edge *f)
{
    for (size_t i = 0; i < e->r->nlocks; i++) {
        size_t g = e->r->locks[i].lock;
        int other = held(m, s, f->r, g);
        if (!same_lock(m, s, g, e->from) && !same_lock(m, s, g, e->to) && other &&
            !(other == 2 && (e->r->locks[i].mode & CL_LOCK_SHARED)))
            return 1;
    }
    return 0;
}

/* Whether edge `e` is one side of a test that picks the order (address
 * ordering): its thread also takes the locks the other way round in the
 * same function, in another alternative of one branch (rev[0..n): the
 * edges of the reverse order). */
static int ordered_by_test(const cl_model *m, const edge *e, const edge *rev, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (rev[i].r->thread == e->r->thread && rev[i].r->frame->func == e->r->frame->func &&
            cl_shape_split_by_branch(&m->cg, e->r->ev, rev[i].r->ev))
            return 1;
    return 0;
}

/* Whether edges e (A->B) and f (B->A) make a deadlock. */
static int inverts(const cl_model *m, const state *s, const edge *e, const edge *f)
{
    if (!same_lock(m, s, e->from, f->to) || !same_lock(m, s, e->to, f->from))
        return 0;
    if ((e->to_shared && f->from_shared) || (f->to_shared && e->from_shared))
        return 0; /* readers do not exclude each other */
    return !gated(m, s, e, f) && cl_model_calls_parallel(m, e->r, f->r);
}

/* Distinct inner acquisition sites of edges[i..j) (sorted by location). */
static size_t sites(const edge *v, size_t i, size_t j)
{
    size_t n = 0;
    for (size_t k = i; k < j; k++)
        n += k == i || cl_loc_cmp(&v[k].r->ev->loc, &v[k - 1].r->ev->loc) != 0;
    return n;
}

/* The lock of acquisition `r` as the source spells it ("c->lock"; not
 * "locks[]" when the name has the elements: "locks[2]"), else its
 * resolved name, else (lock `lock` held from elsewhere) its name. */
static const char *lock_text(const cl_model *m, const cl_callrec *r, size_t lock)
{
    const cl_value *v = r ? cl_call_arg(r->ev, r->spec->obj) : NULL;
    if (v != NULL && v->kind == CL_VAL_ADDR && v->name != NULL &&
        !cl_model_lock_has_constant_index(m, lock, v->name))
        return v->name;
    const char *name = m->lock_names.v[lock];
    return name[0] == '?' ? name : cl_model_path_display(m, name);
}

/* The texts of locks v[0..n) for one message, into t[0..n): as the
 * acquisitions r[0..n) spell them (lock_text), or, when two spellings
 * are one text (a lock wrapper's `&l->m`, taken for every lock), by
 * their resolved names. */
static void lock_texts(const cl_model *m, const cl_callrec *const *r, const size_t *v, size_t n,
                       const char **t)
{
    int same = 0;
    for (size_t i = 0; i < n; i++) {
        t[i] = lock_text(m, r[i], v[i]);
        for (size_t j = 0; j < i; j++)
            same |= strcmp(t[i], t[j]) == 0;
    }
    for (size_t i = 0; i < n && same; i++)
        t[i] = lock_text(m, NULL, v[i]);
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const edge *e,
                   const edge *f, const edge *canon)
{
    const cl_callrec *o = cl_model_lock_site(m, e->r, e->from);
    const cl_callrec *fo = cl_model_lock_site(m, f->r, f->from);
    const cl_callrec *sites[2] = { o, e->r };
    size_t locks[2] = { e->from, e->to };
    const char *t[2];
    lock_texts(m, sites, locks, 2, t);
    const char *a = t[0], *bn = t[1];
    cl_fb *b = cl_fb_begin(ctx, m, e->r->ev->loc, cl_model_frame_func(m, e->r->frame));
    const char *there = cl_fb_where(b, f->r->ev->loc);
    const char *who = cl_model_thread_name(m, f->r->thread);
    if (canon == e)
        cl_fb_message(b, "'%s' is taken while '%s' is held, but %s takes them in the opposite "
                      "order at %s (potential deadlock); take '%s' before '%s' everywhere, as "
                      "here", bn, a, who, there, a, bn);
    else
        cl_fb_message(b, "'%s' is taken while '%s' is held, but %s takes them in the opposite "
                      "order at %s (potential deadlock); take '%s' before '%s' everywhere, as "
                      "in %s", bn, a, who, there, bn, a, cl_fb_where(b, canon->r->ev->loc));
    cl_fb_key(b, "order|%s|%s", a, bn);
    if (o != NULL)
        cl_fb_related(b, o->ev->loc, "'%s' taken here", a);
    cl_fb_related(b, f->r->ev->loc, "'%s' taken while '%s' is held, the opposite order", a, bn);
    if (fo != NULL)
        cl_fb_related(b, fo->ev->loc, "'%s' taken here", bn);
    cl_fb_thread_flow(b, e->r->thread, e->r->frame, e->r->ev->loc, "takes '%s' while holding '%s'",
                      bn, a);
    cl_fb_thread_flow(b, f->r->thread, f->r->frame, f->r->ev->loc, "takes '%s' while holding '%s'",
                      a, bn);
    cl_fb_emit(b);
}

/* The first edge of v[0..n) (sorted by edge_cmp) whose groups are (kf, kt)
 * or after them. */
static size_t first_edge(const edge *v, size_t n, size_t kf, size_t kt)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].cfrom < kf || (v[mid].cfrom == kf && v[mid].cto < kt))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether edges a (A->B), b (B->C) and c (C->A) over three distinct
 * locks make a deadlock: exclusive on every side, no gate lock shared by
 * two of them, the three acquisitions pairwise able to run at once. */
static int cycle3(const cl_model *m, const state *s, const edge *a, const edge *b, const edge *c)
{
    const edge *e[3] = { a, b, c };
    for (int i = 0; i < 3; i++)
        if (e[i]->from_shared || e[i]->to_shared)
            return 0;
    if (same_lock(m, s, a->from, b->to) || same_lock(m, s, a->to, c->from) ||
        same_lock(m, s, b->from, c->to))
        return 0;
    for (int i = 0; i < 3; i++) {
        const edge *x = e[i], *y = e[(i + 1) % 3];
        if (gated(m, s, x, y) || gated(m, s, y, x) || !cl_model_calls_parallel(m, x->r, y->r))
            return 0;
    }
    return 1;
}

static void report3(const cl_model *m, cl_rule_ctx *ctx, const edge *e[3], int at)
{
    const edge *x = e[at], *y = e[(at + 1) % 3], *z = e[(at + 2) % 3];
    const cl_callrec *o = cl_model_lock_site(m, x->r, x->from);
    const cl_callrec *sites[3] = { o, x->r, y->r };
    size_t locks[3] = { x->from, x->to, y->to };
    const char *t[3];
    lock_texts(m, sites, locks, 3, t);
    const char *a = t[0], *bn = t[1], *cn = t[2];
    cl_fb *b = cl_fb_begin(ctx, m, x->r->ev->loc, cl_model_frame_func(m, x->r->frame));
    const char *ys = cl_fb_where(b, y->r->ev->loc);
    const char *zs = cl_fb_where(b, z->r->ev->loc);
    cl_fb_message(b, "'%s' is taken while '%s' is held; %s takes '%s' while holding '%s' at %s "
                     "and %s takes '%s' while holding '%s' at %s: the three orders form a "
                     "cycle (potential deadlock); take '%s', '%s' and '%s' in one order "
                     "everywhere",
                  bn, a, cl_model_thread_name(m, y->r->thread), cn, bn, ys,
                  cl_model_thread_name(m, z->r->thread), a, cn, zs, a, bn, cn);
    cl_fb_key(b, "cycle|%s|%s|%s", a, bn, cn);
    if (o != NULL)
        cl_fb_related(b, o->ev->loc, "'%s' taken here", a);
    cl_fb_related(b, y->r->ev->loc, "'%s' taken while '%s' is held", cn, bn);
    cl_fb_related(b, z->r->ev->loc, "'%s' taken while '%s' is held", a, cn);
    for (int i = 0; i < 3; i++)
        cl_fb_thread_flow(b, e[(at + i) % 3]->r->thread, e[(at + i) % 3]->r->frame,
                          e[(at + i) % 3]->r->ev->loc, "takes '%s' while holding '%s'",
                          lock_text(m, e[(at + i) % 3]->r, e[(at + i) % 3]->to),
                          lock_text(m, NULL, e[(at + i) % 3]->from));
    cl_fb_emit(b);
}

/* Cycles of three locks: edges A->B, B->C and C->A (cycle3), found from
 * the edge whose first group is the smallest of the three; each edge is
 * reported once, at its inner acquisition, for the first cycle it is in,
 * and not when a cycle of two locks reported it already (done[i] set:
 * one acquisition, one finding; its fix is the same). */
static void three_cycles(const cl_model *m, cl_rule_ctx *ctx, const state *s,
                         unsigned char *done)
{
    const edge *v = s->edges.v;
    size_t n = s->edges.n;
    for (size_t i = 0; i < n; i++) {
        const edge *a = &v[i];
        if (a->cfrom >= a->cto)
            continue;
        int found = 0;
        for (size_t j = first_edge(v, n, a->cto, 0); j < n && v[j].cfrom == a->cto && !found; j++) {
            const edge *b = &v[j];
            if (b->cto <= a->cfrom || b->cto == b->cfrom)
                continue;
            for (size_t k = first_edge(v, n, b->cto, a->cfrom);
                 k < n && v[k].cfrom == b->cto && v[k].cto == a->cfrom && !found; k++) {
                const edge *e[3] = { a, b, &v[k] };
                if (!cycle3(m, s, a, b, &v[k]))
                    continue;
                found = 1;
                size_t idx[3] = { i, j, k };
                for (int t = 0; t < 3; t++)
                    if (!done[idx[t]]) {
                        done[idx[t]] = 1;
                        report3(m, ctx, e, t);
                    }
            }
        }
    }
}

/* Lock `lock` as acquisition `r` spells it, with the variable that
 * picks the element there ("acct[to].lock" for "acct[].lock"), into
 * buf[size]. */
static const char *element_text(const cl_model *m, const cl_callrec *r, size_t lock, char *buf,
                                size_t size)
{
    const char *text = lock_text(m, r, lock), *sub = strstr(text, "[]");
    size_t len = 0;
    const char *tok = param_subscript(m, r, &len);
    const char *hash = tok != NULL ? memchr(tok, '#', len) : NULL;
    const char *at = hash != NULL ? memchr(hash, '@', len - (size_t)(hash - tok)) : NULL;
    if (sub == NULL || at == NULL)
        return text;
    snprintf(buf, size, "%.*s[%.*s]%s", (int)(sub - text), text, (int)(at - hash - 1), hash + 1,
             sub + 2);
    return buf;
}

static void report_elements(const cl_model *m, cl_rule_ctx *ctx, const edge *e, const edge *f)
{
    const cl_callrec *o = cl_model_lock_site(m, e->r, e->from);
    char abuf[256], bbuf[256];
    const char *a = element_text(m, o, e->from, abuf, sizeof abuf);
    const char *bn = element_text(m, e->r, e->to, bbuf, sizeof bbuf);
    cl_fb *b = cl_fb_begin(ctx, m, e->r->ev->loc, cl_model_frame_func(m, e->r->frame));
    const char *who = cl_model_thread_name(m, f->r->thread);
    if (f->r == e->r)
        cl_fb_message(b, "'%s' is taken while '%s' is held: two elements of one lock array "
                      "picked by the caller's arguments, and another instance of %s may take "
                      "the same two the other way round (a call with the arguments swapped: "
                      "potential deadlock); take the element with the lower index first",
                      bn, a, who);
    else
        cl_fb_message(b, "'%s' is taken while '%s' is held: two elements of one lock array "
                      "picked by the caller's arguments, and %s may take the same two the "
                      "other way round at %s (a call with the arguments swapped: potential "
                      "deadlock); take the element with the lower index first",
                      bn, a, who, cl_fb_where(b, f->r->ev->loc));
    cl_fb_key(b, "order|%s|%s", a, bn);
    if (o != NULL)
        cl_fb_related(b, o->ev->loc, "'%s' taken here", a);
    if (f->r->ev != e->r->ev)
        cl_fb_related(b, f->r->ev->loc, "another element taken while one is held");
    cl_fb_thread_flow(b, e->r->thread, e->r->frame, e->r->ev->loc, "takes '%s' while holding '%s'",
                      bn, a);
    if (f->r != e->r)
        cl_fb_thread_flow(b, f->r->thread, f->r->frame, f->r->ev->loc,
                          "takes one element while holding another");
    cl_fb_emit(b);
}

/* Pairs of elements of one lock array picked by parameters (elems): one
 * deadlocks with any such pair of the same array that may run at the
 * same time (itself in another thread instance, with the arguments
 * swapped), unless a common lock gates both, both are taken in shared
 * mode, or the function orders the two by a test (the other order in
 * another alternative of one branch: `if (from < to)`). Reported once per
 * inner acquisition. */
static void element_pairs(const cl_model *m, cl_rule_ctx *ctx, const state *s)
{
    const edge *v = s->elems.v;
    size_t n = s->elems.n;
    for (size_t i = 0; i < n; i++) {
        const edge *e = &v[i];
        int ordered = 0;
        for (size_t j = 0; j < n && !ordered; j++)
            ordered = v[j].from == e->to && v[j].to == e->from && ordered_by_test(m, e, &v[j], 1);
        for (size_t j = 0; j < n && !ordered; j++) {
            const edge *f = &v[j];
            if (!same_array(m->lock_names.v[e->to], m->lock_names.v[f->to]) ||
                (e->to_shared && f->from_shared) || (f->to_shared && e->from_shared) ||
                gated(m, s, e, f) || !cl_model_calls_parallel(m, e->r, f->r))
                continue;
            report_elements(m, ctx, e, f);
            break;
        }
    }
}

/* Pairs each edge A->B with the reverse edges B->A; the order with more
 * sites (the first site on a tie) is the one the messages recommend. */
static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    state *s = ctx->state;
    edge *v = s->edges.v;
    size_t n = s->edges.n;
    group_locks(m, s);
    if (n > 0)
        qsort(v, n, sizeof *v, edge_cmp);
    unsigned char *done = cl_xcalloc(n + 1, 1); /* edges reported */
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && v[j].cfrom == v[i].cfrom && v[j].cto == v[i].cto; j++)
            ;
        /* Two locks of one class (a list's node locks taken hand over
         * hand) have no order a class can tell. */
        if (v[i].cfrom == v[i].cto)
            continue;
        size_t kf = v[i].cto, kt = v[i].cfrom, ri = first_edge(v, n, kf, kt), rj;
        for (rj = ri; rj < n && v[rj].cfrom == kf && v[rj].cto == kt; rj++)
            ;
        size_t mine = sites(v, i, j), theirs = sites(v, ri, rj);
        const edge *canon = NULL;
        if (ri < rj)
            canon = mine > theirs || (mine == theirs && cl_loc_cmp(&v[i].r->ev->loc,
                                                                   &v[ri].r->ev->loc) < 0)
                        ? &v[i] : &v[ri];
        for (size_t k = i; k < j; k++) {
            if (ri == rj || ordered_by_test(m, &v[k], v + ri, rj - ri))
                continue;
            for (size_t l = ri; l < rj; l++)
                if (inverts(m, s, &v[k], &v[l]) && !ordered_by_test(m, &v[l], v + i, j - i)) {
                    report(m, ctx, &v[k], &v[l], canon->cfrom == v[k].cfrom ? &v[k] : canon);
                    done[k] = 1;
                    break;
                }
        }
    }
    three_cycles(m, ctx, s, done);
    free(done);
    element_pairs(m, ctx, s);
    free(s->elems.v);
    free(s->edges.v);
    free(s->group);
    free(s);
}

const cl_rule cl008_lock_order_inversion = {
    .id = "CL008",
    .name = "lock-order-inversion",
    .short_desc = "Locks are taken in opposite orders by threads that may run in parallel "
                  "(potential deadlock)",
    .full_desc =
        "One thread acquires lock B while holding lock A, and another thread that may run at "
        "the same time acquires A while holding B, in the same or other functions and files. "
        "When each takes its first lock, both block forever on the second. Trylocks, pairs "
        "taken under a common gate lock, read locks on both sides, threads ordered by "
        "create/join and address-ordered locking are not findings. Two elements of one lock "
        "array picked by the function's parameters (a transfer from account a to account b) "
        "are taken in whatever order the callers pass: reported when two such calls may run "
        "at once.",
    .help_md =
        "## lock-order-inversion (CL008)\n\n"
        "A deadlock needs two threads and two locks taken in opposite orders:\n\n"
        "```c\n"
        "/* conn.c, request threads */          /* pool.c, reaper thread */\n"
        "pthread_mutex_lock(&c->lock);          pthread_mutex_lock(&pool_lock);\n"
        "pthread_mutex_lock(&pool_lock);        pthread_mutex_lock(&c->lock);\n"
        "```\n\n"
        "If each thread gets its first lock, both wait for the other forever. It happens "
        "rarely, under load, and tests seldom see it.\n\n"
        "**Fix**: choose one order and take the locks in that order everywhere (the message "
        "names a site that already does); or release the first lock before taking the "
        "second; or use `pthread_mutex_trylock` for the inner lock and back off when it "
        "fails; or take both under one gate lock. For two objects of one kind (two "
        "accounts), order by address: `if (a < b) { lock(a); lock(b); } else { lock(b); "
        "lock(a); }`; for two elements of one lock array, lower index first.\n\n"
        "Reported once per edge, at the inner acquisition, with the opposite order as a "
        "related location and a thread flow per thread. Cycles of two and of three locks "
        "(A->B, B->C, C->A in three threads) are found, and locks are named by the paths they "
        "are reached through.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "deadlock", "correctness"),
    .cwe = CL_STRINGS("CWE-833"),
    .precision = "high",
    .security_severity = "5.5",
    .points = CL_ON_CALL,
    .call_kinds = CL_KIND_BIT(CL_CK_LOCK) | CL_KIND_BIT(CL_CK_RDLOCK) |
                  CL_KIND_BIT(CL_CK_TRYLOCK),
    .begin = begin,
    .on_call = on_call,
    .finish = finish,
};
