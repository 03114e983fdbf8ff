/* access_classes.c - see access_classes.h. */
#include "analysis/access_classes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/intern.h"

static int flag(const cl_accrec *r, unsigned f)
{
    return (r->ev->u.access.flags & f) != 0;
}

/* A record and the sort key of sort_by_path: the ranks of its path and
 * of its file among the distinct ones (by strcmp), its line, column and
 * thread; comparing the key orders as strcmp on path and file would. */
typedef struct ranked {
    const cl_accrec *r;
    size_t rank, file;
    uint32_t line, col;
    size_t thread;
} ranked;

/* A distinct string address and its first-seen id (rank_strings). */
typedef struct named {
    const char *s;
    size_t id;
} named;

static int cmp_named(const void *x, const void *y)
{
    return strcmp(((const named *)x)->s, ((const named *)y)->s);
}

static int cmp_ranked(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->file != b->file)
        return a->file < b->file ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->thread < b->thread ? -1 : a->thread > b->thread;
}

/* Ranks the strings s(v[i]) for i in [0, n): out[i] is the rank of
 * s(v[i]) among the distinct strings in strcmp order. The strings are
 * told apart by address first (most records share their path's and
 * file's string), so strcmp runs only to sort the distinct addresses. */
static void rank_strings(const cl_accrec **v, size_t n, const char *(*s)(const cl_accrec *),
                         size_t *out)
{
    cl_blobmap ids;
    memset(&ids, 0, sizeof ids);
    cl_arena keys;
    memset(&keys, 0, sizeof keys);
    const char **distinct = cl_xcalloc(n, sizeof *distinct);
    size_t nd = 0;
    for (size_t i = 0; i < n; i++) {
        const char *k = s(v[i]);
        int added;
        cl_blobent *e = cl_blob_lookup(&ids, &keys, &k, sizeof k, &added);
        if (added) {
            e->val = nd;
            distinct[nd++] = k;
        }
        out[i] = e->val;
    }
    named *order = cl_xcalloc(nd + 1, sizeof *order);
    for (size_t k = 0; k < nd; k++)
        order[k] = (named){ distinct[k], k };
    qsort(order, nd, sizeof *order, cmp_named);
    size_t *rank = cl_xcalloc(nd + 1, sizeof *rank);
    for (size_t k = 0, r = 0; k < nd; k++) {
        if (k > 0 && strcmp(order[k - 1].s, order[k].s) != 0)
            r++;
        rank[order[k].id] = r;
    }
    for (size_t i = 0; i < n; i++)
        out[i] = rank[out[i]];
    free(rank);
    free(order);
    free(distinct);
    cl_arena_release(&keys);
    cl_blob_release(&ids);
}

static const char *path_of(const cl_accrec *r)
{
    return r->path;
}

static const char *file_of(const cl_accrec *r)
{
    return r->ev->loc.file ? r->ev->loc.file : "";
}

/* Sorts v[0..n) by path, then source location (cl_loc_cmp's order), then
 * thread, comparing integer keys (rank_strings) instead of strings. */
static void sort_by_path(const cl_accrec **v, size_t n)
{
    if (n < 2)
        return;
    size_t *path = cl_xcalloc(n, sizeof *path), *file = cl_xcalloc(n, sizeof *file);
    rank_strings(v, n, path_of, path);
    rank_strings(v, n, file_of, file);
    ranked *rv = cl_xcalloc(n, sizeof *rv);
    for (size_t i = 0; i < n; i++)
        rv[i] = (ranked){ v[i], path[i], file[i], v[i]->ev->loc.line, v[i]->ev->loc.col,
                          v[i]->thread };
    qsort(rv, n, sizeof *rv, cmp_ranked);
    for (size_t i = 0; i < n; i++)
        v[i] = rv[i].r;
    free(rv);
    free(file);
    free(path);
}

static int cmp_ids(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    for (size_t i = 0; i < na && i < nb; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return na < nb ? -1 : na > nb;
}

/* Orders records by class; 0 for the same class. */
static int class_cmp(const cl_accrec *a, const cl_accrec *b)
{
    if (a->thread != b->thread)
        return a->thread < b->thread ? -1 : 1;
    int c;
    if ((c = flag(a, CL_ACC_WRITE) - flag(b, CL_ACC_WRITE)) != 0 ||
        (c = flag(a, CL_ACC_ATOMIC) - flag(b, CL_ACC_ATOMIC)) != 0 ||
        (c = flag(a, CL_ACC_TAKEN) - flag(b, CL_ACC_TAKEN)) != 0 ||
        (c = (int)a->per_instance - (int)b->per_instance) != 0 ||
        (c = (int)a->own_index - (int)b->own_index) != 0 ||
        (c = (int)a->pinned - (int)b->pinned) != 0)
        return c;
    if (a->pin != b->pin)
        return a->pin < b->pin ? -1 : 1;
    if (a->nlocks != b->nlocks)
        return a->nlocks < b->nlocks ? -1 : 1;
    for (size_t i = 0; i < a->nlocks; i++) {
        if (a->locks[i].lock != b->locks[i].lock)
            return a->locks[i].lock < b->locks[i].lock ? -1 : 1;
        if (a->locks[i].mode != b->locks[i].mode)
            return a->locks[i].mode < b->locks[i].mode ? -1 : 1;
    }
    if ((c = cmp_ids(a->may, a->nmay, b->may, b->nmay)) != 0 ||
        (c = cmp_ids(a->live, a->nlive, b->live, b->nlive)) != 0 ||
        (c = cmp_ids(a->sync->acq, a->sync->nacq, b->sync->acq, b->sync->nacq)) != 0 ||
        (c = cmp_ids(a->sync->rel, a->sync->nrel, b->sync->rel, b->sync->nrel)) != 0 ||
        (c = cmp_ids(a->sync->tok, a->sync->ntok, b->sync->tok, b->sync->ntok)) != 0)
        return c;
    return a->barrier_phase - b->barrier_phase;
}

/* qsort order: by class, then source location. */
static int cmp_class(const void *x, const void *y)
{
    const cl_accrec *a = *(const cl_accrec *const *)x, *b = *(const cl_accrec *const *)y;
    int c = class_cmp(a, b);
    return c != 0 ? c : cl_loc_cmp(&a->ev->loc, &b->ev->loc);
}

/* Does path `q` name a member or element of the object at the path `p`
 * of length `n` ("Gs.count", "Gbuf[]" under "Gs", "Gbuf")? What a pointer
 * in it points to ("Gp->" under "Gp", "Gl->.head->.next" under "Gl->") is
 * another object. */
static int under(const char *q, const char *p, size_t n)
{
    return strncmp(q, p, n) == 0 && (q[n] == '.' || q[n] == '[') && strstr(q + n, "->") == NULL;
}

/* A record of a whole object (CL_ACC_WHOLE: memset(&s, ...), memcpy into
 * a buffer, free(p)) touches every member and element of it: `v` (sorted
 * by path) gets a copy of it under every longer path of another record
 * below it, so that it meets their records in one group. The copies are
 * in *copies (caller frees); returns the new array of records (caller
 * frees) and its length in *nout. */
static const cl_accrec **spread_whole(const cl_accrec **v, size_t n, cl_accrec **copies,
                                      size_t *nout)
{
    /* The paths below each whole record's path, found once per distinct
     * path (v is sorted: records of one path are next to each other). */
    struct { const char **v; size_t n, cap; } below = { NULL, 0, 0 };
    const char *below_of = NULL;
    struct { cl_accrec *v; size_t n, cap; } made = { NULL, 0, 0 };
    for (size_t i = 0; i < n; i++) {
        if (!flag(v[i], CL_ACC_WHOLE))
            continue;
        const char *p = v[i]->path;
        if (below_of == NULL || strcmp(below_of, p) != 0) {
            below_of = p;
            below.n = 0;
            size_t len = strlen(p), j = i;
            while (j > 0 && strcmp(v[j - 1]->path, p) == 0)
                j--;
            for (const char *last = p; j < n && strncmp(v[j]->path, p, len) == 0; j++) {
                if (v[j]->path == last || strcmp(v[j]->path, last) == 0 || !under(v[j]->path, p, len))
                    continue;
                last = v[j]->path;
                CL_VEC_PUSH(&below, last);
            }
        }
        for (size_t k = 0; k < below.n; k++) {
            cl_accrec c = *v[i];
            c.path = below.v[k];
            CL_VEC_PUSH(&made, c);
        }
    }
    free(below.v);
    *copies = made.v;
    const cl_accrec **all = cl_xcalloc(n + made.n + 1, sizeof *all);
    if (n > 0)
        memcpy(all, v, n * sizeof *v);
    for (size_t k = 0; k < made.n; k++)
        all[n + k] = &made.v[k];
    *nout = n + made.n;
    return all;
}

static int cmp_path(const cl_accrec *a, const cl_accrec *b)
{
    int c = strcmp(a->path, b->path);
    if (c == 0)
        c = cl_loc_cmp(&a->ev->loc, &b->ev->loc);
    return c != 0 ? c : a->thread < b->thread ? -1 : a->thread > b->thread;
}

/* v[0..nv) is sorted by path (sort_by_path), v[nv..n) are the copies
 * spread_whole added: sorts those and merges them in, so the whole is
 * sorted without sorting the records again. */
static void merge_copies(const cl_accrec **v, size_t nv, size_t n)
{
    sort_by_path(v + nv, n - nv);
    const cl_accrec **out = cl_xcalloc(n, sizeof *out);
    size_t i = 0, j = nv, k = 0;
    while (i < nv || j < n)
        out[k++] = j == n || (i < nv && cmp_path(v[i], v[j]) <= 0) ? v[i++] : v[j++];
    memcpy(v, out, n * sizeof *v);
    free(out);
}

void cl_access_classes(const cl_accrec **v, size_t n,
                       void (*visit)(void *ctx, const cl_acc_class *cls, size_t ncls), void *ctx)
{
    struct { cl_acc_class *v; size_t n, cap; } classes = { NULL, 0, 0 };
    sort_by_path(v, n);
    cl_accrec *copies = NULL;
    size_t nv = n;
    const cl_accrec **all = spread_whole(v, n, &copies, &n);
    v = all;
    if (copies != NULL)
        merge_copies(v, nv, n);
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        hi = lo + 1;
        while (hi < n && (v[hi]->path == v[lo]->path || strcmp(v[hi]->path, v[lo]->path) == 0))
            hi++;
        qsort(v + lo, hi - lo, sizeof *v, cmp_class);
        classes.n = 0;
        for (size_t i = lo; i < hi; i++) {
            if (classes.n > 0 && class_cmp(classes.v[classes.n - 1].v[0], v[i]) == 0) {
                classes.v[classes.n - 1].n++;
                continue;
            }
            cl_acc_class c = { &v[i], 1 };
            CL_VEC_PUSH(&classes, c);
        }
        visit(ctx, classes.v, classes.n);
    }
    free(classes.v);
    free(copies);
    free(all);
}
