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
 *      within a byte budget per entry, so a self-including file cannot blow up.
 *      Only files that resolve (symlinks included) to a path under the
 *      entry's directory or the database's folder are read: "@/etc/shadow"
 *      or "@../../.ssh/id_rsa" are skipped;
 *   3. filter: see filter_args() for what is dropped, kept and rewritten.
 *
 * Untrusted text that ends up in a warning (file names, flags) is made
 * single-line and cut to a bounded length. Text read from a response file
 * is never quoted in a warning (it may be any file's contents): such a
 * warning names the response file (as the database spells it) instead.
 */
/* realpath() is XSI; the build defines only _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "cli/compdb.h"

#include <cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/bytes.h"
#include "util/arena.h"
#include "util/strmap.h"
#include "util/variants.h"

#define DB_MAX_BYTES ((size_t)2 << 30)       /* 2 GiB */
#define RSP_MAX_BYTES ((size_t)16 << 20)     /* one response file */
#define RSP_BUDGET_BYTES ((size_t)64 << 20)  /* all response files of an entry */
enum { RSP_MAX_DEPTH = 8, WARN_MAX_LEN = 1024 };

/* What one load needs to know while reading entries. */
typedef struct load_ctx {
    const char *dbname;      /* the database path as the user named it */
    char *dbdir;             /* absolute folder holding the database */
    char *dbdir_real;        /* the same, symlinks resolved (NULL if unresolvable) */
    cl_strvec warnings;
    size_t entry;            /* 1-based number of the entry being read */
    const char *entry_file;  /* its raw "file", NULL until known */
    const char *entry_dir;   /* its absolute directory, NULL until known */
    char *entry_dir_real;    /* the same, symlinks resolved (NULL if unresolvable) */
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

/* Arguments of an entry, each with where it came from: NULL for the
 * database's own "command"/"arguments", else the response file named there
 * (borrowed from the entry's argv), which is all a warning may say about it. */
typedef struct arg_vec {
    cl_strvec args;
    struct { const char **v; size_t n, cap; } origin;
} arg_vec;

static void arg_vec_push(arg_vec *av, const char *a, const char *origin)
{
    cl_strvec_push(&av->args, a);
    CL_VEC_PUSH(&av->origin, origin);
}

static void arg_vec_release(arg_vec *av)
{
    cl_strvec_release(&av->args);
    free(av->origin.v);
    memset(av, 0, sizeof *av);
}

/* Tells whether the absolute path `p` is `root` or lies under it. */
static int path_under(const char *p, const char *root)
{
    if (root == NULL)
        return 0;
    size_t len = strlen(root);
    while (len > 0 && root[len - 1] == '/')
        len--;
    if (len == 0)
        return p[0] == '/';
    return strncmp(p, root, len) == 0 && (p[len] == '/' || p[len] == '\0');
}

/* Resolves the response file `name` (relative to the entry's directory) to
 * a malloc'ed real path under the build tree (the entry's directory or the
 * database's folder). Returns NULL and sets `*outside` when it lies outside,
 * or NULL with `why` filled when it cannot be resolved. */
static char *resolve_response_file(const load_ctx *c, const char *name, int *outside,
                                   char *why, size_t whylen)
{
    cl_strbuf joined = {0};
    *outside = 0;
    if (name[0] != '/') {
        cl_strbuf_add(&joined, c->entry_dir);
        cl_strbuf_add(&joined, "/");
    }
    cl_strbuf_add(&joined, name);
    /* Resolved as the OS would open it: symlinks first, then "..". */
    char *real = realpath(cl_strbuf_str(&joined), NULL);
    int saved = errno;
    cl_strbuf_release(&joined);
    if (real != NULL) {
        if (path_under(real, c->entry_dir_real) || path_under(real, c->dbdir_real))
            return real;
        free(real);
        *outside = 1;
        return NULL;
    }
    /* Unresolvable (missing, say): tell "cannot read" only for a path that
     * would be inside, so nothing is learnt about files outside the tree. */
    char *lexical = cl_path_normalize(name, c->entry_dir);
    if (path_under(lexical, c->entry_dir) || path_under(lexical, c->dbdir))
        snprintf(why, whylen, "%s", strerror(saved));
    else
        *outside = 1;
    free(lexical);
    return NULL;
}

/* Appends `in` to `out`, replacing each "@file" by the words of that file
 * (recursively, `depth` levels used so far; `origin` is the outermost
 * response file, NULL for the database's own arguments). Unreadable,
 * outside the build tree, malformed or too deeply nested response files are
 * dropped with a warning. A response file named inside another one is not
 * quoted (its name is the other file's contents). */
static void expand_response_files(load_ctx *c, char *const *in, size_t n, int depth,
                                  const char *origin, arg_vec *out)
{
    for (size_t i = 0; i < n; i++) {
        const char *a = in[i];
        if (a[0] != '@' || a[1] == '\0') {
            arg_vec_push(out, a, origin);
            continue;
        }
        if (depth >= RSP_MAX_DEPTH) {
            warnf(c, "response files nested more than %d deep in response file '%.200s', dropped",
                  RSP_MAX_DEPTH, origin != NULL ? origin : a + 1);
            continue;
        }
        char why[256];
        int outside = 0;
        char *path = resolve_response_file(c, a + 1, &outside, why, sizeof why);
        if (path == NULL) {
            if (outside && origin == NULL)
                warnf(c, "response file '%.200s' is outside the build tree, skipped", a + 1);
            else if (outside)
                warnf(c, "a response file named in response file '%.200s' is outside the build tree, skipped",
                      origin);
            else if (origin == NULL)
                warnf(c, "cannot read response file '%.200s': %s, dropped", a, why);
            else
                warnf(c, "cannot read a response file named in response file '%.200s': %s, dropped",
                      origin, why);
            continue;
        }
        char *buf = NULL;
        size_t len = 0;
        size_t max = c->rsp_budget < RSP_MAX_BYTES ? c->rsp_budget : RSP_MAX_BYTES;
        if (read_regular_file(path, max, &buf, &len, why, sizeof why) != 0) {
            if (origin == NULL)
                warnf(c, "cannot read response file '%.200s': %s, dropped", a, why);
            else
                warnf(c, "cannot read a response file named in response file '%.200s': %s, dropped",
                      origin, why);
        } else {
            cl_strvec words = {0};
            c->rsp_budget -= len;
            if (split_words(buf, len, 1, &words) != 0) {
                if (origin == NULL)
                    warnf(c, "unterminated quote in response file '%.200s', dropped", a);
                else
                    warnf(c, "unterminated quote in a response file named in response file '%.200s', dropped",
                          origin);
            } else {
                expand_response_files(c, words.v, words.n, depth + 1,
                                      origin != NULL ? origin : a + 1, out);
            }
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
 * -Xclang, or given directly; clang also takes most of them with "--"). The
 * ones in plugin_separate take a value in the next argument. */
static const char *const plugin_separate[] = {
    "-load", "-plugin", "-add-plugin", "-fplugin", "-fpass-plugin", NULL,
};

/* "--name..." as "-name...": the long spelling of a single-dash option. */
static const char *single_dash(const char *a)
{
    return a[0] == '-' && a[1] == '-' && a[2] != '\0' ? a + 1 : a;
}

static int is_plugin_flag(const char *a)
{
    a = single_dash(a);
    return starts_with(a, "-fplugin") || starts_with(a, "-fpass-plugin") ||
           starts_with(a, "-load") || starts_with(a, "-plugin") ||
           starts_with(a, "-add-plugin");
}

static int plugin_takes_value(const char *a)
{
    a = single_dash(a);
    return in_list(a, plugin_separate) || starts_with(a, "-plugin-arg-");
}

/* Frontend (cc1) options that make the parser write a file, each followed
 * by the file: reached through -Xclang, -Xpreprocessor and the like, they
 * would let a compile database overwrite any file (the driver's own -o,
 * -MF, ... are dropped as outputs in filter_args). */
static const char *const frontend_outputs[] = {
    "-dependency-file", "-header-include-file", "-dependency-dot", "-module-dependency-dir",
    "-serialize-diagnostic-file", "-diagnostic-log-file", "-stats-file", "-o", "-MF", NULL,
};

/* Whether forwarded argument `a` names such an option (a joined
 * "-stats-file=F" included); *takes_value when its file is the next
 * forwarded argument. */
static int is_output_payload(const char *a, int *takes_value)
{
    a = single_dash(a);
    *takes_value = in_list(a, frontend_outputs);
    return *takes_value || starts_with(a, "-stats-file=") || starts_with(a, "-dependency-file=");
}

/* Options that hand their value to another part of the compiler: the
 * frontend (-Xclang; -Xpreprocessor and -Xanalyzer values go there too),
 * LLVM (-mllvm), the driver for one target (-Xarch_*, -Xopenmp-target). */
typedef enum fwd_kind {
    FWD_NONE, FWD_XCLANG, FWD_XPREPROCESSOR, FWD_XANALYZER, FWD_MLLVM, FWD_XARCH, FWD_XOPENMP
} fwd_kind;

/* If in[i] is such an option, returns its kind, sets `*payload` to the
 * argument it hands on (NULL if missing) and `*used` to the number of
 * arguments it spans: 1 for "-Xclang=ARG" and "-mllvm=ARG", 2 for the
 * separate forms ("-Xclang ARG", "-Xarch_x86_64 ARG", ...). */
static fwd_kind forwarder(char *const *in, size_t n, size_t i, const char **payload,
                          size_t *used)
{
    const char *a = in[i];
    fwd_kind k;
    size_t joined = 0;

    if (strcmp(a, "-Xclang") == 0) {
        k = FWD_XCLANG;
    } else if (starts_with(a, "-Xclang=")) {
        k = FWD_XCLANG;
        joined = strlen("-Xclang=");
    } else if (strcmp(a, "-Xpreprocessor") == 0) {
        k = FWD_XPREPROCESSOR;
    } else if (strcmp(a, "-Xanalyzer") == 0) {
        k = FWD_XANALYZER;
    } else if (strcmp(a, "-mllvm") == 0) {
        k = FWD_MLLVM;
    } else if (starts_with(a, "-mllvm=")) {
        k = FWD_MLLVM;
        joined = strlen("-mllvm=");
    } else if (starts_with(a, "-Xarch_")) {
        k = FWD_XARCH;
    } else if (strcmp(a, "-Xopenmp-target") == 0 || starts_with(a, "-Xopenmp-target=")) {
        k = FWD_XOPENMP; /* "=TRIPLE" names the target; the value is separate */
    } else {
        return FWD_NONE;
    }
    if (joined > 0) {
        *payload = a + joined;
        *used = 1;
    } else {
        *payload = i + 1 < n ? in[i + 1] : NULL;
        *used = *payload != NULL ? 2 : 1;
    }
    return k;
}

/* Tells whether the forwarded argument `a` loads code, looking through
 * joined forwarders inside it ("-Xarch_x86_64 -Xclang=-load=..."). */
static int is_plugin_wp(const char *a, int *value_next);

static int is_plugin_payload(const char *a)
{
    for (;;) {
        if (is_plugin_flag(a))
            return 1;
        if (starts_with(a, "-Wp,")) {
            int vn;
            return is_plugin_wp(a, &vn);
        }
        if (starts_with(a, "-Xclang="))
            a += strlen("-Xclang=");
        else if (starts_with(a, "-mllvm="))
            a += strlen("-mllvm=");
        else
            return 0;
    }
}

/* Tells whether "-Wp,A,B,..." (each of A, B, ... handed to the frontend)
 * holds a plugin flag; `*value_next` is set when its last item takes a value
 * (given by a following "-Wp,VALUE"). */
static int is_plugin_wp(const char *a, int *value_next)
{
    int found = 0;
    *value_next = 0;
    for (const char *p = a + strlen("-Wp,");;) {
        const char *comma = strchr(p, ',');
        size_t len = comma != NULL ? (size_t)(comma - p) : strlen(p);
        char *item = cl_xmalloc(len + 1);
        memcpy(item, p, len);
        item[len] = '\0';
        if (is_plugin_payload(item)) {
            found = 1;
            *value_next = comma == NULL && plugin_takes_value(item);
        }
        free(item);
        if (comma == NULL)
            return found;
        p = comma + 1;
    }
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
    {"--sysroot=", 1},   {"--sysroot", 1},    {"--include-directory-after=", 1},
    {"--include-directory-after", 1},         {"--include-directory=", 1},
    {"--include-directory", 1},               {"-I", 1},           {"-F", 1},
    /* Joined-only files the frontend opens (a missing one is a parse error). */
    {"-fsanitize-ignorelist=", 0}, {"-fsanitize-blacklist=", 0}, {"-fprofile-use=", 0},
    {"-fprofile-instr-use=", 0},   {"-fprofile-sample-use=", 0}, {"-fmodule-map-file=", 0},
};

const char *cl_compdb_dir_option(char *const *args, size_t nargs, size_t *i)
{
    const char *a = args[*i];
    for (size_t k = 0; k < sizeof path_opts / sizeof path_opts[0]; k++) {
        const struct path_opt *po = &path_opts[k];
        size_t len = strlen(po->name);
        if (strncmp(a, po->name, len) != 0)
            continue;
        if (!po->dir)
            return NULL;
        if (a[len] != '\0')
            return a + len;
        if (po->name[len - 1] == '=' || *i + 1 >= nargs)
            return NULL;
        return args[++*i];
    }
    return NULL;
}

/* Other options whose value is the next argument (so it is not mistaken for
 * an input file). */
static const char *const separate_value_opts[] = {
    "-D", "-U", "-x", "-target", "--target", "-arch", "-Xassembler",
    "-Xlinker", "-L", "-l", "-u", "-T", "-z", "-A", "-aux-info",
    "-imultilib", "-iwithprefix", "-iwithprefixbefore", "-iwithsysroot", "--param",
    "-gcc-toolchain", "-resource-dir", "-working-directory", "-ccc-gcc-name",
    "-dxc-entrypoint", "-Xcuda-fatbinary",
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

/* What filter_args() drops with a warning. */
typedef enum drop_kind { DROP_INPUT, DROP_PLUGIN, DROP_CONFIG, DROP_OUTPUT, DROP_KINDS } drop_kind;

/* Drops from response files, counted per (kind, file): their values are
 * not quoted, so one line per file says it all. */
typedef struct rsp_drops {
    struct rsp_drop {
        drop_kind kind;
        const char *origin;
        size_t count;
    } *v;
    size_t n, cap;
} rsp_drops;

/* Warns about dropping in[start .. start+count-1] (one option with its
 * values): quoted when they all come from the database itself, else only
 * counted against the response file they come from. */
static void warn_dropped(load_ctx *c, rsp_drops *rd, drop_kind kind, char *const *in,
                         const char *const *origin, size_t start, size_t count)
{
    static const char *const what[DROP_KINDS] = {"extra input", "plugin flag",
                                                 "config-file flag", "output flag"};
    for (size_t k = 0; k < count; k++) {
        const char *o = origin[start + k];
        if (o == NULL)
            continue;
        for (size_t r = 0; r < rd->n; r++)
            if (rd->v[r].kind == kind && rd->v[r].origin == o) {
                rd->v[r].count++;
                return;
            }
        struct rsp_drop d = {kind, o, 1};
        CL_VEC_PUSH(rd, d);
        return;
    }
    cl_strbuf b = {0};
    for (size_t k = 0; k < count; k++)
        cl_strbuf_addf(&b, "%s%.200s", k > 0 ? " " : "", in[start + k]);
    warnf(c, "dropped %s '%s'", what[kind], cl_strbuf_str(&b));
    cl_strbuf_release(&b);
}

static void warn_rsp_drops(load_ctx *c, const rsp_drops *rd)
{
    static const char *const one[DROP_KINDS] = {"an extra input", "a plugin flag",
                                                "a config-file flag", "an output flag"};
    static const char *const many[DROP_KINDS] = {"extra inputs", "plugin flags",
                                                 "config-file flags", "output flags"};
    for (size_t r = 0; r < rd->n; r++) {
        const struct rsp_drop *d = &rd->v[r];
        if (d->count == 1)
            warnf(c, "dropped %s from response file '%.200s'", one[d->kind], d->origin);
        else
            warnf(c, "dropped %zu %s from response file '%.200s'", d->count, many[d->kind],
                  d->origin);
    }
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

/* Turns the full argv of an entry (compiler first; origin[i] tells where
 * in[i] came from, see arg_vec) into parser arguments:
 *   dropped with a warning: plugin and config-file options (see
 *     is_plugin_flag; also handed on through -Xclang, -Xclang=, -Wp,,
 *     -Xpreprocessor, -Xanalyzer, -mllvm, -mllvm=, -Xarch_*,
 *     -Xopenmp-target), frontend options that write a file, handed on
 *     through those forwarders (frontend_outputs: "-Xclang
 *     -dependency-file -Xclang F"), inputs other than the entry's file;
 *   dropped silently: the compiler (and a ccache-like wrapper before it), the
 *     entry's file, -c/-S/-E, -o FILE, dependency-file options (-MD, -MF FILE,
 *     -Wp,-MD,FILE, ...);
 *   rewritten: relative paths of -I, -isystem, -iquote, -include, ... made
 *     absolute against the entry's directory;
 *   kept as they are: everything else (-D, -U, -std, -W..., -f..., --target).
 */
static void filter_args(load_ctx *c, char *const *in, const char *const *origin, size_t n,
                        cl_strvec *out)
{
    size_t i = 1;
    int inputs_only = 0;
    rsp_drops rd = {0};

    if (n >= 2 && in_list(cl_base_name(in[0]), compiler_wrappers) && in[1][0] != '-')
        i = 2;
    for (; i < n; i++) {
        const char *a = in[i];
        const char *next = i + 1 < n ? in[i + 1] : NULL;

        if (inputs_only || a[0] != '-' || a[1] == '\0') {
            if (!is_entry_file(c, a))
                warn_dropped(c, &rd, DROP_INPUT, in, origin, i, 1);
            continue;
        }
        if (strcmp(a, "--") == 0) {
            inputs_only = 1;
            continue;
        }

        /* Plugins and configuration files. */
        const char *payload;
        size_t used;
        fwd_kind fk = forwarder(in, n, i, &payload, &used);
        if (fk != FWD_NONE) {
            if (payload == NULL)
                continue; /* nothing to hand on */
            int output_value = 0;
            int plugin = is_plugin_payload(payload);
            if (plugin || is_output_payload(payload, &output_value)) {
                /* "-Xclang -load -Xclang x.so": the value is handed on by
                 * the next forwarder of the same kind, in either spelling. */
                size_t take = used, used2;
                const char *payload2;
                int has_value = plugin ? plugin_takes_value(payload) : output_value;
                if (has_value && i + used < n &&
                    forwarder(in, n, i + used, &payload2, &used2) == fk && payload2 != NULL)
                    take += used2;
                warn_dropped(c, &rd, plugin ? DROP_PLUGIN : DROP_OUTPUT, in, origin, i, take);
                i += take - 1;
                continue;
            }
            for (size_t k = 0; k < used; k++)
                cl_strvec_push(out, in[i + k]);
            i += used - 1;
            continue;
        }
        if (starts_with(a, "-Wp,")) {
            int value_next;
            if (is_plugin_wp(a, &value_next)) {
                size_t take = value_next && next != NULL && starts_with(next, "-Wp,") ? 2 : 1;
                warn_dropped(c, &rd, DROP_PLUGIN, in, origin, i, take);
                i += take - 1;
                continue;
            }
        }
        if (is_plugin_flag(a)) {
            if (plugin_takes_value(a) && next != NULL) {
                warn_dropped(c, &rd, DROP_PLUGIN, in, origin, i, 2);
                i++;
            } else {
                warn_dropped(c, &rd, DROP_PLUGIN, in, origin, i, 1);
            }
            continue;
        }
        if (starts_with(a, "--config")) {
            /* clang reads more options from the named file: they could name
             * a plugin, and the file is as untrusted as the database. */
            if ((strcmp(a, "--config") == 0 || strcmp(a, "--config-system-dir") == 0 ||
                 strcmp(a, "--config-user-dir") == 0) &&
                next != NULL) {
                warn_dropped(c, &rd, DROP_CONFIG, in, origin, i, 2);
                i++;
            } else {
                warn_dropped(c, &rd, DROP_CONFIG, in, origin, i, 1);
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
    warn_rsp_drops(c, &rd);
    free(rd.v);
}

/* Small open-addressing map from a file path to its first kept entry, to
 * find an entry's earlier ones in O(1): a slot holds an index into the
 * kept entries plus 1, 0 when empty. */
typedef struct path_set {
    size_t *slots;
    size_t cap; /* a power of two */
} path_set;

/* The slot of `file` among the kept entries `cmds`: its first entry's
 * index + 1, or 0 for a file not seen yet (the caller fills it then).
 * The map is sized for all entries up front, so it never fills. */
static size_t *path_slot(path_set *ps, const cl_compile_cmd *cmds, const char *file)
{
    size_t i = (size_t)cl_hash_str(file) & (ps->cap - 1);
    while (ps->slots[i] != 0 && strcmp(cmds[ps->slots[i] - 1].file, file) != 0)
        i = (i + 1) & (ps->cap - 1);
    return &ps->slots[i];
}

/* What the load knows of each kept entry besides the entry: its macro
 * configuration (cl_variant_config) and the next kept entry of the same
 * file (index + 1, 0 for none). */
typedef struct kept_info {
    char *config;
    size_t next_variant;
} kept_info;

typedef struct kept_infos {
    kept_info *v;
    size_t n, cap;
} kept_infos;

/* Whether an entry of configuration `config` for the file whose first
 * kept entry is `first` is a new build variant (variants.h): it differs
 * from each kept entry of the file in a macro the file names. If so, it
 * is chained after them as entry `at`. The file is read once, and only
 * when some kept entry's configuration is not the same string. */
static int new_variant(kept_infos *ki, const cl_compile_cmd *cmds, size_t first, const char *config,
                       size_t at)
{
    char *text = NULL;
    int tried = 0, fresh = 1;
    size_t last = first;
    for (size_t k = first + 1; k != 0 && fresh; k = ki->v[k - 1].next_variant) {
        last = k - 1;
        if (strcmp(ki->v[last].config, config) == 0) {
            fresh = 0;
            break;
        }
        if (!tried) {
            text = cl_variant_text(cmds[first].file);
            tried = 1;
        }
        fresh = cl_variant_differs(ki->v[last].config, config, text);
    }
    free(text);
    if (fresh)
        ki->v[last].next_variant = at + 1;
    return fresh;
}

/* Numbers the distinct configurations of the kept entries `cmds` (`n`)
 * in order of first appearance into each entry's `config`, and hands
 * each entry its configuration string (`macros`, taken from `ki`). */
static void number_configs(cl_compile_cmd *cmds, kept_infos *ki, size_t n)
{
    cl_strmap ids;
    memset(&ids, 0, sizeof ids);
    size_t next = 0;
    for (size_t i = 0; i < n; i++) {
        size_t id;
        if (!cl_strmap_get(&ids, ki->v[i].config, &id)) {
            id = next++;
            cl_strmap_put(&ids, ki->v[i].config, id);
        }
        cmds[i].config = (unsigned)id;
    }
    cl_strmap_release(&ids);
    for (size_t i = 0; i < n; i++) {
        cmds[i].macros = ki->v[i].config;
        ki->v[i].config = NULL;
    }
}

static void cmd_release(cl_compile_cmd *cmd)
{
    free(cmd->macros);
    free(cmd->file);
    free(cmd->directory);
    if (cmd->args != NULL)
        for (size_t i = 0; i < cmd->nargs; i++)
            free(cmd->args[i]);
    free(cmd->args);
    memset(cmd, 0, sizeof *cmd);
}

/* Checks that the entry's directory (`dir` 1) or source file (`dir` 0)
 * `path` exists and is of the right type; warns and returns -1 if not. */
static int check_exists(load_ctx *c, const char *path, int dir)
{
    struct stat st;
    const char *what = dir ? "directory" : "file";

    if (stat(path, &st) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            warnf(c, "no such %s '%.600s', skipped", what, path);
        else
            warnf(c, "cannot access %s '%.600s': %s, skipped", what, path, strerror(errno));
        return -1;
    }
    if (dir && !S_ISDIR(st.st_mode)) {
        warnf(c, "no such directory '%.600s', skipped", path);
        return -1;
    }
    if (!dir && S_ISDIR(st.st_mode)) {
        warnf(c, "'%.600s' is a directory, not a file, skipped", path);
        return -1;
    }
    if (!dir && !S_ISREG(st.st_mode)) {
        /* A FIFO or a device would hang or flood the parser. */
        warnf(c, "'%.600s' is not a regular file, skipped", path);
        return -1;
    }
    return 0;
}

/* The arrays and objects `len` bytes of JSON open (brackets inside strings
 * do not count): the most open at once, those still open at the end, and
 * whether the text ends inside a string. */
typedef struct json_nesting {
    size_t max_depth, open_at_end;
    int in_string_at_end;
} json_nesting;

static json_nesting scan_nesting(const char *s, size_t len)
{
    json_nesting n = { 0, 0, 0 };
    size_t depth = 0;
    int in_string = 0;

    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (in_string) {
            if (ch == '\\')
                i++;
            else if (ch == '"')
                in_string = 0;
        } else if (ch == '"') {
            in_string = 1;
        } else if (ch == '[' || ch == '{') {
            if (++depth > n.max_depth)
                n.max_depth = depth;
        } else if ((ch == ']' || ch == '}') && depth > 0) {
            depth--;
        }
    }
    n.open_at_end = depth;
    n.in_string_at_end = in_string;
    return n;
}

/* Where byte `at` of `s` is, for a message: " at line L, column C" into
 * `out` (1-based, columns in bytes, counted from the file's first byte, a
 * byte order mark included). */
static void place_of(const char *s, size_t at, char *out, size_t outlen)
{
    size_t line = 1, col = 1;
    for (size_t i = 0; i < at; i++) {
        col++;
        if (s[i] == '\n') {
            line++;
            col = 1;
        }
    }
    snprintf(out, outlen, " at line %zu, column %zu", line, col);
}

/* What a JSON value is, for a message ("an object", "null"). */
static const char *json_kind(const cJSON *v)
{
    if (cJSON_IsObject(v))
        return "an object";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    return cJSON_IsNull(v) ? "null" : "a JSON value";
}

/* The message for `len` bytes of text cJSON could not parse, stopping at
 * `stop` (may be NULL); `first` is its first byte that is not white space
 * (or a byte order mark), `last` just past its last such byte (where a
 * text cut short is said to end). */
static void syntax_error(const char *dbpath, const char *buf, size_t len, const char *first,
                         const char *last, const char *stop, char *err, size_t errlen)
{
    int have_at = stop != NULL && stop >= buf && stop <= buf + len;
    size_t at = have_at ? (size_t)(stop - buf) : 0;
    char where[64];
    /* cJSON gives up at its nesting limit, where it stopped: only nesting
     * up to there explains the failure. */
    if (scan_nesting(buf, have_at && at < len ? at + 1 : len).max_depth > CJSON_NESTING_LIMIT) {
        snprintf(err, errlen, "'%s' nests deeper than %d levels", dbpath, CJSON_NESTING_LIMIT);
        return;
    }
    /* Text that ends early stops cJSON at its last byte, or in the string
     * that runs to the end (the one opened by the last quote): with an
     * array, object or string still open there, the file is cut short. */
    json_nesting n = scan_nesting(buf, len);
    size_t nlast = (size_t)(last - buf), open_quote = nlast;
    while (n.in_string_at_end && open_quote > 0 && buf[open_quote - 1] != '"')
        open_quote--;
    int at_end = have_at && (at + 1 >= nlast || (n.in_string_at_end && at + 1 >= open_quote));
    if (at_end && (n.open_at_end > 0 || n.in_string_at_end)) {
        place_of(buf, nlast, where, sizeof where);
        snprintf(err, errlen, "compile database '%s' is cut short: it ends%s, inside %s", dbpath,
                 where, n.in_string_at_end ? "a string" : *first == '[' ? "the array" : "an object");
        return;
    }
    place_of(buf, at, where, sizeof where);
    snprintf(err, errlen, "compile database '%s' is not valid JSON: syntax error%s", dbpath, where);
}

/* Parses the database `dbpath` (its `len` bytes in `buf`) as a JSON array.
 * Returns the array (the caller deletes it), or NULL with one line in
 * `err` saying what is wrong and where: an empty file, JSON that is not
 * valid or is cut short, a value that is not an array (a lone entry,
 * entries without the enclosing brackets), data after the array. */
static cJSON *parse_database(const char *dbpath, const char *buf, size_t len, char *err,
                             size_t errlen)
{
    /* cJSON skips one UTF-8 byte order mark at the start */
    size_t bom = len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *first = cl_json_trailing(buf + bom, buf + len);
    if (first == NULL) {
        snprintf(err, errlen, "compile database '%s' is empty%s; it must be a JSON array of "
                 "entries, one per compiled file", dbpath, len > bom ? " (only white space)" : "");
        return NULL;
    }
    const char *last = buf + len;
    while (cl_json_trailing(last - 1, last) == NULL)
        last--;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
    if (root == NULL) {
        syntax_error(dbpath, buf, len, first, last, end, err, errlen);
        return NULL;
    }
    const char *extra = cl_json_trailing(end, buf + len);
    char where[64], after[64];
    if (!cJSON_IsArray(root)) {
        place_of(buf, (size_t)(first - buf), where, sizeof where);
        after[0] = '\0';
        if (extra != NULL)
            place_of(buf, (size_t)(extra - buf), after, sizeof after);
        const char *hint = !cJSON_IsObject(root) ? ""
                           : extra != NULL ? " (entries without the enclosing '[' and ']'?)"
                           : cJSON_GetObjectItemCaseSensitive(root, "file") != NULL
                               ? " (an entry without the enclosing '[' and ']'?)"
                               : "";
        snprintf(err, errlen, "compile database '%s' must be a JSON array of entries, but holds "
                 "%s%s%s%s%s", dbpath, json_kind(root), where, extra != NULL ? " and more data" : "",
                 after, hint);
        cJSON_Delete(root);
        return NULL;
    }
    if (extra != NULL) {
        place_of(buf, (size_t)(extra - buf), where, sizeof where);
        snprintf(err, errlen, "compile database '%s' is not valid JSON: unexpected data after "
                 "the array%s%s", dbpath, where,
                 *extra == '[' ? " (two databases appended to one file?)" : "");
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* Reads one database entry into `cmd`. Returns 0, or -1 when the entry is
 * skipped (a warning says why). */
static int read_entry(load_ctx *c, const cJSON *item, cl_compile_cmd *cmd)
{
    cl_strvec argv = {0}, args = {0};
    arg_vec expanded = {0};
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

    /* A command that cannot run here would only fail later, as "cannot
     * parse"; say what is wrong now. */
    if (check_exists(c, dir, 1) != 0 || check_exists(c, c->entry_abs, 0) != 0)
        goto out;
    c->entry_dir_real = realpath(dir, NULL);

    expand_response_files(c, argv.v, argv.n, 0, NULL, &expanded);
    if (expanded.args.n > 0)
        filter_args(c, expanded.args.v, expanded.origin.v, expanded.args.n, &args);
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
    free(c->entry_dir_real);
    c->entry_dir_real = NULL;
    cl_strvec_release(&argv);
    arg_vec_release(&expanded);
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
    kept_infos infos = { NULL, 0, 0 };
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

    root = parse_database(dbpath, buf, len, err, errlen);
    if (root == NULL)
        goto out;

    dbabs = cl_path_normalize(dbpath, NULL);
    c.dbname = dbpath;
    c.dbdir = cl_path_normalize("..", dbabs);
    c.dbdir_real = realpath(c.dbdir, NULL);

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
        kept_info info = { cl_variant_config(cmd.args, cmd.nargs), 0 };
        /* An entry in another language (`-x c++`) does not claim its
         * file: it is kept to be skipped as not C, and a later C entry of
         * the same file is still analyzed. A later C entry of a file is
         * kept only as a build variant (variants.h). */
        size_t *slot = cl_compile_cmd_language(&cmd) == NULL ? path_slot(&seen, cmds.v, cmd.file) : NULL;
        if (slot != NULL && *slot != 0 && !new_variant(&infos, cmds.v, *slot - 1, info.config, cmds.n)) {
            duplicates++;
            free(info.config);
            cmd_release(&cmd);
            continue;
        }
        if (slot != NULL && *slot == 0)
            *slot = cmds.n + 1;
        CL_VEC_PUSH(&cmds, cmd);
        CL_VEC_PUSH(&infos, info);
    }
    number_configs(cmds.v, &infos, cmds.n);

    if (duplicates > 0) {
        c.entry = 0; /* about the whole database */
        if (duplicates == 1)
            warnf(&c, "1 entry for a file listed earlier was skipped (a file is analyzed once per "
                      "configuration of the macros it names)");
        else
            warnf(&c, "%zu entries for files listed earlier were skipped (a file is analyzed once per "
                      "configuration of the macros it names)",
                  duplicates);
    }
    db->nentries = count;
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
    for (size_t i = 0; i < infos.n; i++)
        free(infos.v[i].config);
    free(infos.v);
    cJSON_Delete(root);
    free(c.dbdir);
    free(c.dbdir_real);
    free(dbabs);
    free(buf);
    free(dbpath);
    return ret;
}

cl_compile_cmd *cl_compdb_add_file(cl_compdb *db, const char *file, const char *cwd,
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
    cmd->config = 0;
    cmd->macros = NULL;
    free(own_cwd);
    return cmd;
}

cl_compile_cmd *cl_compdb_add_cmd(cl_compdb *db, const cl_compile_cmd *src)
{
    cl_compile_cmd *cmd = cl_compdb_add_file(db, src->file, src->directory, src->args, src->nargs);
    cmd->config = src->config;
    cmd->macros = src->macros != NULL ? cl_xstrdup(src->macros) : NULL;
    return cmd;
}

const cl_compile_cmd *cl_compdb_find(const cl_compdb *db, const char *file)
{
    const cl_compile_cmd *other = NULL;
    for (size_t i = 0; i < db->n; i++)
        if (strcmp(db->cmds[i].file, file) == 0) {
            if (cl_compile_cmd_language(&db->cmds[i]) == NULL)
                return &db->cmds[i];
            if (other == NULL)
                other = &db->cmds[i];
        }
    return other;
}

const cl_compile_cmd *cl_compdb_find_same(const cl_compdb *db, const char *file)
{
    const cl_compile_cmd *c = cl_compdb_find(db, file);
    struct stat want, st;
    if (c != NULL || stat(file, &want) != 0)
        return c;
    const cl_compile_cmd *other = NULL;
    for (size_t i = 0; i < db->n; i++)
        if (stat(db->cmds[i].file, &st) == 0 && st.st_dev == want.st_dev &&
            st.st_ino == want.st_ino) {
            if (cl_compile_cmd_language(&db->cmds[i]) == NULL)
                return &db->cmds[i];
            if (other == NULL)
                other = &db->cmds[i];
        }
    return other;
}

void cl_compdb_filter(cl_compdb *db, int (*keep)(void *arg, const cl_compile_cmd *cmd),
                      void *arg)
{
    size_t k = 0;
    for (size_t i = 0; i < db->n; i++) {
        if (keep(arg, &db->cmds[i]))
            db->cmds[k++] = db->cmds[i];
        else
            cmd_release(&db->cmds[i]);
    }
    db->n = k;
}

/* Languages by file extension (case matters: .C is C++, .S assembler
 * with the preprocessor), after gcc's and clang's drivers. */
static const struct lang_ext {
    const char *ext, *lang;
} lang_exts[] = {
    { "s", "assembler" },      { "S", "assembler" },      { "sx", "assembler" },
    { "asm", "assembler" },    { "cc", "C++" },           { "cp", "C++" },
    { "cpp", "C++" },          { "cxx", "C++" },          { "c++", "C++" },
    { "C", "C++" },            { "CC", "C++" },           { "CPP", "C++" },
    { "CXX", "C++" },          { "ii", "C++" },           { "hh", "C++" },
    { "hpp", "C++" },          { "hxx", "C++" },          { "h++", "C++" },
    { "H", "C++" },            { "ipp", "C++" },          { "tcc", "C++" },
    { "cppm", "C++" },         { "ccm", "C++" },          { "cxxm", "C++" },
    { "ixx", "C++" },          { "m", "Objective-C" },    { "mi", "Objective-C" },
    { "mm", "Objective-C++" }, { "M", "Objective-C++" },  { "mii", "Objective-C++" },
    { "cu", "CUDA" },          { "cuh", "CUDA" },         { "hip", "HIP" },
    { "cl", "OpenCL" },        { "clcpp", "OpenCL" },     { "f", "Fortran" },
    { "for", "Fortran" },      { "f90", "Fortran" },      { "f95", "Fortran" },
    { "f03", "Fortran" },      { "f08", "Fortran" },      { "F", "Fortran" },
    { "F90", "Fortran" },      { "F95", "Fortran" },      { "ll", "LLVM IR" },
    { "bc", "LLVM IR" },
};

/* -x values that are C; the others are named by prefix (objective-c++
 * before objective-c). */
static const char *const c_x_values[] = {
    "c", "c-header", "cpp-output", "c-cpp-output", "c-user-header", "c-system-header", NULL,
};
static const struct lang_ext lang_x_prefix[] = {
    { "assembler", "assembler" }, { "objective-c++", "Objective-C++" },
    { "objective-c", "Objective-C" }, { "c++", "C++" },
    { "cuda", "CUDA" },           { "hip", "HIP" },
    { "cl", "OpenCL" },           { "f95", "Fortran" },
    { "ir", "LLVM IR" },
};

/* The value of the last -x of `cmd` (NULL when none, or after "none"). */
static const char *last_x(const cl_compile_cmd *cmd)
{
    const char *x = NULL;
    for (size_t i = 0; i < cmd->nargs; i++) {
        const char *a = cmd->args[i], *v = NULL;
        if ((strcmp(a, "-x") == 0 || strcmp(a, "--language") == 0) && i + 1 < cmd->nargs)
            v = cmd->args[++i];
        else if (starts_with(a, "--language="))
            v = a + strlen("--language=");
        else if (starts_with(a, "-x") && a[2] != '\0')
            v = a + 2;
        if (v != NULL)
            x = strcmp(v, "none") == 0 ? NULL : v;
    }
    return x;
}

const char *cl_compile_cmd_language(const cl_compile_cmd *cmd)
{
    const char *x = last_x(cmd);
    if (x != NULL) {
        if (in_list(x, c_x_values))
            return NULL;
        for (size_t i = 0; i < sizeof lang_x_prefix / sizeof lang_x_prefix[0]; i++)
            if (starts_with(x, lang_x_prefix[i].ext))
                return lang_x_prefix[i].lang;
        return "another language (-x)";
    }
    const char *dot = strrchr(cl_base_name(cmd->file), '.');
    for (size_t i = 0; dot != NULL && i < sizeof lang_exts / sizeof lang_exts[0]; i++)
        if (strcmp(dot + 1, lang_exts[i].ext) == 0)
            return lang_exts[i].lang;
    /* Like the compiler driver, which takes any other file for linker
     * input (and libclang then fails with "AST read error"). */
    if (dot == NULL || (strcmp(dot, ".c") != 0 && strcmp(dot, ".h") != 0 && strcmp(dot, ".i") != 0))
        return "not a C source by its name (.c, .h or .i; -x c analyzes it as C)";
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
