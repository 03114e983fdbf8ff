/* report_html.c - the HTML report (-f html -o report.html): one
 * self-contained page for people, readable from file:// with no network
 * (the CSS and the small filter script are inline; nothing is fetched).
 *
 * Layout: a header with the counts and the filters (rule, level, "show
 * suppressed"); then one section per rule that has findings (its short
 * description and default level), inside it one group per file, inside
 * that one card per finding: level, location, message, baseline state
 * ("new" / "unchanged"), suppression (with its reason), the source lines
 * around the finding, the related locations, and the thread flows side by
 * side, one column per thread, each step with its location, what happened
 * there and its source line. After the findings: the baseline results that
 * are gone ("absent") and the tool notifications (parse errors).
 *
 * Filters work on data attributes of the cards (data-rule, data-level,
 * data-suppressed); "#rule=CL002&level=error" in the URL presets them, so a
 * link can point at a filtered view. The element #shown says how many
 * findings are visible ("3 of 7 findings shown"), set by the script.
 *
 * Every string from the analysis (messages, paths, source lines) is
 * HTML-escaped. Output is deterministic: no time stamps or host data.
 */
#include "report/report.h"

#include <stdlib.h>
#include <string.h>

#include "rule.h"

enum { EXCERPT_CONTEXT = 2 }; /* source lines shown above and below a finding */

typedef struct html_ctx {
    FILE *out;
    const cl_report *r;
    cl_srccache src;
} html_ctx;

/* Writes `s` (n bytes) with & < > " ' escaped. */
static void esc_n(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(s[i], out); break;
        }
    }
}

/* Writes `s` HTML-escaped and made valid UTF-8 ("" for NULL). */
static void esc(FILE *out, const char *s)
{
    if (s == NULL)
        return;
    char *fixed = cl_utf8_sanitize(s);
    const char *t = fixed != NULL ? fixed : s;
    esc_n(out, t, strlen(t));
    free(fixed);
}

/* `file` as shown: relative to the source root when under it. Caller frees. */
static char *shown_path(const html_ctx *c, const char *file)
{
    if (file == NULL)
        return cl_xstrdup("(unknown file)");
    char *rel = cl_report_relpath(file, c->r->srcroot);
    return rel != NULL ? rel : cl_report_abspath(file);
}

/* "path:line:col" of `loc`, escaped. */
static void put_where(html_ctx *c, const cl_loc *loc)
{
    char *p = shown_path(c, loc->file);
    fputs("<span class=\"where\">", c->out);
    esc(c->out, p);
    if (loc->line > 0)
        fprintf(c->out, ":%u", (unsigned)loc->line);
    if (loc->line > 0 && loc->col > 0)
        fprintf(c->out, ":%u", (unsigned)loc->col);
    fputs("</span>", c->out);
    free(p);
}

/* One source line as a table row; `hit` marks the finding's own line. */
static void put_line(html_ctx *c, unsigned long n, const char *text, size_t len, int hit)
{
    fprintf(c->out, "<tr%s><td class=\"ln\">%lu</td><td><code>", hit ? " class=\"hit\"" : "", n);
    char *copy = cl_xmalloc(len + 1);
    memcpy(copy, text, len);
    copy[len] = '\0';
    esc(c->out, copy);
    free(copy);
    fputs("</code></td></tr>\n", c->out);
}

/* The lines around `loc` (EXCERPT_CONTEXT each side), or nothing when the
 * file cannot be read. */
static void put_excerpt(html_ctx *c, const cl_loc *loc)
{
    if (loc->file == NULL || loc->line == 0)
        return;
    unsigned long first = loc->line > EXCERPT_CONTEXT ? loc->line - EXCERPT_CONTEXT : 1;
    int open = 0;
    for (unsigned long n = first; n <= (unsigned long)loc->line + EXCERPT_CONTEXT; n++) {
        const char *text;
        size_t len;
        if (cl_srccache_line(&c->src, loc->file, n, &text, &len) != 0)
            break;
        if (!open)
            fputs("<table class=\"src\">\n", c->out);
        open = 1;
        put_line(c, n, text, len, n == loc->line);
    }
    if (open)
        fputs("</table>\n", c->out);
}

/* The single source line at `loc`, for a thread-flow step. */
static void put_step_line(html_ctx *c, const cl_loc *loc)
{
    const char *text;
    size_t len;
    if (loc->file == NULL || cl_srccache_line(&c->src, loc->file, loc->line, &text, &len) != 0)
        return;
    while (len > 0 && (*text == ' ' || *text == '\t')) {
        text++;
        len--;
    }
    fputs("<table class=\"src\">", c->out);
    put_line(c, loc->line, text, len, 1);
    fputs("</table>", c->out);
}

static void put_flows(html_ctx *c, const cl_finding *f)
{
    if (f->nflows == 0)
        return;
    fprintf(c->out, "<div class=\"flows\" style=\"grid-template-columns: repeat(%zu, 1fr)\">\n",
            f->nflows);
    for (size_t i = 0; i < f->nflows; i++) {
        const cl_thread_flow *fl = &f->flows[i];
        fputs("<div class=\"thread\"><h5>", c->out);
        esc(c->out, fl->thread != NULL ? fl->thread : "thread");
        fputs("</h5><ol>\n", c->out);
        for (size_t j = 0; j < fl->nsteps; j++) {
            fputs("<li>", c->out);
            put_where(c, &fl->steps[j].loc);
            fputs(" <span class=\"step\">", c->out);
            esc(c->out, fl->steps[j].message);
            fputs("</span>", c->out);
            put_step_line(c, &fl->steps[j].loc);
            fputs("</li>\n", c->out);
        }
        fputs("</ol></div>\n", c->out);
    }
    fputs("</div>\n", c->out);
}

static void put_finding(html_ctx *c, const cl_finding *f)
{
    const char *level = cl_level_name(f->level);
    const char *state = cl_report_baseline_mark_name(f->baseline);
    fprintf(c->out, "<article class=\"finding %s\" data-rule=\"", level);
    esc(c->out, f->rule->id);
    fprintf(c->out, "\" data-level=\"%s\" data-suppressed=\"%d\">\n<p class=\"head\">",
            level, f->suppressed ? 1 : 0);
    fprintf(c->out, "<span class=\"lvl %s\">%s</span> ", level, level);
    put_where(c, &f->loc);
    if (state != NULL)
        fprintf(c->out, " <span class=\"badge %s\">%s</span>", state, state);
    if (f->suppressed)
        fputs(" <span class=\"badge suppressed\">suppressed</span>", c->out);
    fputs("</p>\n<p class=\"msg\">", c->out);
    esc(c->out, f->message);
    fputs("</p>\n", c->out);
    if (f->suppressed) {
        fputs("<p class=\"why\">suppressed in the source", c->out);
        if (f->suppression_reason != NULL && *f->suppression_reason != '\0') {
            fputs(": ", c->out);
            esc(c->out, f->suppression_reason);
        }
        fputs("</p>\n", c->out);
    }
    put_excerpt(c, &f->loc);
    if (f->nrelated > 0) {
        fputs("<ul class=\"related\">\n", c->out);
        for (size_t i = 0; i < f->nrelated; i++) {
            fputs("<li>", c->out);
            put_where(c, &f->related[i].loc);
            fputs(" ", c->out);
            esc(c->out, f->related[i].message);
            fputs("</li>\n", c->out);
        }
        fputs("</ul>\n", c->out);
    }
    put_flows(c, f);
    fputs("</article>\n", c->out);
}

/* 1 when `f` is shown at all (level none is a disabled rule). */
static int listed(const cl_finding *f)
{
    return f->level != CL_LEVEL_NONE && f->rule != NULL;
}

/* Findings of rule `rule`, grouped by file. The findings are sorted by
 * file first, so the files come in order; a file's group is opened when
 * its first finding of this rule is met. */
static void put_rule(html_ctx *c, const cl_rule *rule, size_t count)
{
    const cl_findings *fs = c->r->findings;
    fputs("<section class=\"rule\" data-rule=\"", c->out);
    esc(c->out, rule->id);
    fputs("\">\n<h2>", c->out);
    esc(c->out, rule->id);
    fputs(" <span class=\"name\">", c->out);
    esc(c->out, rule->name);
    fprintf(c->out, "</span> <span class=\"count\">%zu</span></h2>\n<p class=\"desc\">", count);
    esc(c->out, rule->short_desc);
    fputs("</p>\n", c->out);
    const char *file = NULL;
    for (size_t i = 0; i < fs->list.n; i++) {
        const cl_finding *f = &fs->list.v[i];
        if (!listed(f) || f->rule != rule)
            continue;
        if (file == NULL || f->loc.file == NULL || strcmp(file, f->loc.file) != 0) {
            if (file != NULL)
                fputs("</div>\n", c->out);
            file = f->loc.file != NULL ? f->loc.file : "";
            char *p = shown_path(c, f->loc.file);
            fputs("<div class=\"file\"><h3>", c->out);
            esc(c->out, p);
            fputs("</h3>\n", c->out);
            free(p);
        }
        put_finding(c, f);
    }
    if (file != NULL)
        fputs("</div>\n", c->out);
    fputs("</section>\n", c->out);
}

static const char style[] =
    "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}"
    "header{background:#24292f;color:#fff;padding:12px 20px;position:sticky;top:0;z-index:1}"
    "header h1{font-size:18px;margin:0 0 6px}header label{margin-right:14px}"
    "header select{margin-right:14px}main{padding:8px 20px}"
    "h2{font-size:16px;border-bottom:1px solid #d0d7de;padding-bottom:4px}"
    "h2 .name{font-weight:normal;color:#57606a}h2 .count{background:#d0d7de;border-radius:9px;"
    "padding:0 7px;font-size:12px}h3{font-size:14px;font-family:monospace;margin:12px 0 4px}"
    ".desc{color:#57606a;margin-top:0}"
    ".finding{background:#fff;border:1px solid #d0d7de;border-left:4px solid #bf8700;"
    "border-radius:6px;padding:8px 12px;margin:8px 0}"
    ".finding.error{border-left-color:#cf222e}.finding.note{border-left-color:#0969da}"
    ".finding[data-suppressed='1']{opacity:.6}.head{margin:0}.msg{margin:4px 0;font-weight:600}"
    ".where{font-family:monospace;color:#0550ae}.lvl{font-weight:700;text-transform:uppercase;"
    "font-size:11px}.lvl.error{color:#cf222e}.lvl.warning{color:#9a6700}.lvl.note{color:#0969da}"
    ".badge{font-size:11px;border-radius:9px;padding:1px 7px;border:1px solid}"
    ".badge.new{color:#1a7f37}.badge.unchanged{color:#57606a}.badge.suppressed{color:#8250df}"
    ".badge.absent{color:#57606a}.why{color:#8250df;margin:2px 0}"
    "table.src{border-collapse:collapse;font-family:monospace;font-size:12px;margin:4px 0;"
    "background:#f6f8fa;width:100%}table.src td{padding:0 6px;white-space:pre}"
    "td.ln{color:#8c959f;text-align:right;width:1%}tr.hit{background:#fff8c5}"
    ".related{margin:4px 0;padding-left:20px}"
    ".flows{display:grid;gap:8px;margin-top:6px}.thread{border:1px solid #d0d7de;"
    "border-radius:6px;padding:4px 8px;background:#fbfcfd;min-width:0;overflow-x:auto}"
    ".thread h5{margin:2px 0 4px;font-size:13px}.thread ol{margin:0;padding-left:18px}"
    ".step{color:#1f2328}.hidden{display:none}footer{padding:8px 20px;color:#57606a}";

/* The filter: shows the cards whose rule and level are selected (and
 * suppressed ones only when asked), hides empty rule sections and file
 * groups, and says how many are shown. #rule=ID&level=L&suppressed=1 in
 * the URL presets the controls. */
static const char script[] =
    "(function(){"
    "var q=new URLSearchParams(location.hash.slice(1));"
    "var rule=document.getElementById('f-rule'),sup=document.getElementById('f-sup');"
    "var lv=document.querySelectorAll('input.f-level');"
    "if(q.get('rule'))rule.value=q.get('rule');"
    "if(q.get('level')){var want=q.get('level').split(',');"
    "lv.forEach(function(b){b.checked=want.indexOf(b.value)>=0;});}"
    "if(q.get('suppressed')==='1')sup.checked=true;"
    "function apply(){var levels={};lv.forEach(function(b){levels[b.value]=b.checked;});"
    "var all=document.querySelectorAll('article.finding'),n=0;"
    "all.forEach(function(a){var on=(rule.value===''||a.dataset.rule===rule.value)&&"
    "levels[a.dataset.level]&&(sup.checked||a.dataset.suppressed!=='1');"
    "a.classList.toggle('hidden',!on);if(on)n++;});"
    "document.querySelectorAll('div.file,section.rule').forEach(function(g){"
    "g.classList.toggle('hidden',!g.querySelector('article.finding:not(.hidden)'));});"
    "document.getElementById('shown').textContent=n+' of '+all.length+' findings shown';}"
    "rule.addEventListener('change',apply);sup.addEventListener('change',apply);"
    "lv.forEach(function(b){b.addEventListener('change',apply);});apply();})();";

static void put_absent(html_ctx *c)
{
    const cl_report *r = c->r;
    size_t n = 0;
    for (size_t i = 0; i < r->nabsent; i++)
        n += r->absent[i] != NULL;
    if (n == 0)
        return;
    fprintf(c->out, "<section class=\"absent\"><h2>Fixed since the baseline "
                    "<span class=\"count\">%zu</span></h2>\n<p class=\"desc\">in the baseline, "
                    "not found now (baselineState absent)</p>\n<ul>\n", n);
    for (size_t i = 0; i < r->nabsent; i++) {
        const cl_baseline_entry *e = r->absent[i];
        if (e == NULL)
            continue;
        fputs("<li><span class=\"badge absent\">absent</span> ", c->out);
        esc(c->out, e->rule_id);
        fputs(" <span class=\"where\">", c->out);
        esc(c->out, e->uri != NULL ? e->uri : "");
        if (e->line > 0)
            fprintf(c->out, ":%lu", e->line);
        fputs("</span> ", c->out);
        esc(c->out, e->message);
        fputs("</li>\n", c->out);
    }
    fputs("</ul></section>\n", c->out);
}

static void put_notes(html_ctx *c)
{
    if (c->r->nnotes == 0)
        return;
    fprintf(c->out, "<section class=\"notes\"><h2>Tool notifications <span class=\"count\">%zu"
                    "</span></h2>\n<ul>\n", c->r->nnotes);
    for (size_t i = 0; i < c->r->nnotes; i++) {
        const cl_notification *n = &c->r->notes[i];
        fprintf(c->out, "<li><span class=\"lvl %s\">%s</span> ",
                cl_report_diag_level_name(n->level), cl_report_diag_level_name(n->level));
        if (n->loc.file != NULL)
            put_where(c, &n->loc);
        fputs(" ", c->out);
        esc(c->out, n->message);
        fputs("</li>\n", c->out);
    }
    fputs("</ul></section>\n", c->out);
}

/* cl_report_write_html: see report.h. */
int cl_report_write_html(FILE *out, const cl_report *r)
{
    html_ctx c = {.out = out, .r = r};
    const cl_findings *fs = r->findings;
    size_t nfs = fs != NULL ? fs->list.n : 0;
    size_t *per_rule = cl_xcalloc(cl_nrules + 1, sizeof *per_rule);
    size_t total = 0, suppressed = 0, fresh = 0;
    int baseline = 0;
    for (size_t i = 0; i < nfs; i++) {
        const cl_finding *f = &fs->list.v[i];
        if (!listed(f))
            continue;
        total++;
        suppressed += f->suppressed != 0;
        fresh += f->baseline == CL_BASELINE_MARK_NEW;
        baseline |= f->baseline != CL_BASELINE_NONE;
        for (size_t k = 0; k < cl_nrules; k++)
            per_rule[k] += cl_rules[k] == f->rule;
    }
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>conc-lint report</title>\n<style>", out);
    fputs(style, out);
    fputs("</style>\n</head>\n<body>\n<header>\n<h1>conc-lint " CL_VERSION " report</h1>\n",
          out);
    fprintf(out, "<p id=\"totals\">%zu findings", total);
    if (suppressed > 0)
        fprintf(out, ", %zu suppressed", suppressed);
    if (baseline)
        fprintf(out, ", %zu new since the baseline", fresh);
    fputs(" &middot; <span id=\"shown\"></span></p>\n<form>\n<label>rule "
          "<select id=\"f-rule\"><option value=\"\">all rules</option>", out);
    for (size_t k = 0; k < cl_nrules; k++) {
        if (per_rule[k] == 0)
            continue;
        fputs("<option value=\"", out);
        esc(out, cl_rules[k]->id);
        fputs("\">", out);
        esc(out, cl_rules[k]->id);
        fputs(" ", out);
        esc(out, cl_rules[k]->name);
        fprintf(out, " (%zu)</option>", per_rule[k]);
    }
    fputs("</select></label>\n", out);
    static const char *const levels[] = {"error", "warning", "note"};
    for (size_t i = 0; i < 3; i++)
        fprintf(out, "<label><input type=\"checkbox\" class=\"f-level\" value=\"%s\" checked> "
                     "%s</label>\n", levels[i], levels[i]);
    fputs("<label><input type=\"checkbox\" id=\"f-sup\"> show suppressed</label>\n</form>\n"
          "</header>\n<main>\n", out);
    if (total == 0)
        fputs("<p>No findings.</p>\n", out);
    for (size_t k = 0; k < cl_nrules; k++)
        if (per_rule[k] > 0)
            put_rule(&c, cl_rules[k], per_rule[k]);
    put_absent(&c);
    put_notes(&c);
    fputs("</main>\n<footer>conc-lint " CL_VERSION "</footer>\n<script>", out);
    fputs(script, out);
    fputs("</script>\n</body>\n</html>\n", out);
    free(per_rule);
    cl_srccache_release(&c.src);
    return fflush(out) == EOF || ferror(out) ? -1 : 0;
}
