/* report_test.c - unit tests of the report layer (finding.c, report*.c) on
 * synthetic findings; needs no libclang parse.
 *
 *   report_test                     run every check; exit 1 on any failure
 *   report_test --write-sarif FILE  write a sample SARIF log (sources in
 *                                   FILE.d/) for tests/sarif-validate.sh
 *   report_test --write-sarif-baseline FILE
 *                                   the same with --baseline results (new,
 *                                   unchanged, absent) and a file name and
 *                                   message that are not UTF-8
 *
 * Uses the real registry (cl_rules): results must point into it.
 */
/* mknod() is XSI; the build defines only _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <dirent.h>

#include <cJSON.h>

#include "report/baseline.h"
#include "report/finding.h"
#include "report/report.h"
#include "report/progress.h"
#include "report/report_github.h"
#include "rule.h"
#include "testutil.h"

/* --- helpers ------------------------------------------------------------- */

/* Number of entries in `dir` other than "." and "..". */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* Renders `r` in `fmt` into a heap string (caller frees). */
static char *render(cl_format fmt, const cl_report *r, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    if (fp == NULL)
        t_die("open", "memstream");
    *rc = cl_report_write(fp, fmt, r);
    fclose(fp);
    return buf;
}

/* --- the sample project ---------------------------------------------------- */

/* Line 5 starts with a tab; line 12 has a 2-byte UTF-8 character before
 * 'counter' (byte column 27, UTF-16 column 26). */
static const char worker_c[] =
    "#include <pthread.h>\n"
    "int counter;\n"
    "/* caf\xc3\xa9 */ void *worker(void *arg)\n"
    "{\n"
    "\tcounter++;\n"
    "\treturn arg;\n"
    "}\n"
    "int main(void)\n"
    "{\n"
    "    pthread_t t;\n"
    "    pthread_create(&t, 0, worker, 0);\n"
    "    const char *s = \"\xc3\xa9\"; counter = 1; (void)s;\n"
    "    pthread_join(t, 0);\n"
    "    return counter;\n"
    "}\n";

typedef struct sample {
    char *root;    /* srcroot: "<dir>/root dir" (with a space) */
    char *worker;  /* <root>/src/worker.c */
    char *odd;     /* <root>/src/\u00fc b.c (non-ASCII and a space) */
    char *outside; /* <dir>/x-outside/ext.c, not under root */
} sample;

static void sample_make(sample *s, const char *dir)
{
    cl_strbuf b = {0};
    cl_strbuf_addf(&b, "%s/root dir", dir);
    s->root = b.s;
    mkdir_or_die(s->root);
    b = (cl_strbuf){0};
    cl_strbuf_addf(&b, "%s/src", s->root);
    mkdir_or_die(b.s);
    cl_strbuf_release(&b);
    b = (cl_strbuf){0};
    cl_strbuf_addf(&b, "%s/src/worker.c", s->root);
    s->worker = b.s;
    write_text_file(s->worker, worker_c);
    b = (cl_strbuf){0};
    cl_strbuf_addf(&b, "%s/src/\xc3\xbc b.c", s->root);
    s->odd = b.s;
    write_text_file(s->odd, "static int x;\nvoid f(void) { x = 1; }\n");
    b = (cl_strbuf){0};
    cl_strbuf_addf(&b, "%s/x-outside/ext.c", dir);
    s->outside = b.s;
}

static void sample_release(sample *s)
{
    free(s->root);
    free(s->worker);
    free(s->odd);
    free(s->outside);
}

/* Emits the sample findings in a scrambled order, with one duplicate. */
static void sample_findings(const sample *s, cl_findings *fs, int reverse)
{
    cl_rule_ctx race = ctx_for(fs, 1), spawn = ctx_for(fs, 0);
    cl_related rel[] = {
        {{s->worker, 12, 27}, "write in 'main' (the main thread)"},
        {{s->worker, 11, 5}, "thread 'worker' started here"},
    };
    cl_flow_step main_steps[] = {
        {{s->worker, 11, 5}, "creates thread 'worker'"},
        {{s->worker, 12, 27}, "writes 'counter'"},
    };
    cl_flow_step worker_steps[] = {
        {{s->worker, 3, 22}, "thread 'worker' starts"},
        {{s->worker, 5, 2}, "writes 'counter'"},
    };
    cl_thread_flow flows[] = {
        {"main thread", 2, main_steps},
        {"thread 'worker' (worker.c:11)", 2, worker_steps},
    };
    for (int pass = 0; pass < 2; pass++) {
        int which = reverse ? 1 - pass : pass;
        if (which == 0) {
            t_emit(&race, (cl_loc){s->worker, 5, 2}, "worker",
                         "write to 'counter' in 'worker' races with write in 'main'; no common lock",
                         "counter|write", rel, 2, flows, 2);
            t_emit(&spawn, (cl_loc){s->outside, 40, 9}, "serve",
                         "thread created per connection in 'serve' with no bound on live threads",
                         "accept-loop", rel + 1, 1, NULL, 0);
        } else {
            t_emit(&race, (cl_loc){s->odd, 2, 16}, "f",
                         "write to 'x' in 'f' races with itself; 'f' is started in a loop",
                         "x|write", NULL, 0, NULL, 0);
            /* exact duplicate of the first one */
            t_emit(&race, (cl_loc){s->worker, 5, 2}, "worker",
                         "write to 'counter' in 'worker' races with write in 'main'; no common lock",
                         "counter|write", rel, 2, flows, 2);
        }
    }
    /* a suppressed one */
    size_t n = fs->list.n;
    t_emit(&race, (cl_loc){s->worker, 14, 12}, "main",
                 "read of 'counter' in 'main' races with write in 'worker'; no common lock",
                 "counter|read", NULL, 0, NULL, 0);
    fs->list.v[n].suppressed = 1;
    fs->list.v[n].suppression_reason = "benign: read after join in the real program";
    cl_findings_sort(fs);
}

static const cl_notification sample_notes[] = {
    {CL_DIAG_ERROR, {"/nonexistent/broken.c", 3, 1}, "expected ';' after expression"},
    {CL_DIAG_WARNING, {NULL, 0, 0}, "skipped 'gen/big.c': not in the compile database"},
};

static cl_report sample_report(const sample *s, const cl_findings *fs)
{
    cl_report r = {.findings = fs, .notes = sample_notes, .nnotes = 2, .srcroot = s->root,
                   .execution_successful = 1, .color = 0};
    return r;
}

/* --- tests ----------------------------------------------------------------- */

static void test_levels(t_ctx *t)
{
    for (int l = CL_LEVEL_NONE; l <= CL_LEVEL_ERROR; l++) {
        cl_level out = CL_LEVEL_NONE;
        CHECK_IN(t, cl_level_parse(cl_level_name((cl_level)l), &out) == 0 && out == (cl_level)l);
    }
    cl_level out;
    CHECK_IN(t, cl_level_parse("warn", &out) == -1);
    CHECK_IN(t, cl_level_parse(NULL, &out) == -1);
    CHECK_IN(t, strcmp(cl_level_name(CL_LEVEL_WARNING), "warning") == 0);
}

static void test_sort(t_ctx *t)
{
    static const cl_rule ra = {.id = "CL001", .name = "a"}, rb = {.id = "CL002", .name = "b"};
    cl_findings fs = {0};
    cl_rule_ctx ca = {.rule = &ra, .level = CL_LEVEL_WARNING, .out = &fs};
    cl_rule_ctx cb = {.rule = &rb, .level = CL_LEVEL_ERROR, .out = &fs};
    char msg[32];
    strcpy(msg, "m1");
    t_emit(&cb, (cl_loc){"b.c", 1, 1}, NULL, msg, "k", NULL, 0, NULL, 0); /* 5 */
    strcpy(msg, "clobbered");                 /* emit must have copied */
    t_emit(&cb, (cl_loc){"a.c", 10, 2}, NULL, "m", "k", NULL, 0, NULL, 0); /* 3 */
    t_emit(&ca, (cl_loc){"a.c", 10, 2}, NULL, "m", "k", NULL, 0, NULL, 0); /* 2 */
    t_emit(&ca, (cl_loc){"a.c", 9, 30}, NULL, "z", "k", NULL, 0, NULL, 0); /* 1 */
    t_emit(&cb, (cl_loc){"a.c", 10, 2}, NULL, "m", "j", NULL, 0, NULL, 0); /* 3' key j < k */
    t_emit(&ca, (cl_loc){"a.c", 9, 30}, NULL, "z", "k", NULL, 0, NULL, 0); /* dup of 1 */
    t_emit(&cb, (cl_loc){"a.c", 10, 2}, NULL, "m", "k", NULL, 0, NULL, 0); /* dup of 3 */
    t_emit(&ca, (cl_loc){"a.c", 10, 11}, NULL, "m", "k", NULL, 0, NULL, 0); /* 4 */
    cl_related rel = {{"a.c", 1, 1}, "other"};
    /* same rule, location and key as 4: one root cause, folded into 4 */
    t_emit(&ca, (cl_loc){"a.c", 10, 11}, NULL, "m", "k", &rel, 1, NULL, 0);
    cl_rule_ctx off = {.rule = &ra, .level = CL_LEVEL_NONE, .out = &fs};
    t_emit(&off, (cl_loc){"a.c", 1, 1}, NULL, "disabled", "k", NULL, 0, NULL, 0);
    CHECK_IN(t, fs.list.n == 6);
    cl_findings_sort(&fs);
    CHECK_IN(t, fs.list.n == 6);
    if (fs.list.n == 6) {
        const cl_finding *v = fs.list.v;
        CHECK_IN(t, v[0].loc.line == 9 && strcmp(v[0].message, "z") == 0);
        CHECK_IN(t, v[1].loc.line == 10 && v[1].loc.col == 2 && v[1].rule == &ra);
        CHECK_IN(t, v[2].rule == &rb && strcmp(v[2].key, "j") == 0);
        CHECK_IN(t, v[3].rule == &rb && strcmp(v[3].key, "k") == 0 && v[3].level == CL_LEVEL_ERROR);
        CHECK_IN(t, v[4].loc.col == 11 && v[4].nrelated == 0);
        CHECK_IN(t, strcmp(v[5].loc.file, "b.c") == 0 && strcmp(v[5].message, "m1") == 0);
    }
    cl_findings_sort(&fs); /* idempotent */
    CHECK_IN(t, fs.list.n == 6);
    cl_findings_release(&fs);
    CHECK_IN(t, fs.list.n == 0 && fs.list.v == NULL);
}

static void test_paths(t_ctx *t)
{
    struct { const char *file, *root, *want; } cases[] = {
        {"/src/a/b.c", "/src", "a/b.c"},
        {"/src/a/b.c", "/src/", "a/b.c"},
        {"/src/./a/../b.c", "/src", "b.c"},
        {"//src//x.c", "/src/.", "x.c"},
        {"/srcx/a.c", "/src", NULL},
        {"/src", "/src", NULL},
        {"/x/y.c", "/", "x/y.c"},
        {"/../../z.c", "/", "z.c"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = cl_report_relpath(cases[i].file, cases[i].root);
        int ok = cases[i].want ? got && strcmp(got, cases[i].want) == 0 : got == NULL;
        if (!ok)
            fprintf(stderr, "relpath('%s', '%s') = '%s'\n", cases[i].file, cases[i].root,
                    got ? got : "(null)");
        CHECK_IN(t, ok);
        free(got);
    }
    cl_strbuf b = {0};
    cl_report_uri_encode(&b, "src/\xc3\xbc b%:c.c");
    CHECK_IN(t, strcmp(cl_strbuf_str(&b), "src/%C3%BC%20b%25%3Ac.c") == 0);
    cl_strbuf_release(&b);
}

static void test_fingerprint(t_ctx *t)
{
    const cl_rule *rule = rule_at(1);
    cl_finding f = {.rule = rule, .loc = {"/home/a/proj/src/q.c", 10, 5}, .function = "worker",
                    .message = "m", .key = "stats.count|write"};
    char fp1[17], fp2[17];
    cl_report_fingerprint(&f, "/home/a/proj", fp1, sizeof fp1);
    CHECK_IN(t, strlen(fp1) == 16 && strspn(fp1, "0123456789abcdef") == 16);
    f.loc.line = 42;
    f.loc.col = 1;
    f.message = "a different wording";
    cl_report_fingerprint(&f, "/home/a/proj", fp2, sizeof fp2);
    CHECK_IN(t, strcmp(fp1, fp2) == 0); /* line shift */
    f.loc.file = "/ci/work/checkout/src/q.c";
    cl_report_fingerprint(&f, "/ci/work/checkout/", fp2, sizeof fp2);
    CHECK_IN(t, strcmp(fp1, fp2) == 0); /* moved checkout */
    f.key = "stats.count|read";
    cl_report_fingerprint(&f, "/ci/work/checkout", fp2, sizeof fp2);
    CHECK_IN(t, strcmp(fp1, fp2) != 0); /* key */
    f.key = "stats.count|write";
    f.function = "main";
    cl_report_fingerprint(&f, "/ci/work/checkout", fp2, sizeof fp2);
    CHECK_IN(t, strcmp(fp1, fp2) != 0); /* function */
    f.function = "worker";
    f.loc.file = "/ci/work/checkout/src/r.c";
    cl_report_fingerprint(&f, "/ci/work/checkout", fp2, sizeof fp2);
    CHECK_IN(t, strcmp(fp1, fp2) != 0); /* file */
    char small[5];
    cl_report_fingerprint(&f, "/ci/work/checkout", small, sizeof small);
    CHECK_IN(t, strlen(small) == 4 && strncmp(small, fp2, 4) == 0);
}

static void test_text(t_ctx *t, const sample *s, const cl_findings *fs)
{
    cl_report r = sample_report(s, fs);
    int rc;
    char *out = render(CL_FMT_TEXT, &r, &rc);
    CHECK_IN(t, rc == 0);
    const cl_rule *race = rule_at(1);
    cl_strbuf want = {0};
    /* header, the source line (tab kept), the caret under column 2 */
    cl_strbuf_addf(&want,
                   "src/worker.c:5:2: warning: write to 'counter' in 'worker' races with write "
                   "in 'main'; no common lock [%s/%s]\n\tcounter++;\n\t^\n",
                   race->id, race->name);
    if (!contains(out, cl_strbuf_str(&want)))
        fprintf(stderr, "text output:\n%s\nwanted:\n%s\n", out ? out : "(none)", cl_strbuf_str(&want));
    CHECK_IN(t, contains(out, cl_strbuf_str(&want)));
    cl_strbuf_release(&want);
    /* related note with its caret: byte column 27 after a 2-byte character:
     * 25 visible columns of spaces, then the caret */
    cl_strbuf_addf(&want, "src/worker.c:12:27: note: write in 'main' (the main thread)\n"
                          "    const char *s = \"\xc3\xa9\"; counter = 1; (void)s;\n"
                          "%25s^\n", "");
    CHECK_IN(t, contains(out, want.s));
    cl_strbuf_release(&want);
    /* the file outside srcroot keeps its path; unreadable: no snippet */
    cl_strbuf_addf(&want, "%s:40:9: warning: thread created per connection", s->outside);
    CHECK_IN(t, contains(out, want.s));
    cl_strbuf_release(&want);
    CHECK_IN(t, contains(out, "src/\xc3\xbc b.c:2:16: warning: write to 'x'"));
    CHECK_IN(t, !contains(out, "read of 'counter'")); /* suppressed */
    CHECK_IN(t, !contains(out, "generated.")); /* the summary goes to stderr */
    CHECK_IN(t, !contains(out, "\033["));
    free(out);
    /* the end-of-run summary (stderr): clang's count, then per rule */
    {
        char *sum = NULL;
        size_t sumlen = 0;
        FILE *fp = open_memstream(&sum, &sumlen);
        if (fp == NULL)
            t_die("open", "memstream");
        CHECK_IN(t, cl_report_summary(fp, &r) == 0);
        fclose(fp);
        CHECK_IN(t, contains(sum, "3 warnings generated.\n"));
        CHECK_IN(t, contains(sum, "conc-lint: CL00"));
        CHECK_IN(t, contains(sum, "; 1 suppressed\n"));
        free(sum);
    }

    r.color = 1;
    out = render(CL_FMT_TEXT, &r, &rc);
    CHECK_IN(t, rc == 0 && contains(out, "\033[1;35mwarning:") && contains(out, "\033[1;32m^"));
    free(out);

    cl_findings empty = {0};
    r.findings = &empty;
    r.color = 0;
    out = render(CL_FMT_TEXT, &r, &rc);
    CHECK_IN(t, rc == 0 && out != NULL && *out == '\0');
    free(out);
}

static const cJSON *get(const cJSON *o, const char *path)
{
    /* "a.b.0.c": object keys and array indexes */
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ".", &save); tok && o; tok = strtok_r(NULL, ".", &save)) {
        if (cJSON_IsArray(o))
            o = cJSON_GetArrayItem(o, atoi(tok));
        else
            o = cJSON_GetObjectItemCaseSensitive(o, tok);
    }
    return o;
}

static int str_is(const cJSON *o, const char *path, const char *want)
{
    const cJSON *v = get(o, path);
    int ok = cJSON_IsString(v) && strcmp(v->valuestring, want) == 0;
    if (!ok)
        fprintf(stderr, "  %s = %s, wanted '%s'\n", path,
                cJSON_IsString(v) ? v->valuestring : "(not a string)", want);
    return ok;
}

static int num_is(const cJSON *o, const char *path, double want)
{
    const cJSON *v = get(o, path);
    int ok = cJSON_IsNumber(v) && v->valuedouble == want;
    if (!ok)
        fprintf(stderr, "  %s = %g, wanted %g\n", path, cJSON_IsNumber(v) ? v->valuedouble : -1.0,
                want);
    return ok;
}

static void test_json(t_ctx *t, const sample *s, const cl_findings *fs)
{
    cl_report r = sample_report(s, fs);
    int rc;
    char *out = render(CL_FMT_JSON, &r, &rc);
    CHECK_IN(t, rc == 0);
    cJSON *doc = cJSON_Parse(out);
    CHECK_IN(t, doc != NULL);
    const cl_rule *race = rule_at(1);
    CHECK_IN(t, num_is(doc, "version", 1));
    CHECK_IN(t, str_is(doc, "tool.name", "conc-lint"));
    CHECK_IN(t, str_is(doc, "tool.version", CL_VERSION));
    CHECK_IN(t, str_is(doc, "srcroot", s->root));
    CHECK_IN(t, cJSON_GetArraySize(get(doc, "findings")) == (int)fs->list.n);
    /* the first finding in sort order is the one in src/worker.c line 5 */
    const cJSON *f = get(doc, "findings.0");
    CHECK_IN(t, str_is(f, "ruleId", race->id) && str_is(f, "ruleName", race->name));
    CHECK_IN(t, str_is(f, "level", "warning") && str_is(f, "file", s->worker));
    CHECK_IN(t, num_is(f, "line", 5) && num_is(f, "column", 2) && str_is(f, "function", "worker"));
    CHECK_IN(t, str_is(f, "message",
                       "write to 'counter' in 'worker' races with write in 'main'; no common lock"));
    char fp[17];
    cl_report_fingerprint(&fs->list.v[0], s->root, fp, sizeof fp);
    CHECK_IN(t, str_is(f, "fingerprint", fp));
    CHECK_IN(t, cJSON_IsFalse(get(f, "suppressed")));
    CHECK_IN(t, get(f, "baselineState") == NULL); /* no --baseline */
    CHECK_IN(t, cJSON_GetArraySize(get(f, "related")) == 2);
    /* related locations keep the rule's order */
    CHECK_IN(t, num_is(f, "related.0.line", 12) && num_is(f, "related.0.column", 27));
    CHECK_IN(t, num_is(f, "related.1.line", 11) &&
                    str_is(f, "related.1.message", "thread 'worker' started here"));
    CHECK_IN(t, cJSON_GetArraySize(get(f, "threadFlows")) == 2);
    CHECK_IN(t, str_is(f, "threadFlows.0.thread", "main thread"));
    CHECK_IN(t, num_is(f, "threadFlows.1.steps.1.line", 5) &&
                    str_is(f, "threadFlows.1.steps.1.message", "writes 'counter'"));
    int nsup = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, get(doc, "findings")) {
        if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it, "suppressed"))) {
            nsup++;
            CHECK_IN(t, str_is(it, "suppressionReason", "benign: read after join in the real program"));
        }
    }
    CHECK_IN(t, nsup == 1);
    CHECK_IN(t, cJSON_GetArraySize(get(doc, "notifications")) == 2);
    CHECK_IN(t, str_is(doc, "notifications.0.level", "error") &&
                    str_is(doc, "notifications.0.file", "/nonexistent/broken.c"));
    CHECK_IN(t, cJSON_IsNull(get(doc, "notifications.1.file")));
    cJSON_Delete(doc);
    free(out);
}

static void test_sarif(t_ctx *t, const sample *s, const cl_findings *fs)
{
    cl_report r = sample_report(s, fs);
    int rc;
    char *out = render(CL_FMT_SARIF, &r, &rc);
    CHECK_IN(t, rc == 0);
    cJSON *log = cJSON_Parse(out);
    CHECK_IN(t, log != NULL);
    CHECK_IN(t, str_is(log, "$schema", "https://json.schemastore.org/sarif-2.1.0.json"));
    CHECK_IN(t, str_is(log, "version", "2.1.0"));
    CHECK_IN(t, cJSON_GetArraySize(get(log, "runs")) == 1);
    const cJSON *run = get(log, "runs.0");
    CHECK_IN(t, str_is(run, "tool.driver.name", "conc-lint"));
    CHECK_IN(t, str_is(run, "tool.driver.semanticVersion", CL_VERSION));
    CHECK_IN(t, cJSON_IsString(get(run, "tool.driver.informationUri")));
    CHECK_IN(t, cJSON_GetArraySize(get(run, "tool.driver.rules")) == (int)cl_nrules);
    for (size_t i = 0; i < cl_nrules; i++) {
        const cJSON *rd = cJSON_GetArrayItem(get(run, "tool.driver.rules"), (int)i);
        CHECK_IN(t, str_is(rd, "id", cl_rules[i]->id));
        CHECK_IN(t, cJSON_IsString(get(rd, "name")));
        CHECK_IN(t, cJSON_IsString(get(rd, "shortDescription.text")));
        CHECK_IN(t, cJSON_IsString(get(rd, "fullDescription.text")));
        CHECK_IN(t, cJSON_IsString(get(rd, "help.text")) && cJSON_IsString(get(rd, "help.markdown")));
        CHECK_IN(t, cJSON_IsString(get(rd, "defaultConfiguration.level")));
        CHECK_IN(t, cJSON_IsArray(get(rd, "properties.tags")));
    }
    cl_strbuf want = {0};
    cl_strbuf_add(&want, "file://");
    cl_report_uri_encode(&want, s->root);
    cl_strbuf_add(&want, "/");
    CHECK_IN(t, str_is(run, "originalUriBaseIds.%SRCROOT%.uri", want.s));
    CHECK_IN(t, contains(want.s, "root%20dir/"));
    cl_strbuf_release(&want);
    CHECK_IN(t, str_is(run, "columnKind", "utf16CodeUnits"));
    CHECK_IN(t, cJSON_IsTrue(get(run, "invocations.0.executionSuccessful")));
    CHECK_IN(t, cJSON_GetArraySize(get(run, "invocations.0.toolExecutionNotifications")) == 2);
    CHECK_IN(t, str_is(run, "invocations.0.toolExecutionNotifications.0.level", "error"));
    CHECK_IN(t, str_is(run, "invocations.0.toolExecutionNotifications.0.locations.0."
                            "physicalLocation.artifactLocation.uri",
                       "file:///nonexistent/broken.c"));
    CHECK_IN(t, get(run, "invocations.0.toolExecutionNotifications.1.locations") == NULL);

    const cJSON *results = get(run, "results");
    CHECK_IN(t, cJSON_GetArraySize(results) == (int)fs->list.n);
    const cl_rule *race = rule_at(1);
    const cJSON *res = get(results, "0");
    CHECK_IN(t, str_is(res, "ruleId", race->id));
    CHECK_IN(t, num_is(res, "ruleIndex", cl_nrules > 1 ? 1 : 0));
    CHECK_IN(t, str_is(res, "level", "warning"));
    /* each related location linked from the text: "[its message](its id)" */
    CHECK_IN(t, str_is(res, "message.text", "write to 'counter' in 'worker' races with write in "
                                            "'main'; no common lock ([write in 'main' (the main "
                                            "thread)](1), [thread 'worker' started here](2))."));
    const cJSON *pl = get(res, "locations.0.physicalLocation");
    CHECK_IN(t, str_is(pl, "artifactLocation.uri", "src/worker.c"));
    CHECK_IN(t, str_is(pl, "artifactLocation.uriBaseId", "%SRCROOT%"));
    CHECK_IN(t, num_is(pl, "region.startLine", 5) && num_is(pl, "region.startColumn", 2));
    CHECK_IN(t, str_is(res, "locations.0.logicalLocations.0.name", "worker"));
    CHECK_IN(t, cJSON_GetArraySize(get(res, "relatedLocations")) == 2);
    CHECK_IN(t, num_is(res, "relatedLocations.0.id", 1));
    /* byte column 27 after 'é' is UTF-16 column 26 */
    CHECK_IN(t, num_is(res, "relatedLocations.0.physicalLocation.region.startColumn", 26));
    CHECK_IN(t, str_is(res, "relatedLocations.0.message.text", "write in 'main' (the main thread)."));
    char fp[17];
    cl_report_fingerprint(&fs->list.v[0], s->root, fp, sizeof fp);
    CHECK_IN(t, str_is(res, "partialFingerprints.concLint/v1", fp));
    CHECK_IN(t, cJSON_GetArraySize(get(res, "codeFlows")) == 1);
    CHECK_IN(t, cJSON_GetArraySize(get(res, "codeFlows.0.threadFlows")) == 2);
    CHECK_IN(t, str_is(res, "codeFlows.0.threadFlows.1.message.text",
                       "thread 'worker' (worker.c:11)."));
    CHECK_IN(t, num_is(res, "codeFlows.0.threadFlows.1.locations.1.location.physicalLocation."
                            "region.startLine", 5));
    CHECK_IN(t, get(res, "suppressions") == NULL);
    CHECK_IN(t, get(res, "baselineState") == NULL);

    int saw_odd = 0, saw_outside = 0, saw_sup = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, results) {
        const cJSON *uri = get(it, "locations.0.physicalLocation.artifactLocation.uri");
        const cJSON *base = get(it, "locations.0.physicalLocation.artifactLocation.uriBaseId");
        if (cJSON_IsString(uri) && strcmp(uri->valuestring, "src/%C3%BC%20b.c") == 0)
            saw_odd = base != NULL;
        if (cJSON_IsString(uri) && strncmp(uri->valuestring, "file:///", 8) == 0 &&
            contains(uri->valuestring, "/x-outside/ext.c"))
            saw_outside = base == NULL;
        if (get(it, "suppressions") != NULL)
            saw_sup = str_is(it, "suppressions.0.kind", "inSource") &&
                      str_is(it, "suppressions.0.justification",
                             "benign: read after join in the real program");
    }
    CHECK_IN(t, saw_odd && saw_outside && saw_sup);
    cJSON_Delete(log);
    free(out);
}

/* No source root: absolute file:// uris, no originalUriBaseIds; no
 * findings: "results" is still there, empty. */
static void test_sarif_edges(t_ctx *t, const sample *s, const cl_findings *fs)
{
    cl_report r = sample_report(s, fs);
    r.srcroot = NULL;
    int rc;
    char *out = render(CL_FMT_SARIF, &r, &rc);
    cJSON *log = cJSON_Parse(out);
    CHECK_IN(t, rc == 0 && log != NULL);
    const cJSON *run = get(log, "runs.0");
    CHECK_IN(t, get(run, "originalUriBaseIds") == NULL);
    const cJSON *art = get(run, "results.0.locations.0.physicalLocation.artifactLocation");
    CHECK_IN(t, get(art, "uriBaseId") == NULL);
    CHECK_IN(t, cJSON_IsString(get(art, "uri")) &&
                    strncmp(get(art, "uri")->valuestring, "file:///", 8) == 0 &&
                    contains(get(art, "uri")->valuestring, "/root%20dir/src/worker.c"));
    cJSON_Delete(log);
    free(out);

    cl_findings empty = {0};
    r = sample_report(s, &empty);
    r.execution_successful = 0;
    out = render(CL_FMT_SARIF, &r, &rc);
    log = cJSON_Parse(out);
    CHECK_IN(t, rc == 0 && log != NULL);
    CHECK_IN(t, cJSON_IsArray(get(log, "runs.0.results")) &&
                    cJSON_GetArraySize(get(log, "runs.0.results")) == 0);
    CHECK_IN(t, cJSON_IsFalse(get(log, "runs.0.invocations.0.executionSuccessful")));
    cJSON_Delete(log);
    free(out);
}

/* Same findings emitted in another order give byte-identical output. */
static void test_determinism(t_ctx *t, const sample *s, const cl_findings *fs)
{
    cl_findings other = {0};
    sample_findings(s, &other, 1);
    CHECK_IN(t, other.list.n == fs->list.n);
    cl_report a = sample_report(s, fs), b = sample_report(s, &other);
    cl_format fmts[] = {CL_FMT_TEXT, CL_FMT_JSON, CL_FMT_SARIF};
    for (size_t i = 0; i < 3; i++) {
        int rc1, rc2;
        char *x = render(fmts[i], &a, &rc1), *y = render(fmts[i], &b, &rc2);
        CHECK_IN(t, rc1 == 0 && rc2 == 0 && x && y && strcmp(x, y) == 0);
        free(x);
        free(y);
    }
    cl_findings_release(&other);
}

static void test_atomic(t_ctx *t, const sample *s, const cl_findings *fs, const char *tmp)
{
    cl_report r = sample_report(s, fs);
    cl_strbuf dir = {0}, path = {0};
    cl_strbuf_addf(&dir, "%s/out", tmp);
    mkdir_or_die(dir.s);
    cl_strbuf_addf(&path, "%s/report.sarif", dir.s);

    /* success: the file is there, complete, and nothing else is */
    CHECK_IN(t, cl_report_write_file(path.s, CL_FMT_SARIF, &r) == 0);
    FILE *fp = fopen(path.s, "r");
    CHECK_IN(t, fp != NULL);
    if (fp != NULL) {
        char buf[1 << 16];
        size_t n = fread(buf, 1, sizeof buf - 1, fp);
        buf[n] = '\0';
        fclose(fp);
        cJSON *j = cJSON_Parse(buf);
        CHECK_IN(t, j != NULL);
        cJSON_Delete(j);
    }
    CHECK_IN(t, count_entries(dir.s) == 1);
    /* an existing file keeps its mode */
    chmod(path.s, 0640);
    CHECK_IN(t, cl_report_write_file(path.s, CL_FMT_JSON, &r) == 0);
    struct stat st;
    CHECK_IN(t, stat(path.s, &st) == 0 && (st.st_mode & 0777) == 0640);

    /* a directory that does not exist */
    cl_strbuf bad = {0};
    cl_strbuf_addf(&bad, "%s/missing/report.sarif", tmp);
    errno = 0;
    CHECK_IN(t, cl_report_write_file(bad.s, CL_FMT_SARIF, &r) == -1 && errno == ENOENT);
    CHECK_IN(t, access(bad.s, F_OK) != 0);
    cl_strbuf_release(&bad);

    /* the target is a directory: EISDIR, and no temporary is left */
    cl_strbuf_addf(&bad, "%s/adir", dir.s);
    mkdir_or_die(bad.s);
    errno = 0;
    CHECK_IN(t, cl_report_write_file(bad.s, CL_FMT_SARIF, &r) == -1 && errno == EISDIR);
    CHECK_IN(t, count_entries(dir.s) == 2); /* report.sarif and adir only */
    cl_strbuf_release(&bad);

    /* a write error half-way (file size limit): no temp left, old file intact */
    struct rlimit old;
    if (getrlimit(RLIMIT_FSIZE, &old) == 0) {
        void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = old;
        lim.rlim_cur = 200;
        off_t before = stat(path.s, &st) == 0 ? st.st_size : -1;
        if (setrlimit(RLIMIT_FSIZE, &lim) == 0) {
            errno = 0;
            int rc = cl_report_write_file(path.s, CL_FMT_SARIF, &r);
            int err = errno;
            setrlimit(RLIMIT_FSIZE, &old);
            CHECK_IN(t, rc == -1 && err == EFBIG);
            CHECK_IN(t, stat(path.s, &st) == 0 && st.st_size == before);
            CHECK_IN(t, count_entries(dir.s) == 2);
        }
        signal(SIGXFSZ, prev);
    }

    /* an unwritable directory (root ignores permissions: skip then) */
    if (geteuid() != 0) {
        cl_strbuf_addf(&bad, "%s/ro", tmp);
        mkdir_or_die(bad.s);
        chmod(bad.s, 0555);
        cl_strbuf_add(&bad, "/report.sarif");
        errno = 0;
        CHECK_IN(t, cl_report_write_file(bad.s, CL_FMT_SARIF, &r) == -1 && errno == EACCES);
        CHECK_IN(t, access(bad.s, F_OK) != 0);
        cl_strbuf_release(&bad);
    }
    cl_strbuf_release(&dir);
    cl_strbuf_release(&path);
}

/* --- -o targets that are not regular files ------------------------------------ */

static int is_json_file(const char *path)
{
    char *buf = NULL;
    size_t len = 0;
    char why[256];
    if (cl_read_file(path, 1 << 24, &buf, &len, why, sizeof why) != 0)
        return 0;
    cJSON *j = cJSON_Parse(buf);
    free(buf);
    int ok = j != NULL;
    cJSON_Delete(j);
    return ok;
}

/* Writes `r` to the FIFO `fifo` while a child process drains it into
 * `sink`. Returns cl_report_write_file's result; *child_ok is set when the
 * reader saw EOF normally. Alarms bound a hang: the reader gives up after
 * 20 s (a check fails), a writer stuck for 60 s kills the test. */
static int write_fifo(const char *fifo, const char *sink, const cl_report *r, int *child_ok)
{
    *child_ok = 0;
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "report_test: fork: %s\n", strerror(errno));
        exit(2);
    }
    if (pid == 0) {
        alarm(20); /* a writer that never opens the FIFO: give up */
        int in = open(fifo, O_RDONLY);
        int out = open(sink, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (in < 0 || out < 0)
            _exit(1);
        char buf[4096];
        ssize_t n;
        while ((n = read(in, buf, sizeof buf)) > 0)
            if (write(out, buf, (size_t)n) != n)
                _exit(1);
        _exit(n == 0 ? 0 : 1);
    }
    alarm(60); /* a writer that blocks forever: kill the test */
    int rc = cl_report_write_file(fifo, CL_FMT_JSON, r);
    int status = 0;
    waitpid(pid, &status, 0);
    alarm(0);
    *child_ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    return rc;
}

/* cl_report_write_file on symlinks, devices, FIFOs, sockets and
 * directories: none of them is ever replaced by a regular file. */
static void test_output_targets(t_ctx *t, const sample *s, const cl_findings *fs, const char *tmp)
{
    cl_report r = sample_report(s, fs);
    cl_strbuf dir = {0};
    cl_strbuf_addf(&dir, "%s/targets", tmp);
    mkdir_or_die(dir.s);
    cl_strbuf real = {0}, link = {0}, p = {0};
    cl_strbuf_addf(&real, "%s/real.sarif", dir.s);
    cl_strbuf_addf(&link, "%s/link.sarif", dir.s);
    struct stat st;

    /* a symlink to an existing file: the target is replaced, the link stays */
    write_text_file(real.s, "old\n");
    chmod(real.s, 0604);
    CHECK_IN(t, symlink("real.sarif", link.s) == 0);
    CHECK_IN(t, cl_report_write_file(link.s, CL_FMT_SARIF, &r) == 0);
    CHECK_IN(t, lstat(link.s, &st) == 0 && S_ISLNK(st.st_mode));
    CHECK_IN(t, lstat(real.s, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0604);
    CHECK_IN(t, is_json_file(real.s));
    CHECK_IN(t, count_entries(dir.s) == 2); /* no temporary left beside either */

    /* a dangling symlink (relative, through a second link): creates the file it names */
    cl_strbuf_addf(&p, "%s/dangling", dir.s);
    CHECK_IN(t, symlink("hop", p.s) == 0);
    cl_strbuf_release(&p);
    cl_strbuf_addf(&p, "%s/hop", dir.s);
    CHECK_IN(t, symlink("created.json", p.s) == 0);
    cl_strbuf_release(&p);
    cl_strbuf_addf(&p, "%s/dangling", dir.s);
    CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_JSON, &r) == 0);
    CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISLNK(st.st_mode));
    cl_strbuf_release(&p);
    cl_strbuf_addf(&p, "%s/created.json", dir.s);
    CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISREG(st.st_mode) && is_json_file(p.s));
    cl_strbuf_release(&p);
    CHECK_IN(t, count_entries(dir.s) == 5);

    /* a symlink cycle */
    cl_strbuf_addf(&p, "%s/loop", dir.s);
    CHECK_IN(t, symlink("loop", p.s) == 0);
    errno = 0;
    CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_JSON, &r) == -1 && errno == ELOOP);
    CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISLNK(st.st_mode));
    cl_strbuf_release(&p);

    /* a directory, by name, with a slash, through a symlink: EISDIR, untouched */
    cl_strbuf_addf(&p, "%s/sub", dir.s);
    mkdir_or_die(p.s);
    errno = 0;
    CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_SARIF, &r) == -1 && errno == EISDIR);
    cl_strbuf_add(&p, "/");
    errno = 0;
    CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_SARIF, &r) == -1 && errno == EISDIR);
    CHECK_IN(t, count_entries(p.s) == 0);
    cl_strbuf_release(&p);
    cl_strbuf_addf(&p, "%s/subdir-link", dir.s);
    CHECK_IN(t, symlink("sub", p.s) == 0);
    errno = 0;
    CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_SARIF, &r) == -1 && errno == EISDIR);
    CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISLNK(st.st_mode));
    cl_strbuf_release(&p);
    cl_strbuf_addf(&p, "%s/newdir/", dir.s);
    errno = 0;
    CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_SARIF, &r) == -1 && errno == EISDIR);
    cl_strbuf_release(&p);
    int before = count_entries(dir.s);

    /* a FIFO: written through, still a FIFO */
    cl_strbuf sink = {0};
    cl_strbuf_addf(&p, "%s/pipe", dir.s);
    cl_strbuf_addf(&sink, "%s/drained", tmp);
    CHECK_IN(t, mkfifo(p.s, 0600) == 0);
    int child_ok = 0;
    CHECK_IN(t, write_fifo(p.s, sink.s, &r, &child_ok) == 0);
    CHECK_IN(t, child_ok && is_json_file(sink.s));
    CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISFIFO(st.st_mode));
    /* and through a symlink to it */
    cl_strbuf_release(&link);
    cl_strbuf_addf(&link, "%s/pipe-link", dir.s);
    CHECK_IN(t, symlink(p.s, link.s) == 0);
    unlink(sink.s);
    CHECK_IN(t, write_fifo(link.s, sink.s, &r, &child_ok) == 0);
    CHECK_IN(t, child_ok && is_json_file(sink.s));
    CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISFIFO(st.st_mode));
    CHECK_IN(t, lstat(link.s, &st) == 0 && S_ISLNK(st.st_mode));
    unlink(sink.s);
    cl_strbuf_release(&sink);
    cl_strbuf_release(&p);
    CHECK_IN(t, count_entries(dir.s) == before + 2); /* pipe, pipe-link: no temporaries */

    /* `-o /dev/stdout` with stdout a pipe: /proc/self/fd/1 links to
     * "pipe:[N]", which realpath() cannot resolve; written through */
    int pfd[2];
    if (access("/dev/stdout", F_OK) == 0 && pipe(pfd) == 0) {
        pid_t pid = fork();
        if (pid == 0) {
            close(pfd[0]);
            if (dup2(pfd[1], STDOUT_FILENO) < 0)
                _exit(3);
            close(pfd[1]);
            _exit(cl_report_check_output("/dev/stdout", NULL, 0) == 0 &&
                          cl_report_write_file("/dev/stdout", CL_FMT_JSON, &r) == 0
                      ? 0
                      : 1);
        }
        close(pfd[1]);
        cl_strbuf got = {0};
        char buf[4096];
        ssize_t n;
        while ((n = read(pfd[0], buf, sizeof buf)) > 0)
            cl_strbuf_addn(&got, buf, (size_t)n);
        close(pfd[0]);
        int status = 0;
        if (pid > 0)
            waitpid(pid, &status, 0);
        CHECK_IN(t, pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
        cJSON *j = cJSON_Parse(cl_strbuf_str(&got));
        CHECK_IN(t, j != NULL);
        cJSON_Delete(j);
        cl_strbuf_release(&got);
        CHECK_IN(t, lstat("/dev/stdout", &st) == 0 && S_ISLNK(st.st_mode));
    }

    /* a character device: our own copy of /dev/null when we may create one
     * (root), else /dev/null itself (which, as a normal user, the old
     * rename() could not replace but failed on) */
    cl_strbuf_addf(&p, "%s/null", dir.s);
    const char *dev = p.s;
    if (mknod(p.s, S_IFCHR | 0666, makedev(1, 3)) != 0)
        dev = "/dev/null";
    CHECK_IN(t, cl_report_write_file(dev, CL_FMT_SARIF, &r) == 0);
    CHECK_IN(t, lstat(dev, &st) == 0 && S_ISCHR(st.st_mode));
    CHECK_IN(t, stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    cl_strbuf_release(&p);

    /* a socket: cannot be opened for writing (ENXIO), and stays a socket */
    cl_strbuf_addf(&p, "%s/sock", dir.s);
    int sfd = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (sfd >= 0 && strlen(p.s) < sizeof sa.sun_path) {
        strcpy(sa.sun_path, p.s);
        if (bind(sfd, (struct sockaddr *)&sa, sizeof sa) == 0) {
            CHECK_IN(t, cl_report_write_file(p.s, CL_FMT_SARIF, &r) == -1);
            CHECK_IN(t, lstat(p.s, &st) == 0 && S_ISSOCK(st.st_mode));
            char err[256];
            CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == -1 &&
                            contains(err, "': is a socket"));
        }
    }
    if (sfd >= 0)
        close(sfd);
    cl_strbuf_release(&p);
    cl_strbuf_release(&real);
    cl_strbuf_release(&link);
    cl_strbuf_release(&dir);
}

/* Checks that need a user without write permission; returns the number of
 * failed checks (run in a child that dropped root, or directly). */
static int check_output_denied(const char *rodir, const char *rofile)
{
    int fails = 0;
    char err[512];
    cl_strbuf p = {0};
    cl_strbuf_addf(&p, "%s/new.sarif", rodir);
    if (cl_report_check_output(p.s, err, sizeof err) != -1 ||
        !contains(err, "new.sarif': permission denied")) {
        fprintf(stderr, "check_output('%s') = '%s'\n", p.s, err);
        fails++;
    }
    if (cl_report_check_output(rofile, err, sizeof err) != -1 ||
        !contains(err, "': permission denied")) {
        fprintf(stderr, "check_output('%s') = '%s'\n", rofile, err);
        fails++;
    }
    cl_strbuf_release(&p);
    return fails;
}

static void test_check_output(t_ctx *t, const char *tmp)
{
    char err[512];
    cl_strbuf dir = {0}, p = {0}, want = {0};
    cl_strbuf_addf(&dir, "%s/check", tmp);
    mkdir_or_die(dir.s);

    /* a new file in a writable directory: fine, and nothing is created */
    cl_strbuf_addf(&p, "%s/report.sarif", dir.s);
    CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == 0 && err[0] == '\0');
    CHECK_IN(t, count_entries(dir.s) == 0);
    /* an existing regular file; /dev/null */
    write_text_file(p.s, "x");
    CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == 0);
    CHECK_IN(t, cl_report_check_output("/dev/null", err, sizeof err) == 0);
    cl_strbuf_release(&p);

    /* a directory */
    CHECK_IN(t, cl_report_check_output(dir.s, err, sizeof err) == -1);
    cl_strbuf_addf(&want, "cannot write '%s': is a directory", dir.s);
    CHECK_IN(t, strcmp(err, want.s) == 0);
    cl_strbuf_release(&want);
    cl_strbuf_addf(&p, "%s/to-dir", dir.s);
    CHECK_IN(t, symlink(".", p.s) == 0);
    CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == -1 &&
                    contains(err, "to-dir': is a directory"));
    cl_strbuf_release(&p);

    /* a missing directory; a file where a directory should be */
    cl_strbuf_addf(&p, "%s/missing/report.sarif", dir.s);
    CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == -1);
    cl_strbuf_addf(&want, "cannot write '%s': no such directory", p.s);
    CHECK_IN(t, strcmp(err, want.s) == 0);
    cl_strbuf_release(&want);
    cl_strbuf_release(&p);
    cl_strbuf_addf(&p, "%s/report.sarif/x.sarif", dir.s);
    CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == -1 &&
                    contains(err, "x.sarif': no such directory"));
    cl_strbuf_release(&p);
    /* a dangling symlink into a missing directory */
    cl_strbuf_addf(&p, "%s/dangling", dir.s);
    CHECK_IN(t, symlink("nowhere/x.sarif", p.s) == 0);
    CHECK_IN(t, cl_report_check_output(p.s, err, sizeof err) == -1 &&
                    contains(err, "dangling': no such directory"));
    cl_strbuf_release(&p);
    /* a directory that exists but makes no files (/proc, for root: for
     * others its permissions say no first): not "no such directory" */
    if (access("/proc/self", F_OK) == 0) {
        CHECK_IN(t, cl_report_check_output("/proc/conc-lint.sarif", err, sizeof err) == -1);
        CHECK_IN(t, !contains(err, "no such directory"));
        CHECK_IN(t, contains(err, geteuid() == 0 ? "does not take new files" : "permission denied"));
    }
    /* empty name; small buffer is truncated, not overrun */
    CHECK_IN(t, cl_report_check_output("", err, sizeof err) == -1 && err[0] != '\0');
    char small[8];
    CHECK_IN(t, cl_report_check_output(dir.s, small, sizeof small) == -1 &&
                    strlen(small) == sizeof small - 1);
    CHECK_IN(t, cl_report_check_output(dir.s, NULL, 0) == -1);

    /* not writable: a read-only directory and a read-only file. Root
     * ignores permissions, so then the checks run in a child as 'nobody'. */
    cl_strbuf_addf(&p, "%s/ro", dir.s);
    mkdir_or_die(p.s);
    cl_strbuf rofile = {0};
    cl_strbuf_addf(&rofile, "%s/ro.sarif", dir.s);
    write_text_file(rofile.s, "x");
    chmod(rofile.s, 0444);
    chmod(p.s, 0555);
    if (geteuid() != 0) {
        CHECK_IN(t, check_output_denied(p.s, rofile.s) == 0);
    } else {
        chmod(tmp, 0755); /* let 'nobody' reach the directory */
        chmod(dir.s, 0755);
        pid_t pid = fork();
        if (pid == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(77);
            _exit(check_output_denied(p.s, rofile.s) ? 1 : 0);
        }
        int status = 0;
        if (pid > 0)
            waitpid(pid, &status, 0);
        CHECK_IN(t, pid > 0 && WIFEXITED(status) &&
                        (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 77));
        if (WIFEXITED(status) && WEXITSTATUS(status) == 77)
            fprintf(stderr, "report_test: cannot switch to uid 65534: "
                            "permission checks skipped\n");
        chmod(tmp, 0700);
    }
    chmod(p.s, 0700);
    cl_strbuf_release(&rofile);
    cl_strbuf_release(&p);
    cl_strbuf_release(&dir);
}

/* --- UTF-8 ------------------------------------------------------------------- */

/* An independent strict UTF-8 check (RFC 3629): decodes each code point and
 * rejects overlong forms, surrogates and values above U+10FFFF. */
static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned long cp;
        int n;
        if (*p < 0x80) {
            p++;
            continue;
        } else if ((*p & 0xe0) == 0xc0) {
            cp = *p & 0x1f;
            n = 1;
        } else if ((*p & 0xf0) == 0xe0) {
            cp = *p & 0x0f;
            n = 2;
        } else if ((*p & 0xf8) == 0xf0) {
            cp = *p & 0x07;
            n = 3;
        } else {
            return 0;
        }
        static const unsigned long min[] = {0, 0x80, 0x800, 0x10000};
        for (int i = 1; i <= n; i++) {
            if ((p[i] & 0xc0) != 0x80)
                return 0;
            cp = cp << 6 | (p[i] & 0x3f);
        }
        if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        p += n + 1;
    }
    return 1;
}

static void test_utf8(t_ctx *t)
{
    static const struct { const char *in, *want; } cases[] = {
        {"plain", NULL},
        {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf", NULL}, /* valid */
        {"r\xffx.c", "r\xef\xbf\xbdx.c"},
        {"\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd"},                 /* overlong '/' */
        {"\xe0\x80\xaf", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"}, /* overlong, 3 bytes */
        {"\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"}, /* surrogate D800 */
        {"\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"}, /* > 10FFFF */
        {"a\xe2\x82", "a\xef\xbf\xbd"},                           /* truncated at the end */
        {"\xe2\x82x", "\xef\xbf\xbdx"},                           /* maximal subpart: one */
        {"\xf0\x9f\x98", "\xef\xbf\xbd"},
        {"\x80\xbf", "\xef\xbf\xbd\xef\xbf\xbd"},                 /* lone continuations */
        {"\xc3\xa9\xff\xc3\xa9", "\xc3\xa9\xef\xbf\xbd\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = cl_utf8_sanitize(cases[i].in);
        int ok = cases[i].want ? got != NULL && strcmp(got, cases[i].want) == 0 : got == NULL;
        if (!ok)
            fprintf(stderr, "cl_utf8_sanitize case %zu wrong\n", i);
        CHECK_IN(t, ok);
        CHECK_IN(t, valid_utf8(got ? got : cases[i].in));
        free(got);
    }
    CHECK_IN(t, cl_utf8_sanitize(NULL) == NULL);
}

/* A file name and a message that are not UTF-8 still give valid UTF-8
 * JSON and SARIF; the SARIF uri keeps the exact bytes, percent-encoded. */
static void test_utf8_output(t_ctx *t, const sample *s)
{
    cl_findings fs = {0};
    cl_rule_ctx race = ctx_for(&fs, 1);
    cl_strbuf file = {0};
    cl_strbuf_addf(&file, "%s/src/r\xffx.c", s->root);
    cl_related rel = {{file.s, 1, 1}, "thread 'w\xff' started here"};
    cl_flow_step step = {{file.s, 2, 1}, "writes 'c\xfe'"};
    cl_thread_flow flow = {"thread 'w\xff'", 1, &step};
    t_emit(&race, (cl_loc){file.s, 2, 3}, "f\xff",
                 "write to 'c\xff' in 'f' races with itself", "c|write", &rel, 1, &flow, 1);
    fs.list.v[0].suppressed = 1;
    fs.list.v[0].suppression_reason = "why \xc0";
    cl_findings_sort(&fs);
    cl_notification note = {CL_DIAG_ERROR, {file.s, 1, 1}, "cannot parse 'r\xffx.c'"};
    cl_report r = {.findings = &fs, .notes = &note, .nnotes = 1, .srcroot = s->root,
                   .execution_successful = 1};
    cl_format fmts[] = {CL_FMT_JSON, CL_FMT_SARIF};
    for (size_t i = 0; i < 2; i++) {
        int rc;
        char *out = render(fmts[i], &r, &rc);
        CHECK_IN(t, rc == 0 && out != NULL);
        CHECK_IN(t, valid_utf8(out));
        CHECK_IN(t, contains(out, "write to 'c\xef\xbf\xbd' in 'f' races with itself"));
        cJSON *doc = cJSON_Parse(out);
        CHECK_IN(t, doc != NULL);
        if (fmts[i] == CL_FMT_JSON) {
            cl_strbuf want = {0};
            cl_strbuf_addf(&want, "%s/src/r\xef\xbf\xbdx.c", s->root);
            CHECK_IN(t, str_is(doc, "findings.0.file", want.s));
            CHECK_IN(t, str_is(doc, "findings.0.function", "f\xef\xbf\xbd"));
            cl_strbuf_release(&want);
        } else {
            CHECK_IN(t, str_is(doc, "runs.0.results.0.locations.0.physicalLocation."
                                    "artifactLocation.uri", "src/r%FFx.c"));
            CHECK_IN(t, str_is(doc, "runs.0.results.0.suppressions.0.justification",
                               "why \xef\xbf\xbd"));
        }
        cJSON_Delete(doc);
        free(out);
    }
    cl_findings_release(&fs);
    cl_strbuf_release(&file);
}

/* --- the GitHub format and the shared UTF-16 column --------------------------- */

static void test_github_format(t_ctx *t, const sample *s, const cl_findings *fs, const char *tmp)
{
    cl_report r = sample_report(s, fs);
    int rc;
    char *out = render(CL_FMT_GITHUB, &r, &rc);
    CHECK_IN(t, rc == 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    CHECK_IN(t, fp != NULL && cl_report_write_github(fp, &r) == 0);
    if (fp != NULL)
        fclose(fp);
    CHECK_IN(t, out != NULL && buf != NULL && strcmp(out, buf) == 0);
    const cl_rule *race = rule_at(1);
    cl_strbuf want = {0};
    cl_strbuf_addf(&want, "::warning file=src/worker.c,line=5,col=2,title=%s %s::", race->id,
                   race->name);
    CHECK_IN(t, contains(out, want.s));
    cl_strbuf_release(&want);
    free(out);
    free(buf);
    CHECK_IN(t, cl_report_write(stdout, (cl_format)99, &r) == -1 && errno == EINVAL);

    /* the shared byte -> UTF-16 column conversion */
    cl_strbuf p = {0};
    cl_strbuf_addf(&p, "%s/cols.c", tmp);
    write_text_file(p.s, "ab\n\xc3\xa9x\n\xf0\x9f\x98\x80y \xe2\x82\xacz\n");
    cl_srccache src = {0};
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 1, 2) == 2);
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 1, 5) == 5);  /* past the end */
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 2, 3) == 2);  /* after 2-byte 'é' */
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 3, 5) == 3);  /* after a surrogate pair */
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 3, 10) == 6); /* after '€' (3 bytes, 1 unit) */
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 0, 7) == 7);
    CHECK_IN(t, cl_report_utf16_column(&src, p.s, 9, 7) == 7);  /* no such line */
    CHECK_IN(t, cl_report_utf16_column(&src, "/nonexistent/x.c", 1, 7) == 7);

    /* cl_srccache_line: CRLF, a last line without a newline, lines past the
     * end, an empty file, and more files than the cache holds */
    const char *text;
    size_t n;
    p.len = 0;
    cl_strbuf_addf(&p, "%s/lines.c", tmp);
    write_text_file(p.s, "one\r\n\ntwo three");
    CHECK_IN(t, cl_srccache_line(&src, p.s, 1, &text, &n) == 0 && n == 3 &&
                    memcmp(text, "one", 3) == 0);
    CHECK_IN(t, cl_srccache_line(&src, p.s, 2, &text, &n) == 0 && n == 0);
    CHECK_IN(t, cl_srccache_line(&src, p.s, 3, &text, &n) == 0 && n == 9 &&
                    memcmp(text, "two three", 9) == 0);
    CHECK_IN(t, cl_srccache_line(&src, p.s, 4, &text, &n) == -1);
    p.len = 0;
    cl_strbuf_addf(&p, "%s/empty.c", tmp);
    write_text_file(p.s, "");
    CHECK_IN(t, cl_srccache_line(&src, p.s, 1, &text, &n) == 0 && n == 0);
    CHECK_IN(t, cl_srccache_line(&src, p.s, 2, &text, &n) == -1);
    for (int i = 0; i < CL_SRCCACHE_FILES + 3; i++) {
        p.len = 0;
        cl_strbuf_addf(&p, "%s/many%d.c", tmp, i);
        char body[64];
        snprintf(body, sizeof body, "a\nfile %d\n", i);
        write_text_file(p.s, body);
        CHECK_IN(t, cl_srccache_line(&src, p.s, 2, &text, &n) == 0 &&
                        n == strlen(body) - 3 && memcmp(text, body + 2, n) == 0);
        CHECK_IN(t, cl_srccache_line(&src, p.s, 3, &text, &n) == -1);
    }
    p.len = 0;
    cl_strbuf_addf(&p, "%s/lines.c", tmp); /* evicted by now: read again */
    CHECK_IN(t, cl_srccache_line(&src, p.s, 3, &text, &n) == 0 && n == 9);
    cl_srccache_release(&src);
    cl_strbuf_release(&p);
}

/* --- baseline states ----------------------------------------------------------- */

/* Three absent entries: one of a registered rule with a full location, one
 * of a rule that no longer exists, one without a location. */
static void absent_entries(cl_baseline_entry e[3], const cl_baseline_entry *v[3])
{
    const cl_rule *spawn = rule_at(0);
    memset(e, 0, 3 * sizeof *e);
    e[0] = (cl_baseline_entry){.rule_id = spawn->id, .fingerprint = "00112233445566aa",
                               .level = CL_LEVEL_ERROR, .message = "gone finding.",
                               .uri = "src/old.c", .uri_base_id = "%SRCROOT%", .line = 7,
                               .col = 3, .function = "old_fn"};
    e[1] = (cl_baseline_entry){.rule_id = "CL999", .fingerprint = "ffeeddccbbaa0099",
                               .level = CL_LEVEL_NOTE, .message = "from a rule that was removed",
                               .uri = "src/old.c", .uri_base_id = "%SRCROOT%", .line = 9};
    e[2] = (cl_baseline_entry){.rule_id = spawn->id, .fingerprint = "0123456789abcdef",
                               .level = CL_LEVEL_WARNING, .message = NULL};
    for (int i = 0; i < 3; i++)
        v[i] = &e[i];
}

/* Marks the sample findings: every other one unchanged, the rest new. */
static void mark_findings(cl_findings *fs)
{
    for (size_t i = 0; i < fs->list.n; i++)
        fs->list.v[i].baseline = i % 2 ? CL_BASELINE_MARK_UNCHANGED : CL_BASELINE_MARK_NEW;
}

static void test_baseline_output(t_ctx *t, const sample *s)
{
    cl_findings fs = {0};
    sample_findings(s, &fs, 0);
    cl_report r = sample_report(s, &fs);
    int rc;
    /* text and GitHub output do not change with the marks */
    char *text0 = render(CL_FMT_TEXT, &r, &rc);
    char *gh0 = render(CL_FMT_GITHUB, &r, &rc);
    char *sarif0 = render(CL_FMT_SARIF, &r, &rc);
    CHECK_IN(t, !contains(sarif0, "baselineState"));
    free(sarif0);

    mark_findings(&fs);
    cl_baseline_entry e[3];
    const cl_baseline_entry *v[3];
    absent_entries(e, v);
    r.absent = v;
    r.nabsent = 3;
    char *text1 = render(CL_FMT_TEXT, &r, &rc);
    char *gh1 = render(CL_FMT_GITHUB, &r, &rc);
    CHECK_IN(t, text0 && text1 && strcmp(text0, text1) == 0);
    CHECK_IN(t, gh0 && gh1 && strcmp(gh0, gh1) == 0);
    free(text0);
    free(text1);
    free(gh0);
    free(gh1);

    char *out = render(CL_FMT_SARIF, &r, &rc);
    cJSON *log = cJSON_Parse(out);
    CHECK_IN(t, rc == 0 && log != NULL);
    const cJSON *results = get(log, "runs.0.results");
    size_t n = fs.list.n;
    CHECK_IN(t, cJSON_GetArraySize(results) == (int)(n + 3));
    for (size_t i = 0; i < n; i++) {
        const cJSON *res = cJSON_GetArrayItem(results, (int)i);
        CHECK_IN(t, str_is(res, "baselineState", i % 2 ? "unchanged" : "new"));
    }
    const cl_rule *spawn = rule_at(0);
    const cJSON *a = cJSON_GetArrayItem(results, (int)n);
    CHECK_IN(t, str_is(a, "baselineState", "absent") && str_is(a, "ruleId", spawn->id));
    CHECK_IN(t, num_is(a, "ruleIndex", 0) && str_is(a, "level", "error"));
    CHECK_IN(t, str_is(a, "message.text", "gone finding."));
    CHECK_IN(t, str_is(a, "locations.0.physicalLocation.artifactLocation.uri", "src/old.c"));
    CHECK_IN(t, str_is(a, "locations.0.physicalLocation.artifactLocation.uriBaseId", "%SRCROOT%"));
    CHECK_IN(t, num_is(a, "locations.0.physicalLocation.region.startLine", 7) &&
                    num_is(a, "locations.0.physicalLocation.region.startColumn", 3));
    CHECK_IN(t, str_is(a, "locations.0.logicalLocations.0.name", "old_fn"));
    CHECK_IN(t, str_is(a, "partialFingerprints." CL_BASELINE_FINGERPRINT_KEY, "00112233445566aa"));
    a = cJSON_GetArrayItem(results, (int)n + 1);
    CHECK_IN(t, str_is(a, "ruleId", "CL999") && get(a, "ruleIndex") == NULL);
    CHECK_IN(t, str_is(a, "level", "note") && str_is(a, "message.text", "from a rule that was removed."));
    CHECK_IN(t, get(a, "locations.0.physicalLocation.region.startColumn") == NULL);
    a = cJSON_GetArrayItem(results, (int)n + 2);
    CHECK_IN(t, str_is(a, "baselineState", "absent") && get(a, "locations") == NULL);
    CHECK_IN(t, cJSON_IsString(get(a, "message.text")));
    cJSON_Delete(log);
    free(out);

    /* JSON: baselineState per finding when set, nothing for absent ones */
    out = render(CL_FMT_JSON, &r, &rc);
    cJSON *doc = cJSON_Parse(out);
    CHECK_IN(t, rc == 0 && doc != NULL);
    CHECK_IN(t, cJSON_GetArraySize(get(doc, "findings")) == (int)n);
    CHECK_IN(t, str_is(doc, "findings.0.baselineState", "new"));
    CHECK_IN(t, str_is(doc, "findings.1.baselineState", "unchanged"));
    cJSON_Delete(doc);
    free(out);
    fs.list.v[0].baseline = CL_BASELINE_NONE;
    out = render(CL_FMT_JSON, &r, &rc);
    doc = cJSON_Parse(out);
    CHECK_IN(t, doc != NULL && get(doc, "findings.0.baselineState") == NULL);
    cJSON_Delete(doc);
    free(out);
    cl_findings_release(&fs);
}

/* Writes the sample log; with `baseline`, also baseline states (new,
 * unchanged, absent) and a finding in a file whose name is not UTF-8. */
static int write_sample_sarif(const char *out, int baseline)
{
    cl_strbuf dir = {0};
    cl_strbuf_addf(&dir, "%s.d", out);
    char *abs = cl_report_abspath(dir.s);
    remove_tree(abs);
    mkdir_or_die(abs);
    sample s;
    sample_make(&s, abs);
    cl_findings fs = {0};
    sample_findings(&s, &fs, 0);
    cl_baseline_entry e[3];
    const cl_baseline_entry *v[3];
    cl_strbuf odd = {0};
    if (baseline) {
        cl_rule_ctx race = ctx_for(&fs, 1);
        cl_strbuf_addf(&odd, "%s/src/r\xffx.c", s.root);
        t_emit(&race, (cl_loc){odd.s, 3, 4}, "g",
                     "write to 'n\xff' in 'g' races with itself; 'g' is started in a loop",
                     "n|write", NULL, 0, NULL, 0);
        cl_findings_sort(&fs);
        mark_findings(&fs);
        absent_entries(e, v);
    }
    cl_report r = sample_report(&s, &fs);
    if (baseline) {
        r.absent = v;
        r.nabsent = 3;
    }
    int rc = cl_report_write_file(out, CL_FMT_SARIF, &r);
    cl_strbuf_release(&odd);
    if (rc != 0)
        fprintf(stderr, "report_test: cannot write '%s': %s\n", out, strerror(errno));
    cl_findings_release(&fs);
    sample_release(&s);
    free(abs);
    cl_strbuf_release(&dir);
    return rc == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--write-sarif") == 0)
        return write_sample_sarif(argv[2], 0);
    if (argc == 3 && strcmp(argv[1], "--write-sarif-baseline") == 0)
        return write_sample_sarif(argv[2], 1);
    if (argc != 1) {
        fprintf(stderr, "usage: report_test [--write-sarif FILE | --write-sarif-baseline FILE]\n");
        return 2;
    }
    t_ctx t = {0};
    char *tmp = make_tmpdir("report_test");
    sample s;
    sample_make(&s, tmp);
    cl_findings fs = {0};
    sample_findings(&s, &fs, 0);

    test_levels(&t);
    test_sort(&t);
    test_paths(&t);
    test_fingerprint(&t);
    CHECK_IN(&t, fs.list.n == 4); /* 5 emitted, one exact duplicate dropped */
    test_text(&t, &s, &fs);
    test_json(&t, &s, &fs);
    test_sarif(&t, &s, &fs);
    test_sarif_edges(&t, &s, &fs);
    test_determinism(&t, &s, &fs);
    test_atomic(&t, &s, &fs, tmp);
    test_output_targets(&t, &s, &fs, tmp);
    test_check_output(&t, tmp);
    test_utf8(&t);
    test_utf8_output(&t, &s);
    test_github_format(&t, &s, &fs, tmp);
    test_baseline_output(&t, &s);

    cl_findings_release(&fs);
    sample_release(&s);
    remove_tree(tmp);
    free(tmp);
    return t_finish("report_test", &t);
}
