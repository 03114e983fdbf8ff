/* verify.c - see verify.h.
 *
 * Directive grammar (inside a `//` comment, after blanks):
 *   expect-none [free text]
 *   KIND [@+N|@-N] : ITEM [[,] ITEM]... [note]
 *   ITEM = RULE [{{TEXT}}]...
 * with KIND one of expect, expect-todo, fp-todo, expect-related,
 * expect-flow. The keyword must be a whole word: `// expected value` and
 * `int expected_count;` are not directives. `// expect the worst` (no ':'
 * or '@') is prose, not a directive, but the other keywords are not
 * English: without ':' they are malformed. The item list ends at the first
 * word that does not start with a letter, so `// expect: CL002 -- write in
 * 'worker'` carries a note; every word before that must name a rule (a typo
 * is malformed, not ignored), a `{{` must be closed by `}}` on the line and
 * hold some text, and a `{` in the note is malformed (a pin written wrong
 * must not pass as prose).
 *
 * Comments are found by a small lexer that skips string and character
 * literals and block comments, so `"// expect: CL002"` in a string is not a
 * directive.
 *
 * Matching is per (file, line, rule). In each group, findings first
 * satisfy `expect`s, then `fp-todo`s (known false positives still
 * reported); what is left either turns an `expect-todo` stale (it is found
 * now) or is unexpected. A directive with pins takes only a finding whose
 * message contains every pin; each step is a maximum bipartite matching
 * (augmenting paths, Kuhn's algorithm), so the order of the directives does
 * not matter. Unused `expect`s are missing, unused `fp-todo`s are stale
 * (the false positive is gone).
 *
 * `expect-related` and `expect-flow` add no finding: after the matching,
 * each must be borne out by the findings of its rule (see verify.h), or it
 * is counted missing.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "report/verify.h"

#include <ctype.h>
#include <errno.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"
#include "util/comments.h"
#include "cli/compdb.h"
#include "rule.h"

#define SRC_MAX_BYTES ((size_t)64 << 20)
enum { RULE_TOKEN_MAX = 64 };

enum item_kind {
    IT_EXPECT = 0,
    IT_TODO,      /* expect-todo */
    IT_FP_TODO,   /* fp-todo */
    IT_FINDING,
    IT_RELATED,   /* expect-related: kept apart from the findings' groups */
    IT_FLOW       /* expect-flow: likewise */
};

/* The directive keywords (verify.h) and what each one adds. */
static const struct keyword {
    const char *name;
    enum item_kind kind;
} KEYWORDS[] = {
    { "expect", IT_EXPECT },
    { "expect-todo", IT_TODO },
    { "fp-todo", IT_FP_TODO },
    { "expect-related", IT_RELATED },
    { "expect-flow", IT_FLOW },
};

/* The `{{text}}` pins of a directive (strings in the context's arena). */
typedef struct pinlist {
    const char **v;
    size_t n;
} pinlist;

/* A directive's rule or a finding, keyed by target line and rule id. */
typedef struct item {
    uint32_t line;
    const char *rule_id;     /* borrowed from the registry */
    const char *rule_name;
    enum item_kind kind;
    const cl_finding *f;     /* IT_FINDING */
    pinlist pins;            /* directives */
    size_t seq;              /* insertion order, for a stable sort */
} item;

/* One line of output, sorted by line within a file. */
typedef struct msg {
    uint32_t line;   /* 0: about the whole file */
    size_t seq;
    char *text;      /* heap, "file:line: ..." */
} msg;

typedef struct vfile {
    char *norm;          /* absolute, normalized path (heap) */
    const char *shown;   /* path as the caller or the finding named it (borrowed) */
    int listed;          /* named in `files` */
    struct { item *v; size_t n, cap; } items;   /* expectations and findings */
    struct { item *v; size_t n, cap; } checks;  /* expect-related, expect-flow */
    struct { msg *v; size_t n, cap; } msgs;
    size_t ndirectives;  /* valid or malformed */
    int has_none;
    uint32_t none_line;
    int has_rules;       /* some expect, expect-todo or fp-todo */
} vfile;

typedef struct counts {
    size_t expected, found, missing, unexpected, todo;
    size_t malformed, stale, nodirs, unreadable;
    size_t checks;   /* expect-related and expect-flow directives */
} counts;

typedef struct vctx {
    pcre2_code *re_dir;    /* keyword and rest */
    pcre2_code *re_off;    /* "@+N:" rest */
    pcre2_match_data *md;
    char *cwd;
    cl_arena arena;        /* pins */
    struct { vfile *v; size_t n, cap; } files;
    counts n;
    size_t seq;
} vctx;

static void addmsg(vctx *c, vfile *vf, uint32_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void addmsg(vctx *c, vfile *vf, uint32_t line, const char *fmt, ...)
{
    cl_strbuf b = {0};
    char text[1024];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (line > 0)
        cl_strbuf_addf(&b, "%s:%u: %s", vf->shown, (unsigned)line, text);
    else
        cl_strbuf_addf(&b, "%s: %s", vf->shown, text);
    msg m = {line, c->seq++, b.s};
    CL_VEC_PUSH(&vf->msgs, m);
}

static vfile *find_file(vctx *c, const char *norm)
{
    for (size_t i = 0; i < c->files.n; i++)
        if (strcmp(c->files.v[i].norm, norm) == 0)
            return &c->files.v[i];
    return NULL;
}

/* Returns the file for `path`, adding it if new. Takes ownership of nothing. */
static vfile *get_file(vctx *c, const char *path, int listed)
{
    char *norm = cl_path_normalize(path, c->cwd);
    vfile *vf = find_file(c, norm);
    if (vf != NULL) {
        free(norm);
        vf->listed |= listed;
        return vf;
    }
    vfile nf;
    memset(&nf, 0, sizeof nf);
    nf.norm = norm;
    nf.shown = path;
    nf.listed = listed;
    CL_VEC_PUSH(&c->files, nf);
    return &c->files.v[c->files.n - 1];
}

static void add_item(vctx *c, vfile *vf, uint32_t line, const cl_rule *rule,
                     enum item_kind kind, const cl_finding *f, pinlist pins)
{
    item it = {line, rule ? rule->id : "?", rule ? rule->name : "?", kind, f, pins, c->seq++};
    if (kind == IT_RELATED || kind == IT_FLOW)
        CL_VEC_PUSH(&vf->checks, it);
    else
        CL_VEC_PUSH(&vf->items, it);
}

/* Whether `text` contains every pin of `p` (no pin: always). */
static int pins_in(const pinlist *p, const char *text)
{
    for (size_t i = 0; i < p->n; i++)
        if (text == NULL || strstr(text, p->v[i]) == NULL)
            return 0;
    return 1;
}

/* Appends " {{a}} {{b}}" for the pins of `p` to `b`. */
static void add_pins(cl_strbuf *b, const pinlist *p)
{
    for (size_t i = 0; i < p->n; i++)
        cl_strbuf_addf(b, " {{%s}}", p->v[i]);
}

/* Reads the pins after a rule: `{{text}}` groups separated by blanks, from
 * s[*i]. Returns 0 and the pins (copied into the arena), or -1 after
 * reporting a malformed one. */
static int parse_pins(vctx *c, vfile *vf, uint32_t line, const char *s, size_t len, size_t *i,
                      pinlist *out)
{
    struct { const char **v; size_t n, cap; } pins = { NULL, 0, 0 };
    int rc = 0;

    for (;;) {
        size_t k = *i;
        while (k < len && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (len - k < 2 || s[k] != '{' || s[k + 1] != '{')
            break;
        const char *start = s + k + 2;
        size_t left = len - k - 2, n = 0;
        while (n + 1 < left && !(start[n] == '}' && start[n + 1] == '}'))
            n++;
        if (n + 1 >= left) {
            addmsg(c, vf, line, "malformed directive: '{{' without '}}'");
            rc = -1;
            break;
        }
        if (n == 0) {
            addmsg(c, vf, line, "malformed directive: empty '{{}}'");
            rc = -1;
            break;
        }
        CL_VEC_PUSH(&pins, cl_arena_strndup(&c->arena, start, n));
        *i = k + 2 + n + 2;
    }
    out->n = rc == 0 ? pins.n : 0;
    out->v = NULL;
    if (out->n > 0) {
        out->v = cl_arena_alloc(&c->arena, pins.n * sizeof *out->v);
        memcpy(out->v, pins.v, pins.n * sizeof *out->v);
    }
    free(pins.v);
    if (rc != 0)
        c->n.malformed++;
    return rc;
}

static int is_word_char(char ch)
{
    return isalnum((unsigned char)ch) || ch == '_' || ch == '-';
}

/* Parses the rule list of a directive of `kind` on line `line`, targeting
 * `target`; adds one item per rule or reports it malformed. */
static void parse_rules(vctx *c, vfile *vf, uint32_t line, uint32_t target,
                        enum item_kind kind, const char *kw, const char *s, size_t len)
{
    size_t i = 0, nrules = 0;

    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == ','))
            i++;
        if (i >= len || !isalpha((unsigned char)s[i]))
            break; /* end of the list; the rest is a note */
        size_t start = i;
        while (i < len && is_word_char(s[i]))
            i++;
        char tok[RULE_TOKEN_MAX + 1];
        size_t tlen = i - start;
        const cl_rule *rule = NULL;
        size_t index = 0;
        if (tlen <= RULE_TOKEN_MAX) {
            memcpy(tok, s + start, tlen);
            tok[tlen] = '\0';
            rule = cl_rule_find(tok, &index);
        }
        if (rule == NULL) {
            addmsg(c, vf, line, "malformed directive: unknown rule '%.*s'",
                   (int)(tlen > RULE_TOKEN_MAX ? RULE_TOKEN_MAX : tlen), s + start);
            c->n.malformed++;
            return;
        }
        pinlist pins;
        if (parse_pins(c, vf, line, s, len, &i, &pins) != 0)
            return;
        add_item(c, vf, target, rule, kind, NULL, pins);
        nrules++;
    }
    if (nrules == 0) {
        addmsg(c, vf, line, "malformed directive: no rule after '%s:'", kw);
        c->n.malformed++;
    } else if (memchr(s + i, '{', len - i) != NULL) {
        addmsg(c, vf, line, "malformed directive: '{' in the note (a pin is '{{text}}' right after its rule)");
        c->n.malformed++;
    }
}

/* Looks at the text of one `//` comment (without the slashes). */
static void scan_comment(vctx *c, vfile *vf, uint32_t line, uint32_t nlines,
                         const char *text, size_t len)
{
    while (len > 0 && (text[len - 1] == '\r' || text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    int rc = pcre2_match(c->re_dir, (PCRE2_SPTR)text, len, 0, 0, c->md, NULL);
    if (rc < 0)
        return;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(c->md);
    const char *kw = text + ov[2];
    size_t kwlen = ov[3] - ov[2];
    const char *rest = text + ov[4];
    size_t restlen = ov[5] - ov[4];

    if (kwlen == strlen("expect-none") && memcmp(kw, "expect-none", kwlen) == 0) {
        vf->ndirectives++;
        if (restlen > 0 && (rest[0] == ':' || rest[0] == '@')) {
            addmsg(c, vf, line, "malformed directive: 'expect-none' takes no rule list");
            c->n.malformed++;
            return;
        }
        if (!vf->has_none)
            vf->none_line = line;
        vf->has_none = 1;
        return;
    }

    enum item_kind kind = IT_EXPECT;
    const char *kwname = "expect";
    for (size_t k = 0; k < sizeof KEYWORDS / sizeof KEYWORDS[0]; k++) {
        if (strlen(KEYWORDS[k].name) == kwlen && memcmp(KEYWORDS[k].name, kw, kwlen) == 0) {
            kind = KEYWORDS[k].kind;
            kwname = KEYWORDS[k].name;
        }
    }
    if (restlen == 0 || (rest[0] != ':' && rest[0] != '@')) {
        if (kind == IT_EXPECT)
            return; /* prose such as "// expect this to be slow" */
        vf->ndirectives++;
        addmsg(c, vf, line, "malformed directive: missing ':' after '%s'", kwname);
        c->n.malformed++;
        return;
    }
    vf->ndirectives++;
    vf->has_rules = 1;

    uint32_t target = line;
    if (rest[0] == '@') {
        rc = pcre2_match(c->re_off, (PCRE2_SPTR)rest, restlen, 0, 0, c->md, NULL);
        if (rc < 0) {
            addmsg(c, vf, line, "malformed directive: bad line offset in '%.*s' (want '%s@+N:' or '%s@-N:')",
                   (int)(restlen > 40 ? 40 : restlen), rest, kwname, kwname);
            c->n.malformed++;
            return;
        }
        ov = pcre2_get_ovector_pointer(c->md);
        long off = strtol(rest + ov[2], NULL, 10); /* at most 6 digits and a sign */
        long t = (long)line + off;
        if (t < 1 || t > (long)nlines) {
            addmsg(c, vf, line, "malformed directive: offset %+ld points outside the file", off);
            c->n.malformed++;
            return;
        }
        target = (uint32_t)t;
        rest += ov[4];
        restlen = ov[5] - ov[4];
    } else {
        rest++;
        restlen--;
    }
    parse_rules(c, vf, line, target, kind, kwname, rest, restlen);
}

/* The file a scan of comments is for (cl_comments_scan's context). */
typedef struct scan_target {
    vctx *c;
    vfile *vf;
    uint32_t nlines;
} scan_target;

/* Directives live in `//` comments only. */
static void on_comment(void *ctx, uint32_t line, uint32_t col, const char *text, size_t len,
                       int block)
{
    (void)col;
    scan_target *t = ctx;
    if (!block)
        scan_comment(t->c, t->vf, line, t->nlines, text, len);
}

/* Finds the `//` comments of `buf` and scans them for directives. */
static void scan_source(vctx *c, vfile *vf, const char *buf, size_t len)
{
    scan_target t = { c, vf, 0 };
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n')
            t.nlines++;
    if (len > 0 && buf[len - 1] != '\n')
        t.nlines++;
    cl_comments_scan(buf, len, on_comment, &t);
}

static int cmp_item(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    int r = strcmp(x->rule_id, y->rule_id);
    if (r != 0)
        return r;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int cmp_msg(const void *a, const void *b)
{
    const msg *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Kuhn's augmenting path from directive `d`: finds it a finding among
 * `fs` (owner[k]: the directive holding fs[k], or -1), moving others along
 * when that frees one. */
static int augment(item *const *ds, size_t d, item *const *fs, size_t nf, long *owner,
                   char *seen)
{
    for (size_t k = 0; k < nf; k++) {
        if (seen[k] || !pins_in(&ds[d]->pins, fs[k]->f->message))
            continue;
        seen[k] = 1;
        if (owner[k] < 0 || augment(ds, (size_t)owner[k], fs, nf, owner, seen)) {
            owner[k] = (long)d;
            return 1;
        }
    }
    return 0;
}

/* Matches the directives `ds` to the findings `fs` (a maximum matching).
 * Sets used[d] for each matched directive; removes the matched findings
 * from `fs` and returns how many are left. */
static size_t match(item *const *ds, size_t nd, item **fs, size_t nf, char *used)
{
    long *owner = cl_xcalloc(nf + 1, sizeof *owner);
    char *seen = cl_xcalloc(nf + 1, 1);
    for (size_t k = 0; k < nf; k++)
        owner[k] = -1;
    for (size_t d = 0; d < nd; d++) {
        memset(seen, 0, nf);
        used[d] = (char)augment(ds, d, fs, nf, owner, seen);
    }
    size_t left = 0;
    for (size_t k = 0; k < nf; k++)
        if (owner[k] < 0)
            fs[left++] = fs[k];
    free(owner);
    free(seen);
    return left;
}

/* "missing finding CL002 (unguarded-shared-state) {{pin}}" and the like:
 * `what` with the rule and the directive's pins. */
static void addmsg_item(vctx *c, vfile *vf, const item *it, const char *what, const char *tail)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "%s %s", what, it->rule_id);
    if (it->kind == IT_EXPECT)
        cl_strbuf_addf(&b, " (%s)", it->rule_name);
    add_pins(&b, &it->pins);
    addmsg(c, vf, it->line, "%s%s", cl_strbuf_str(&b), tail);
    cl_strbuf_release(&b);
}

/* Checks the group of items [from, to) of one line and rule: findings
 * against expect, then fp-todo, then expect-todo. */
static void compare_group(vctx *c, vfile *vf, size_t from, size_t to)
{
    size_t n = to - from;
    item **ds = cl_xcalloc(n, sizeof *ds);
    item **fs = cl_xcalloc(n, sizeof *fs);
    char *used = cl_xcalloc(n, 1);
    size_t nf = 0;
    for (size_t k = from; k < to; k++)
        if (vf->items.v[k].kind == IT_FINDING)
            fs[nf++] = &vf->items.v[k];

    static const enum item_kind order[] = { IT_EXPECT, IT_FP_TODO, IT_TODO };
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        size_t nd = 0;
        for (size_t k = from; k < to; k++)
            if (vf->items.v[k].kind == order[o])
                ds[nd++] = &vf->items.v[k];
        size_t before = nf;
        nf = match(ds, nd, fs, nf, used);
        size_t got = before - nf;
        for (size_t d = 0; d < nd; d++) {
            if (used[d])
                continue;
            if (order[o] == IT_EXPECT)
                addmsg_item(c, vf, ds[d], "missing finding", "");
            else if (order[o] == IT_FP_TODO)
                addmsg_item(c, vf, ds[d], "fp-todo", " no longer reported: remove it");
        }
        if (order[o] == IT_EXPECT) {
            c->n.expected += nd;
            c->n.found += got;
            c->n.missing += nd - got;
        } else if (order[o] == IT_FP_TODO) {
            c->n.todo += got;
            c->n.stale += nd - got;
        } else {
            for (size_t d = 0; d < nd; d++)
                if (used[d])
                    addmsg_item(c, vf, ds[d], "expect-todo", " is now found: turn it into expect");
            c->n.stale += got;
            c->n.todo += nd - got;
        }
    }
    /* What is left is unexpected (match() keeps the findings' order). */
    for (size_t k = 0; k < nf; k++)
        addmsg(c, vf, fs[k]->line, "unexpected finding %s: %s", fs[k]->rule_id,
               fs[k]->f->message ? fs[k]->f->message : "");
    c->n.unexpected += nf;
    free(ds);
    free(fs);
    free(used);
}

/* Whether related location `r` lies on line `line` of file `vf`. */
static int related_here(vctx *c, const vfile *vf, const cl_related *r, uint32_t line)
{
    if (r->loc.file == NULL || r->loc.line != line)
        return 0;
    char *norm = cl_path_normalize(r->loc.file, c->cwd);
    int same = strcmp(norm, vf->norm) == 0;
    free(norm);
    return same;
}

/* Whether flow `fl` bears every pin of `p`: each in its thread's name or
 * in one of its steps. */
static int flow_matches(const cl_thread_flow *fl, const pinlist *p)
{
    for (size_t i = 0; i < p->n; i++) {
        pinlist one = { &p->v[i], 1 };
        int hit = pins_in(&one, fl->thread);
        for (size_t s = 0; s < fl->nsteps && !hit; s++)
            hit = pins_in(&one, fl->steps[s].message);
        if (!hit)
            return 0;
    }
    return 1;
}

/* Checks one expect-related or expect-flow directive of `vf` against the
 * findings; reports it when no finding bears it out. */
static void check_one(vctx *c, vfile *vf, const item *ck, const cl_findings *findings)
{
    cl_strbuf seen = { NULL, 0, 0 };  /* what the findings offer instead */
    int ok = 0;

    c->n.checks++;
    if (ck->kind == IT_RELATED) {
        for (size_t i = 0; findings != NULL && i < findings->list.n && !ok; i++) {
            const cl_finding *f = &findings->list.v[i];
            if (f->suppressed || f->rule == NULL || strcmp(f->rule->id, ck->rule_id) != 0)
                continue;
            for (size_t r = 0; r < f->nrelated && !ok; r++) {
                if (!related_here(c, vf, &f->related[r], ck->line))
                    continue;
                ok = pins_in(&ck->pins, f->related[r].message);
                cl_strbuf_addf(&seen, "%s'%s'", seen.len ? ", " : "; related here: ",
                               f->related[r].message ? f->related[r].message : "");
            }
        }
    } else {
        for (size_t i = 0; i < vf->items.n && !ok; i++) {
            const item *it = &vf->items.v[i];
            if (it->kind != IT_FINDING || it->line != ck->line ||
                strcmp(it->rule_id, ck->rule_id) != 0)
                continue;
            for (size_t k = 0; k < it->f->nflows && !ok; k++) {
                ok = flow_matches(&it->f->flows[k], &ck->pins);
                cl_strbuf_addf(&seen, "%s'%s'", seen.len ? ", " : "; flows here: ",
                               it->f->flows[k].thread ? it->f->flows[k].thread : "");
            }
        }
    }
    if (!ok) {
        addmsg_item(c, vf, ck, ck->kind == IT_RELATED ? "missing related location of"
                                                      : "missing thread flow of",
                    seen.len ? cl_strbuf_str(&seen) : "");
        c->n.missing++;
    }
    cl_strbuf_release(&seen);
}

/* Compares directives and findings of one file; adds messages. */
static void compare_file(vctx *c, vfile *vf, const cl_findings *findings)
{
    if (vf->items.n > 1)
        qsort(vf->items.v, vf->items.n, sizeof *vf->items.v, cmp_item);
    for (size_t i = 0; i < vf->items.n;) {
        size_t j = i;
        while (j < vf->items.n && vf->items.v[j].line == vf->items.v[i].line &&
               strcmp(vf->items.v[j].rule_id, vf->items.v[i].rule_id) == 0)
            j++;
        compare_group(c, vf, i, j);
        i = j;
    }
    for (size_t i = 0; i < vf->checks.n; i++)
        check_one(c, vf, &vf->checks.v[i], findings);
}

static void print_file(vfile *vf, FILE *out)
{
    if (vf->msgs.n > 1)
        qsort(vf->msgs.v, vf->msgs.n, sizeof *vf->msgs.v, cmp_msg);
    for (size_t i = 0; i < vf->msgs.n; i++)
        fprintf(out, "%s\n", vf->msgs.v[i].text);
}

static void release_ctx(vctx *c)
{
    for (size_t i = 0; i < c->files.n; i++) {
        vfile *vf = &c->files.v[i];
        for (size_t k = 0; k < vf->msgs.n; k++)
            free(vf->msgs.v[k].text);
        free(vf->msgs.v);
        free(vf->items.v);
        free(vf->checks.v);
        free(vf->norm);
    }
    free(c->files.v);
    cl_arena_release(&c->arena);
    pcre2_match_data_free(c->md);
    pcre2_code_free(c->re_dir);
    pcre2_code_free(c->re_off);
    free(c->cwd);
}

static pcre2_code *compile(const char *pattern)
{
    int errcode;
    PCRE2_SIZE erroff;
    return pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff, NULL);
}

int cl_verify(const cl_findings *findings, char *const *files, size_t nfiles, FILE *out)
{
    vctx c;
    int ret = 1;
    size_t nunknown = 0;

    memset(&c, 0, sizeof c);
    c.cwd = cl_path_normalize(".", NULL);
    c.re_dir = compile("^[ \\t]*(expect-none|expect-todo|expect-related|expect-flow|expect|fp-todo)"
                       "(?![A-Za-z0-9_-])"
                       "[ \\t]*(.*)$");
    c.re_off = compile("^@([+-][0-9]{1,6})[ \\t]*:(.*)$");
    if (c.re_dir == NULL || c.re_off == NULL) {
        fprintf(out, "verify: cannot compile the directive patterns\n");
        goto out;
    }
    c.md = pcre2_match_data_create(4, NULL);

    for (size_t i = 0; i < nfiles; i++)
        get_file(&c, files[i], 1);

    /* Findings go to their file; those of a file not listed are checked
     * against its directives too (a header may carry its own). */
    if (findings != NULL) {
        for (size_t i = 0; i < findings->list.n; i++) {
            const cl_finding *f = &findings->list.v[i];
            if (f->suppressed)
                continue;
            if (f->loc.file == NULL) {
                fprintf(out, "<unknown file>: unexpected finding %s: %s\n",
                        f->rule ? f->rule->id : "?", f->message ? f->message : "");
                nunknown++;
                continue;
            }
            vfile *vf = get_file(&c, f->loc.file, 0);
            pinlist none = { NULL, 0 };
            add_item(&c, vf, f->loc.line, f->rule, IT_FINDING, f, none);
        }
    }
    c.n.unexpected += nunknown;

    for (size_t i = 0; i < c.files.n; i++) {
        vfile *vf = &c.files.v[i];
        char *buf = NULL;
        size_t len = 0;
        char why[256];
        int readable = cl_read_file(vf->norm, SRC_MAX_BYTES, &buf, &len, why, sizeof why) == 0;
        if (!readable) {
            if (vf->listed) {
                addmsg(&c, vf, 0, "cannot read '%s': %s", vf->norm, why);
                c.n.unreadable++;
            }
        } else if (len > 0) {
            scan_source(&c, vf, buf, len);
        }
        free(buf);
        if (vf->has_none && vf->has_rules) {
            addmsg(&c, vf, vf->none_line,
                   "malformed directive: 'expect-none' beside expect directives");
            c.n.malformed++;
        }
        if (vf->listed && vf->ndirectives == 0 && readable) {
            addmsg(&c, vf, 0, "no directives (add // expect-none if no finding is expected)");
            c.n.nodirs++;
        }
        compare_file(&c, vf, findings);
        print_file(vf, out);
    }

    fprintf(out, "verify: %zu expected, %zu found, %zu missing, %zu unexpected, %zu todo",
            c.n.expected, c.n.found, c.n.missing, c.n.unexpected, c.n.todo);
    if (c.n.checks)
        fprintf(out, ", %zu related/flow checks", c.n.checks);
    if (c.n.malformed)
        fprintf(out, ", %zu malformed", c.n.malformed);
    if (c.n.stale)
        fprintf(out, ", %zu stale todo", c.n.stale);
    if (c.n.nodirs)
        fprintf(out, ", %zu without directives", c.n.nodirs);
    if (c.n.unreadable)
        fprintf(out, ", %zu unreadable", c.n.unreadable);
    fputc('\n', out);
    ret = c.n.missing || c.n.unexpected || c.n.malformed || c.n.stale || c.n.nodirs ||
                  c.n.unreadable
              ? 1
              : 0;
out:
    release_ctx(&c);
    return ret;
}
