/* baseline_test.c - unit tests of --baseline (analyzer/report/baseline.c) and of
 * the GitHub Actions writer (analyzer/report/report_github.c), on synthetic SARIF
 * logs and findings; needs no libclang parse.
 *
 *   baseline_test    run every check; exit 1 on any failure, 2 on a setup error
 *
 * Uses the real registry (cl_rules) so a log written by the real SARIF writer
 * can be read back as a baseline (the round-trip test).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report/baseline.h"
#include "report/finding.h"
#include "report/report.h"
#include "report/report_github.h"
#include "rule.h"
#include "testutil.h"

/* --- helpers ------------------------------------------------------------- */

/* Renders with the GitHub writer into a heap string (caller frees). */
static char *render_github(const cl_report *r, int (*keep)(const cl_finding *, void *), int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    if (fp == NULL)
        t_die("open", "memstream");
    *rc = keep ? cl_report_write_github_if(fp, r, keep, NULL) : cl_report_write_github(fp, r);
    fclose(fp);
    return buf;
}

/* Loads `text` (written to <dir>/<name>) as a baseline; returns the rc and
 * leaves the message in `err`. */
static int load_text(cl_baseline *b, const char *dir, const char *name, const char *text,
                     char *err, size_t errlen)
{
    char *p = path_in(dir, name);
    write_text_file(p, text);
    err[0] = '\0';
    int rc = cl_baseline_load(b, p, err, errlen);
    free(p);
    return rc;
}

static int is_empty(const cl_baseline *b)
{
    return b->entries.n == 0 && b->entries.v == NULL && b->order == NULL &&
           b->arena.head == NULL;
}

/* --- load errors ------------------------------------------------------------ */

typedef struct bad_case {
    const char *name, *text, *want;
} bad_case;

static void test_load_errors(t_ctx *t, const char *dir)
{
    static const bad_case cases[] = {
        {"empty.sarif", "", "is not JSON: the file is empty"},
        {"notjson.sarif", "this is not json\n", "is not JSON: syntax error at line 1"},
        {"truncated.sarif", "{\"version\": \"2.1.0\",\n \"runs\": [", "is not JSON: syntax error at line 2"},
        {"trailing.sarif", "{\"version\":\"2.1.0\",\"runs\":[]}\n}", "unexpected data after the document at line 2"},
        {"array.sarif", "[1, 2]", "the document is not an object"},
        {"version.sarif", "{\"version\":\"2.0.0\",\"runs\":[]}", "is not SARIF 2.1.0: \"version\" is '2.0.0'"},
        {"version-num.sarif", "{\"version\":2,\"runs\":[]}", "\"version\" is not a string"},
        {"noruns.sarif", "{\"version\":\"2.1.0\"}", "no \"runs\" array"},
        {"runs-obj.sarif", "{\"version\":\"2.1.0\",\"runs\":{}}", "no \"runs\" array"},
        {"zeroruns.sarif", "{\"version\":\"2.1.0\",\"runs\":[]}", "has no runs"},
        {"foreign.sarif",
         "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"clang-tidy\"}},\"results\":[]}]}",
         "has no conc-lint run (1 run of other tools)"},
        {"noname.sarif", "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}, 7]}",
         "has no conc-lint run (2 runs of other tools)"},
        {"results-obj.sarif",
         "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"conc-lint\"}},\"results\":{}}]}",
         "runs[0].results is not an array"},
    };
    char err[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cl_baseline b = {0};
        int rc = load_text(&b, dir, cases[i].name, cases[i].text, err, sizeof err);
        CHECK_IN(t, rc == -1);
        CHECK_IN(t, contains(err, cases[i].want));
        CHECK_IN(t, contains(err, cases[i].name)); /* the file is named */
        CHECK_IN(t, is_empty(&b));
        if (rc != -1 || !contains(err, cases[i].want))
            fprintf(stderr, "  case %s: rc %d, err \"%s\"\n", cases[i].name, rc, err);
        cl_baseline_release(&b);
    }

    /* Deep nesting: cJSON's nesting limit refuses it instead of recursing
     * until the stack overflows. */
    cl_strbuf deep = {0};
    for (int i = 0; i < 100000; i++)
        cl_strbuf_add(&deep, "[");
    cl_baseline b = {0};
    CHECK_IN(t, load_text(&b, dir, "deep.sarif", deep.s, err, sizeof err) == -1);
    CHECK_IN(t, contains(err, "is not JSON"));
    cl_strbuf_release(&deep);

    /* Missing file, a directory, a FIFO (must not block), NULL/empty path. */
    char *missing = path_in(dir, "no-such.sarif");
    CHECK_IN(t, cl_baseline_load(&b, missing, err, sizeof err) == -1);
    CHECK_IN(t, contains(err, "cannot read baseline") && contains(err, "No such file"));
    free(missing);
    CHECK_IN(t, cl_baseline_load(&b, dir, err, sizeof err) == -1);
    CHECK_IN(t, contains(err, "not a regular file"));
    char *fifo = path_in(dir, "fifo.sarif");
    if (mkfifo(fifo, 0600) == 0) {
        CHECK_IN(t, cl_baseline_load(&b, fifo, err, sizeof err) == -1);
        CHECK_IN(t, contains(err, "not a regular file"));
    }
    free(fifo);
    CHECK_IN(t, cl_baseline_load(&b, "", err, sizeof err) == -1);
    CHECK_IN(t, contains(err, "no baseline file given"));
    CHECK_IN(t, cl_baseline_load(&b, NULL, NULL, 0) == -1); /* err may be NULL */

    /* Huge: a sparse file one byte over the cap is refused before reading. */
    char *huge = path_in(dir, "huge.sarif");
    int fd = open(huge, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0)
        t_die("create", huge);
    if (ftruncate(fd, (off_t)CL_BASELINE_MAX_BYTES + 1) != 0)
        t_die("extend", huge);
    close(fd);
    CHECK_IN(t, cl_baseline_load(&b, huge, err, sizeof err) == -1);
    CHECK_IN(t, contains(err, "is too large") && contains(err, "64 MiB"));
    unlink(huge);
    free(huge);

    /* A short err buffer is truncated, not overrun. */
    char small[8];
    memset(small, 'x', sizeof small);
    CHECK_IN(t, cl_baseline_load(&b, "/nonexistent/x.sarif", small, sizeof small) == -1);
    CHECK_IN(t, strlen(small) == sizeof small - 1);
    CHECK_IN(t, is_empty(&b));
    cl_baseline_release(&b);
}

/* --- a hand-written baseline ------------------------------------------------- */

/* Results, in order:
 *   0 CL002 aaaa (full location)        -> entry 0
 *   1 CL002 aaaa (duplicate)            -> entry 1
 *   2 CL001 bbbb                        -> entry 2
 *   3 no partialFingerprints            -> skipped
 *   4 only another tool's fingerprint   -> skipped
 *   5 "absent" in that log              -> counted in nabsent
 *   6 a number                          -> skipped
 *   7 rule.id instead of ruleId, note   -> entry 3
 *   8 CL003 cccc, empty fingerprint     -> skipped
 * plus a clang-tidy run (ignored) and a second conc-lint run with one result
 * (CL004 dddd -> entry 4) and a run with results: null. */
static const char baseline_log[] =
    "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[\n"
    " {\"tool\":{\"driver\":{\"name\":\"conc-lint\"}},\"results\":[\n"
    "  {\"ruleId\":\"CL002\",\"level\":\"error\",\"message\":{\"text\":\"write to 'stats.bytes' races.\"},\n"
    "   \"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"src/stats.c\",\"uriBaseId\":\"%SRCROOT%\"},\n"
    "     \"region\":{\"startLine\":48,\"startColumn\":11}},\"logicalLocations\":[{\"name\":\"stats_add\",\"kind\":\"function\"}]}],\n"
    "   \"partialFingerprints\":{\"concLint/v1\":\"aaaa\"}},\n"
    "  {\"ruleId\":\"CL002\",\"message\":{\"text\":\"second\"},\"partialFingerprints\":{\"concLint/v1\":\"aaaa\"}},\n"
    "  {\"ruleId\":\"CL001\",\"partialFingerprints\":{\"concLint/v1\":\"bbbb\",\"other/v1\":\"zz\"}},\n"
    "  {\"ruleId\":\"CL002\",\"message\":{\"text\":\"no fingerprint\"}},\n"
    "  {\"ruleId\":\"CL002\",\"partialFingerprints\":{\"primaryLocationLineHash\":\"1234:1\"}},\n"
    "  {\"ruleId\":\"CL002\",\"baselineState\":\"absent\",\"partialFingerprints\":{\"concLint/v1\":\"eeee\"}},\n"
    "  42,\n"
    "  {\"rule\":{\"id\":\"CL003\"},\"level\":\"note\",\"partialFingerprints\":{\"concLint/v1\":\"cccc\"},\n"
    "   \"locations\":[{\"physicalLocation\":{\"region\":{\"startLine\":-3,\"startColumn\":\"x\"}}}]},\n"
    "  {\"ruleId\":\"CL003\",\"partialFingerprints\":{\"concLint/v1\":\"\"}}\n"
    " ]},\n"
    " {\"tool\":{\"driver\":{\"name\":\"clang-tidy\"}},\"results\":[{\"ruleId\":\"x\",\"partialFingerprints\":{\"concLint/v1\":\"ffff\"}}]},\n"
    " {\"tool\":{\"driver\":{\"name\":\"conc-lint\"}},\"results\":[\n"
    "  {\"ruleId\":\"CL004\",\"level\":\"bogus\",\"partialFingerprints\":{\"concLint/v1\":\"dddd\"}}]},\n"
    " {\"tool\":{\"driver\":{\"name\":\"conc-lint\"}},\"results\":null}\n"
    "]}\n";

static void test_load_fields(t_ctx *t, const char *dir)
{
    cl_baseline b = {0};
    char err[512] = "";
    int rc = load_text(&b, dir, "base.sarif", baseline_log, err, sizeof err);
    CHECK_IN(t, rc == 0);
    if (rc != 0) {
        fprintf(stderr, "  load: %s\n", err);
        return;
    }
    CHECK_IN(t, b.entries.n == 5);
    CHECK_IN(t, b.nskipped == 4);
    CHECK_IN(t, b.nabsent == 1);
    CHECK_IN(t, b.nforeign_runs == 1);
    CHECK_IN(t, b.nmatched == 0);
    if (b.entries.n != 5)
        goto out;
    const cl_baseline_entry *e = &b.entries.v[0];
    CHECK_IN(t, strcmp(e->rule_id, "CL002") == 0 && strcmp(e->fingerprint, "aaaa") == 0);
    CHECK_IN(t, e->level == CL_LEVEL_ERROR);
    CHECK_IN(t, e->message && strcmp(e->message, "write to 'stats.bytes' races.") == 0);
    CHECK_IN(t, e->uri && strcmp(e->uri, "src/stats.c") == 0);
    CHECK_IN(t, e->uri_base_id && strcmp(e->uri_base_id, "%SRCROOT%") == 0);
    CHECK_IN(t, e->line == 48 && e->col == 11);
    CHECK_IN(t, e->function && strcmp(e->function, "stats_add") == 0);
    CHECK_IN(t, e->run == 0 && e->index == 0);
    e = &b.entries.v[1];
    CHECK_IN(t, e->level == CL_LEVEL_WARNING); /* SARIF default */
    CHECK_IN(t, e->uri == NULL && e->uri_base_id == NULL && e->function == NULL);
    CHECK_IN(t, e->line == 0 && e->col == 0);
    e = &b.entries.v[3];
    CHECK_IN(t, strcmp(e->rule_id, "CL003") == 0 && e->level == CL_LEVEL_NOTE);
    CHECK_IN(t, e->line == 0 && e->col == 0); /* invalid region values ignored */
    CHECK_IN(t, e->message == NULL);
    CHECK_IN(t, e->run == 0 && e->index == 7);
    e = &b.entries.v[4];
    CHECK_IN(t, strcmp(e->rule_id, "CL004") == 0 && e->level == CL_LEVEL_WARNING);
    CHECK_IN(t, e->run == 2 && e->index == 0);
out:
    cl_baseline_release(&b);
    CHECK_IN(t, is_empty(&b));
    cl_baseline_release(&b); /* twice is fine */
}

/* --- classify, duplicates, absent -------------------------------------------- */

static void test_classify(t_ctx *t, const char *dir)
{
    cl_baseline b = {0};
    char err[512] = "";
    CHECK_IN(t, load_text(&b, dir, "base.sarif", baseline_log, err, sizeof err) == 0);

    /* same fingerprint under another rule is not a match */
    CHECK_IN(t, cl_baseline_classify(&b, "CL001", "aaaa") == CL_BASELINE_NEW);
    /* unknown fingerprint */
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", "zzzz") == CL_BASELINE_NEW);
    /* fingerprints of skipped and foreign results never match */
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", "eeee") == CL_BASELINE_NEW);
    CHECK_IN(t, cl_baseline_classify(&b, "x", "ffff") == CL_BASELINE_NEW);
    CHECK_IN(t, cl_baseline_classify(&b, "CL003", "") == CL_BASELINE_NEW);
    /* NULLs */
    CHECK_IN(t, cl_baseline_classify(&b, NULL, "aaaa") == CL_BASELINE_NEW);
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", NULL) == CL_BASELINE_NEW);
    CHECK_IN(t, cl_baseline_classify(NULL, "CL002", "aaaa") == CL_BASELINE_NEW);
    CHECK_IN(t, b.nmatched == 0);

    /* nothing matched yet: every entry is absent, in log order */
    const cl_baseline_entry *abs[8];
    CHECK_IN(t, cl_baseline_absent(&b, NULL) == 5);
    CHECK_IN(t, cl_baseline_absent(&b, abs) == 5 && abs[0] == &b.entries.v[0] && abs[4] == &b.entries.v[4]);

    /* duplicates: two "aaaa" entries absorb two findings; the third is new */
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", "aaaa") == CL_BASELINE_UNCHANGED);
    CHECK_IN(t, b.entries.v[0].matched && !b.entries.v[1].matched); /* log order */
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", "aaaa") == CL_BASELINE_UNCHANGED);
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", "aaaa") == CL_BASELINE_NEW);
    /* across runs and via rule.id */
    CHECK_IN(t, cl_baseline_classify(&b, "CL004", "dddd") == CL_BASELINE_UNCHANGED);
    CHECK_IN(t, cl_baseline_classify(&b, "CL003", "cccc") == CL_BASELINE_UNCHANGED);
    CHECK_IN(t, cl_baseline_classify(&b, "CL003", "cccc") == CL_BASELINE_NEW);
    CHECK_IN(t, b.nmatched == 4);

    /* absent: only CL001 bbbb is left */
    size_t n = cl_baseline_absent(&b, NULL);
    CHECK_IN(t, n == 1);
    memset(abs, 0, sizeof abs);
    CHECK_IN(t, cl_baseline_absent(&b, abs) == 1);
    CHECK_IN(t, abs[0] != NULL && strcmp(abs[0]->rule_id, "CL001") == 0 &&
                strcmp(abs[0]->fingerprint, "bbbb") == 0 && abs[1] == NULL);
    CHECK_IN(t, strcmp(cl_baseline_state_name(CL_BASELINE_NEW), "new") == 0);
    CHECK_IN(t, strcmp(cl_baseline_state_name(CL_BASELINE_UNCHANGED), "unchanged") == 0);
    cl_baseline_release(&b);

    /* a valid log without results: everything is new, nothing absent */
    CHECK_IN(t, load_text(&b, dir, "none.sarif",
                          "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"conc-lint\"}},\"results\":[]}]}",
                          err, sizeof err) == 0);
    CHECK_IN(t, b.entries.n == 0);
    CHECK_IN(t, cl_baseline_classify(&b, "CL002", "aaaa") == CL_BASELINE_NEW);
    CHECK_IN(t, cl_baseline_absent(&b, NULL) == 0);
    cl_baseline_release(&b);

    /* a zeroed, never loaded baseline behaves as an empty one */
    cl_baseline z = {0};
    CHECK_IN(t, cl_baseline_classify(&z, "CL002", "aaaa") == CL_BASELINE_NEW);
    CHECK_IN(t, cl_baseline_absent(&z, NULL) == 0);
}

/* --- round trip through the real SARIF writer ------------------------------- */

typedef struct sample {
    char *root;   /* srcroot */
    char *stats;  /* <root>/src/stats.c */
    char *odd;    /* <root>/src/a,b:c%d.c (every property escape) */
    char *outside;
} sample;

static void sample_make(sample *s, const char *dir)
{
    s->root = path_in(dir, "repo");
    if (mkdir(s->root, 0700) != 0)
        t_die("create", s->root);
    char *src = path_in(s->root, "src");
    if (mkdir(src, 0700) != 0)
        t_die("create", src);
    s->stats = path_in(src, "stats.c");
    /* line 3: a 2-byte UTF-8 character before column 12 (UTF-16 column 11) */
    write_text_file(s->stats, "int a;\nint b;\n/*\xc3\xa9*/ int c = a;\n");
    s->odd = path_in(src, "a,b:c%d.c");
    free(src);
    s->outside = path_in(dir, "elsewhere/x.c");
}

static void sample_release(sample *s)
{
    free(s->root);
    free(s->stats);
    free(s->odd);
    free(s->outside);
}

/* Findings (sorted): two with the same key in one function (equal
 * fingerprints, different lines), one per other rule, a suppressed one. */
static void sample_findings(const sample *s, cl_findings *fs)
{
    cl_rule_ctx race = ctx_for(fs, 1), spawn = ctx_for(fs, 0);
    cl_related rel[] = {{{s->stats, 2, 1}, "read in 'main' (the main thread)"}};
    t_emit(&race, (cl_loc){s->stats, 3, 12}, "stats_add",
                 "write to 'stats.c' in 'stats_add' races with read in 'main'; no common lock",
                 "stats.c|write", rel, 1, NULL, 0);
    t_emit(&race, (cl_loc){s->stats, 1, 5}, "stats_add",
                 "write to 'stats.c' in 'stats_add' races with read in 'main'; no common lock (2)",
                 "stats.c|write", NULL, 0, NULL, 0);
    t_emit(&spawn, (cl_loc){s->odd, 7, 3}, "serve",
                 "thread created per connection in 'serve'\nwith 100% no bound",
                 "accept-loop", NULL, 0, NULL, 0);
    t_emit(&spawn, (cl_loc){s->outside, 9, 1}, "ext",
                 "outside the root", "k", NULL, 0, NULL, 0);
    size_t n = fs->list.n;
    t_emit(&race, (cl_loc){s->stats, 2, 1}, "main", "suppressed one", "x|read",
                 NULL, 0, NULL, 0);
    fs->list.v[n].suppressed = 1;
    cl_findings_sort(fs);
}

static void test_round_trip(t_ctx *t, const sample *s, const cl_findings *fs, const char *dir)
{
    cl_report r = {.findings = fs, .srcroot = s->root, .execution_successful = 1};
    char *log = path_in(dir, "round.sarif");
    if (cl_report_write_file(log, CL_FMT_SARIF, &r) != 0)
        t_die("write", log);
    cl_baseline b = {0};
    char err[512] = "";
    CHECK_IN(t, cl_baseline_load(&b, log, err, sizeof err) == 0);
    CHECK_IN(t, b.entries.n == fs->list.n); /* suppressed results stay in the log */
    CHECK_IN(t, b.nskipped == 0);
    for (size_t i = 0; i < fs->list.n; i++) {
        char fp[17];
        cl_report_fingerprint(&fs->list.v[i], s->root, fp, sizeof fp);
        CHECK_IN(t, cl_baseline_classify(&b, fs->list.v[i].rule->id, fp) == CL_BASELINE_UNCHANGED);
    }
    CHECK_IN(t, cl_baseline_absent(&b, NULL) == 0);
    /* the two equal fingerprints: a third such finding would be new */
    char fp[17];
    cl_report_fingerprint(&fs->list.v[0], s->root, fp, sizeof fp);
    CHECK_IN(t, cl_baseline_classify(&b, fs->list.v[0].rule->id, fp) == CL_BASELINE_NEW);
    cl_baseline_release(&b);
    unlink(log);
    free(log);
}

/* The --baseline cycle through the real SARIF writer: run 1 is the
 * baseline; run 2 fixes one finding and adds one. Run 2's log marks its
 * results new/unchanged and re-emits the fixed one as "absent" (with its
 * fingerprint and location from run 1); loaded as the next baseline, the
 * absent result is not carried forward. */
static void test_baseline_cycle(t_ctx *t, const sample *s, const cl_findings *fs, const char *dir)
{
    cl_report r = {.findings = fs, .srcroot = s->root, .execution_successful = 1};
    char *log1 = path_in(dir, "run1.sarif"), *log2 = path_in(dir, "run2.sarif");
    if (cl_report_write_file(log1, CL_FMT_SARIF, &r) != 0)
        t_die("write", log1);

    /* run 2: everything of run 1 but its first finding, plus a new one */
    cl_findings run2 = {0};
    cl_rule_ctx spawn = ctx_for(&run2, 0);
    for (size_t i = 1; i < fs->list.n; i++)
        cl_findings_add(&run2, &fs->list.v[i]); /* strings stay in fs's arena */
    t_emit(&spawn, (cl_loc){s->stats, 2, 2}, "serve2", "a new one", "new-key", NULL, 0,
                 NULL, 0);
    cl_findings_sort(&run2);

    cl_baseline b = {0};
    char err[512] = "";
    CHECK_IN(t, cl_baseline_load(&b, log1, err, sizeof err) == 0);
    size_t nnew = 0, nunchanged = 0;
    for (size_t i = 0; i < run2.list.n; i++) {
        cl_finding *f = &run2.list.v[i];
        char fp[17];
        cl_report_fingerprint(f, s->root, fp, sizeof fp);
        int unchanged = cl_baseline_classify(&b, f->rule->id, fp) == CL_BASELINE_UNCHANGED;
        f->baseline = unchanged ? CL_BASELINE_MARK_UNCHANGED : CL_BASELINE_MARK_NEW;
        if (unchanged)
            nunchanged++;
        else
            nnew++;
    }
    CHECK_IN(t, nnew == 1 && nunchanged == fs->list.n - 1);
    const cl_baseline_entry *absent[8] = {0};
    size_t nabsent = cl_baseline_absent(&b, NULL);
    CHECK_IN(t, nabsent == 1 && cl_baseline_absent(&b, absent) == 1);
    char fp0[17];
    cl_report_fingerprint(&fs->list.v[0], s->root, fp0, sizeof fp0);
    CHECK_IN(t, absent[0] != NULL && strcmp(absent[0]->fingerprint, fp0) == 0);

    cl_report r2 = {.findings = &run2, .srcroot = s->root, .execution_successful = 1,
                    .absent = absent, .nabsent = nabsent};
    if (cl_report_write_file(log2, CL_FMT_SARIF, &r2) != 0)
        t_die("write", log2);
    char *text = NULL;
    size_t len = 0;
    char why[256];
    CHECK_IN(t, cl_read_file(log2, 1 << 24, &text, &len, why, sizeof why) == 0);
    CHECK_IN(t, contains(text, "\"baselineState\":\t\"absent\""));
    CHECK_IN(t, contains(text, "\"baselineState\":\t\"new\""));
    CHECK_IN(t, contains(text, "\"baselineState\":\t\"unchanged\""));
    free(text);

    /* run 2's log as the next baseline: its new and unchanged results are
     * entries; the absent one is counted, not carried forward */
    cl_baseline b2 = {0};
    CHECK_IN(t, cl_baseline_load(&b2, log2, err, sizeof err) == 0);
    CHECK_IN(t, b2.entries.n == run2.list.n && b2.nabsent == 1 && b2.nskipped == 0);
    CHECK_IN(t, cl_baseline_classify(&b2, fs->list.v[0].rule->id, fp0) == CL_BASELINE_NEW);
    cl_baseline_release(&b2);
    cl_baseline_release(&b);
    cl_findings_release(&run2);
    unlink(log1);
    unlink(log2);
    free(log1);
    free(log2);
}

/* --- GitHub workflow commands ----------------------------------------------- */

static int keep_first_rule(const cl_finding *f, void *arg)
{
    (void)arg;
    return f->rule == cl_rules[0];
}

static void test_github(t_ctx *t, const sample *s, cl_findings *fs)
{
    cl_strbuf e = {0};
    cl_github_escape(&e, "a%b\r\nc:d,e", 1);
    CHECK_IN(t, strcmp(cl_strbuf_str(&e), "a%25b%0D%0Ac%3Ad%2Ce") == 0);
    cl_strbuf_release(&e);
    cl_github_escape(&e, "a%b\r\nc:d,e", 0);
    CHECK_IN(t, strcmp(cl_strbuf_str(&e), "a%25b%0D%0Ac:d,e") == 0);
    cl_strbuf_release(&e);
    cl_github_escape(&e, NULL, 0);
    CHECK_IN(t, strcmp(cl_strbuf_str(&e), "") == 0);

    cl_report r = {.findings = fs, .srcroot = s->root, .execution_successful = 1};
    int rc = -1;
    char *out = render_github(&r, NULL, &rc);
    CHECK_IN(t, rc == 0);
    const char *rid = cl_rules[1]->id, *rname = cl_rules[1]->name;
    const char *sid = cl_rules[0]->id, *sname = cl_rules[0]->name;
    cl_strbuf want = {0};
    /* sorted by file: <tmp>/elsewhere/x.c (outside the root: absolute), then
     * the root's src/a,b:c%d.c and src/stats.c (line 1, line 3); the
     * suppressed finding is skipped */
    char *outside = cl_report_abspath(s->outside);
    cl_strbuf_addf(&want, "::warning file=%s,line=9,col=1,title=%s %s::outside the root\n",
                   outside, sid, sname);
    cl_strbuf_addf(&want,
                   "::warning file=src/a%%2Cb%%3Ac%%25d.c,line=7,col=3,title=%s %s::"
                   "thread created per connection in 'serve'%%0Awith 100%%25 no bound\n",
                   sid, sname);
    cl_strbuf_addf(&want,
                   "::warning file=src/stats.c,line=1,col=5,title=%s %s::"
                   "write to 'stats.c' in 'stats_add' races with read in 'main'; no common lock (2)\n",
                   rid, rname);
    cl_strbuf_addf(&want,
                   "::warning file=src/stats.c,line=3,col=11,title=%s %s::"
                   "write to 'stats.c' in 'stats_add' races with read in 'main'; no common lock"
                   "%%0Asrc/stats.c:2:1: read in 'main' (the main thread)\n",
                   rid, rname);
    CHECK_IN(t, out != NULL && strcmp(out, want.s) == 0);
    if (out == NULL || strcmp(out, want.s) != 0)
        fprintf(stderr, "  github output:\n%s  wanted:\n%s", out ? out : "(null)", want.s);
    cl_strbuf_release(&want);
    free(out);
    free(outside);

    /* levels: error -> ::error, note -> ::notice, none -> skipped; no file or
     * no line leaves out the properties */
    cl_findings lv = {0};
    cl_rule_ctx race = ctx_for(&lv, 1);
    t_emit(&race, (cl_loc){s->stats, 1, 1}, "f", "m-error", "k1", NULL, 0, NULL, 0);
    t_emit(&race, (cl_loc){s->stats, 2, 1}, "f", "m-note", "k2", NULL, 0, NULL, 0);
    t_emit(&race, (cl_loc){s->stats, 3, 1}, "f", "m-none", "k3", NULL, 0, NULL, 0);
    t_emit(&race, (cl_loc){NULL, 0, 0}, NULL, "m-nofile", "k4", NULL, 0, NULL, 0);
    t_emit(&race, (cl_loc){s->stats, 0, 0}, NULL, "m-noline", "k5", NULL, 0, NULL, 0);
    for (size_t i = 0; i < lv.list.n; i++) {
        cl_finding *f = &lv.list.v[i];
        f->level = contains(f->message, "error") ? CL_LEVEL_ERROR
                 : contains(f->message, "note")  ? CL_LEVEL_NOTE
                 : contains(f->message, "none")  ? CL_LEVEL_NONE
                                                 : CL_LEVEL_WARNING;
    }
    cl_findings_sort(&lv);
    cl_report lr = {.findings = &lv, .srcroot = s->root};
    out = render_github(&lr, NULL, &rc);
    CHECK_IN(t, rc == 0);
    CHECK_IN(t, contains(out, "::error file=src/stats.c,line=1,col=1,title="));
    CHECK_IN(t, contains(out, "::notice file=src/stats.c,line=2,col=1,title="));
    CHECK_IN(t, !contains(out, "m-none"));
    cl_strbuf line = {0};
    cl_strbuf_addf(&line, "::warning title=%s %s::m-nofile\n", rid, rname);
    CHECK_IN(t, contains(out, line.s));
    cl_strbuf_release(&line);
    cl_strbuf_addf(&line, "::warning file=src/stats.c,title=%s %s::m-noline\n", rid, rname);
    CHECK_IN(t, contains(out, line.s));
    cl_strbuf_release(&line);
    free(out);
    cl_findings_release(&lv);

    /* the filtered variant */
    out = render_github(&r, keep_first_rule, &rc);
    CHECK_IN(t, rc == 0 && contains(out, "outside the root") && !contains(out, "stats_add"));
    free(out);

    /* a write error is reported */
    FILE *ro = fopen("/dev/full", "w");
    if (ro != NULL) {
        CHECK_IN(t, cl_report_write_github(ro, &r) == -1);
        fclose(ro);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    if (argc != 1) {
        fprintf(stderr, "usage: baseline_test\n");
        return 2;
    }
    t_ctx t = {0};
    char *tmp = make_tmpdir("baseline_test");
    test_load_errors(&t, tmp);
    test_load_fields(&t, tmp);
    test_classify(&t, tmp);

    sample s;
    sample_make(&s, tmp);
    cl_findings fs = {0};
    sample_findings(&s, &fs);
    CHECK_IN(&t, fs.list.n == 5);
    test_round_trip(&t, &s, &fs, tmp);
    test_baseline_cycle(&t, &s, &fs, tmp);
    test_github(&t, &s, &fs);
    cl_findings_release(&fs);
    sample_release(&s);

    remove_tree(tmp);
    free(tmp);
    return t_finish("baseline_test", &t);
}
