/* publish.h - one analysis of the whole program for the language server,
 * and the diagnostics it changed sent to the client (LSP 3.17,
 * "PublishDiagnostics Notification", "ShowMessage Notification").
 *
 * The analysis is the command line's (cli/driver.h): every TU of the
 * compile database, the open documents as unsaved buffers, the summaries
 * of unchanged TUs from the server's keep (cli/keep.h) or the cache, the
 * findings handed to a sink instead of a report.
 */
#ifndef CL_LSP_PUBLISH_H
#define CL_LSP_PUBLISH_H

#include "cli/keep.h"
#include "lsp/diagnostics.h"
#include "lsp/documents.h"

/* What the server keeps between analyses. */
typedef struct cl_lsp_state {
    int out_fd;               /* where messages to the client go */
    const char *compdb;       /* -p, or NULL: found in . or ./build (absolute) */
    const char *config;       /* --config, or NULL: the nearest .conc-lint.json */
    const char *cache_dir;    /* the summary cache, or NULL: none */
    unsigned jobs;            /* 0: the number of CPUs */
    cl_lsp_encoding enc;      /* the position encoding agreed at initialize */
    cl_lsp_docs docs;         /* the open documents */
    cl_lsp_diag_set shown;    /* what the client was last sent, per file */
    cl_keep *keep;            /* summaries of the last analysis */
    int check;                /* --check: each analysis is compared with one from scratch */
    int last_failure;         /* exit status of the last failed analysis, 0 after a good one */
} cl_lsp_state;

/* Analyzes the program with the open documents of `st` and sends
 * textDocument/publishDiagnostics for every file whose diagnostics are
 * not what the client was last sent (an empty list for a file that has
 * none left), and for `always` (a path, may be NULL: the document the
 * client just changed or saved) even when unchanged. An analysis that
 * cannot run (no compile database, a bad config, nothing parses) sends a
 * window/showMessage error once and keeps the diagnostics shown. Returns
 * 0, or -1 when writing to the client failed. Logs one line of timing on
 * stderr. */
int cl_lsp_analyze(cl_lsp_state *st, const char *always);

#endif
