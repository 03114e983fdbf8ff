/* compdb.c - see compdb.h.
 *
 * The database is read with cJSON in one piece (cJSON has no streaming
 * parser); DB_MAX_BYTES only guards against endless inputs such as a FIFO or
 * /dev/zero named by mistake. Every entry goes through three steps:
 *
 *   1. argv: the "arguments" array as is, or the "command" string split like
 *      a POSIX shell word list (quotes, backslashes; no expansion of any
 *      kind, nothing is ever run);
 *   2. response files: "@file" arguments are read relative to the entry's
 *      directory, split with GNU rules (backslash escapes everywhere, like
 *      gcc and clang on Unix) and spliced in, RSP_MAX_DEPTH levels deep and
 *      within a byte budget per entry, so a self-including file cannot blow up;
 *   3. filter: see filter_args() for what is dropped, kept and rewritten.
 *
 * Untrusted text that ends up in a warning (file names, flags) is made
 * single-line and cut to a bounded length.
 */
#include "compdb.h"

#include <cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"

#define DB_MAX_BYTES ((size_t)2 << 30)       /* 2 GiB */
#define RSP_MAX_BYTES ((size_t)16 << 20)     /* one response file */
#define RSP_BUDGET_BYTES ((size_t)64 << 20)  /* all response files of an entry */
enum { RSP_MAX_DEPTH = 8, WARN_MAX_LEN = 1024 };

/* What one load needs to know while reading entries. */
typedef struct load_ctx {
    const char *dbname;      /* the database path as the user named it */
    char *dbdir;             /* absolute folder holding the database */
    cl_strvec warnings;
    size_t entry;            /* 1-based number of the entry being read */
    const char *entry_file;  /* its raw "file", NULL until known */
    const char *entry_dir;   /* its absolute directory, NULL until known */
    char *entry_abs;         /* its absolute, normalized file */
    size_t rsp_budget;       /* response-file bytes left for this entry */
} load_ctx;

/* Appends "db: entry N (file): message" to the warnings, made single-line
 * and bounded in length. */
static void warnf(load_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warnf(load_ctx *c, const char *fmt, ...)
{
    cl_strbuf b = {0};
    char msg[WARN_MAX_LEN];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cl_strbuf_addf(&b, "%s", c->dbname);
    if (c->entry > 0)
        cl_strbuf_addf(&b, ": entry %zu", c->entry);
    if (c->entry > 0 && c->entry_file != NULL)
        cl_strbuf_addf(&b, " (%.200s)", c->entry_file);
    cl_strbuf_addf(&b, ": %s", msg);
    if (b.len > WARN_MAX_LEN) {
        b.len = WARN_MAX_LEN - 3;
        memcpy(b.s + b.len, "...", 4);
        b.len += 3;
    }
    for (size_t i = 0; i < b.len; i++)
        if ((unsigned char)b.s[i] < 0x20 || b.s[i] == 0x7f)
            b.s[i] = '?';
    CL_VEC_PUSH(&c->warnings, b.s);
}

/* getcwd() into a malloc'ed string; "/" if the directory is unreachable. */
static char *xgetcwd(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = cl_xmalloc(cap);
        if (getcwd(buf, cap) != NULL)
            return buf;
        free(buf);
        if (errno != ERANGE || cap > ((size_t)1 << 20))
            return cl_xstrdup("/");
        cap *= 2;
    }
}

char *cl_path_normalize(const char *path, const char *cwd)
{
    cl_strbuf full = {0};
    char *own_cwd = NULL;
    char *out;
    size_t olen = 0;

    if (path == NULL)
        path = "";
    if (path[0] != '/') {
        if (cwd == NULL) {
            own_cwd = xgetcwd();
        } else if (cwd[0] != '/') {
            own_cwd = cl_path_normalize(cwd, NULL);
        }
        cl_strbuf_add(&full, own_cwd ? own_cwd : cwd);
        cl_strbuf_add(&full, "/");
    }
    cl_strbuf_add(&full, path);

    /* Walk the components of `full`, writing the result into `out`, which is
     * never longer than `full` plus the root slash. */
    out = cl_xmalloc(full.len + 2);
    const char *p = cl_strbuf_str(&full);
    while (*p != '\0') {
        while (*p == '/')
            p++;
        const char *start = p;
        while (*p != '\0' && *p != '/')
            p++;
        size_t n = (size_t)(p - start);
        if (n == 0 || (n == 1 && start[0] == '.'))
            continue;
        if (n == 2 && start[0] == '.' && start[1] == '.') {
            while (olen > 0 && out[olen - 1] != '/')
                olen--;
            if (olen > 0)
                olen--; /* the slash before the dropped component */
            continue;
        }
        out[olen++] = '/';
        memcpy(out + olen, start, n);
        olen += n;
    }
    if (olen == 0)
        out[olen++] = '/';
    out[olen] = '\0';
    cl_strbuf_release(&full);
    free(own_cwd);
    return out;
}

/* Reads the regular file `path` (at most `max` bytes) into a malloc'ed,
 * NUL-terminated buffer. Returns 0, or -1 with "what is wrong" in `why`. */
static int read_regular_file(const char *path, size_t max, char **out, size_t *outlen,
                             char *why, size_t whylen)
{
    struct stat st;

    if (stat(path, &st) != 0) {
        snprintf(why, whylen, "%s", strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(why, whylen, "is a directory");
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "not a regular file");
        return -1;
    }
    return cl_read_file(path, max, out, outlen, why, whylen);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Splits `s` (`len` bytes) into words appended to `out`. POSIX shell rules
 * when `gnu` is 0 (inside double quotes a backslash escapes only $ ` " \ and
 * newline); GNU response-file rules when 1 (a backslash escapes any byte).
 * Single quotes are literal in both. No expansion. Returns 0, or -1 on an
 * unterminated quote (words found so far stay in `out`). */
static int split_words(const char *s, size_t len, int gnu, cl_strvec *out)
{
    cl_strbuf w = {0};
    int in_word = 0, ret = -1;
    size_t i = 0;

    while (i < len) {
        char c = s[i];
        if (is_blank(c)) {
            if (in_word) {
                CL_VEC_PUSH(out, cl_xstrdup(cl_strbuf_str(&w)));
                w.len = 0;
                if (w.s)
                    w.s[0] = '\0';
                in_word = 0;
            }
            i++;
        } else if (c == '\\') {
            if (i + 1 < len && s[i + 1] == '\n') {
                i += 2; /* line continuation */
                continue;
            }
            in_word = 1;
            if (i + 1 < len) {
                cl_strbuf_addn(&w, s + i + 1, 1);
                i += 2;
            } else {
                cl_strbuf_addn(&w, "\\", 1);
                i++;
            }
        } else if (c == '\'') {
            size_t j = i + 1;
            while (j < len && s[j] != '\'')
                j++;
            if (j >= len)
                goto out;
            in_word = 1;
            cl_strbuf_addn(&w, s + i + 1, j - i - 1);
            if (w.s == NULL)
                cl_strbuf_add(&w, "");
            i = j + 1;
        } else if (c == '"') {
            size_t j = i + 1;
            in_word = 1;
            if (w.s == NULL)
                cl_strbuf_add(&w, "");
            for (;;) {
                if (j >= len)
                    goto out;
                if (s[j] == '"')
                    break;
                if (s[j] == '\\' && j + 1 < len) {
                    char n = s[j + 1];
                    if (n == '\n') {
                        j += 2;
                        continue;
                    }
                    if (gnu || n == '$' || n == '`' || n == '"' || n == '\\') {
                        cl_strbuf_addn(&w, &n, 1);
                        j += 2;
                        continue;
                    }
                }
                cl_strbuf_addn(&w, s + j, 1);
                j++;
            }
            i = j + 1;
        } else {
            in_word = 1;
            cl_strbuf_addn(&w, s + i, 1);
            i++;
        }
    }
    if (in_word)
        CL_VEC_PUSH(out, cl_xstrdup(cl_strbuf_str(&w)));
    ret = 0;
out:
    cl_strbuf_release(&w);
    return ret;
}

/* Appends `in` to `out`, replacing each "@file" by the words of that file
 * (recursively, `depth` levels used so far). Unreadable, malformed or too
 * deeply nested response files are dropped with a warning. */
static void expand_response_files(load_ctx *c, char *const *in, size_t n, int depth,
                                  cl_strvec *out)
{
    for (size_t i = 0; i < n; i++) {
        const char *a = in[i];
        if (a[0] != '@' || a[1] == '\0') {
            cl_strvec_push(out, a);
            continue;
        }
        if (depth >= RSP_MAX_DEPTH) {
            warnf(c, "response file '%.200s' nested more than %d deep, dropped", a,
                  RSP_MAX_DEPTH);
            continue;
        }
        char *path = cl_path_normalize(a + 1, c->entry_dir);
        char *buf = NULL;
        size_t len = 0;
        char why[256];
        size_t max = c->rsp_budget < RSP_MAX_BYTES ? c->rsp_budget : RSP_MAX_BYTES;
        if (read_regular_file(path, max, &buf, &len, why, sizeof why) != 0) {
            warnf(c, "cannot read response file '%.200s': %s, dropped", a, why);
        } else {
            cl_strvec words = {0};
            c->rsp_budget -= len;
            if (split_words(buf, len, 1, &words) != 0)
                warnf(c, "unterminated quote in response file '%.200s', dropped", a);
            else
                expand_response_files(c, words.v, words.n, depth + 1, out);
            cl_strvec_release(&words);
        }
        free(buf);
        free(path);
    }
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int in_list(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}

/* Options that load code into the compiler (cc1 spellings, reached through
 * -Xclang, or given directly). The ones in plugin_separate take a value in
 * the next argument. */
static const char *const plugin_separate[] = {
    "-load", "-plugin", "-add-plugin", "-fplugin", "-fpass-plugin", NULL,
};

static int is_plugin_flag(const char *a)
{
    return starts_with(a, "-fplugin") || starts_with(a, "-fpass-plugin") ||
           starts_with(a, "-load") || starts_with(a, "-plugin") ||
           starts_with(a, "-add-plugin");
}

static int plugin_takes_value(const char *a)
{
    return in_list(a, plugin_separate) || starts_with(a, "-plugin-arg-");
}

/* Path options, joined ("-Iinc") or separate ("-I inc"). Longer spellings
 * first so "-include-pch" is not read as "-include" + "-pch". `dir` is 1 for
 * directories (always made absolute) and 0 for files (made absolute only if
 * the file exists in the entry's directory: otherwise the compiler finds it
 * through the include path). */
static const struct path_opt {
    const char *name;
    int dir;
} path_opts[] = {
    {"-include-pch", 0}, {"-include", 0},     {"-imacros", 0},     {"-ivfsoverlay", 0},
    {"-isystem-after", 1}, {"-isystem", 1},   {"-iquote", 1},      {"-idirafter", 1},
    {"-iframework", 1},  {"-isysroot", 1},    {"-cxx-isystem", 1}, {"-iprefix", 1},
    {"--sysroot=", 1},   {"--sysroot", 1},    {"-I", 1},           {"-F", 1},
    /* Joined-only files the frontend opens (a missing one is a parse error). */
    {"-fsanitize-ignorelist=", 0}, {"-fsanitize-blacklist=", 0}, {"-fprofile-use=", 0},
    {"-fprofile-instr-use=", 0},   {"-fprofile-sample-use=", 0}, {"-fmodule-map-file=", 0},
};

/* Other options whose value is the next argument (so it is not mistaken for
 * an input file). */
static const char *const separate_value_opts[] = {
    "-D", "-U", "-x", "-target", "--target", "-arch", "-Xpreprocessor", "-Xassembler",
    "-Xlinker", "-Xanalyzer", "-L", "-l", "-u", "-T", "-z", "-A", "-aux-info",
    "-imultilib", "-iwithprefix", "-iwithprefixbefore", "-iwithsysroot", "--param",
    "-gcc-toolchain", "-resource-dir", "-working-directory", "-ccc-gcc-name",
    "-dxc-entrypoint", "-Xopenmp-target", "-mllvm", "-Xcuda-fatbinary",
    "-Xcuda-ptxas", "-serialize-diagnostics", "--serialize-diagnostics", NULL,
};

/* Options with no value dropped silently: they choose the compile mode or
 * ask for side outputs, which a parse does not want. */
static const char *const dropped_flags[] = {
    "-c", "-S", "-E", "-M", "-MM", "-MD", "-MMD", "-MG", "-MP", "-v", "-###",
    "-save-temps", "-pipe", NULL,
};

/* Options with an output file as value (separate, or joined for the short
 * ones) dropped silently. */
static const char *const dropped_value_opts[] = {
    "-o", "-MF", "-MT", "-MQ", "-MJ", "--output", "-dependency-file",
    "-dependency-dot", NULL,
};

static const char *const compiler_wrappers[] = {
    "ccache", "sccache", "distcc", "icecc", "buildcache", NULL,
};

/* Makes the value of a path option absolute against the entry's directory
 * when it should be (see path_opts). Returns a malloc'ed string. */
static char *absolutize(const load_ctx *c, const char *value, int dir)
{
    if (value[0] == '/' || value[0] == '\0' || value[0] == '=' || value[0] == '-' ||
        starts_with(value, "$SYSROOT"))
        return cl_xstrdup(value);
    char *abs = cl_path_normalize(value, c->entry_dir);
    if (!dir && access(abs, F_OK) != 0) {
        free(abs);
        return cl_xstrdup(value);
    }
    return abs;
}

/* Tells whether the input argument `a` is the entry's source file. */
static int is_entry_file(const load_ctx *c, const char *a)
{
    if (strcmp(a, c->entry_file) == 0)
        return 1;
    char *abs = cl_path_normalize(a, c->entry_dir);
    int same = strcmp(abs, c->entry_abs) == 0;
    free(abs);
    return same;
}

/* Turns the full argv of an entry (compiler first) into parser arguments:
 *   dropped with a warning: plugin and config-file options (see
 *     is_plugin_flag; -Xclang pairs and -mllvm values included), inputs other
 *     than the entry's file;
 *   dropped silently: the compiler (and a ccache-like wrapper before it), the
 *     entry's file, -c/-S/-E, -o FILE, dependency-file options (-MD, -MF FILE,
 *     -Wp,-MD,FILE, ...);
 *   rewritten: relative paths of -I, -isystem, -iquote, -include, ... made
 *     absolute against the entry's directory;
 *   kept as they are: everything else (-D, -U, -std, -W..., -f..., --target).
 */
static void filter_args(load_ctx *c, char *const *in, size_t n, cl_strvec *out)
{
    size_t i = 1;
    int inputs_only = 0;

    if (n >= 2 && in_list(cl_base_name(in[0]), compiler_wrappers) && in[1][0] != '-')
        i = 2;
    for (; i < n; i++) {
        const char *a = in[i];
        const char *next = i + 1 < n ? in[i + 1] : NULL;

        if (inputs_only || a[0] != '-' || a[1] == '\0') {
            if (!is_entry_file(c, a))
                warnf(c, "dropped extra input '%.200s'", a);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            inputs_only = 1;
            continue;
        }

        /* Plugins and configuration files. */
        if (strcmp(a, "-Xclang") == 0 || strcmp(a, "-mllvm") == 0) {
            if (next == NULL)
                continue;
            if (is_plugin_flag(next) || starts_with(next, "--load")) {
                size_t take = 2;
                if (strcmp(a, "-Xclang") == 0 && plugin_takes_value(next) && i + 3 < n &&
                    strcmp(in[i + 2], "-Xclang") == 0)
                    take = 4;
                if (take == 4)
                    warnf(c, "dropped plugin flag '%s %.200s %s %.200s'", a, next, in[i + 2],
                          in[i + 3]);
                else
                    warnf(c, "dropped plugin flag '%s %.200s'", a, next);
                i += take - 1;
                continue;
            }
            cl_strvec_push(out, a);
            cl_strvec_push(out, next);
            i++;
            continue;
        }
        if (is_plugin_flag(a)) {
            if (plugin_takes_value(a) && next != NULL) {
                warnf(c, "dropped plugin flag '%s %.200s'", a, next);
                i++;
            } else {
                warnf(c, "dropped plugin flag '%.200s'", a);
            }
            continue;
        }
        if (starts_with(a, "--config")) {
            /* clang reads more options from the named file: they could name
             * a plugin, and the file is as untrusted as the database. */
            if ((strcmp(a, "--config") == 0 || strcmp(a, "--config-system-dir") == 0 ||
                 strcmp(a, "--config-user-dir") == 0) &&
                next != NULL) {
                warnf(c, "dropped config-file flag '%s %.200s'", a, next);
                i++;
            } else {
                warnf(c, "dropped config-file flag '%.200s'", a);
            }
            continue;
        }

        /* Compile mode and side outputs. */
        if (in_list(a, dropped_flags) || starts_with(a, "-save-temps=") ||
            starts_with(a, "-Wp,-M"))
            continue;
        if (in_list(a, dropped_value_opts)) {
            i++;
            continue;
        }
        if (starts_with(a, "--output=") ||
            ((starts_with(a, "-MF") || starts_with(a, "-MT") || starts_with(a, "-MQ") ||
              starts_with(a, "-MJ")) && a[3] != '\0') ||
            (a[1] == 'o' && !starts_with(a, "-obj")))
            continue;

        /* Path options. */
        int done = 0;
        for (size_t k = 0; k < sizeof path_opts / sizeof path_opts[0]; k++) {
            const struct path_opt *po = &path_opts[k];
            size_t len = strlen(po->name);
            if (strncmp(a, po->name, len) != 0)
                continue;
            if (a[len] == '\0' && po->name[len - 1] != '=') {
                if (next != NULL) {
                    cl_strvec_push(out, a);
                    CL_VEC_PUSH(out, absolutize(c, next, po->dir));
                    i++;
                }
            } else {
                char *v = absolutize(c, a + len, po->dir);
                cl_strbuf b = {0};
                cl_strbuf_addn(&b, a, len);
                cl_strbuf_add(&b, v);
                CL_VEC_PUSH(out, b.s);
                free(v);
            }
            done = 1;
            break;
        }
        if (done)
            continue;

        if (in_list(a, separate_value_opts) && next != NULL) {
            cl_strvec_push(out, a);
            cl_strvec_push(out, next);
            i++;
            continue;
        }
        cl_strvec_push(out, a);
    }
}

/* Small open-addressing set of file paths (borrowed strings) to find
 * duplicate entries in O(1). */
typedef struct path_set {
    const char **slots;
    size_t cap; /* a power of two */
} path_set;

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

/* Inserts `s`; returns 1 if it was new, 0 if already present. The set is
 * sized for all entries up front, so it never fills. */
static int path_set_insert(path_set *ps, const char *s)
{
    size_t i = (size_t)hash_str(s) & (ps->cap - 1);
    while (ps->slots[i] != NULL) {
        if (strcmp(ps->slots[i], s) == 0)
            return 0;
        i = (i + 1) & (ps->cap - 1);
    }
    ps->slots[i] = s;
    return 1;
}

static void cmd_release(cl_compile_cmd *cmd)
{
    free(cmd->file);
    free(cmd->directory);
    if (cmd->args != NULL)
        for (size_t i = 0; i < cmd->nargs; i++)
            free(cmd->args[i]);
    free(cmd->args);
    memset(cmd, 0, sizeof *cmd);
}

/* Reads one database entry into `cmd`. Returns 0, or -1 when the entry is
 * skipped (a warning says why). */
static int read_entry(load_ctx *c, const cJSON *item, cl_compile_cmd *cmd)
{
    cl_strvec argv = {0}, expanded = {0}, args = {0};
    char *dir = NULL;
    int ret = -1;

    memset(cmd, 0, sizeof *cmd);
    c->entry_file = NULL;
    c->entry_dir = NULL;
    c->entry_abs = NULL;
    c->rsp_budget = RSP_BUDGET_BYTES;

    if (!cJSON_IsObject(item)) {
        warnf(c, "not an object, skipped");
        goto out;
    }
    const cJSON *jfile = cJSON_GetObjectItemCaseSensitive(item, "file");
    const cJSON *jdir = cJSON_GetObjectItemCaseSensitive(item, "directory");
    const cJSON *jargs = cJSON_GetObjectItemCaseSensitive(item, "arguments");
    const cJSON *jcmd = cJSON_GetObjectItemCaseSensitive(item, "command");
    if (jfile == NULL) {
        warnf(c, "missing \"file\", skipped");
        goto out;
    }
    if (!cJSON_IsString(jfile)) {
        warnf(c, "\"file\" is not a string, skipped");
        goto out;
    }
    if (jfile->valuestring[0] == '\0') {
        warnf(c, "\"file\" is empty, skipped");
        goto out;
    }
    c->entry_file = jfile->valuestring;

    if (jdir == NULL) {
        warnf(c, "missing \"directory\", using the database's folder");
        dir = cl_xstrdup(c->dbdir);
    } else if (!cJSON_IsString(jdir)) {
        warnf(c, "\"directory\" is not a string, skipped");
        goto out;
    } else if (jdir->valuestring[0] == '\0') {
        warnf(c, "\"directory\" is empty, skipped");
        goto out;
    } else {
        dir = cl_path_normalize(jdir->valuestring, c->dbdir);
    }
    c->entry_dir = dir;
    c->entry_abs = cl_path_normalize(jfile->valuestring, dir);

    if (jargs != NULL) {
        const cJSON *a;
        if (!cJSON_IsArray(jargs) || cJSON_GetArraySize(jargs) == 0) {
            warnf(c, "\"arguments\" is not a non-empty array of strings, skipped");
            goto out;
        }
        cJSON_ArrayForEach(a, jargs) {
            if (!cJSON_IsString(a)) {
                warnf(c, "\"arguments\" is not a non-empty array of strings, skipped");
                goto out;
            }
            cl_strvec_push(&argv, a->valuestring);
        }
    } else if (jcmd == NULL) {
        warnf(c, "neither \"command\" nor \"arguments\", skipped");
        goto out;
    } else if (!cJSON_IsString(jcmd)) {
        warnf(c, "\"command\" is not a string, skipped");
        goto out;
    } else {
        if (split_words(jcmd->valuestring, strlen(jcmd->valuestring), 0, &argv) != 0) {
            warnf(c, "unterminated quote in \"command\", skipped");
            goto out;
        }
        if (argv.n == 0) {
            warnf(c, "\"command\" is empty, skipped");
            goto out;
        }
    }

    expand_response_files(c, argv.v, argv.n, 0, &expanded);
    if (expanded.n > 0)
        filter_args(c, expanded.v, expanded.n, &args);
    CL_VEC_PUSH(&args, NULL);

    cmd->file = c->entry_abs;
    c->entry_abs = NULL;
    cmd->directory = dir;
    dir = NULL;
    cmd->nargs = args.n - 1;
    cmd->args = args.v;
    args.v = NULL;
    args.n = 0;
    ret = 0;
out:
    free(c->entry_abs);
    c->entry_abs = NULL;
    free(dir);
    c->entry_dir = NULL;
    cl_strvec_release(&argv);
    cl_strvec_release(&expanded);
    cl_strvec_release(&args);
    return ret;
}

static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int cl_compdb_load(cl_compdb *db, const char *path, char *err, size_t errlen)
{
    load_ctx c = {0};
    char *dbpath = NULL, *dbabs = NULL, *buf = NULL;
    size_t len = 0;
    cJSON *root = NULL;
    path_set seen = {0};
    struct { cl_compile_cmd *v; size_t n, cap; } cmds = {0};
    char why[256];
    int ret = -1;

    memset(db, 0, sizeof *db);
    if (errlen > 0)
        err[0] = '\0';
    if (is_directory(path)) {
        cl_strbuf b = {0};
        cl_strbuf_add(&b, path);
        if (b.len == 0 || b.s[b.len - 1] != '/')
            cl_strbuf_add(&b, "/");
        cl_strbuf_add(&b, "compile_commands.json");
        dbpath = b.s;
    } else {
        dbpath = cl_xstrdup(path);
    }
    if (read_regular_file(dbpath, DB_MAX_BYTES, &buf, &len, why, sizeof why) != 0) {
        snprintf(err, errlen, "cannot read '%s': %s", dbpath, why);
        goto out;
    }

    const char *json = buf;
    size_t jlen = len;
    if (jlen >= 3 && memcmp(json, "\xEF\xBB\xBF", 3) == 0) { /* UTF-8 BOM */
        json += 3;
        jlen -= 3;
    }
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(json, jlen, &end, 0);
    if (root == NULL) {
        size_t at = end != NULL && end >= json && end <= json + jlen ? (size_t)(end - json) : 0;
        snprintf(err, errlen, "'%s' is not valid JSON (error near byte %zu)", dbpath, at);
        goto out;
    }
    if (!cJSON_IsArray(root)) {
        snprintf(err, errlen, "'%s' is not a JSON array", dbpath);
        goto out;
    }

    dbabs = cl_path_normalize(dbpath, NULL);
    c.dbname = dbpath;
    c.dbdir = cl_path_normalize("..", dbabs);

    size_t count = (size_t)cJSON_GetArraySize(root);
    seen.cap = 16;
    while (seen.cap < count * 2)
        seen.cap *= 2;
    seen.slots = cl_xcalloc(seen.cap, sizeof *seen.slots);

    const cJSON *item;
    size_t duplicates = 0;
    cJSON_ArrayForEach(item, root) {
        cl_compile_cmd cmd;
        c.entry++;
        if (read_entry(&c, item, &cmd) != 0)
            continue;
        if (!path_set_insert(&seen, cmd.file)) {
            /* NEEDSWORK: a file built twice with different flags (a debug
             * and a release binary, a test binary) is analyzed with the
             * first entry's flags only. Normal in real builds: one summary
             * line, not one warning per entry. */
            duplicates++;
            cmd_release(&cmd);
            continue;
        }
        /* `seen` borrows cmd.file; the heap string does not move when
         * `cmds` grows. */
        CL_VEC_PUSH(&cmds, cmd);
    }

    if (duplicates > 0) {
        c.entry = 0; /* about the whole database */
        warnf(&c, "%zu entries for files listed earlier were skipped (the first entry of each file is analyzed)",
              duplicates);
    }
    db->n = cmds.n;
    db->cmds = cmds.v;
    cmds.v = NULL;
    cmds.n = 0;
    db->nwarnings = c.warnings.n;
    db->warnings = c.warnings.v;
    c.warnings.v = NULL;
    c.warnings.n = 0;
    ret = 0;
out:
    for (size_t i = 0; i < cmds.n; i++)
        cmd_release(&cmds.v[i]);
    free(cmds.v);
    cl_strvec_release(&c.warnings);
    free(seen.slots);
    cJSON_Delete(root);
    free(c.dbdir);
    free(dbabs);
    free(buf);
    free(dbpath);
    return ret;
}

void cl_compdb_add_file(cl_compdb *db, const char *file, const char *cwd,
                        char *const *extra, size_t nextra)
{
    char *own_cwd = cwd ? NULL : xgetcwd();
    char *abs = cl_path_normalize(file, cwd ? cwd : own_cwd);

    /* No duplicate check here: it would make building a database of n
     * entries O(n^2); callers check with cl_compdb_find() (see compdb.h). */
    db->cmds = cl_xrealloc(db->cmds, (db->n + 1) * sizeof *db->cmds);
    cl_compile_cmd *cmd = &db->cmds[db->n++];
    cmd->file = abs;
    cmd->directory = cl_path_normalize(".", cwd ? cwd : own_cwd);
    cmd->nargs = nextra;
    cmd->args = cl_xcalloc(nextra + 1, sizeof *cmd->args);
    for (size_t i = 0; i < nextra; i++)
        cmd->args[i] = cl_xstrdup(extra[i]);
    free(own_cwd);
}

const cl_compile_cmd *cl_compdb_find(const cl_compdb *db, const char *file)
{
    for (size_t i = 0; i < db->n; i++)
        if (strcmp(db->cmds[i].file, file) == 0)
            return &db->cmds[i];
    return NULL;
}

void cl_compdb_release(cl_compdb *db)
{
    for (size_t i = 0; i < db->n; i++)
        cmd_release(&db->cmds[i]);
    free(db->cmds);
    for (size_t i = 0; i < db->nwarnings; i++)
        free(db->warnings[i]);
    free(db->warnings);
    memset(db, 0, sizeof *db);
}

char *cl_compdb_discover(const char *dir)
{
    static const char *const candidates[] = {
        "compile_commands.json",
        "build/compile_commands.json",
    };
    if (dir == NULL || dir[0] == '\0')
        dir = ".";
    size_t dlen = strlen(dir);
    const char *sep = dir[dlen - 1] == '/' ? "" : "/";
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        cl_strbuf b = {0};
        struct stat st;
        cl_strbuf_addf(&b, "%s%s%s", dir, sep, candidates[i]);
        if (stat(b.s, &st) == 0 && S_ISREG(st.st_mode))
            return b.s;
        cl_strbuf_release(&b);
    }
    return NULL;
}
