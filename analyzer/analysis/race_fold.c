/* race_fold.c - see race_fold.h. */
#include "analysis/race_fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whether `a` was picked over `b` only by cl_race_at_fault's tie-break. */
static int lock_tie(const cl_accrec *a, const cl_accrec *b)
{
    return cl_race_atomic(a) == cl_race_atomic(b) && a->nlocks == b->nlocks && a->nmay == b->nmay;
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

/* See race_fold.h. */
void cl_race_fold_init(const cl_model *m, cl_race_fold *f, const cl_race *race)
{
    memset(f, 0, sizeof *f);
    f->x = *race;
    const cl_race *x = &f->x;
    f->seen = *x;
    if (!x->self && !cl_race_writes(&x->a) && lock_tie(&x->a, &x->b) && !cl_race_taken(&x->b)) {
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
    f->flag = cl_race_volatile_flag(m, x);
}

static int cmp_size(size_t a, size_t b)
{
    return a < b ? -1 : a > b;
}

/* Orders folds by group (0 for the same group). */
static int cmp_group(const cl_race_fold *a, const cl_race_fold *b)
{
    int c;
    if ((c = cmp_size(a->owner, b->owner)) != 0)
        return c;
    size_t n = a->root_len < b->root_len ? a->root_len : b->root_len;
    if ((c = memcmp(a->root, b->root, n)) != 0 || (c = cmp_size(a->root_len, b->root_len)) != 0)
        return c;
    if ((c = cmp_size(a->entry_lo, b->entry_lo)) != 0 ||
        (c = cmp_size(a->entry_hi, b->entry_hi)) != 0)
        return c;
    return a->flag - b->flag;
}

/* The order of the races of one group: writes first, the anchor
 * function's own accesses first, source order of the anchor and of the
 * partner. */
static int cmp_member(const cl_race_fold *a, const cl_race_fold *b)
{
    int c;
    if ((c = cl_race_writes(&b->seen.a) - cl_race_writes(&a->seen.a)) != 0 ||
        (c = b->in_owner - a->in_owner) != 0)
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
    const cl_race_fold *a = x, *b = y;
    int c = cmp_group(a, b);
    return c != 0 ? c : cmp_member(a, b);
}

/* qsort order: by merged group, then member order. */
static int cmp_gid(const void *x, const void *y)
{
    const cl_race_fold *a = x, *b = y;
    int c = cmp_size(a->gid, b->gid);
    return c != 0 ? c : cmp_member(a, b);
}

/* Whether every race of g[0..n) is reported at the same access alone
 * (several paths of one access: a whole object and its members). */
static int same_access(const cl_race_fold *g, size_t n)
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
static size_t distinct_races(cl_race_fold *g, size_t n)
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
static size_t group_of(const cl_race_fold *g, const size_t *first, size_t ngroups,
                       const cl_race_fold *key)
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
static void merge_into_callers(const cl_race_fold *g, const size_t *first, size_t ngroups,
                               size_t *up)
{
    for (size_t k = 0; k < ngroups; k++)
        for (size_t i = first[k]; i < first[k + 1]; i++) {
            const cl_frame *caller = g[i].owner_frame->parent;
            if (caller == NULL || caller->parent == NULL)
                continue;
            cl_race_fold key = g[i];
            key.owner = caller->func;
            size_t j = group_of(g, first, ngroups, &key);
            if (j != SIZE_MAX)
                group_union(up, k, j);
        }
}

/* The access the group g[0..n) (in member order) is reported at: its
 * first anchor, or, when the group is one race reported alone
 * (cl_race_fold_groups), that race's access at fault. */
static const cl_accrec *reported_at(const cl_race_fold *g, size_t n)
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
    if (c != 0 || (c = cl_race_writes(a->at) - cl_race_writes(b->at)) != 0 ||
        (c = strcmp(a->at->ev->u.access.name, b->at->ev->u.access.name)) != 0)
        return c;
    return cmp_size(a->gid, b->gid);
}

/* Whether the race is seen from its partner (the anchor is the other
 * side's record, reached through whichever call chain came first). */
static int flipped(const cl_race_fold *f)
{
    return f->seen.a.ev != f->x.a.ev;
}

/* qsort order of fold pointers by race (anchor and partner locations),
 * then the race seen from its own access at fault first, then group. */
static int cmp_race_at(const void *x, const void *y)
{
    const cl_race_fold *a = *(const cl_race_fold *const *)x;
    const cl_race_fold *b = *(const cl_race_fold *const *)y;
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
static size_t one_fold_per_race(cl_race_fold *g, size_t n)
{
    const cl_race_fold **races = cl_xcalloc(n + 1, sizeof *races);
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
static void name_groups(cl_race_fold *g, size_t n, size_t *up, size_t *low, size_t ngroups)
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
static size_t merge_groups(cl_race_fold *g, size_t n)
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
    group_head *heads = cl_xcalloc(2 * ngroups + n + 1, sizeof *heads);
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
    /* Reads at fault in many functions against one write that holds the
     * lock they lack (a log level set under the configuration lock and
     * read by every logging call): one inconsistently guarded variable,
     * one finding, at the first read. Only groups made of such reads of
     * that one write merge so, not groups of updates that happen to
     * include one. */
    nheads = 0;
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        int reads_only = 1;
        for (hi = lo + 1; hi < n && g[hi].gid == g[lo].gid; hi++)
            ;
        for (size_t i = lo; i < hi && reads_only; i++)
            reads_only = !cl_race_writes(&g[i].seen.a) && g[i].seen.b.ev == g[lo].seen.b.ev;
        if (reads_only && cl_race_writes(&g[lo].seen.b) && g[lo].seen.b.nlocks > 0)
            heads[nheads++] = (group_head){ &g[lo].seen.b, g[lo].gid };
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


/* See race_fold.h. */
void cl_race_fold_groups(cl_race_fold *g, size_t n, void (*alone)(void *ctx, const cl_race *x),
                         void (*folded)(void *ctx, const cl_race_fold *g, size_t k), void *ctx)
{
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
            folded(ctx, g + lo, k);
        else
            alone(ctx, one_access ? &g[lo].x : &g[lo].seen);
    }
}
