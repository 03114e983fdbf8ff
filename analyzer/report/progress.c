/* progress.c - progress line and end-of-run summary; see progress.h. */
#include "report/progress.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rule.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void cl_progress_init(cl_progress *p, FILE *out, int tty, cl_progress_mode mode, size_t total)
{
    memset(p, 0, sizeof *p);
    const char *term = getenv("TERM");
    int dumb = term != NULL && strcmp(term, "dumb") == 0;
    p->out = out;
    p->tty = tty && !dumb;
    p->on = mode == CL_PROGRESS_ALWAYS || (mode == CL_PROGRESS_AUTO && p->tty);
    p->total = total;
    p->start = now();
    pthread_mutex_init(&p->lock, NULL);
}

void cl_progress_step(cl_progress *p, const char *what)
{
    if (p == NULL || !p->on)
        return;
    pthread_mutex_lock(&p->lock);
    p->done++;
    double t = now();
    double every = p->tty ? 0.1 : 1.0;
    if (t - p->start > 1.0 && (t - p->last >= every || p->done == p->total)) {
        p->last = t;
        /* shown relative to the working directory when under it */
        char *rel = what != NULL && what[0] == '/' ? cl_report_relpath(what, ".") : NULL;
        const char *name = rel != NULL ? rel : what != NULL ? what : "";
        if (p->tty) {
            fprintf(p->out, "\r[%zu/%zu] %s\033[K", p->done, p->total, name);
            p->drawn = 1;
        } else {
            fprintf(p->out, "[%zu/%zu] %s\n", p->done, p->total, name);
        }
        fflush(p->out);
        free(rel);
    }
    pthread_mutex_unlock(&p->lock);
}

void cl_progress_finish(cl_progress *p)
{
    if (p->drawn) {
        fputs("\r\033[K", p->out);
        fflush(p->out);
    }
    pthread_mutex_destroy(&p->lock);
}

/* Appends "N thing(s)" to `b`, with ", " / " and " separators. */
static void count_part(cl_strbuf *b, size_t n, const char *what, int is_last)
{
    if (n == 0)
        return;
    if (b->len > 0)
        cl_strbuf_add(b, is_last ? " and " : ", ");
    cl_strbuf_addf(b, "%zu %s%s", n, what, n == 1 ? "" : "s");
}

int cl_report_summary(FILE *out, const cl_report *r)
{
    size_t n = r->findings != NULL ? r->findings->list.n : 0;
    size_t by_level[CL_LEVEL_ERROR + 1] = {0}, fresh = 0, known = 0, suppressed = 0;
    size_t *per_rule = cl_xcalloc(cl_nrules + 1, sizeof *per_rule);
    int baseline = 0;
    for (size_t i = 0; i < n; i++) {
        const cl_finding *f = &r->findings->list.v[i];
        if (f->level == CL_LEVEL_NONE)
            continue;
        if (f->suppressed) {
            suppressed++;
            continue;
        }
        by_level[f->level]++;
        baseline |= f->baseline != CL_BASELINE_NONE;
        fresh += f->baseline == CL_BASELINE_MARK_NEW;
        known += f->baseline == CL_BASELINE_MARK_UNCHANGED;
        for (size_t k = 0; k < cl_nrules; k++)
            per_rule[k] += cl_rules[k] == f->rule;
    }
    size_t nw = by_level[CL_LEVEL_WARNING], ne = by_level[CL_LEVEL_ERROR],
           nn = by_level[CL_LEVEL_NOTE];
    cl_strbuf b = {0};
    count_part(&b, nw, "warning", ne == 0 && nn == 0);
    count_part(&b, ne, "error", nn == 0);
    count_part(&b, nn, "note", 1);
    if (b.len > 0)
        fprintf(out, "%s generated.\n", b.s);
    cl_strbuf_release(&b);
    if (nw + ne + nn + suppressed > 0) {
        cl_strbuf_add(&b, "conc-lint:");
        const char *sep = " ";
        for (size_t k = 0; k < cl_nrules; k++) {
            if (per_rule[k] == 0)
                continue;
            cl_strbuf_addf(&b, "%s%s %zu", sep, cl_rules[k]->id, per_rule[k]);
            sep = ", ";
        }
        if (nw + ne + nn == 0)
            cl_strbuf_add(&b, " no findings");
        if (baseline)
            cl_strbuf_addf(&b, "; %zu new, %zu in the baseline", fresh, known);
        if (suppressed > 0)
            cl_strbuf_addf(&b, "; %zu suppressed", suppressed);
        fprintf(out, "%s\n", b.s);
        cl_strbuf_release(&b);
    }
    free(per_rule);
    return fflush(out) != 0 || ferror(out) ? -1 : 0;
}
