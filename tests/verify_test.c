/* verify_test.c - unit tests for the --verify oracle (verify.c): findings
 * built in memory against temporary source files carrying directives.
 *
 * Needs CL002 (unguarded-shared-state) in the rule registry. Exit
 * status 0 when all checks pass, 1 otherwise; each failed check prints its
 * line and the oracle's output.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/arena.h"
#include "report/finding.h"
#include "rule.h"
#include "report/verify.h"
#include "testutil.h"

static char *tmpdir;

/* Rules that are not in the registry, for findings that must come out as
 * unexpected; directives can only name registered rules. The test needs
 * nothing from the registry but CL002 (unguarded-shared-state). */
static const cl_rule fake_rules[] = {
    {.id = "CL901", .name = "fake-first", .short_desc = "", .full_desc = "", .help_md = "",
     .default_level = CL_LEVEL_WARNING},
    {.id = "CL903", .name = "fake-third", .short_desc = "", .full_desc = "", .help_md = "",
     .default_level = CL_LEVEL_WARNING},
};

static void add_finding(cl_findings *fs, const char *file, unsigned line, const char *rule_id,
                        const char *message, int suppressed)
{
    cl_finding f;
    size_t index = 0;
    memset(&f, 0, sizeof f);
    for (size_t i = 0; i < sizeof fake_rules / sizeof fake_rules[0]; i++)
        if (strcmp(fake_rules[i].id, rule_id) == 0)
            f.rule = &fake_rules[i];
    if (f.rule == NULL)
        f.rule = cl_rule_find(rule_id, &index);
    if (f.rule == NULL) {
        fprintf(stderr, "rule '%s' not in the registry\n", rule_id);
        exit(2);
    }
    f.rule_index = index;
    f.level = CL_LEVEL_WARNING;
    f.loc.file = cl_arena_strdup(&fs->arena, file);
    f.loc.line = line;
    f.loc.col = 1;
    f.message = cl_arena_strdup(&fs->arena, message);
    f.suppressed = suppressed;
    CL_VEC_PUSH(&fs->list, f);
}

/* Adds a related location to the last finding added. */
static void add_related(cl_findings *fs, const char *file, unsigned line, const char *message)
{
    cl_finding *f = &fs->list.v[fs->list.n - 1];
    cl_related *r = cl_arena_alloc(&fs->arena, (f->nrelated + 1) * sizeof *r);
    if (f->nrelated > 0)
        memcpy(r, f->related, f->nrelated * sizeof *r);
    memset(&r[f->nrelated], 0, sizeof *r);
    r[f->nrelated].loc.file = cl_arena_strdup(&fs->arena, file);
    r[f->nrelated].loc.line = line;
    r[f->nrelated].message = cl_arena_strdup(&fs->arena, message);
    f->related = r;
    f->nrelated++;
}

/* Adds a thread flow named `thread` with the NULL-ended step messages to
 * the last finding added. */
static void add_flow(cl_findings *fs, const char *thread, ...)
{
    cl_finding *f = &fs->list.v[fs->list.n - 1];
    cl_thread_flow *fl = cl_arena_alloc(&fs->arena, (f->nflows + 1) * sizeof *fl);
    if (f->nflows > 0)
        memcpy(fl, f->flows, f->nflows * sizeof *fl);
    cl_thread_flow *t = &fl[f->nflows];
    memset(t, 0, sizeof *t);
    t->thread = cl_arena_strdup(&fs->arena, thread);
    va_list ap;
    va_start(ap, thread);
    for (const char *m = va_arg(ap, const char *); m != NULL; m = va_arg(ap, const char *)) {
        cl_flow_step *st = cl_arena_alloc(&fs->arena, (t->nsteps + 1) * sizeof *st);
        if (t->nsteps > 0)
            memcpy(st, t->steps, t->nsteps * sizeof *st);
        memset(&st[t->nsteps], 0, sizeof *st);
        st[t->nsteps].message = cl_arena_strdup(&fs->arena, m);
        t->steps = st;
        t->nsteps++;
    }
    va_end(ap);
    f->flows = fl;
    f->nflows++;
}

static void findings_free(cl_findings *fs)
{
    cl_arena_release(&fs->arena);
    free(fs->list.v);
    memset(fs, 0, sizeof *fs);
}

/* Runs cl_verify and keeps its output in `out` (replacing the previous one). */
static int run(const cl_findings *fs, char **files, size_t nfiles, char **out)
{
    FILE *fp = tmpfile();
    if (fp == NULL) {
        perror("tmpfile");
        exit(2);
    }
    int rc = cl_verify(fs, files, nfiles, fp);
    long len = ftell(fp);
    rewind(fp);
    free(*out);
    *out = cl_xcalloc(1, (size_t)len + 1);
    if (len > 0 && fread(*out, 1, (size_t)len, fp) != (size_t)len) {
        perror("fread");
        exit(2);
    }
    fclose(fp);
    t_all()->output = *out; /* shown with each failed check */
    return rc;
}

static int containsf(const char *hay, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int containsf(const char *hay, const char *fmt, ...)
{
    char needle[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(needle, sizeof needle, fmt, ap);
    va_end(ap);
    return strstr(hay, needle) != NULL;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static const char basic_src[] =
    "int counter; // expect: CL002\n"                        /* 1 */
    "void f(void)\n"                                         /* 2 */
    "{\n"                                                    /* 3 */
    "    // expect@+1: CL002, unguarded-shared-state\n"      /* 4 */
    "    counter++;\n"                                       /* 5 */
    "}\n";                                                   /* 6 */

static void test_match_missing_unexpected(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "basic.c", basic_src);
    char *files[] = {a};

    add_finding(&fs, a, 1, "CL002", "write to 'counter'", 0);
    add_finding(&fs, a, 5, "CL002", "write to 'counter' in 'f'", 0);
    add_finding(&fs, a, 5, "CL002", "read of 'counter' in 'f'", 0);
    add_finding(&fs, a, 2, "CL002", "suppressed one", 1); /* ignored */
    CHECK(run(&fs, files, 1, &out) == 0);
    CHECK(containsf(out, "verify: 3 expected, 3 found, 0 missing, 0 unexpected, 0 todo\n"));
    CHECK(count_lines(out) == 1);
    findings_free(&fs);

    /* One of the two findings on line 5 is gone: counts matter. */
    add_finding(&fs, a, 1, "CL002", "write to 'counter'", 0);
    add_finding(&fs, a, 5, "CL002", "write to 'counter' in 'f'", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:5: missing finding CL002 (unguarded-shared-state)\n", a));
    CHECK(containsf(out, "verify: 3 expected, 2 found, 1 missing, 0 unexpected, 0 todo"));
    findings_free(&fs);

    /* Nothing found at all. */
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: missing finding CL002 (unguarded-shared-state)\n", a));
    CHECK(containsf(out, "3 missing"));
    findings_free(&fs);

    /* An extra finding, and one with the right line but the wrong rule. */
    add_finding(&fs, a, 1, "CL002", "write to 'counter'", 0);
    add_finding(&fs, a, 5, "CL002", "w", 0);
    add_finding(&fs, a, 5, "CL002", "r", 0);
    add_finding(&fs, a, 3, "CL002", "read of 'counter' in 'g'", 0);
    add_finding(&fs, a, 1, "CL901", "unbounded spawn", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:3: unexpected finding CL002: read of 'counter' in 'g'\n", a));
    CHECK(containsf(out, "%s:1: unexpected finding CL901: unbounded spawn\n", a));
    CHECK(containsf(out, "verify: 3 expected, 3 found, 0 missing, 2 unexpected, 0 todo"));
    /* Output is sorted by line. */
    CHECK(strstr(out, ":1: unexpected") < strstr(out, ":3: unexpected"));
    findings_free(&fs);

    free(out);
    free(a);
}

static void test_relative_paths(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "rel.c", basic_src);
    char *files[] = {a};
    char *old = getcwd(NULL, 0);

    if (old == NULL || chdir(tmpdir) != 0) {
        perror("chdir");
        exit(2);
    }
    add_finding(&fs, "rel.c", 1, "CL002", "x", 0);
    add_finding(&fs, "./sub/../rel.c", 5, "CL002", "x", 0);
    add_finding(&fs, "rel.c", 5, "CL002", "x", 0);
    CHECK(run(&fs, files, 1, &out) == 0);
    if (chdir(old) != 0) {
        perror("chdir");
        exit(2);
    }
    free(old);
    findings_free(&fs);
    free(out);
    free(a);
}

static void test_malformed(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "malformed.c",
                       "int x; // expect: CL999\n"                   /* 1 */
                       "int y; // expect@x: CL002\n"                 /* 2 */
                       "int z; // expect@+100: CL002\n"              /* 3 */
                       "int w; // fp-todo CL002\n"                   /* 4 */
                       "int v; // expect:\n"                         /* 5 */
                       "int u; // expect: CL002 unguarded-shared\n"  /* 6 */
                       "int t; // expect-none: CL002\n");            /* 7 */
    char *files[] = {a};
    add_finding(&fs, a, 6, "CL002", "x", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: malformed directive: unknown rule 'CL999'\n", a));
    CHECK(containsf(out, "%s:2: malformed directive: bad line offset", a));
    CHECK(containsf(out, "%s:3: malformed directive: offset +100 points outside the file", a));
    CHECK(containsf(out, "%s:4: malformed directive: missing ':' after 'fp-todo'", a));
    CHECK(containsf(out, "%s:5: malformed directive: no rule after 'expect:'", a));
    CHECK(containsf(out, "%s:6: malformed directive: unknown rule 'unguarded-shared'", a));
    CHECK(containsf(out, "%s:7: malformed directive: 'expect-none' takes no rule list", a));
    CHECK(containsf(out, ", 7 malformed"));
    CHECK(!containsf(out, "no directives"));
    findings_free(&fs);

    /* A valid rule list is still malformed beside expect-none. */
    char *b = write_in(tmpdir, "both.c", "// expect-none\nint x; // expect: CL002\n");
    files[0] = b;
    add_finding(&fs, b, 2, "CL002", "x", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: malformed directive: 'expect-none' beside expect directives", b));
    findings_free(&fs);

    free(out);
    free(a);
    free(b);
}

static void test_no_directives_and_lookalikes(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    const char *src =
        "int expected_count; // expected to stay zero\n"                /* 1 */
        "/* expect: CL002 */ int g;\n"                                  /* 2 */
        "const char *s = \"// expect: CL002\";\n"                       /* 3 */
        "int h; // expectation: CL002\n"                                /* 4 */
        "int k; // expect the worst\n"                                  /* 5 */
        "char c = '\"'; int m; // text after a quote char\n"            /* 6 */
        "int n; // unexpect: CL002\n"                                   /* 7 */
        "int o; // fp-todos live in the tracker: CL002\n"               /* 8 */
        "int p; // expect-nonesense\n"                                  /* 9 */
        "int q; // expected: CL002\n"                                   /* 10 */
        "int r; // expect-relatedness: CL002 {{x}}\n"                   /* 11 */
        "int s; // expect-flows: CL002\n";                              /* 12 */
    char *a = write_in(tmpdir, "lookalike.c", src);
    char *files[] = {a};

    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s: no directives (add // expect-none if no finding is expected)\n", a));
    CHECK(containsf(out, ", 1 without directives"));

    add_finding(&fs, a, 1, "CL002", "write to 'expected_count'", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: unexpected finding CL002: write to 'expected_count'", a));
    findings_free(&fs);

    /* The same lines plus expect-none: silent file passes. */
    cl_strbuf b = {0};
    cl_strbuf_add(&b, src);
    cl_strbuf_add(&b, "// expect-none (nothing here races)\n");
    char *n = write_in(tmpdir, "lookalike_none.c", cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    files[0] = n;
    CHECK(run(&fs, files, 1, &out) == 0);
    CHECK(containsf(out, "verify: 0 expected, 0 found, 0 missing, 0 unexpected, 0 todo\n"));
    add_finding(&fs, n, 2, "CL002", "boom", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:2: unexpected finding CL002: boom", n));
    findings_free(&fs);

    /* An empty file has no directives either. */
    char *e = write_in(tmpdir, "empty.c", "");
    files[0] = e;
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s: no directives", e));

    /* A file that cannot be read is an error, not a pass. */
    char *gone = path_in(tmpdir, "does-not-exist.c");
    files[0] = gone;
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "cannot read"));

    free(gone);
    free(out);
    free(a);
    free(n);
    free(e);
}

static void test_offsets(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "offsets.c",
                       "int a;\n"                          /* 1 */
                       "int b; // expect@-1: CL002\n"      /* 2 */
                       "// expect @+2 : unguarded-shared-state\n" /* 3 */
                       "\n"                                /* 4 */
                       "int c;\r\n"                        /* 5 */
                       "int d; // expect@+0: CL002\r\n");  /* 6 */
    char *files[] = {a};
    add_finding(&fs, a, 1, "CL002", "x", 0);
    add_finding(&fs, a, 5, "CL002", "y", 0);
    add_finding(&fs, a, 6, "CL002", "z", 0);
    CHECK(run(&fs, files, 1, &out) == 0);
    CHECK(containsf(out, "verify: 3 expected, 3 found"));
    findings_free(&fs);

    /* Found on the directive's own line instead of the next one. */
    add_finding(&fs, a, 2, "CL002", "x", 0);
    add_finding(&fs, a, 5, "CL002", "y", 0);
    add_finding(&fs, a, 6, "CL903", "z", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: missing finding CL002", a));
    CHECK(containsf(out, "%s:2: unexpected finding CL002: x", a));
    CHECK(containsf(out, "%s:6: missing finding CL002 (unguarded-shared-state)", a));
    CHECK(containsf(out, "%s:6: unexpected finding CL903: z", a));
    findings_free(&fs);
    free(out);
    free(a);
}

static void test_todos(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "todo.c",
                       "int a; // expect-todo: CL002\n"     /* 1 */
                       "int b; // fp-todo: CL002\n"         /* 2 */
                       "int c; // expect: CL002\n"          /* 3 */
                       "// expect-todo@+1: CL002\n"         /* 4 */
                       "int d;\n");                         /* 5 */
    char *files[] = {a};

    /* The known miss stays missing, the known false positive stays: pass. */
    add_finding(&fs, a, 2, "CL002", "fp", 0);
    add_finding(&fs, a, 3, "CL002", "ok", 0);
    CHECK(run(&fs, files, 1, &out) == 0);
    CHECK(containsf(out, "verify: 1 expected, 1 found, 0 missing, 0 unexpected, 3 todo\n"));
    findings_free(&fs);

    /* The todo is found now, and the false positive went away: both stale. */
    add_finding(&fs, a, 1, "CL002", "now found", 0);
    add_finding(&fs, a, 3, "CL002", "ok", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: expect-todo CL002 is now found: turn it into expect\n", a));
    CHECK(containsf(out, "%s:2: fp-todo CL002 no longer reported: remove it\n", a));
    CHECK(containsf(out, "0 unexpected, 1 todo, 2 stale todo"));
    findings_free(&fs);

    /* A second finding beside an fp-todo is still unexpected. */
    add_finding(&fs, a, 2, "CL002", "fp", 0);
    add_finding(&fs, a, 2, "CL002", "another", 0);
    add_finding(&fs, a, 3, "CL002", "ok", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:2: unexpected finding CL002:", a));
    CHECK(containsf(out, "1 unexpected"));
    findings_free(&fs);
    free(out);
    free(a);
}

static void test_headers(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "main.c", "#include \"h.h\"\nint x; // expect: CL002\n");
    char *h = write_in(tmpdir, "h.h", "static int y;\n");
    char *h2 = write_in(tmpdir, "h2.h", "static int z; // expect: CL002\n");
    char *files[] = {a};

    add_finding(&fs, a, 2, "CL002", "x", 0);
    add_finding(&fs, h, 1, "CL002", "in header", 0);
    add_finding(&fs, h2, 1, "CL002", "expected in header", 0);
    add_finding(&fs, "/nonexistent/dir/gen.h", 4, "CL002", "generated", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: unexpected finding CL002: in header\n", h));
    CHECK(!containsf(out, "expected in header"));
    CHECK(!containsf(out, "%s: no directives", h));
    CHECK(containsf(out, "/nonexistent/dir/gen.h:4: unexpected finding CL002: generated\n"));
    CHECK(containsf(out, "verify: 2 expected, 2 found, 0 missing, 2 unexpected, 0 todo\n"));
    findings_free(&fs);
    free(out);
    free(a);
    free(h);
    free(h2);
}

/* {{text}} pins on expect and fp-todo: substrings of the message, every
 * pin of a directive in one finding, matched whatever the order. */
static void test_message_pins(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "pins.c",
                       "int a; // expect: CL002 {{races with read}}\n"                     /* 1 */
                       "int b; // expect: CL002 {{read}}, CL002 {{write to 'b'}} {{in 'w'}}\n" /* 2 */
                       "int c; // expect: CL002 {{nope}} -- a note\n"                      /* 3 */
                       "int d; // fp-todo: CL002 {{known}}\n");                            /* 4 */
    char *files[] = {a};

    add_finding(&fs, a, 1, "CL002", "write to 'a' in 'w' races with read in 'main'", 0);
    add_finding(&fs, a, 2, "CL002", "write to 'b' in 'w' races with read in 'main'", 0);
    add_finding(&fs, a, 2, "CL002", "read of 'b' in 'main'", 0);
    add_finding(&fs, a, 3, "CL002", "write to 'c'", 0);
    add_finding(&fs, a, 4, "CL002", "a known false positive", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:3: missing finding CL002 (unguarded-shared-state) {{nope}}\n", a));
    CHECK(containsf(out, "%s:3: unexpected finding CL002: write to 'c'\n", a));
    CHECK(containsf(out, "verify: 4 expected, 3 found, 1 missing, 1 unexpected, 1 todo\n"));
    CHECK(count_lines(out) == 3);
    findings_free(&fs);

    /* The pin of line 1 fails on another message; the fp-todo's too. */
    add_finding(&fs, a, 1, "CL002", "write to 'a' in 'w' races with write in 'main'", 0);
    add_finding(&fs, a, 2, "CL002", "write to 'b' in 'w' races with read in 'main'", 0);
    add_finding(&fs, a, 2, "CL002", "read of 'b' in 'main'", 0);
    add_finding(&fs, a, 3, "CL002", "nope", 0);
    add_finding(&fs, a, 4, "CL002", "another message", 0);
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: missing finding CL002 (unguarded-shared-state) {{races with read}}\n", a));
    CHECK(containsf(out, "%s:1: unexpected finding CL002: write to 'a' in 'w' races with write", a));
    CHECK(containsf(out, "%s:4: fp-todo CL002 {{known}} no longer reported: remove it\n", a));
    CHECK(containsf(out, "%s:4: unexpected finding CL002: another message\n", a));
    CHECK(containsf(out, "verify: 4 expected, 3 found, 1 missing, 2 unexpected, 0 todo, 1 stale todo\n"));
    findings_free(&fs);
    free(out);
    free(a);
}

/* expect-related pins a related location on its own line, expect-flow a
 * thread flow of the finding on its target line. */
static void test_related_and_flows(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "related.c",
                       "int x; // expect: CL002 {{races}}\n"                                 /* 1 */
                       "// expect-flow@-1: CL002 {{thread 'worker'}}, CL002 {{calls 'helper'}}\n" /* 2 */
                       "int y; // expect-related: CL002 {{conflicting write}}\n"             /* 3 */
                       "int z; // expect-related: unguarded-shared-state\n"                  /* 4 */
                       "// expect-flow@-4: CL002 {{worker}} {{writes 'x'}}\n");              /* 5 */
    char *files[] = {a};
    const char *other = "/elsewhere/other.c";

    add_finding(&fs, a, 1, "CL002", "write to 'x' in 'worker' races with read in 'main'", 0);
    add_related(&fs, a, 3, "conflicting write of 'x' in 'main'");
    add_related(&fs, a, 4, "thread 'worker' started here");
    add_flow(&fs, "thread 'worker' (started at related.c:4)", "thread 'worker' starts here",
             "writes 'x'", (const char *)NULL);
    add_flow(&fs, "main thread", "calls 'helper'", "reads 'x'", (const char *)NULL);
    CHECK(run(&fs, files, 1, &out) == 0);
    CHECK(containsf(out, "verify: 1 expected, 1 found, 0 missing, 0 unexpected, 0 todo, 5 related/flow checks\n"));
    findings_free(&fs);

    /* Related locations on other lines or files, or of another rule, and
     * pins spread over two flows, do not count. */
    add_finding(&fs, a, 1, "CL002", "write to 'x' in 'worker' races with read in 'main'", 0);
    add_related(&fs, a, 2, "conflicting write of 'x' in 'main'");
    add_related(&fs, other, 4, "thread 'worker' started here");
    add_flow(&fs, "thread 'worker'", "writes 'y'", (const char *)NULL);
    add_flow(&fs, "main thread", "writes 'x'", (const char *)NULL);
    add_finding(&fs, a, 5, "CL901", "fake", 0);
    add_related(&fs, a, 3, "conflicting write of 'x' in 'main'");
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: missing thread flow of CL002 {{calls 'helper'}}; flows here: 'thread 'worker'', 'main thread'\n", a));
    CHECK(containsf(out, "%s:1: missing thread flow of CL002 {{worker}} {{writes 'x'}}", a));
    CHECK(!containsf(out, "{{thread 'worker'}}"));
    CHECK(containsf(out, "%s:3: missing related location of CL002 {{conflicting write}}\n", a));
    CHECK(containsf(out, "%s:4: missing related location of CL002\n", a));
    CHECK(containsf(out, "4 missing, 1 unexpected"));
    findings_free(&fs);

    /* A pin that does not match says what the related location is. */
    add_finding(&fs, a, 1, "CL002", "races", 0);
    add_related(&fs, a, 3, "thread 'main' started here");
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:3: missing related location of CL002 {{conflicting write}}; related here: 'thread 'main' started here'\n", a));
    CHECK(containsf(out, "%s:1: missing thread flow of CL002 {{thread 'worker'}}\n", a));
    findings_free(&fs);

    /* A suppressed finding bears out nothing. */
    add_finding(&fs, a, 1, "CL002", "races", 0);
    add_finding(&fs, other, 9, "CL002", "suppressed", 1);
    add_related(&fs, a, 4, "thread 'worker' started here");
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:4: missing related location of CL002\n", a));
    findings_free(&fs);
    free(out);
    free(a);
}

static void test_malformed_pins(void)
{
    cl_findings fs = {0};
    char *out = NULL;
    char *a = write_in(tmpdir, "badpins.c",
                       "int a; // expect: CL002 {{unterminated\n"       /* 1 */
                       "int b; // expect: CL002 {{}}\n"                 /* 2 */
                       "int c; // expect: CL002 {races}\n"              /* 3 */
                       "int d; // expect: CL002 -- see {{x}}\n"         /* 4 */
                       "int e; // expect-related CL002\n"               /* 5 */
                       "int f; // expect-flow: CL999 {{x}}\n"           /* 6 */
                       "int g; // expect-flow:\n"                       /* 7 */
                       "int h; // expect-related: {{x}}\n");            /* 8 */
    char *files[] = {a};
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: malformed directive: '{{' without '}}'\n", a));
    CHECK(containsf(out, "%s:2: malformed directive: empty '{{}}'\n", a));
    CHECK(containsf(out, "%s:3: malformed directive: '{' in the note", a));
    CHECK(containsf(out, "%s:4: malformed directive: '{' in the note", a));
    CHECK(containsf(out, "%s:5: malformed directive: missing ':' after 'expect-related'\n", a));
    CHECK(containsf(out, "%s:6: malformed directive: unknown rule 'CL999'\n", a));
    CHECK(containsf(out, "%s:7: malformed directive: no rule after 'expect-flow:'\n", a));
    CHECK(containsf(out, "%s:8: malformed directive: no rule after 'expect-related:'\n", a));
    CHECK(containsf(out, ", 8 malformed"));

    char *b = write_in(tmpdir, "nonerel.c", "// expect-none\nint x; // expect-related: CL002\n");
    files[0] = b;
    CHECK(run(&fs, files, 1, &out) == 1);
    CHECK(containsf(out, "%s:1: malformed directive: 'expect-none' beside expect directives", b));
    free(out);
    free(a);
    free(b);
}

int main(void)
{
    tmpdir = make_tmpdir("verify_test");
    test_match_missing_unexpected();
    test_relative_paths();
    test_malformed();
    test_no_directives_and_lookalikes();
    test_offsets();
    test_todos();
    test_headers();
    test_message_pins();
    test_related_and_flows();
    test_malformed_pins();

    remove_tree(tmpdir);
    free(tmpdir);
    return t_finish("verify_test", t_all());
}
