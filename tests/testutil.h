/* testutil.h - the harness shared by the unit-test programs of tests/
 * (compdb_test, config_test, suppress_test, verify_test, baseline_test,
 * report_test): checks that count and report failures, a scratch directory,
 * file writers, and findings made from the real rule registry.
 *
 * Header-only: every function is static inline, so a program pays nothing
 * for what it does not use and the tests/ CMake files need no extra source. Include
 * it from the test program only (one translation unit per program).
 *
 * Checks never stop the program: a failed check prints
 * "FILE:LINE: check failed: EXPR" on stderr and is counted; the program ends
 * with `return t_finish(...)`, whose status is 1 when any check failed. Setup
 * errors (a file that cannot be written, no scratch directory) exit 2 at once.
 */
#ifndef CL_TESTUTIL_H
#define CL_TESTUTIL_H

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/arena.h"
#include "report/finding.h"
#include "rule.h"
#include "analysis/finding_builder.h"

/* --- checks ---------------------------------------------------------------- */

/* A tally of checks. `output`, when not NULL, is printed after each failure
 * (e.g. the output of the code under test; borrowed, the caller keeps it
 * alive until the next check). */
typedef struct t_ctx {
    int checks, fails;
    const char *output;
} t_ctx;

/* The program-wide tally used by CHECK() and CHECK_STR(). Programs that hand
 * their own t_ctx to each test use CHECK_IN() instead. */
static inline t_ctx *t_all(void)
{
    static t_ctx all;
    return &all;
}

/* Counts one check in `t`; when `ok` is 0 reports it at file:line as `expr`.
 * Returns `ok`. */
static inline int t_check(t_ctx *t, int ok, const char *file, int line, const char *expr)
{
    t->checks++;
    if (!ok) {
        t->fails++;
        fprintf(stderr, "%s:%d: check failed: %s\n", file, line, expr);
        if (t->output != NULL)
            fprintf(stderr, "--- output:\n%s---\n", t->output);
    }
    return ok;
}

/* Compares two strings (NULL never equals anything) and reports both. */
static inline int t_check_str(t_ctx *t, const char *a, const char *b, const char *file, int line)
{
    int ok = a != NULL && b != NULL && strcmp(a, b) == 0;
    if (!ok) {
        char what[8192];
        snprintf(what, sizeof what, "'%s' == '%s'", a ? a : "(null)", b ? b : "(null)");
        return t_check(t, 0, file, line, what);
    }
    return t_check(t, 1, file, line, "");
}

#define CHECK_IN(t, cond) ((void)t_check((t), (cond) ? 1 : 0, __FILE__, __LINE__, #cond))
#define CHECK(cond) CHECK_IN(t_all(), cond)
#define CHECK_STR(a, b) ((void)t_check_str(t_all(), (a), (b), __FILE__, __LINE__))

/* Ends the program `name` with the verdict of `t`: prints it and returns the
 * exit status (0 when every check passed, 1 otherwise). */
static inline int t_finish(const char *name, const t_ctx *t)
{
    if (t->fails) {
        fprintf(stderr, "%s: %d of %d check(s) failed\n", name, t->fails, t->checks);
        return 1;
    }
    printf("%s: all %d checks passed\n", name, t->checks);
    return 0;
}

/* --- setup errors ---------------------------------------------------------- */

/* Reports "cannot <what> '<path>': <errno text>" and exits 2. */
static inline void t_die(const char *what, const char *path)
{
    fprintf(stderr, "cannot %s '%s': %s\n", what, path, strerror(errno));
    exit(2);
}

/* --- strings and paths ----------------------------------------------------- */

/* printf into a heap string (caller frees). */
static inline char *joinf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline char *joinf(const char *fmt, ...)
{
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return cl_xstrdup(buf);
}

/* "<dir>/<name>" (caller frees). */
static inline char *path_in(const char *dir, const char *name)
{
    return joinf("%s/%s", dir, name);
}

/* Whether `needle` occurs in `hay`; 0 when either is NULL. */
static inline int contains(const char *hay, const char *needle)
{
    return hay != NULL && needle != NULL && strstr(hay, needle) != NULL;
}

/* --- the scratch directory ------------------------------------------------- */

/* Creates a fresh directory "$TMPDIR/<prefix>.XXXXXX" ($TMPDIR unset or
 * empty: /tmp) and returns its name (caller frees); exits 2 when it cannot. */
static inline char *make_tmpdir(const char *prefix)
{
    const char *base = getenv("TMPDIR");
    char *tmpl = joinf("%s/%s.XXXXXX", base && *base ? base : "/tmp", prefix);
    if (mkdtemp(tmpl) == NULL)
        t_die("create", tmpl);
    return tmpl;
}

/* Removes `dir` and everything below it, making subdirectories writable
 * first (tests create unreadable ones). Symbolic links are removed, never
 * followed. Returns 0, or -1 when something is left behind. */
static inline int t_remove_tree(const char *dir)
{
    int rc = 0;
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char *p = path_in(dir, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                chmod(p, 0700);
                rc |= t_remove_tree(p);
            } else if (unlink(p) != 0) {
                rc = -1;
            }
            free(p);
        }
        closedir(d);
    }
    return rmdir(dir) == 0 ? rc : -1;
}

/* Removes the scratch directory `dir` (from make_tmpdir); warns when it
 * cannot. */
static inline void remove_tree(const char *dir)
{
    if (t_remove_tree(dir) != 0)
        fprintf(stderr, "warning: cannot remove %s\n", dir);
}

/* --- writing files ----------------------------------------------------------- */

/* Writes `len` bytes of `data` to `path` (created or truncated); exits 2 on
 * any error. */
static inline void write_bytes(const char *path, const void *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (fp == NULL)
        t_die("create", path);
    if (fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
        t_die("write", path);
}

/* Writes the NUL-terminated `text` to `path`; exits 2 on any error. */
static inline void write_text_file(const char *path, const char *text)
{
    write_bytes(path, text, strlen(text));
}

/* Creates `path` as a directory unless it exists; exits 2 on any other error. */
static inline void mkdir_or_die(const char *path)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        t_die("create", path);
}

/* Writes `text` to <dir>/<name>, creating the folders of `name` first;
 * returns the path (caller frees). */
static inline char *write_in(const char *dir, const char *name, const char *text)
{
    char *path = path_in(dir, name);
    for (char *slash = path + strlen(dir) + 1; (slash = strchr(slash, '/')) != NULL; slash++) {
        *slash = '\0';
        mkdir(path, 0700);
        *slash = '/';
    }
    write_text_file(path, text);
    return path;
}

/* write_in() for callers that do not need the path. */
static inline void write_file(const char *dir, const char *name, const char *text)
{
    free(write_in(dir, name, text));
}

/* --- findings -------------------------------------------------------------- */

/* The rule at index `i` of the real registry; exits 2 when there is none. */
static inline const cl_rule *rule_at(size_t i)
{
    if (i >= cl_nrules) {
        fprintf(stderr, "the rule registry has no rule at index %zu\n", i);
        exit(2);
    }
    return cl_rules[i];
}

/* A rule context that emits findings of rule `i` (level warning) into `fs`. */
/* Emits a finding of ctx's rule through the finding builder (the one way
 * the product makes findings), with the related locations and thread
 * flows given; strings may be temporaries. */
static inline void t_emit(cl_rule_ctx *ctx, cl_loc loc, const char *function, const char *message,
                          const char *key, const cl_related *rel, size_t nrel,
                          const cl_thread_flow *flows, size_t nflows)
{
    cl_fb *b = cl_fb_begin(ctx, NULL, loc, function);
    cl_fb_message(b, "%s", message ? message : "");
    if (key != NULL)
        cl_fb_key(b, "%s", key);
    for (size_t i = 0; i < nrel; i++)
        cl_fb_related(b, rel[i].loc, "%s", rel[i].message);
    for (size_t i = 0; i < nflows; i++) {
        cl_fb_flow_begin(b, flows[i].thread);
        for (size_t k = 0; k < flows[i].nsteps; k++)
            cl_fb_step(b, flows[i].steps[k].loc, "%s", flows[i].steps[k].message);
    }
    cl_fb_emit(b);
}

static inline cl_rule_ctx ctx_for(cl_findings *fs, size_t i)
{
    cl_rule_ctx c = {.rule = rule_at(i), .rule_index = i, .level = CL_LEVEL_WARNING, .out = fs};
    return c;
}

#endif
