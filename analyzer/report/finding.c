/* finding.c - the findings list: levels, appending, the deterministic total
 * order, and the folding of duplicates (cl_findings_first). Rules make
 * findings with the finding builder (analysis/finding_builder.h).
 *
 * Ownership: every string and array a finding points to lives in the
 * cl_findings arena; the list itself is a heap vector (CL_VEC_PUSH).
 */
#include "report/finding.h"

#include <stdlib.h>
#include <string.h>

#include "rule.h"

static const char *const level_names[] = {"none", "note", "warning", "error"};

const char *cl_level_name(cl_level level)
{
    if ((unsigned)level < sizeof level_names / sizeof level_names[0])
        return level_names[level];
    return "none";
}

int cl_level_parse(const char *s, cl_level *out)
{
    if (s == NULL)
        return -1;
    for (size_t i = 0; i < sizeof level_names / sizeof level_names[0]; i++) {
        if (strcmp(s, level_names[i]) == 0) {
            *out = (cl_level)i;
            return 0;
        }
    }
    return -1;
}

void cl_findings_add(cl_findings *fs, const cl_finding *f)
{
    CL_VEC_PUSH(&fs->list, *f);
}

/* strcmp that orders NULL before every string. */
static int cmp_str(const char *a, const char *b)
{
    if (a == b)
        return 0;
    if (a == NULL)
        return -1;
    if (b == NULL)
        return 1;
    return strcmp(a, b);
}

static int cmp_u64(unsigned long long a, unsigned long long b)
{
    return (a > b) - (a < b);
}

static int cmp_loc(const cl_loc *a, const cl_loc *b)
{
    int c = cmp_str(a->file, b->file);
    if (c == 0)
        c = cmp_u64(a->line, b->line);
    if (c == 0)
        c = cmp_u64(a->col, b->col);
    return c;
}

static const char *rule_id(const cl_finding *f)
{
    return f->rule ? f->rule->id : NULL;
}

/* The total order. The documented keys come first (file, line, column, rule
 * id, message, key); the rest only breaks ties between findings that differ
 * in evidence, so qsort (not stable) still gives one output for one input.
 * Two findings that compare equal here are exact duplicates. */
static int cmp_finding(const void *pa, const void *pb)
{
    const cl_finding *a = pa, *b = pb;
    int c = cmp_loc(&a->loc, &b->loc);
    if (c == 0)
        c = cmp_str(rule_id(a), rule_id(b));
    if (c == 0)
        c = cmp_str(a->message, b->message);
    if (c == 0)
        c = cmp_str(a->key, b->key);
    if (c == 0)
        c = cmp_str(a->function, b->function);
    if (c == 0)
        c = cmp_u64(a->level, b->level);
    if (c == 0)
        c = cmp_u64(a->suppressed != 0, b->suppressed != 0);
    if (c == 0)
        c = cmp_str(a->suppression_reason, b->suppression_reason);
    if (c == 0)
        c = cmp_u64(a->nrelated, b->nrelated);
    for (size_t i = 0; c == 0 && i < a->nrelated; i++) {
        c = cmp_loc(&a->related[i].loc, &b->related[i].loc);
        if (c == 0)
            c = cmp_str(a->related[i].message, b->related[i].message);
    }
    if (c == 0)
        c = cmp_u64(a->nflows, b->nflows);
    for (size_t i = 0; c == 0 && i < a->nflows; i++) {
        const cl_thread_flow *fa = &a->flows[i], *fb = &b->flows[i];
        c = cmp_str(fa->thread, fb->thread);
        if (c == 0)
            c = cmp_u64(fa->nsteps, fb->nsteps);
        for (size_t j = 0; c == 0 && j < fa->nsteps; j++) {
            c = cmp_loc(&fa->steps[j].loc, &fb->steps[j].loc);
            if (c == 0)
                c = cmp_str(fa->steps[j].message, fb->steps[j].message);
        }
    }
    return c;
}

void cl_findings_sort(cl_findings *fs)
{
    if (fs->list.n < 2)
        return;
    qsort(fs->list.v, fs->list.n, sizeof *fs->list.v, cmp_finding);
    size_t out = 1;
    for (size_t i = 1; i < fs->list.n; i++) {
        if (cmp_finding(&fs->list.v[out - 1], &fs->list.v[i]) != 0)
            fs->list.v[out++] = fs->list.v[i];
    }
    fs->list.n = out;
}

void cl_findings_take(cl_findings *dst, cl_findings *src)
{
    for (size_t i = 0; i < src->list.n; i++)
        CL_VEC_PUSH(&dst->list, src->list.v[i]);
    cl_arena_adopt(&dst->arena, &src->arena);
    cl_findings_release(src);
}

void cl_findings_release(cl_findings *fs)
{
    cl_arena_release(&fs->arena);
    free(fs->list.v);
    fs->list.v = NULL;
    fs->list.n = fs->list.cap = 0;
    cl_strmap_release(&fs->folded);
}

int cl_findings_first(cl_findings *fs, const cl_rule *rule, cl_loc loc, const char *key)
{
    char *k = cl_arena_printf(&fs->arena, "%s|%s:%u:%u|%s", rule && rule->id ? rule->id : "",
                              loc.file ? loc.file : "", loc.line, loc.col, key ? key : "");
    if (cl_strmap_get(&fs->folded, k, NULL))
        return 0;
    cl_strmap_put(&fs->folded, k, 1);
    return 1;
}
