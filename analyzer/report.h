/* report.h - the report writers: SARIF 2.1.0, JSON for editors, clang-style
 * text. Only this layer knows output formats.
 */
#ifndef CL_REPORT_H
#define CL_REPORT_H

#include <stdio.h>

#include "finding.h"
#include "ir.h"

typedef enum cl_format { CL_FMT_TEXT, CL_FMT_SARIF, CL_FMT_JSON } cl_format;

/* A tool execution notification: a parse error, a skipped file. */
typedef struct cl_notification {
    cl_diag_level level;
    cl_loc loc;            /* loc.file may be NULL */
    const char *message;
} cl_notification;

typedef struct cl_report {
    const cl_findings *findings;  /* sorted (cl_findings_sort) */
    const cl_notification *notes;
    size_t nnotes;
    const char *srcroot;          /* absolute directory; uris are made relative to it */
    int execution_successful;     /* SARIF invocations[0].executionSuccessful */
    int color;                    /* text: ANSI colour (only when writing to a tty) */
} cl_report;

/* Writes `r` in `format` to `out`. Returns 0, or -1 on a write error. */
int cl_report_write(FILE *out, cl_format format, const cl_report *r);

/* Writes the report to `path` atomically: a temporary file in the same
 * directory, fsync, rename. On any error the temporary is removed, no
 * partial file is left at `path`, and -1 is returned with errno set. */
int cl_report_write_file(const char *path, cl_format format, const cl_report *r);

/* Fingerprint of a finding (hex string in `buf`, at least 17 bytes):
 * stable under line shifts and checkout moves; see finding.h `key`. */
void cl_report_fingerprint(const cl_finding *f, const char *srcroot, char *buf, size_t len);

/* The individual writers behind cl_report_write (same contract). */
int cl_report_write_text(FILE *out, const cl_report *r);
int cl_report_write_json(FILE *out, const cl_report *r);
int cl_report_write_sarif(FILE *out, const cl_report *r);

/* --- helpers shared by the writers (report.c) ----------------------------- */

/* `file` made absolute (against the working directory when relative) and
 * normalized lexically ("." and ".." segments and repeated slashes removed;
 * symlinks are not resolved). Caller frees. NULL only if `file` is NULL. */
char *cl_report_abspath(const char *file);

/* `file` relative to the directory `srcroot`, both normalized as by
 * cl_report_abspath, e.g. ("/src/a/b.c", "/src") -> "a/b.c". Caller frees.
 * NULL when `file` or `srcroot` is NULL or `file` is not under `srcroot`. */
char *cl_report_relpath(const char *file, const char *srcroot);

/* Percent-encodes `path` for use in a URI (RFC 3986): unreserved characters
 * and '/' are kept, every other byte (spaces, ':', '%', UTF-8 bytes of
 * non-ASCII characters) becomes %XX. Appends to `b`. */
void cl_report_uri_encode(cl_strbuf *b, const char *path);

struct cJSON;

/* Renders the cJSON document `doc` (indented) to `out` followed by a
 * newline. Takes ownership of `doc`: it is deleted in every case. Returns 0,
 * or -1 with errno set (ENOMEM when it cannot be rendered, or the stdio
 * error when it cannot be written). */
int cl_report_put_json(FILE *out, struct cJSON *doc);

/* The SARIF/JSON spelling of a tool notification's level: "error",
 * "warning" or "note" (also for an out-of-range value). Static string. */
const char *cl_report_diag_level_name(cl_diag_level l);

/* Reads source lines for carets and column conversion, caching the last file
 * read (findings are sorted by file, so one file is read once). */
typedef struct cl_srccache {
    char *path;  /* file of `data`, or NULL */
    char *data;  /* its contents, NUL-terminated; NULL if it could not be read */
    size_t len;
} cl_srccache;

/* Finds line `line` (1-based) of `file`: sets *text to its start (borrowed
 * from `c`, valid until the next call) and *len to its length without the
 * line terminator. Returns 0, or -1 if the file cannot be read (or is larger
 * than 64 MiB) or has no such line. */
int cl_srccache_line(cl_srccache *c, const char *file, unsigned long line,
                     const char **text, size_t *len);
void cl_srccache_release(cl_srccache *c);

#endif
