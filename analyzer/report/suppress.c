/* suppress.c - see suppress.h for the syntax.
 *
 * Grammar of a directive (the text of one comment, after leading blanks):
 *   KEYWORD ':' LIST ['--' REASON]
 *   KEYWORD = conc-lint-ignore | conc-lint-ignore-next-line
 *   LIST    = RULE { (',' | blanks) RULE }     RULE = id | name | all
 * The first word of the comment decides: a word that starts with
 * "conc-lint-ignore" but is neither keyword is a malformed directive, so a
 * typo such as `conc-lint-ignore-nextline` is reported instead of silently
 * suppressing nothing. Anything in LIST that is not a rule is malformed too
 * (a reason must follow `--`), and a malformed directive suppresses nothing.
 *
 * clang-tidy's NOLINT(RULES) and NOLINTNEXTLINE(RULES) are aliases of the
 * two keywords (parse_nolint): rules of ours in the list count, other names
 * are clang-tidy's checks and are skipped.
 *
 * Files are scanned once each by a small lexer (the one --verify uses, also
 * taking block comments); directives are kept per file and findings are
 * matched against them by (line, rule).
 */
#include "report/suppress.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/comments.h"
#include "cli/compdb.h"
#include "rule.h"
#include "util/strmap.h"

#define KW_SAME "conc-lint-ignore"
#define KW_NEXT "conc-lint-ignore-next-line"
#define KW_NOLINT "NOLINT"               /* clang-tidy's, an alias of KW_SAME */
#define KW_NOLINT_NEXT "NOLINTNEXTLINE"  /* an alias of KW_NEXT */
enum { TOKEN_SHOWN_MAX = 64 };

typedef struct directive {
    uint32_t line, col;      /* of the keyword */
    uint32_t target;         /* line whose findings it suppresses */
    const char *text;        /* as written (report arena) */
    const char *reason;      /* trimmed, or NULL (report arena) */
    int all;
    int all_used;
    size_t nrules;
    const cl_rule **rules;   /* heap */
    unsigned char *used;     /* heap, parallel to rules */
    const char *reason_copy; /* reason copied into the findings arena, lazily */
} directive;

typedef struct sfile {
    const char *norm;        /* normalized path (report arena; strmap key) */
    const char *shown;       /* as first named (borrowed from the caller) */
    struct { directive *v; size_t n, cap; } dirs;
} sfile;

typedef struct sctx {
    cl_suppress_report *out;
    cl_findings *fs;
    char *cwd;
    cl_strmap index;         /* norm -> index in files */
    struct { sfile *v; size_t n, cap; } files;
} sctx;

static void add_note(sctx *c, cl_suppress_note_kind kind, const char *file, uint32_t line,
                     uint32_t col, const char *text, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
static void add_note(sctx *c, cl_suppress_note_kind kind, const char *file, uint32_t line,
                     uint32_t col, const char *text, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cl_suppress_note n;
    memset(&n, 0, sizeof n);
    n.kind = kind;
    n.loc.file = cl_arena_strdup(&c->out->arena, file);
    n.loc.line = line;
    n.loc.col = col;
    n.text = text;
    n.message = cl_arena_strdup(&c->out->arena, msg);
    CL_VEC_PUSH(&c->out->notes, n);
}

static size_t get_file(sctx *c, const char *path)
{
    char *norm = cl_path_normalize(path, c->cwd);
    size_t idx;
    if (cl_strmap_get(&c->index, norm, &idx)) {
        free(norm);
        return idx;
    }
    sfile f;
    memset(&f, 0, sizeof f);
    f.norm = cl_arena_strdup(&c->out->arena, norm);
    f.shown = path;
    free(norm);
    CL_VEC_PUSH(&c->files, f);
    idx = c->files.n - 1;
    cl_strmap_put(&c->index, c->files.v[idx].norm, idx);
    return idx;
}

static int is_word(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-';
}

static int is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v';
}

static void release_directive(directive *d)
{
    free(d->rules);
    free(d->used);
}

static void add_directive(sctx *c, sfile *f, directive *d, uint32_t line, uint32_t col,
                          const char *text, int next_line);

/* Parses the directive text `s` (`len` bytes, starting with its keyword of
 * `kwlen` bytes at column `col` of `line`). Adds the directive to `f`, or a
 * MALFORMED note. */
static void parse_directive(sctx *c, sfile *f, uint32_t line, uint32_t col, const char *s,
                            size_t len, int next_line, size_t kwlen)
{
    const char *text = cl_arena_strndup(&c->out->arena, s, len);
    const char *kw = next_line ? KW_NEXT : KW_SAME;
    directive d;
    size_t i = kwlen;

    memset(&d, 0, sizeof d);
    while (i < len && is_blank(s[i]))
        i++;
    if (i >= len || s[i] != ':') {
        add_note(c, CL_SUPPRESS_MALFORMED, f->shown, line, col, text,
                 "malformed suppression: missing ':' after '%s'", kw);
        return;
    }
    i++;
    for (;;) {
        while (i < len && (is_blank(s[i]) || s[i] == ','))
            i++;
        if (i >= len)
            break;
        if (i + 1 < len && s[i] == '-' && s[i + 1] == '-') {
            size_t r = i + 2, e = len;
            while (r < e && is_blank(s[r]))
                r++;
            while (e > r && is_blank(s[e - 1]))
                e--;
            if (e > r)
                d.reason = cl_arena_strndup(&c->out->arena, s + r, e - r);
            break;
        }
        size_t start = i;
        while (i < len && is_word(s[i]) && !(s[i] == '-' && i + 1 < len && s[i + 1] == '-'))
            i++;
        if (i == start) {
            add_note(c, CL_SUPPRESS_MALFORMED, f->shown, line, col, text,
                     "malformed suppression: unexpected '%c' in the rule list "
                     "(write a reason after '--')", s[i]);
            goto bad;
        }
        size_t tlen = i - start;
        char tok[TOKEN_SHOWN_MAX + 1];
        const cl_rule *rule = NULL;
        if (tlen <= TOKEN_SHOWN_MAX) {
            memcpy(tok, s + start, tlen);
            tok[tlen] = '\0';
            if (strcmp(tok, "all") == 0) {
                d.all = 1;
                continue;
            }
            rule = cl_rule_find(tok, NULL);
        }
        if (rule == NULL) {
            int ruleish = tlen >= 3 && s[start] == 'C' && s[start + 1] == 'L' &&
                          s[start + 2] >= '0' && s[start + 2] <= '9';
            add_note(c, CL_SUPPRESS_MALFORMED, f->shown, line, col, text,
                     "malformed suppression: unknown rule '%.*s'%s",
                     (int)(tlen > TOKEN_SHOWN_MAX ? TOKEN_SHOWN_MAX : tlen), s + start,
                     ruleish ? "" : " (write a reason after '--')");
            goto bad;
        }
        size_t k = 0;
        while (k < d.nrules && d.rules[k] != rule)
            k++;
        if (k == d.nrules) {
            d.rules = cl_xrealloc(d.rules, (d.nrules + 1) * sizeof *d.rules);
            d.rules[d.nrules++] = rule;
        }
    }
    if (!d.all && d.nrules == 0) {
        add_note(c, CL_SUPPRESS_MALFORMED, f->shown, line, col, text,
                 "malformed suppression: no rule after '%s:' (name a rule or 'all')", kw);
        goto bad;
    }
    add_directive(c, f, &d, line, col, text, next_line);
    return;
bad:
    release_directive(&d);
}

/* Adds `d` (its rules and reason filled in) to `f` as the directive written
 * at `line`:`col` as `text`; `f` owns it from here. */
static void add_directive(sctx *c, sfile *f, directive *d, uint32_t line, uint32_t col,
                          const char *text, int next_line)
{
    d->line = line;
    d->col = col;
    d->target = next_line ? line + 1 : line;
    d->text = text;
    d->used = d->nrules ? cl_xcalloc(d->nrules, 1) : NULL;
    CL_VEC_PUSH(&f->dirs, *d);
    c->out->ndirectives++;
}

/* clang-tidy's spelling, an alias: NOLINT(RULES) / NOLINTNEXTLINE(RULES)
 * with RULES separated by commas and/or blanks, then optionally a reason
 * (what follows the ')', after a ':' or '--'). The list is shared with
 * clang-tidy, so names that are not conc-lint rules (its check names) are
 * skipped, not errors; a NOLINT without a list, or one naming none of our
 * rules, is clang-tidy's alone and ignored. `s` starts at the keyword. */
static void parse_nolint(sctx *c, sfile *f, uint32_t line, uint32_t col, const char *s,
                         size_t len, int next_line, size_t kwlen)
{
    size_t i = kwlen;
    if (i >= len || s[i] != '(')
        return;
    const char *close = memchr(s + i, ')', len - i);
    if (close == NULL)
        return;
    size_t end = (size_t)(close - s);
    directive d;
    memset(&d, 0, sizeof d);
    while (++i < end) {
        if (is_blank(s[i]) || s[i] == ',')
            continue;
        size_t start = i;
        while (i < end && !is_blank(s[i]) && s[i] != ',')
            i++;
        char tok[TOKEN_SHOWN_MAX + 1];
        if (i - start > TOKEN_SHOWN_MAX)
            continue;
        memcpy(tok, s + start, i - start);
        tok[i - start] = '\0';
        const cl_rule *rule = cl_rule_find(tok, NULL);
        size_t k = 0;
        while (rule != NULL && k < d.nrules && d.rules[k] != rule)
            k++;
        if (rule != NULL && k == d.nrules) {
            d.rules = cl_xrealloc(d.rules, (d.nrules + 1) * sizeof *d.rules);
            d.rules[d.nrules++] = rule;
        }
    }
    if (d.nrules == 0)
        return;
    size_t r = end + 1, e = len;
    while (r < e && (is_blank(s[r]) || s[r] == ':' || s[r] == '-'))
        r++;
    while (e > r && is_blank(s[e - 1]))
        e--;
    if (e > r)
        d.reason = cl_arena_strndup(&c->out->arena, s + r, e - r);
    add_directive(c, f, &d, line, col, cl_arena_strndup(&c->out->arena, s, len), next_line);
}

/* Looks at one comment's text (without its delimiters). `col` is the
 * 1-based column of the text's first byte on `line`. */
static void scan_comment(sctx *c, sfile *f, uint32_t line, uint32_t col, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_blank(s[i]))
        i++;
    size_t e = i;
    while (e < len && s[e] != '\n')
        e++;
    while (e > i && is_blank(s[e - 1]))
        e--;
    size_t wl = 0;
    while (i + wl < e && is_word(s[i + wl]))
        wl++;
    uint32_t ncol = col + (uint32_t)i;
    if (wl == strlen(KW_NOLINT) && memcmp(s + i, KW_NOLINT, wl) == 0) {
        parse_nolint(c, f, line, ncol, s + i, e - i, 0, wl);
        return;
    }
    if (wl == strlen(KW_NOLINT_NEXT) && memcmp(s + i, KW_NOLINT_NEXT, wl) == 0) {
        parse_nolint(c, f, line, ncol, s + i, e - i, 1, wl);
        return;
    }
    if (wl < strlen(KW_SAME) || memcmp(s + i, KW_SAME, strlen(KW_SAME)) != 0)
        return;
    uint32_t kcol = col + (uint32_t)i;
    if (wl == strlen(KW_SAME)) {
        parse_directive(c, f, line, kcol, s + i, e - i, 0, wl);
    } else if (wl == strlen(KW_NEXT) && memcmp(s + i, KW_NEXT, wl) == 0) {
        parse_directive(c, f, line, kcol, s + i, e - i, 1, wl);
    } else {
        add_note(c, CL_SUPPRESS_MALFORMED, f->shown, line, kcol,
                 cl_arena_strndup(&c->out->arena, s + i, e - i),
                 "malformed suppression: unknown directive '%.*s' (want '" KW_SAME
                 "' or '" KW_NEXT "')",
                 (int)(wl > TOKEN_SHOWN_MAX ? TOKEN_SHOWN_MAX : wl), s + i);
    }
}

/* The file a scan of comments is for (cl_comments_scan's context). */
typedef struct scan_target {
    sctx *c;
    sfile *f;
} scan_target;

static void on_comment(void *ctx, uint32_t line, uint32_t col, const char *text, size_t len,
                       int block)
{
    (void)block; /* both kinds carry suppressions */
    scan_target *t = ctx;
    scan_comment(t->c, t->f, line, col, text, len);
}

/* Marks `fd` suppressed by every directive of `f` that targets its line and
 * names its rule or `all`; records which directive rules were used. */
static void match_finding(sctx *c, sfile *f, cl_finding *fd)
{
    int was = fd->suppressed;
    for (size_t i = 0; i < f->dirs.n; i++) {
        directive *d = &f->dirs.v[i];
        int hit = 0;
        if (d->target != fd->loc.line)
            continue;
        for (size_t k = 0; k < d->nrules; k++)
            if (strcmp(d->rules[k]->id, fd->rule->id) == 0) {
                d->used[k] = 1;
                hit = 1;
            }
        if (d->all) {
            d->all_used = 1;
            hit = 1;
        }
        if (!hit)
            continue;
        fd->suppressed = 1;
        if (d->reason != NULL && fd->suppression_reason == NULL) {
            if (d->reason_copy == NULL)
                d->reason_copy = cl_arena_strdup(&c->fs->arena, d->reason);
            fd->suppression_reason = d->reason_copy;
        }
    }
    if (!was && fd->suppressed)
        c->out->nsuppressed++;
}

static size_t rule_index_of(const cl_rule *r)
{
    for (size_t i = 0; i < cl_nrules; i++)
        if (cl_rules[i] == r)
            return i;
    return cl_nrules;
}

static void report_unused(sctx *c, sfile *f, directive *d, const unsigned char *rule_active)
{
    if (d->all) {
        if (!d->all_used)
            add_note(c, CL_SUPPRESS_UNUSED, f->shown, d->line, d->col, d->text,
                     "unused suppression: no finding on line %u", (unsigned)d->target);
        return; /* `all` covers the named rules too */
    }
    cl_strbuf b = {0};
    size_t nunused = 0;
    for (size_t k = 0; k < d->nrules; k++) {
        size_t ri = rule_index_of(d->rules[k]);
        if (d->used[k] || (rule_active != NULL && ri < cl_nrules && !rule_active[ri]))
            continue;
        nunused++;
        cl_strbuf_addf(&b, "%s'%s'", nunused > 1 ? ", " : "", d->rules[k]->id);
    }
    if (nunused > 0)
        add_note(c, CL_SUPPRESS_UNUSED, f->shown, d->line, d->col, d->text,
                 "unused suppression: no %s finding on line %u", cl_strbuf_str(&b),
                 (unsigned)d->target);
    cl_strbuf_release(&b);
}

static int cmp_note(const void *a, const void *b)
{
    const cl_suppress_note *x = a, *y = b;
    int r = strcmp(x->loc.file, y->loc.file);
    if (r != 0)
        return r;
    if (x->loc.line != y->loc.line)
        return x->loc.line < y->loc.line ? -1 : 1;
    if (x->loc.col != y->loc.col)
        return x->loc.col < y->loc.col ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return strcmp(x->message, y->message);
}

void cl_suppress_apply(cl_findings *fs, char *const *files, size_t nfiles,
                       const unsigned char *rule_active, cl_suppress_report *out)
{
    sctx c;

    memset(out, 0, sizeof *out);
    memset(&c, 0, sizeof c);
    c.out = out;
    c.fs = fs;
    c.cwd = cl_path_normalize(".", NULL);

    for (size_t i = 0; i < nfiles; i++)
        if (files[i] != NULL)
            get_file(&c, files[i]);
    for (size_t i = 0; i < fs->list.n; i++)
        if (fs->list.v[i].loc.file != NULL && fs->list.v[i].rule != NULL)
            get_file(&c, fs->list.v[i].loc.file);

    for (size_t i = 0; i < c.files.n; i++) {
        sfile *f = &c.files.v[i];
        char *buf = NULL, why[256];
        size_t len = 0;
        if (cl_read_file(f->norm, CL_SUPPRESS_MAX_FILE_BYTES, &buf, &len, why, sizeof why) < 0) {
            add_note(&c, CL_SUPPRESS_UNREADABLE, f->shown, 0, 0, NULL,
                     "cannot read '%s' for suppressions: %s", f->shown, why);
            continue;
        }
        scan_target t = { &c, f };
        cl_comments_scan(buf, len, on_comment, &t);
        free(buf);
    }

    for (size_t i = 0; i < fs->list.n; i++) {
        cl_finding *fd = &fs->list.v[i];
        size_t idx;
        if (fd->loc.file == NULL || fd->rule == NULL)
            continue;
        char *norm = cl_path_normalize(fd->loc.file, c.cwd);
        if (cl_strmap_get(&c.index, norm, &idx) && c.files.v[idx].dirs.n > 0)
            match_finding(&c, &c.files.v[idx], fd);
        free(norm);
    }

    for (size_t i = 0; i < c.files.n; i++) {
        sfile *f = &c.files.v[i];
        for (size_t k = 0; k < f->dirs.n; k++) {
            report_unused(&c, f, &f->dirs.v[k], rule_active);
            release_directive(&f->dirs.v[k]);
        }
        free(f->dirs.v);
    }
    if (out->notes.n > 1)
        qsort(out->notes.v, out->notes.n, sizeof *out->notes.v, cmp_note);

    free(c.files.v);
    cl_strmap_release(&c.index);
    free(c.cwd);
}

void cl_suppress_report_release(cl_suppress_report *r)
{
    free(r->notes.v);
    cl_arena_release(&r->arena);
    memset(r, 0, sizeof *r);
}
