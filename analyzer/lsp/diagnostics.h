/* diagnostics.h - a run's findings as Language Server Protocol diagnostics,
 * grouped by file (LSP 3.17, "PublishDiagnostics Notification",
 * "Diagnostic").
 *
 * A finding becomes a diagnostic in the file of its primary location:
 * range from its line and column (to the end of the identifier there),
 * severity from its level (error 1, warning 2, note 3: the SARIF level),
 * code the rule id, codeDescription.href the rules' page (the SARIF
 * helpUri), source "conc-lint", the related locations as
 * relatedInformation. Each related location in another file also gets an
 * information diagnostic there that points back at the finding, so a race
 * between two files shows, and clears, in both. Suppressed findings are
 * left out. Parse diagnostics of open documents, and a note on an open C
 * file the compile database does not list, come as diagnostics too.
 */
#ifndef CL_LSP_DIAGNOSTICS_H
#define CL_LSP_DIAGNOSTICS_H

#include <stddef.h>

#include "cli/driver.h"
#include "lsp/documents.h"

struct cJSON;

/* Where a published diagnostic's suppression goes: the finding's primary
 * location and rule. A code action looks it up by the diagnostic's range
 * start and code (actions.h). */
typedef struct cl_lsp_anchor {
    unsigned line, character;  /* the diagnostic's range start, 0-based, as published */
    char *rule;                /* the rule id */
    char *file;                /* the finding's file (absolute) */
    unsigned finding_line;     /* the finding's line, 1-based */
} cl_lsp_anchor;

/* The diagnostics of one file. */
typedef struct cl_lsp_file_diags {
    char *path;                /* absolute, normalized */
    struct cJSON *diags;       /* a JSON array of Diagnostic */
    char *text;                /* its compact JSON, to compare with what was published */
    struct { cl_lsp_anchor *v; size_t n, cap; } anchors;
} cl_lsp_file_diags;

typedef struct cl_lsp_diag_set {
    cl_lsp_file_diags *v;      /* in the order of the first diagnostic of each file */
    size_t n, cap;
} cl_lsp_diag_set;

/* Position encodings (LSP 3.17, "PositionEncodingKind"): what a
 * Position's character counts. */
typedef enum cl_lsp_encoding { CL_LSP_UTF16 = 0, CL_LSP_UTF8 } cl_lsp_encoding;

/* Fills the empty `set` from a run's output `out` (borrowed): findings,
 * parse diagnostics of the documents in `docs` and the note on open C
 * files that are no TU of the run. Line text for positions is read with
 * cl_read_file (the run's overlays: open documents). The set owns
 * everything it holds. */
void cl_lsp_diags_build(cl_lsp_diag_set *set, const cl_run_output *out, const cl_lsp_docs *docs,
                        cl_lsp_encoding enc);

/* The diagnostics of `path`, or NULL. */
const cl_lsp_file_diags *cl_lsp_diags_find(const cl_lsp_diag_set *set, const char *path);

/* The character position of byte column `col` (1-based) in `line` (`len`
 * bytes, no newline) under `enc`: col - 1 for UTF-8, UTF-16 code units
 * otherwise (a 4-byte UTF-8 sequence is two). Clamped to the line's end. */
unsigned cl_lsp_character(const char *line, size_t len, unsigned col, cl_lsp_encoding enc);

void cl_lsp_diags_release(cl_lsp_diag_set *set);

#endif
