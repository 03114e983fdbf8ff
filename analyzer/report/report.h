/* report.h - the report writers: SARIF 2.1.0, JSON for editors, clang-style
 * text. Only this layer knows output formats.
 */
#ifndef CL_REPORT_H
#define CL_REPORT_H

#include <stdio.h>

#include "report/baseline.h"
#include "report/finding.h"
#include "ir/ir.h"

/* CL_FMT_GITHUB: GitHub Actions workflow commands (report_github.h).
 * CL_FMT_SARIF_UPLOAD: SARIF for GitHub code scanning, which honours neither
 * `suppressions` nor `baselineState` and would open an alert for each
 * result: suppressed findings and absent baseline results are left out.
 * CL_FMT_HTML: one self-contained page for people (report_html.c). */
typedef enum cl_format {
    CL_FMT_TEXT, CL_FMT_SARIF, CL_FMT_JSON, CL_FMT_GITHUB, CL_FMT_SARIF_UPLOAD, CL_FMT_HTML
} cl_format;

/* A tool execution notification: a parse error, a skipped file. */
typedef struct cl_notification {
    cl_diag_level level;
    cl_loc loc;            /* loc.file may be NULL */
    const char *message;
} cl_notification;

/* --stats figures, for the JSON report's "stats" object (wall seconds of
 * the phases done when the report is written; per-TU seconds summed over
 * the workers; model sizes; the summary cache's counts). */
typedef struct cl_run_stats {
    size_t tus, parsed;   /* TUs; those with a syntax tree (parsed now or cached) */
    size_t from_cache;    /* TUs whose summary came from the cache, not parsed now */
    unsigned jobs;
    double summarize_s, link_s, rules_s, parse_cpu_s, lower_cpu_s;
    size_t functions, threads, accesses;
    int have_cache;
    size_t cache_hits, cache_misses, cache_stores;
} cl_run_stats;

/* Thread coverage (docs/json-format.md "threadCoverage"): spawn sites in
 * project code (spawn calls and spawn-wrapper calls that name a start
 * routine), those through which the model started a thread, the thread
 * instances of the model (root threads included), the thread walks cut
 * short and the indirect calls the walks resolved to no function. */
typedef struct cl_thread_coverage {
    size_t spawn_sites, resolved_sites, threads, truncated, unresolved_calls;
} cl_thread_coverage;

typedef struct cl_report {
    const cl_findings *findings;  /* sorted (cl_findings_sort) */
    const cl_notification *notes;
    size_t nnotes;
    const char *srcroot;          /* absolute directory; uris are made relative to it */
    int execution_successful;     /* SARIF invocations[0].executionSuccessful */
    int color;                    /* text: ANSI colour (only when writing to a tty) */
    /* With --baseline: the baseline's results that no current finding
     * matched (cl_baseline_absent), in the baseline's log order. The SARIF
     * writer emits each as a result with "baselineState": "absent"; the
     * other formats ignore them. Borrowed (from the cl_baseline, which must
     * outlive the write); NULL/0 without a baseline. */
    const cl_baseline_entry *const *absent;
    size_t nabsent;
    /* The effective level of each rule, by registry index (after the config
     * and --enable/--disable; CL_LEVEL_NONE: off), or NULL when every rule
     * runs at its default level. SARIF writes the differences as
     * invocations[0].ruleConfigurationOverrides. Borrowed. */
    const cl_level *levels;
    /* With --stats: the run's figures (JSON "stats"); NULL otherwise. */
    const cl_run_stats *stats;
    /* The model's thread coverage (JSON "threadCoverage", SARIF
     * runs[0].properties.threadCoverage); NULL when no model was built or
     * taken from the cache. */
    const cl_thread_coverage *coverage;
} cl_report;

/* Writes `r` in `format` to `out`. Returns 0, or -1 on a write error
 * (errno set; EINVAL for an unknown format). */
int cl_report_write(FILE *out, cl_format format, const cl_report *r);

/* Writes the report to the `-o` file `path`, by what is there now:
 * - nothing, or a regular file: atomically, a temporary file in the same
 *   directory, fsync, rename (docs/architecture.md, report/). An existing file keeps
 *   its permission bits (and, best effort, its owner). On any error the
 *   temporary is removed and no partial file is left at `path`.
 * - a symlink: resolved (realpath; a dangling link to the file it names),
 *   and the resolved path is written as above, so the link stays a link.
 *   A link realpath() cannot resolve but the kernel can follow
 *   (`-o /dev/stdout` on a pipe) is written through directly.
 * - a device, FIFO or socket (`-o /dev/null`, `-o /dev/stdout`, a named
 *   pipe): written directly (open O_WRONLY, no O_TRUNC, no rename, no
 *   fsync), never replaced by a regular file. Opening a FIFO blocks until
 *   it has a reader, as a shell redirection does.
 * - a directory (also "dir/" or a symlink to one): fails with EISDIR.
 * Returns 0, or -1 with errno set (EINVAL for a NULL or empty path, ELOOP
 * for a symlink cycle, or the error of the failing system call). */
int cl_report_write_file(const char *path, cl_format format, const cl_report *r);

/* Checks, before the analysis runs, that cl_report_write_file(path) could
 * write its output, so a bad `-o` fails in a second instead of after a long
 * run. Follows symlinks like cl_report_write_file. Fails when the target is
 * a directory or a socket, when the directory it would be created in does
 * not exist, or when it is not writable: access(W_OK) on an existing target
 * (and, for a regular file, on its directory, where the temporary goes), or
 * on the parent directory of a new file. Creates nothing.
 * Returns 0 if it looks writable; -1 otherwise, with one lowercase line in
 * `err` (truncated to `errlen`; may be NULL), e.g.
 *   cannot write 'out/x.sarif': no such directory
 *   cannot write 'build': is a directory
 *   cannot write '/x.sarif': permission denied
 * access() answers for the real uid; a later write can still fail (the disk
 * fills, the file system changes): callers must check that result too. */
int cl_report_check_output(const char *path, char *err, size_t errlen);

/* Why a write failed with errno `e`, in the wording of the messages above:
 * "permission denied", "no such directory", "is a directory", ..., else
 * strerror()'s text lowercased ("file too large", "no space left on
 * device") copied into `buf` (`len` bytes). Returns a static string or
 * `buf`. */
const char *cl_report_errno_text(int e, char *buf, size_t len);

/* Fingerprint of a finding (hex string in `buf`, at least 17 bytes):
 * stable under line shifts and checkout moves; see finding.h `key`. */
void cl_report_fingerprint(const cl_finding *f, const char *srcroot, char *buf, size_t len);

/* The individual writers behind cl_report_write (same contract);
 * cl_report_write_github is declared in report_github.h. */
int cl_report_write_text(FILE *out, const cl_report *r);
int cl_report_write_json(FILE *out, const cl_report *r);
int cl_report_write_sarif(FILE *out, const cl_report *r);
/* The SARIF writer for code scanning uploads (CL_FMT_SARIF_UPLOAD). */
int cl_report_write_sarif_upload(FILE *out, const cl_report *r);
/* The HTML page (CL_FMT_HTML): findings grouped by rule and file, source
 * excerpts, thread flows side by side, filters; inline CSS and script, no
 * network. Layout in report_html.c. */
int cl_report_write_html(FILE *out, const cl_report *r);

/* --- helpers shared by the writers (report.c) ----------------------------- */

/* `file` made absolute (against the working directory when relative) and
 * normalized lexically ("." and ".." segments and repeated slashes removed;
 * symlinks are not resolved). Caller frees. NULL only if `file` is NULL. */
char *cl_report_abspath(const char *file);

/* `file` relative to the directory `srcroot`, both normalized as by
 * cl_report_abspath, e.g. ("/src/a/b.c", "/src") -> "a/b.c". Caller frees.
 * NULL when `file` or `srcroot` is NULL or `file` is not under `srcroot`. */
char *cl_report_relpath(const char *file, const char *srcroot);

/* The rules' documentation page (docs/rules.md: one row per rule), the
 * helpUri of every SARIF rule descriptor and the codeDescription of the
 * language server's diagnostics; the full help of each rule is in the SARIF
 * log itself (rules[].help) and in --explain. */
#define CL_RULES_DOC_URI "https://github.com/conc-lint/conc-lint/blob/main/docs/rules.md"

/* Percent-encodes `path` for use in a URI (RFC 3986): unreserved characters
 * and '/' are kept, every other byte (spaces, ':', '%', UTF-8 bytes of
 * non-ASCII characters) becomes %XX. Appends to `b`. */
void cl_report_uri_encode(cl_strbuf *b, const char *path);

/* Valid UTF-8 for JSON output. Returns NULL when `s` is NULL or already
 * well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF), so the common case allocates nothing.
 * Otherwise returns a copy (caller frees) in which each maximal subpart of
 * an ill-formed sequence (Unicode 15, section 3.9, "U+FFFD substitution of
 * maximal subparts", the W3C/WHATWG decoder behaviour) is replaced by U+FFFD
 * (EF BF BD): "r\xffx" -> "r\xef\xbf\xbdx", a truncated "\xe2\x82" -> one
 * U+FFFD, the overlong "\xc0\xaf" -> two. O(strlen(s)).
 * File names that are not UTF-8 therefore come out lossy in JSON and SARIF
 * strings; SARIF uris are percent-encoded and stay exact. */
char *cl_utf8_sanitize(const char *s);

struct cJSON;

/* A cJSON string holding `s` made valid UTF-8 (cl_utf8_sanitize). Caller
 * owns the item (usually by adding it to an object or array). `s` must not
 * be NULL. Every string a JSON or SARIF writer outputs goes through this or
 * cl_report_add_string. */
struct cJSON *cl_report_json_string(const char *s);

/* Adds `key`: `s` (made valid UTF-8) to the object `obj`; `s` must not be
 * NULL. Returns the added item (owned by `obj`). */
struct cJSON *cl_report_add_string(struct cJSON *obj, const char *key, const char *s);

/* Adds `key`: the thread coverage object of docs/json-format.md
 * ("spawnSites", "resolvedSpawnSites", "threads", "truncatedWalks") to
 * `obj`, when `cov` is not NULL. */
void cl_report_add_coverage(struct cJSON *obj, const char *key, const cl_thread_coverage *cov);

/* The SARIF/JSON spelling of a finding's baseline mark: "new" or
 * "unchanged"; NULL for CL_BASELINE_NONE (no baseline: leave the field
 * out). Static string. */
const char *cl_report_baseline_mark_name(cl_baseline_mark m);

/* Renders the cJSON document `doc` (indented) to `out` followed by a
 * newline. Takes ownership of `doc`: it is deleted in every case. Returns 0,
 * or -1 with errno set (ENOMEM when it cannot be rendered, or the stdio
 * error when it cannot be written). */
int cl_report_put_json(FILE *out, struct cJSON *doc);

/* The SARIF/JSON spelling of a tool notification's level: "error",
 * "warning" or "note" (also for an out-of-range value). Static string. */
const char *cl_report_diag_level_name(cl_diag_level l);

/* Reads source lines for carets and column conversion, keeping the
 * CL_SRCCACHE_FILES files used last (findings are sorted by file, and
 * their related locations and thread flows keep returning to a few other
 * files, so each file is read about once), each with the offsets of its
 * lines, so a lookup costs O(1) whatever the line number. Zero-initialize
 * it. */
enum { CL_SRCCACHE_FILES = 64 };
typedef struct cl_srccache {
    struct {
        char *path;          /* file of `data`, or NULL for an empty slot */
        char *data;          /* its contents, NUL-terminated; NULL if unreadable */
        size_t len;
        size_t *starts;      /* offset of each line in `data` */
        size_t nlines;       /* lines in `data` (a final newline ends the last) */
        unsigned long used;  /* `clock` at the last use (least recent goes first) */
    } slot[CL_SRCCACHE_FILES];
    unsigned long clock;
} cl_srccache;

/* Finds line `line` (1-based) of `file`: sets *text to its start (borrowed
 * from `c`, valid until the next call) and *len to its length without the
 * line terminator. Returns 0, or -1 if the file cannot be read (or is larger
 * than 64 MiB) or has no such line. */
int cl_srccache_line(cl_srccache *c, const char *file, unsigned long line,
                     const char **text, size_t *len);
void cl_srccache_release(cl_srccache *c);

/* Converts the 1-based byte column `bytecol` (libclang's unit) on line
 * `line` of `file` to a 1-based column in UTF-16 code units (SARIF's
 * default columnKind, and what GitHub and VS Code count): each UTF-8 lead
 * byte counts 1, a 4-byte sequence (outside the BMP) counts 2, continuation
 * bytes count 0; columns past the end of the line count one per byte. The
 * line is read through `src`. Returns `bytecol` unchanged when it is 0 or
 * 1, or when the line cannot be read (exact whenever its prefix is ASCII). */
unsigned long cl_report_utf16_column(cl_srccache *src, const char *file, unsigned long line,
                                     unsigned long bytecol);

#endif
