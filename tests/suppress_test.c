/* suppress_test.c - unit tests for suppress.c: same-line and next-line
 * directives, rules by id and by name, `all`, reasons, block comments,
 * directives inside strings, unused and malformed suppressions, extra files,
 * path spellings, unreadable files and disabled rules.
 *
 * Exit status 0 when all checks pass, 1 otherwise; each failed check prints
 * its line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"
#include "cli/compdb.h"
#include "report/finding.h"
#include "rule.h"
#include "report/suppress.h"
#include "testutil.h"

static char *tmpdir;

/* Adds a finding of `rule` (id or name) at file:line. */
static void add(cl_findings *fs, const char *file, unsigned line, const char *rule)
{
    cl_finding f;
    size_t idx = 0;
    memset(&f, 0, sizeof f);
    f.rule = cl_rule_find(rule, &idx);
    if (f.rule == NULL) {
        fprintf(stderr, "no rule %s in the registry\n", rule);
        exit(2);
    }
    f.rule_index = idx;
    f.level = CL_LEVEL_WARNING;
    f.loc.file = cl_arena_strdup(&fs->arena, file);
    f.loc.line = line;
    f.loc.col = 5;
    f.message = "test finding";
    cl_findings_add(fs, &f);
}

static const cl_finding *at(const cl_findings *fs, unsigned line, const char *rule)
{
    for (size_t i = 0; i < fs->list.n; i++)
        if (fs->list.v[i].loc.line == line && strcmp(fs->list.v[i].rule->id, rule) == 0)
            return &fs->list.v[i];
    fprintf(stderr, "test bug: no finding %s at line %u\n", rule, line);
    exit(2);
}

/* The note of `kind` on `line` whose message contains `needle`, or NULL. */
static const cl_suppress_note *note(const cl_suppress_report *r, cl_suppress_note_kind kind,
                                    unsigned line, const char *needle)
{
    for (size_t i = 0; i < r->notes.n; i++)
        if (r->notes.v[i].kind == kind && r->notes.v[i].loc.line == line &&
            strstr(r->notes.v[i].message, needle) != NULL)
            return &r->notes.v[i];
    return NULL;
}

static size_t notes_on(const cl_suppress_report *r, const char *file, unsigned line)
{
    size_t n = 0;
    for (size_t i = 0; i < r->notes.n; i++)
        if (r->notes.v[i].loc.line == line && strcmp(r->notes.v[i].loc.file, file) == 0)
            n++;
    return n;
}

static void dump(const cl_suppress_report *r)
{
    for (size_t i = 0; i < r->notes.n; i++)
        fprintf(stderr, "  %s:%u:%u: [%d] %s  {%s}\n", r->notes.v[i].loc.file,
                (unsigned)r->notes.v[i].loc.line, (unsigned)r->notes.v[i].loc.col,
                (int)r->notes.v[i].kind, r->notes.v[i].message,
                r->notes.v[i].text ? r->notes.v[i].text : "");
}

static const char main_c[] =
    "int x;\n"                                                              /* 1 */
    "void f(void) {\n"                                                      /* 2 */
    "    x++; // conc-lint-ignore: CL002 -- counter is approximate\n"       /* 3 */
    "    // conc-lint-ignore-next-line: unguarded-shared-state\n"           /* 4 */
    "    x++;\n"                                                            /* 5 */
    "    x++; /* conc-lint-ignore: all */\n"                                /* 6 */
    "    x++;\n"                                                            /* 7 */
    "    x++; // conc-lint-ignore: CL003\n"                                 /* 8 */
    "    x++; // conc-lint-ignore: CL999\n"                                 /* 9 */
    "    const char *s = \"// conc-lint-ignore: CL002\"; x++;\n"            /* 10 */
    "    x++; // conc-lint-ignore-nextline: CL002\n"                        /* 11 */
    "    x++; // conc-lint-ignore: CL002, CL003 -- both, really\n"          /* 12 */
    "    x++; // conc-lint-ignore CL002\n"                                  /* 13 */
    "    x++; // conc-lint-ignore:\n"                                       /* 14 */
    "    x++; // conc-lint-ignore: CL002 counter is approximate\n"          /* 15 */
    "    x++; // see conc-lint-ignore: CL002 in the docs\n"                 /* 16 */
    "    x++; /* conc-lint-ignore: CL002 sleep-coordination\n"              /* 17 */
    "            -- spans lines */ x++;\n"                                  /* 18 */
    "    x++; // conc-lint-ignore:CL002--tight\n"                           /* 19 */
    "    x++; // conc-lint-ignore: CL002 (why)\n"                           /* 20 */
    "    // conc-lint-ignore-next-line: all -- the whole next line\n"       /* 21 */
    "    x++; // conc-lint-ignore: CL002 CL001 -- second reason\n"         /* 22 */
    "}\n";

static void test_main(void)
{
    char *file = write_in(tmpdir, "main.c", main_c);
    cl_findings fs;
    cl_suppress_report r;
    memset(&fs, 0, sizeof fs);

    static const unsigned lines[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        add(&fs, file, lines[i], "CL002");
    add(&fs, file, 6, "CL003"); /* `all` covers every rule */
    add(&fs, file, 22, "CL003");

    cl_suppress_apply(&fs, NULL, 0, NULL, &r);

    /* same line, by id, with a reason */
    CHECK(at(&fs, 3, "CL002")->suppressed);
    CHECK_STR(at(&fs, 3, "CL002")->suppression_reason, "counter is approximate");
    /* the comment line of a next-line directive is not suppressed ... */
    CHECK(!at(&fs, 4, "CL002")->suppressed);
    /* ... the next line is, by rule name, without a reason */
    CHECK(at(&fs, 5, "CL002")->suppressed);
    CHECK(at(&fs, 5, "CL002")->suppression_reason == NULL);
    /* `all`, in a block comment */
    CHECK(at(&fs, 6, "CL002")->suppressed);
    CHECK(at(&fs, 6, "CL003")->suppressed);
    /* a finding on a line without a directive */
    CHECK(!at(&fs, 7, "CL002")->suppressed);
    CHECK(notes_on(&r, file, 7) == 0);
    /* another rule named: not suppressed, and the directive is unused */
    CHECK(!at(&fs, 8, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 8, "unused suppression: no 'CL003' finding on line 8") != NULL);
    /* unknown rule: malformed, suppresses nothing */
    CHECK(!at(&fs, 9, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 9, "malformed suppression: unknown rule 'CL999'") != NULL);
    /* inside a string literal: nothing */
    CHECK(!at(&fs, 10, "CL002")->suppressed);
    CHECK(notes_on(&r, file, 10) == 0);
    /* misspelled keyword */
    CHECK(!at(&fs, 11, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 11, "unknown directive 'conc-lint-ignore-nextline'") != NULL);
    /* several rules, one used, one not; the reason is kept */
    CHECK(at(&fs, 12, "CL002")->suppressed);
    CHECK_STR(at(&fs, 12, "CL002")->suppression_reason, "both, really");
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 12, "no 'CL003' finding on line 12") != NULL);
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 12, "CL002") == NULL);
    /* missing ':' */
    CHECK(!at(&fs, 13, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 13, "missing ':' after 'conc-lint-ignore'") != NULL);
    /* no rule */
    CHECK(!at(&fs, 14, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 14, "no rule after 'conc-lint-ignore:'") != NULL);
    /* a reason without '--' is an unknown rule, with a hint */
    CHECK(!at(&fs, 15, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 15, "unknown rule 'counter' (write a reason after '--')") != NULL);
    /* the directive must begin the comment */
    CHECK(!at(&fs, 16, "CL002")->suppressed);
    CHECK(notes_on(&r, file, 16) == 0);
    /* block comment over two lines: applies to its first line; the reason is
     * on the next line, so it is not part of the directive; CL003 unused */
    CHECK(at(&fs, 17, "CL002")->suppressed);
    CHECK(at(&fs, 17, "CL002")->suppression_reason == NULL);
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 17, "no 'CL003' finding on line 17") != NULL);
    CHECK(!at(&fs, 18, "CL002")->suppressed);
    /* no blanks needed */
    CHECK(at(&fs, 19, "CL002")->suppressed);
    CHECK_STR(at(&fs, 19, "CL002")->suppression_reason, "tight");
    /* punctuation in the list */
    CHECK(!at(&fs, 20, "CL002")->suppressed);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 20, "unexpected '(' in the rule list") != NULL);
    /* two directives on line 22: next-line `all` (from 21) and CL002 CL001 on
     * the line itself; the first with a reason wins; CL001 matched nothing */
    CHECK(at(&fs, 22, "CL002")->suppressed);
    CHECK(at(&fs, 22, "CL003")->suppressed);
    CHECK_STR(at(&fs, 22, "CL002")->suppression_reason, "the whole next line");
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 22, "no 'CL001' finding on line 22") != NULL);
    CHECK(notes_on(&r, file, 21) == 0);

    CHECK(r.nsuppressed == 9);
    CHECK(r.ndirectives == 9);
    /* every note names the file, a line and the directive's column */
    const cl_suppress_note *n9 = note(&r, CL_SUPPRESS_MALFORMED, 9, "CL999");
    CHECK(n9 != NULL && n9->loc.col == 13);
    CHECK(n9 != NULL && n9->text != NULL && strcmp(n9->text, "conc-lint-ignore: CL999") == 0);
    const cl_suppress_note *n17 = note(&r, CL_SUPPRESS_UNUSED, 17, "CL003");
    CHECK(n17 != NULL && strcmp(n17->text, "conc-lint-ignore: CL002 sleep-coordination") == 0);
    /* sorted by line */
    for (size_t i = 1; i < r.notes.n; i++)
        CHECK(r.notes.v[i - 1].loc.line <= r.notes.v[i].loc.line);
    CHECK(r.notes.n == 10);
    if (t_all()->fails)
        dump(&r);

    cl_suppress_report_release(&r);
    CHECK(r.notes.n == 0);

    /* a second run on the same findings: already suppressed ones are not
     * counted again, reasons stay */
    cl_suppress_apply(&fs, NULL, 0, NULL, &r);
    CHECK(r.nsuppressed == 0);
    CHECK_STR(at(&fs, 3, "CL002")->suppression_reason, "counter is approximate");
    cl_suppress_report_release(&r);

    cl_findings_release(&fs);
    free(file);
}

static void test_extra_files_and_paths(void)
{
    char *a = write_in(tmpdir, "a.c", "int a; // conc-lint-ignore: CL002\n"
                                      "int b;\n");
    char *b = write_in(tmpdir, "b.c", "int c;\n"
                                      "// conc-lint-ignore-next-line: CL004 -- old\n"
                                      "int d;\n");
    char *c = write_in(tmpdir, "c.c", "int e; // conc-lint-ignore: CL002\n");
    cl_findings fs;
    cl_suppress_report r;
    memset(&fs, 0, sizeof fs);

    /* the finding names a.c relatively, from the temporary directory */
    char *old = getcwd(NULL, 0);
    CHECK(chdir(tmpdir) == 0);
    add(&fs, "./a.c", 1, "CL002");
    add(&fs, "a.c", 2, "CL002");
    char *const files[] = {a, b};
    cl_suppress_apply(&fs, files, 2, NULL, &r);

    CHECK(fs.list.v[0].suppressed);
    CHECK(!fs.list.v[1].suppressed);
    CHECK(r.nsuppressed == 1);
    /* b.c has no finding but is analyzed: its directive is unused */
    CHECK(r.notes.n == 1);
    if (r.notes.n == 1) {
        CHECK(r.notes.v[0].kind == CL_SUPPRESS_UNUSED);
        CHECK_STR(r.notes.v[0].loc.file, b);
        CHECK(r.notes.v[0].loc.line == 2 && r.notes.v[0].loc.col == 4);
        CHECK_STR(r.notes.v[0].message, "unused suppression: no 'CL004' finding on line 3");
        CHECK_STR(r.notes.v[0].text, "conc-lint-ignore-next-line: CL004 -- old");
    } else {
        dump(&r);
    }
    /* c.c is neither analyzed nor holds a finding: not read */
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 1, "CL002") == NULL);
    cl_suppress_report_release(&r);

    /* disabled rules: a directive for a rule that did not run is not unused */
    unsigned char *active = cl_xcalloc(cl_nrules, 1);
    size_t i004 = 0;
    cl_rule_find("CL004", &i004);
    for (size_t i = 0; i < cl_nrules; i++)
        active[i] = i != i004;
    cl_suppress_apply(&fs, files, 2, active, &r);
    CHECK(r.notes.n == 0);
    if (r.notes.n != 0)
        dump(&r);
    cl_suppress_report_release(&r);
    free(active);
    CHECK(chdir(old) == 0);
    free(old);

    cl_findings_release(&fs);
    free(a);
    free(b);
    free(c);
}

static void test_unreadable_and_odd_input(void)
{
    cl_findings fs;
    cl_suppress_report r;
    memset(&fs, 0, sizeof fs);
    char *missing = joinf("%s/gone.c", tmpdir);
    add(&fs, missing, 3, "CL002");
    /* binary content, an unterminated block comment and string */
    char *odd = joinf("%s/odd.c", tmpdir);
    {
        FILE *fp = fopen(odd, "wb");
        for (int i = 0; i < 5000; i++)
            fputc((i * 7919) & 0xff, fp);
        fputs("\n\"unterminated\n'x\n/* conc-lint-ignore: CL002", fp);
        fclose(fp);
    }
    char *const files[] = {odd};
    cl_suppress_apply(&fs, files, 1, NULL, &r);
    CHECK(!fs.list.v[0].suppressed);
    const cl_suppress_note *n = NULL;
    for (size_t i = 0; i < r.notes.n; i++)
        if (r.notes.v[i].kind == CL_SUPPRESS_UNREADABLE)
            n = &r.notes.v[i];
    CHECK(n != NULL && n->loc.line == 0 && n->text == NULL);
    CHECK(n != NULL && strstr(n->message, "cannot read '") != NULL &&
          strstr(n->message, "gone.c' for suppressions: ") != NULL);
    cl_suppress_report_release(&r);
    cl_findings_release(&fs);

    /* no findings, no files: nothing to do */
    memset(&fs, 0, sizeof fs);
    cl_suppress_apply(&fs, NULL, 0, NULL, &r);
    CHECK(r.notes.n == 0 && r.nsuppressed == 0 && r.ndirectives == 0);
    cl_suppress_report_release(&r);
    free(missing);
    free(odd);
}

static const char nolint_c[] =
    "int x;\n"                                                              /* 1 */
    "void f(void) {\n"                                                      /* 2 */
    "    x++; // NOLINT(CL002)\n"                                          /* 3 */
    "    // NOLINTNEXTLINE(bugprone-foo, unguarded-shared-state)\n"        /* 4 */
    "    x++;\n"                                                            /* 5 */
    "    x++; // NOLINT\n"                                                 /* 6 */
    "    x++; // NOLINT(bugprone-foo)\n"                                   /* 7 */
    "    x++; /* NOLINT(CL002 CL003): approximate */\n"                     /* 8 */
    "    x++; // NOLINT(CL003)\n"                                          /* 9 */
    "    x++; // see NOLINT(CL002)\n"                                      /* 10 */
    "}\n";

/* clang-tidy's NOLINT(...) / NOLINTNEXTLINE(...) as aliases. */
static void test_nolint(void)
{
    char *file = write_in(tmpdir, "nolint.c", nolint_c);
    cl_findings fs;
    cl_suppress_report r;
    memset(&fs, 0, sizeof fs);
    static const unsigned lines[] = {3, 4, 5, 6, 7, 8, 9, 10};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        add(&fs, file, lines[i], "CL002");
    cl_suppress_apply(&fs, NULL, 0, NULL, &r);
    CHECK(at(&fs, 3, "CL002")->suppressed);            /* NOLINT(id) */
    CHECK(!at(&fs, 4, "CL002")->suppressed);           /* NOLINTNEXTLINE: not its own line */
    CHECK(at(&fs, 5, "CL002")->suppressed);            /* ... the next, by name, beside a clang-tidy check */
    CHECK(!at(&fs, 6, "CL002")->suppressed);           /* bare NOLINT: clang-tidy's */
    CHECK(!at(&fs, 7, "CL002")->suppressed);           /* only clang-tidy checks */
    CHECK(at(&fs, 8, "CL002")->suppressed);            /* block comment, with a reason */
    CHECK_STR(at(&fs, 8, "CL002")->suppression_reason, "approximate");
    CHECK(!at(&fs, 9, "CL002")->suppressed);           /* another rule */
    CHECK(!at(&fs, 10, "CL002")->suppressed);          /* must begin the comment */
    /* NOLINT(CL003) and the CL003 of line 8 matched nothing: unused, as any directive */
    CHECK(note(&r, CL_SUPPRESS_UNUSED, 9, "CL003") != NULL);
    CHECK(note(&r, CL_SUPPRESS_MALFORMED, 6, "") == NULL && note(&r, CL_SUPPRESS_MALFORMED, 7, "") == NULL);
    CHECK(r.ndirectives == 4);
    if (t_all()->fails)
        dump(&r);
    cl_suppress_report_release(&r);
    cl_findings_release(&fs);
    free(file);
}

int main(void)
{
    char *raw = make_tmpdir("suppress_test");
    tmpdir = cl_path_normalize(raw, NULL);
    free(raw);

    test_main();
    test_extra_files_and_paths();
    test_unreadable_and_odd_input();
    test_nolint();

    remove_tree(tmpdir);
    free(tmpdir);
    return t_finish("suppress_test", t_all());
}
