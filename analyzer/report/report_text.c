/* report_text.c - clang-style text for people:
 *
 *   src/q.c:12:5: warning: write to 'n' in 'worker' races with ... [CL002/unguarded-shared-state]
 *       n++;
 *       ^
 *   src/q.c:30:5: note: read in 'main'
 *       printf("%d\n", n);
 *                      ^
 *
 * Paths are relative to the source root when the file is under it, else as
 * the analyzer saw them. The source line is printed as it is in the file;
 * the caret line copies its tabs and puts one space per other character
 * (UTF-8 sequences count once), so the caret lines up in a terminal. A file
 * that cannot be read just gets no source/caret lines.
 *
 * Suppressed findings and findings at level "none" are not printed (they are
 * in SARIF and JSON). Like clang, the run ends with "N warnings generated."
 * on stderr: that and the per-rule counts are cl_report_summary's
 * (progress.h), for every format. Tool notifications (parse errors, skipped files) are printed to stderr by
 * the driver, not here.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "rule.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_GREEN "\033[1;32m"
#define C_MAGENTA "\033[1;35m"
#define C_CYAN "\033[1;36m"

typedef struct text_ctx {
    FILE *out;
    const cl_report *r;
    cl_srccache src;
} text_ctx;

static const char *level_color(cl_level l)
{
    switch (l) {
    case CL_LEVEL_ERROR:
        return C_RED;
    case CL_LEVEL_WARNING:
        return C_MAGENTA;
    case CL_LEVEL_NOTE:
    case CL_LEVEL_NONE:
        break;
    }
    return C_CYAN;
}

/* "path:line:col: " (bold when coloured); fields are left out when unknown. */
static void print_where(text_ctx *c, const cl_loc *loc)
{
    if (loc->file == NULL)
        return;
    char *rel = cl_report_relpath(loc->file, c->r->srcroot);
    if (c->r->color)
        fputs(C_BOLD, c->out);
    fputs(rel ? rel : loc->file, c->out);
    if (loc->line > 0) {
        fprintf(c->out, ":%lu", (unsigned long)loc->line);
        if (loc->col > 0)
            fprintf(c->out, ":%lu", (unsigned long)loc->col);
    }
    fputs(": ", c->out);
    if (c->r->color)
        fputs(C_RESET, c->out);
    free(rel);
}

/* The source line of `loc` and a caret under its (byte) column. */
static void print_snippet(text_ctx *c, const cl_loc *loc)
{
    const char *text;
    size_t len;
    if (loc->file == NULL || loc->line == 0 ||
        cl_srccache_line(&c->src, loc->file, loc->line, &text, &len) != 0)
        return;
    fwrite(text, 1, len, c->out);
    fputc('\n', c->out);
    if (loc->col == 0)
        return;
    size_t upto = (size_t)loc->col - 1;
    for (size_t i = 0; i < upto; i++) {
        if (i >= len) {
            fputc(' ', c->out);
            continue;
        }
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\t')
            fputc('\t', c->out);
        else if ((ch & 0xc0) != 0x80)
            fputc(' ', c->out);
    }
    fputs(c->r->color ? C_GREEN "^" C_RESET "\n" : "^\n", c->out);
}

static void print_finding(text_ctx *c, const cl_finding *f)
{
    int color = c->r->color;
    print_where(c, &f->loc);
    fprintf(c->out, "%s%s:%s ", color ? level_color(f->level) : "", cl_level_name(f->level),
            color ? C_RESET : "");
    fprintf(c->out, "%s%s [%s/%s]%s\n", color ? C_BOLD : "", f->message ? f->message : "",
            f->rule && f->rule->id ? f->rule->id : "?",
            f->rule && f->rule->name ? f->rule->name : "?", color ? C_RESET : "");
    print_snippet(c, &f->loc);
    for (size_t i = 0; i < f->nrelated; i++) {
        const cl_related *rel = &f->related[i];
        print_where(c, &rel->loc);
        fprintf(c->out, "%snote:%s %s\n", color ? C_CYAN : "", color ? C_RESET : "",
                rel->message ? rel->message : "related location");
        print_snippet(c, &rel->loc);
    }
}

/* cl_report_write_text: see report.h and the file comment. Returns 0, or -1
 * when the stream reports an error. */
int cl_report_write_text(FILE *out, const cl_report *r)
{
    text_ctx c = {.out = out, .r = r};
    if (r->findings != NULL) {
        for (size_t i = 0; i < r->findings->list.n; i++) {
            const cl_finding *f = &r->findings->list.v[i];
            if (!f->suppressed && f->level != CL_LEVEL_NONE)
                print_finding(&c, f);
        }
    }
    cl_srccache_release(&c.src);
    if (fflush(out) != 0 || ferror(out))
        return -1;
    return 0;
}
