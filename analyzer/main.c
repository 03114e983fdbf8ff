/* main.c - the conc-lint command line (docs/ci.md, README "Usage"). */
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache/cache.h"
#include "cli/config.h"
#include "cli/driver.h"
#include "frontend/frontend.h"
#include "frontend/locate.h"
#include "lsp/lsp.h"
#include "report/progress.h"
#include "rule.h"

static const char usage_text[] =
    "usage: conc-lint [options] [paths...] [-- compiler-args...]\n"

    "\n"
    "Finds concurrency bugs in C programs that use POSIX or C11 threads.\n"
    "Paths are C files or directories (searched for *.c). Without -p, a\n"
    "compile_commands.json is looked for in the given directories, in . and\n"
    "in ./build, and files it does not list are parsed with the arguments\n"
    "after --. A -- without -p (even with nothing after it) turns that search\n"
    "off: every file is parsed with the arguments after --, as clang-tidy does.\n"
    "\n"
    "options:\n"
    "  -p, --compile-commands PATH  compile_commands.json, or its directory\n"
    "  -j, --jobs N                 parse N translation units at once (default: CPUs)\n"
    "  -f, --format FMT             text (default), sarif, json, github, html (one\n"
    "                               self-contained page), or sarif-upload (SARIF for\n"
    "                               GitHub code scanning: no suppressed or absent\n"
    "                               baseline results)\n"
    "  -o, --output FILE            write the report to FILE (atomically)\n"
    "      --fail-on LEVEL          exit 1 when a finding is at LEVEL or above:\n"
    "                               note, warning (default), error, or none\n"
    "      --config FILE            use FILE instead of the nearest .conc-lint.json\n"
    "      --print-config           print the effective configuration and exit\n"
    "      --baseline FILE.sarif    mark results already in that log 'unchanged': only\n"
    "                               new ones count for --fail-on\n"
    "      --enable RULES           run only these rules (comma-separated ids, names\n"
    "                               or globs: CL00[1-4],*-lock*)\n"
    "      --disable RULES          do not run these rules (same syntax)\n"
    "      --srcroot DIR            make report paths relative to DIR (default: .)\n"
    "      --stdin-filename FILE    read the contents of FILE (an editor's unsaved\n"
    "                               buffer) from standard input and analyze them in\n"
    "                               its place; FILE is the path to analyze\n"
    "      --scope WHICH            files named with a compile database: program\n"
    "                               (default: link every TU of the database, report\n"
    "                               the findings located in the named files) or file\n"
    "                               (analyze the named files' TUs alone)\n"
    "      --verify                 test mode: compare findings with // expect: comments\n"
    "      --list-rules             list the rules and exit (also --list-checks)\n"
    "      --explain RULE           print a rule's documentation and exit\n"
    "      --cache-dir DIR          keep per-TU summaries in DIR (default:\n"
    "                               $XDG_CACHE_HOME/conc-lint or ~/.cache/conc-lint)\n"
    "      --no-cache               neither read nor write the summary cache\n"
    "      --shard K/N              only summarize the K-th of N slices of the TUs\n"
    "                               into the cache directory, then stop\n"
    "      --link DIR               take the summaries from DIR (repeatable: the\n"
    "                               --cache-dir of each shard) instead of parsing\n"
    "      --tu-timeout SECONDS     give up on a TU after SECONDS (default 300; 0: never)\n"
    "      --tu-memory MB           give up on a TU past MB of memory (default 4096; 0: never)\n"
    "      --analyze-generated      also analyze files that say they are generated\n"
    "      --stats                  print timings, sizes, coverage to stderr\n"
    "                               (and a \"stats\" object in -f json)\n"
    "      --progress               show progress on stderr even when it is not\n"
    "                               a terminal (default: on a terminal, runs > 1s)\n"
    "  -q, --quiet                  print findings only: no progress, summary or notes\n"
    "      --color=WHEN             colour text output: auto (default: on a terminal\n"
    "                               unless TERM=dumb or NO_COLOR), always, never\n"
    "      --dump-ir                print the per-TU summaries (debugging)\n"

    "      --version                print the version and exit\n"
    "  -h, --help                   print this help and exit\n"
    "\n"
    "exit status: 0 no finding at or above the fail level, 1 findings,\n"
    "2 usage or configuration error, 3 the analysis failed.\n";

/* After usage_text (one string would pass the 4095 characters C11 promises). */
static const char subcommand_text[] =
    "\n"
    "conc-lint lsp [-p DB] [--config FILE] [--cache-dir DIR | --no-cache] [-j N]\n"
    "  runs a Language Server Protocol server on standard input and output:\n"
    "  whole-program findings as diagnostics of the open files (conc-lint lsp\n"
    "  --help; docs/editors.md, \"Language server\").\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("conc-lint: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nconc-lint: try 'conc-lint --help'\n", stderr);
    return CL_EXIT_USAGE;
}

#ifndef CL_COMMIT
#define CL_COMMIT "unknown"
#endif

/* --version: the version, the source commit, and the libclang a parse
 * would load (found, not loaded: a run served from the cache never loads
 * it, and neither does --version). */
static void print_version(void)
{
    const cl_libclang_info *lc = cl_libclang_locate();
    printf("conc-lint %s (commit %s)\n", CL_VERSION, CL_COMMIT);
    printf("libclang: %s (version %s, %s; loaded on the first parse)\n", lc->path,
           lc->version[0] != '\0' ? lc->version : "unknown",
           strcmp(lc->source, "build") == 0 ? "the build's" : lc->source);
    printf("clang resource dir: %s\n", cl_frontend_resource_dir());
}

static void list_rules(void)
{
    for (size_t i = 0; i < cl_nrules; i++)
        printf("%s  %-24s %-8s %s\n", cl_rules[i]->id, cl_rules[i]->name,
               cl_level_name(cl_rules[i]->default_level), cl_rules[i]->short_desc);
}

static int explain(const char *name)
{
    const cl_rule *r = cl_rule_find(name, NULL);
    if (r == NULL)
        return usage_error("unknown rule '%s' (see --list-rules)", name);
    printf("%s %s (default level: %s)\n\n%s\n\n%s\n", r->id, r->name,
           cl_level_name(r->default_level), r->full_desc, r->help_md);
    return CL_EXIT_OK;
}

/* Marks the rules named in the comma-separated `list` with `value`. Each
 * item is an id or a name, or a glob (fnmatch: `CL00[1-4]`, `*-lock*`) that
 * must match at least one rule's id or name, as clang-tidy's -checks. */
/* Whether any of the n rule switches at p is on. */
static int any_rule_on(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != 0)
            return 1;
    return 0;
}

static int select_rules(unsigned char *enabled, const char *list, unsigned char value)
{
    char *copy = strdup(list);
    if (copy == NULL)
        return -1;
    int rc = 0;
    char *save = NULL;
    int any = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        tok += strspn(tok, " ");
        any = 1;
        size_t idx, hits = 0;
        if (strpbrk(tok, "*?[") != NULL) {
            for (size_t i = 0; i < cl_nrules; i++) {
                if (fnmatch(tok, cl_rules[i]->id, 0) == 0 || fnmatch(tok, cl_rules[i]->name, 0) == 0) {
                    enabled[i] = value;
                    hits++;
                }
            }
        } else if (cl_rule_find(tok, &idx) != NULL) {
            enabled[idx] = value;
            hits++;
        }
        if (hits == 0) {
            usage_error("%s '%s' (see --list-rules)",
                        strpbrk(tok, "*?[") != NULL ? "no rule matches" : "unknown rule", tok);
            rc = -1;
            break;
        }
    }
    if (rc == 0 && !any) {
        usage_error("empty rule list '%s' (see --list-rules)", list);
        rc = -1;
    }
    free(copy);
    return rc;
}

/* Applies --enable `enable` (NULL: not given; then every rule starts on)
 * and --disable `disable` (NULL: not given) to enabled[cl_nrules]; warns
 * when no rule is left on. Returns 0, or -1 after a usage error. */
static int choose_rules(unsigned char *enabled, const char *enable, const char *disable)
{
    if (enable != NULL) {
        memset(enabled, 0, cl_nrules);
        if (select_rules(enabled, enable, 2) != 0)
            return -1;
    }
    if (disable != NULL && select_rules(enabled, disable, 0) != 0)
        return -1;
    if (cl_nrules > 0 && !any_rule_on(enabled, cl_nrules))
        fprintf(stderr, "conc-lint: warning: --enable/--disable leave no rule on: nothing will be "
                        "reported\n");
    return 0;
}

static int opt(int argc, char **argv, int *i, const char *lng, const char *shrt,
               const char **value);

/* The per-TU limit and generated-file options (docs/config.md). Returns 1
 * when argv[*i] is one of them (*rc set to a usage error on a bad value),
 * else 0. */
static int limit_opt(int argc, char **argv, int *i, cl_options *o, int *rc)
{
    const char *v = NULL;
    int *limit = NULL, m;
    if (opt(argc, argv, i, "--analyze-generated", NULL, NULL) == 1) {
        o->analyze_generated = 1;
        return 1;
    }
    const char *name = "--tu-timeout";
    if ((m = opt(argc, argv, i, name, NULL, &v)) != 0)
        limit = &o->tu_timeout;
    else if ((m = opt(argc, argv, i, name = "--tu-memory", NULL, &v)) != 0)
        limit = &o->tu_memory;
    else
        return 0;
    if (m < 0) {
        *rc = usage_error("option '%s' needs a value", name);
        return 1;
    }
    char *end = NULL;
    long n = strtol(v, &end, 10);
    if (end == v || *end != '\0' || n < 0 || n > CL_MAX_TU_LIMIT)
        *rc = usage_error("invalid value '%s' for '%s' (an integer from 0, no limit, to %d)", v,
                          name, CL_MAX_TU_LIMIT);
    *limit = (int)n;
    return 1;
}

/* Matches `arg` against a long option `name` ("--jobs") and its short form;
 * sets *value for options that take one (from "=v", the rest of "-jN", or
 * the next argument). Returns 1 on a match, 0 otherwise, -1 if the value is
 * missing. */
static int opt(int argc, char **argv, int *i, const char *lng, const char *shrt,
               const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(lng);
    int takes = value != NULL;
    if (strncmp(a, lng, n) == 0 && (a[n] == '\0' || (takes && a[n] == '='))) {
        if (!takes)
            return 1;
        if (a[n] == '=') {
            *value = a + n + 1;
            return 1;
        }
    } else if (shrt != NULL && strncmp(a, shrt, 2) == 0) {
        if (!takes)
            return a[2] == '\0';
        if (a[2] != '\0') {
            *value = a + 2;
            return 1;
        }
    } else {
        return 0;
    }
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

/* The value of --jobs: into *jobs, 1 to 1024. Returns CL_EXIT_OK, or
 * CL_EXIT_USAGE (with the message) for anything else. */
static int parse_jobs(const char *v, unsigned *jobs)
{
    char *end = NULL;
    long n = strtol(v, &end, 10);
    *jobs = (unsigned)n;
    if (*end != '\0' || n < 1 || n > 1024)
        return usage_error("invalid job count '%s' (1 to 1024)", v);
    return CL_EXIT_OK;
}

/* The value of --format into *format: CL_EXIT_OK, or CL_EXIT_USAGE (with
 * the message) for an unknown name. */
static int parse_format(const char *v, cl_format *format)
{
    static const struct { const char *name; cl_format format; } formats[] = {
        { "text", CL_FMT_TEXT }, { "sarif", CL_FMT_SARIF },
        { "json", CL_FMT_JSON }, { "github", CL_FMT_GITHUB },
        { "sarif-upload", CL_FMT_SARIF_UPLOAD }, { "html", CL_FMT_HTML },
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(v, formats[i].name) == 0) {
            *format = formats[i].format;
            return CL_EXIT_OK;
        }
    }
    return usage_error("unknown format '%s' (text, sarif, sarif-upload, json, github or html)",
                       v);
}

/* The value of --shard, "K/N" with 1 <= K <= N <= 1000000, into *index and
 * *count. Returns CL_EXIT_OK, or CL_EXIT_USAGE (with the message). */
static int parse_shard(const char *v, unsigned *index, unsigned *count)
{
    unsigned long k = 0, n = 0;
    char *end = NULL;
    int ok = v[0] >= '1' && v[0] <= '9';
    if (ok) {
        errno = 0;
        k = strtoul(v, &end, 10);
        ok = errno == 0 && *end == '/' && end[1] >= '1' && end[1] <= '9';
    }
    if (ok) {
        n = strtoul(end + 1, &end, 10);
        ok = errno == 0 && *end == '\0' && k <= n && n <= 1000000;
    }
    *index = (unsigned)k;
    *count = (unsigned)n;
    return ok ? CL_EXIT_OK
              : usage_error("invalid shard '%s' (K/N with 1 <= K <= N <= 1000000)", v);
}

/* Options that do not go together. --stdin-filename FILE makes FILE the
 * one path (`paths` has room for it). Returns CL_EXIT_OK, or CL_EXIT_USAGE
 * with the message. */
static int check_together(cl_options *o, char **paths)
{
    if (o->shard_count > 0 && o->nlink > 0)
        return usage_error("--shard and --link do not go together (shard first, then link)");
    if (o->stdin_filename == NULL)
        return CL_EXIT_OK;
    if (o->stdin_filename[0] == '\0')
        return usage_error("--stdin-filename needs the name of the file the buffer is%s", "");
    if (o->shard_count > 0 || o->nlink > 0)
        return usage_error("--stdin-filename does not go with --shard or --link (they read "
                           "summaries, not buffers)%s", "");
    for (size_t k = 0; k < o->npaths; k++)
        if (strcmp(paths[k], o->stdin_filename) != 0)
            return usage_error("--stdin-filename analyzes one file: '%s' cannot be analyzed "
                               "beside it", paths[k]);
    if (o->npaths == 0)
        paths[o->npaths++] = (char *)o->stdin_filename;
    return CL_EXIT_OK;
}

/* `conc-lint [options] [paths...] [-- compiler-args...]`: one analysis. */
static int analyze_command_line(int argc, char **argv)
{
    cl_options o;
    memset(&o, 0, sizeof o);
    o.format = CL_FMT_TEXT;
    o.fail_on = CL_LEVEL_WARNING;
    o.tu_timeout = o.tu_memory = -1;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    char **links = calloc((size_t)argc + 1, sizeof *links);
    const char *cache_dir = NULL;
    char *default_cache = NULL;
    int no_cache = 0;
    unsigned char *enabled = calloc(cl_nrules + 1, 1);
    if (paths == NULL || links == NULL || enabled == NULL) {
        fputs("conc-lint: out of memory\n", stderr);
        return CL_EXIT_FAILED;
    }
    memset(enabled, 1, cl_nrules);
    int have_enable = 0, rc = CL_EXIT_OK;
    const char *disable = NULL, *enable = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int m;
        if (strcmp(a, "--") == 0) {
            o.have_dashdash = 1;
            o.extra_args = argv + i + 1;
            o.nextra = (size_t)(argc - i - 1);
            break;
        }
        if (a[0] != '-' || a[1] == '\0') {
            paths[o.npaths++] = argv[i];
            continue;
        }
#define VALUE_OPT(lng, shrt)                                                   \
    ((m = opt(argc, argv, &i, lng, shrt, &v)) < 0                              \
         ? (rc = usage_error("option '%s' needs a value", lng), 1)             \
         : m)
        if (opt(argc, argv, &i, "--help", "-h", NULL) == 1) {
            printf("%s%s", usage_text, subcommand_text);
            goto out;
        } else if (opt(argc, argv, &i, "--version", NULL, NULL) == 1) {
            print_version();
            goto out;
        } else if (opt(argc, argv, &i, "--list-rules", NULL, NULL) == 1 ||
                   opt(argc, argv, &i, "--list-checks", NULL, NULL) == 1) {
            list_rules();
            goto out;
        } else if (VALUE_OPT("--explain", NULL)) {
            if (rc == CL_EXIT_OK)
                rc = explain(v);
            goto out;
        } else if (VALUE_OPT("--compile-commands", "-p")) {
            o.compdb = v;
        } else if (VALUE_OPT("--jobs", "-j")) {
            if (v != NULL)
                rc = parse_jobs(v, &o.jobs);
        } else if (VALUE_OPT("--format", "-f")) {
            if (v != NULL)
                rc = parse_format(v, &o.format);
        } else if (VALUE_OPT("--output", "-o")) {
            o.output = v;
        } else if (VALUE_OPT("--fail-on", NULL)) {
            if (v != NULL && cl_level_parse(v, &o.fail_on) != 0)
                rc = usage_error("unknown level '%s' (note, warning, error or none)", v);
        } else if (VALUE_OPT("--enable", NULL)) {
            enable = v;
            have_enable = 1;
        } else if (VALUE_OPT("--disable", NULL)) {
            disable = v;
        } else if (VALUE_OPT("--srcroot", NULL)) {
            o.srcroot = v;
        } else if (VALUE_OPT("--config", NULL)) {
            o.config_path = v;
        } else if (opt(argc, argv, &i, "--print-config", NULL, NULL) == 1) {
            o.print_config = 1;
        } else if (VALUE_OPT("--baseline", NULL)) {
            o.baseline_path = v;
        } else if (VALUE_OPT("--cache-dir", NULL)) {
            cache_dir = v;
        } else if (opt(argc, argv, &i, "--no-cache", NULL, NULL) == 1) {
            no_cache = 1;
        } else if (VALUE_OPT("--shard", NULL)) {
            if (v != NULL)
                rc = parse_shard(v, &o.shard_index, &o.shard_count);
        } else if (VALUE_OPT("--link", NULL)) {
            if (v != NULL)
                links[o.nlink++] = (char *)v;
        } else if (opt(argc, argv, &i, "--verify", NULL, NULL) == 1) {
            o.verify = 1;
        } else if (opt(argc, argv, &i, "--stats", NULL, NULL) == 1) {
            o.stats = 1;
        } else if (opt(argc, argv, &i, "--progress", NULL, NULL) == 1) {
            o.progress = CL_PROGRESS_ALWAYS;
        } else if (opt(argc, argv, &i, "--quiet", "-q", NULL) == 1) {
            o.quiet = 1;
        } else if (VALUE_OPT("--color", NULL)) {
            static const char *const whens[] = {"auto", "always", "never"};
            int found = -1;
            for (int w = 0; v != NULL && w < 3; w++)
                if (strcmp(v, whens[w]) == 0)
                    found = w;
            if (v != NULL && found < 0)
                rc = usage_error("unknown --color value '%s' (auto, always or never)", v);
            o.color = found < 0 ? 0 : found;
        } else if (VALUE_OPT("--stdin-filename", NULL)) {
            o.stdin_filename = v;
        } else if (VALUE_OPT("--scope", NULL)) {
            if (v != NULL && strcmp(v, "file") != 0 && strcmp(v, "program") != 0)
                rc = usage_error("unknown --scope '%s' (program or file)", v);
            o.scope_file = v != NULL && strcmp(v, "file") == 0;
        } else if (opt(argc, argv, &i, "--dump-ir", NULL, NULL) == 1) {
            o.dump_ir = 1;
        } else if (limit_opt(argc, argv, &i, &o, &rc)) {
        } else {
            rc = usage_error("unknown option '%s'", a);
        }
#undef VALUE_OPT
        if (rc != CL_EXIT_OK)
            goto out;
    }
    if (choose_rules(enabled, have_enable ? enable : NULL, disable) != 0) {
        rc = CL_EXIT_USAGE;
        goto out;
    }
    if ((rc = check_together(&o, paths)) != CL_EXIT_OK)
        goto out;
    if (!no_cache)
        o.cache_dir = cache_dir != NULL ? cache_dir : (default_cache = cl_cache_default_dir());
    if (o.shard_count > 0 && o.cache_dir == NULL) {
        rc = usage_error("--shard needs a cache (where the summaries go)%s",
                         no_cache ? ", and --no-cache turns it off"
                                  : ": give --cache-dir (no XDG_CACHE_HOME or HOME to default to)");
        goto out;
    }
    o.link_dirs = links;
    o.paths = paths;
    o.enabled = enabled;
    rc = cl_driver_run(&o);
out:
    free(paths);
    free(links);
    free(default_cache);
    free(enabled);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "lsp") == 0)
        return cl_lsp_main(argc - 1, argv + 1);
    return analyze_command_line(argc, argv);
}
