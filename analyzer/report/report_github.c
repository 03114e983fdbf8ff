/* report_github.c - the GitHub Actions workflow-command writer; the format
 * and its escaping rules are described in report_github.h.
 *
 * Each command is built in a strbuf and written with one fputs, so a line is
 * never interleaved with other output of the process.
 */
#include "report/report_github.h"

#include <stdlib.h>
#include <string.h>

#include "rule.h"

void cl_github_escape(cl_strbuf *b, const char *s, int prop)
{
    if (s == NULL)
        return;
    for (const char *p = s; *p; p++) {
        const char *esc = NULL;
        switch (*p) {
        case '%': esc = "%25"; break;
        case '\r': esc = "%0D"; break;
        case '\n': esc = "%0A"; break;
        case ':': esc = prop ? "%3A" : NULL; break;
        case ',': esc = prop ? "%2C" : NULL; break;
        default: break;
        }
        if (esc != NULL)
            cl_strbuf_add(b, esc);
        else
            cl_strbuf_addn(b, p, 1);
    }
}

static const char *command_name(cl_level level)
{
    switch (level) {
    case CL_LEVEL_ERROR:
        return "error";
    case CL_LEVEL_NOTE:
        return "notice";
    case CL_LEVEL_WARNING:
    case CL_LEVEL_NONE:
        break;
    }
    return "warning";
}

/* `file` as shown to GitHub: relative to srcroot, else absolute. Caller frees. */
static char *display_path(const char *file, const char *srcroot)
{
    char *rel = cl_report_relpath(file, srcroot);
    return rel != NULL ? rel : cl_report_abspath(file);
}

static void add_command(cl_strbuf *b, const cl_report *r, const cl_finding *f, cl_srccache *src)
{
    cl_strbuf_addf(b, "::%s ", command_name(f->level));
    if (f->loc.file != NULL) {
        char *path = display_path(f->loc.file, r->srcroot);
        cl_strbuf_add(b, "file=");
        cl_github_escape(b, path, 1);
        cl_strbuf_add(b, ",");
        free(path);
        if (f->loc.line > 0) {
            cl_strbuf_addf(b, "line=%lu,", (unsigned long)f->loc.line);
            if (f->loc.col > 0)
                cl_strbuf_addf(b, "col=%lu,",
                               cl_report_utf16_column(src, f->loc.file, f->loc.line, f->loc.col));
        }
    }
    const char *id = f->rule != NULL && f->rule->id != NULL ? f->rule->id : "unknown";
    const char *name = f->rule != NULL ? f->rule->name : NULL;
    cl_strbuf title = {0};
    cl_strbuf_add(&title, id);
    if (name != NULL && *name != '\0')
        cl_strbuf_addf(&title, " %s", name);
    cl_strbuf_add(b, "title=");
    cl_github_escape(b, cl_strbuf_str(&title), 1);
    cl_strbuf_release(&title);

    cl_strbuf_add(b, "::");
    cl_strbuf msg = {0};
    cl_strbuf_add(&msg, f->message != NULL && *f->message != '\0' ? f->message : "no message");
    for (size_t i = 0; i < f->nrelated; i++) {
        const cl_related *rel = &f->related[i];
        cl_strbuf_add(&msg, "\n");
        if (rel->loc.file != NULL) {
            char *path = display_path(rel->loc.file, r->srcroot);
            cl_strbuf_add(&msg, path);
            free(path);
            if (rel->loc.line > 0) {
                cl_strbuf_addf(&msg, ":%lu", (unsigned long)rel->loc.line);
                if (rel->loc.col > 0)
                    cl_strbuf_addf(&msg, ":%lu", (unsigned long)rel->loc.col);
            }
            cl_strbuf_add(&msg, ": ");
        }
        cl_strbuf_add(&msg, rel->message != NULL ? rel->message : "related location");
    }
    cl_github_escape(b, cl_strbuf_str(&msg), 0);
    cl_strbuf_release(&msg);
    cl_strbuf_add(b, "\n");
}

/* Appends the per-rule table to the step summary file `path` (best
 * effort: a summary that cannot be written must not fail the gate). */
static void write_summary(const char *path, const cl_report *r, size_t annotated, size_t shown)
{
    FILE *fp = fopen(path, "a");
    if (fp == NULL)
        return;
    size_t n = r->findings != NULL ? r->findings->list.n : 0;
    int baseline = 0;
    for (size_t i = 0; i < n; i++)
        baseline |= r->findings->list.v[i].baseline != CL_BASELINE_NONE;
    fputs("### conc-lint\n\n", fp);
    fprintf(fp, "| rule | name | findings |%s suppressed |\n|---|---|---:|%s---:|\n",
            baseline ? " new |" : "", baseline ? "---:|" : "");
    size_t total = 0, total_new = 0;
    for (size_t k = 0; k < cl_nrules; k++) {
        size_t all = 0, fresh = 0, sup = 0;
        for (size_t i = 0; i < n; i++) {
            const cl_finding *f = &r->findings->list.v[i];
            if (f->rule != cl_rules[k] || f->level == CL_LEVEL_NONE)
                continue;
            if (f->suppressed) {
                sup++;
                continue;
            }
            all++;
            fresh += f->baseline == CL_BASELINE_MARK_NEW;
        }
        if (all + sup == 0)
            continue;
        fprintf(fp, "| %s | %s | %zu |", cl_rules[k]->id, cl_rules[k]->name, all);
        if (baseline)
            fprintf(fp, " %zu |", fresh);
        fprintf(fp, " %zu |\n", sup);
        total += all;
        total_new += fresh;
    }
    if (total == 0)
        fputs("\nNo findings.\n\n", fp);
    else if (baseline)
        fprintf(fp, "\n%zu findings, %zu new (not in the baseline); %zu of %zu shown as annotations.\n\n",
                total, total_new, annotated, shown);
    else
        fprintf(fp, "\n%zu findings; %zu of %zu shown as annotations.\n\n", total, annotated,
                shown);
    fclose(fp);
}

int cl_report_write_github_if(FILE *out, const cl_report *r,
                              int (*keep)(const cl_finding *f, void *arg), void *arg)
{
    cl_srccache src = {0};
    size_t per_kind[CL_LEVEL_ERROR + 1] = {0}, annotated = 0, shown = 0;
    if (r->findings != NULL) {
        for (size_t i = 0; i < r->findings->list.n; i++) {
            const cl_finding *f = &r->findings->list.v[i];
            if (f->level == CL_LEVEL_NONE || f->suppressed)
                continue;
            if (keep != NULL && !keep(f, arg))
                continue;
            shown++;
            if (per_kind[f->level]++ >= CL_GITHUB_ANNOTATIONS_PER_KIND)
                continue;
            annotated++;
            cl_strbuf b = {0};
            add_command(&b, r, f, &src);
            fputs(cl_strbuf_str(&b), out);
            cl_strbuf_release(&b);
        }
    }
    cl_srccache_release(&src);
    if (annotated < shown)
        fprintf(out, "conc-lint: %zu more finding%s not shown as annotations (GitHub shows %d of "
                     "each level per step); the step summary counts them all\n",
                shown - annotated, shown - annotated == 1 ? "" : "s",
                CL_GITHUB_ANNOTATIONS_PER_KIND);
    const char *summary = getenv("GITHUB_STEP_SUMMARY");
    if (summary != NULL && *summary != '\0')
        write_summary(summary, r, annotated, shown);
    return fflush(out) == EOF || ferror(out) ? -1 : 0;
}

int cl_report_write_github(FILE *out, const cl_report *r)
{
    return cl_report_write_github_if(out, r, NULL, NULL);
}
