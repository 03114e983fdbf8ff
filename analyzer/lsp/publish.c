/* publish.c - see publish.h. */
#include "lsp/publish.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/driver.h"
#include "frontend/frontend.h"
#include "lsp/jsonrpc.h"
#include "util/clock.h"

/* The sink's argument: where the new diagnostics go. */
typedef struct collected {
    cl_lsp_state *st;
    cl_lsp_diag_set set;
    int called;
    size_t findings;
} collected;

static void collect(void *arg, const cl_run_output *out)
{
    collected *c = arg;
    c->called = 1;
    c->findings = out->findings->list.n;
    cl_lsp_diags_build(&c->set, out, &c->st->docs, c->st->enc);
}

/* Sends the diagnostics of `path` (`fd`: NULL for none). */
static int publish(const cl_lsp_state *st, const char *path, const cl_lsp_file_diags *fd)
{
    cJSON *params = cJSON_CreateObject();
    const cl_lsp_doc *doc = cl_lsp_docs_find_path(&st->docs, path);
    char *uri = doc != NULL ? NULL : cl_lsp_path_to_uri(path);
    cJSON_AddStringToObject(params, "uri", doc != NULL ? doc->uri : uri);
    if (doc != NULL)
        cJSON_AddNumberToObject(params, "version", (double)doc->version);
    cJSON_AddItemToObject(params, "diagnostics",
                          fd != NULL ? cJSON_Duplicate(fd->diags, 1) : cJSON_CreateArray());
    free(uri);
    return cl_rpc_notify(st->out_fd, "textDocument/publishDiagnostics", params);
}

/* Sends what changed from st->shown to `now`, then makes `now` the shown
 * set. Returns 0, or -1 on a write error. */
static int publish_changes(cl_lsp_state *st, cl_lsp_diag_set *now, const char *always,
                           size_t *sent)
{
    int rc = 0;
    for (size_t i = 0; i < now->n && rc == 0; i++) {
        const cl_lsp_file_diags *was = cl_lsp_diags_find(&st->shown, now->v[i].path);
        int same = was != NULL && was->text != NULL && now->v[i].text != NULL &&
                   strcmp(was->text, now->v[i].text) == 0;
        if (!same || (always != NULL && strcmp(always, now->v[i].path) == 0)) {
            rc = publish(st, now->v[i].path, &now->v[i]);
            (*sent)++;
        }
    }
    for (size_t i = 0; i < st->shown.n && rc == 0; i++)
        if (cl_lsp_diags_find(now, st->shown.v[i].path) == NULL) {
            rc = publish(st, st->shown.v[i].path, NULL);
            (*sent)++;
        }
    if (rc == 0 && always != NULL && cl_lsp_diags_find(now, always) == NULL &&
        cl_lsp_diags_find(&st->shown, always) == NULL) {
        rc = publish(st, always, NULL);
        (*sent)++;
    }
    cl_lsp_diags_release(&st->shown);
    st->shown = *now;
    memset(now, 0, sizeof *now);
    return rc;
}

/* Runs the whole-program analysis of the open documents, its output into
 * `c` (c->called stays 0 when it failed); with `keep` (NULL: none) the
 * summaries of the last analysis stand in for the unchanged TUs, with
 * `cache_dir` (NULL: none) the summary and result caches are used.
 * Returns the driver's exit status. */
static int run_analysis(cl_lsp_state *st, cl_keep *keep, const char *cache_dir, collected *c)
{
    cl_unsaved *bufs = cl_xcalloc(st->docs.n + 1, sizeof *bufs);
    size_t nbufs = 0;
    for (size_t i = 0; i < st->docs.n; i++)
        if (st->docs.v[i].path != NULL) {
            cl_unsaved u = { st->docs.v[i].path, st->docs.v[i].text, st->docs.v[i].len };
            bufs[nbufs++] = u;
        }
    memset(c, 0, sizeof *c);
    c->st = st;
    cl_options o;
    memset(&o, 0, sizeof o);
    o.compdb = st->compdb;
    o.config_path = st->config;
    o.cache_dir = cache_dir;
    o.jobs = st->jobs;
    o.format = CL_FMT_JSON;
    o.fail_on = CL_LEVEL_NONE;
    o.quiet = 1;
    o.tu_timeout = o.tu_memory = -1;
    o.unsaved = bufs;
    o.nunsaved = nbufs;
    o.keep = keep;
    o.sink = collect;
    o.sink_arg = c;
    int status = cl_driver_run(&o);
    free(bufs);
    return status;
}

/* Whether the sets `a` and `b` hold the same diagnostics, file by file
 * (a file with none counts as absent); the first file that differs into
 * *where (borrowed). */
static int same_diags(const cl_lsp_diag_set *a, const cl_lsp_diag_set *b, const char **where)
{
    for (int pass = 0; pass < 2; pass++) {
        const cl_lsp_diag_set *x = pass ? b : a, *y = pass ? a : b;
        for (size_t i = 0; i < x->n; i++) {
            const cl_lsp_file_diags *o = cl_lsp_diags_find(y, x->v[i].path);
            const char *tx = x->v[i].text, *to = o != NULL ? o->text : NULL;
            int empty_x = tx == NULL || strcmp(tx, "[]") == 0;
            int empty_o = to == NULL || strcmp(to, "[]") == 0;
            if (empty_x && empty_o)
                continue;
            if (empty_x != empty_o || strcmp(tx, to) != 0) {
                *where = x->v[i].path;
                return 0;
            }
        }
    }
    return 1;
}

/* --check: analyzes again from scratch (every TU parsed, no summary from
 * memory or the cache) and says on standard error whether the diagnostics
 * are the ones of `got`, the analysis just published. */
static void check_from_scratch(cl_lsp_state *st, const cl_lsp_diag_set *got)
{
    collected fresh;
    double t0 = cl_now_seconds();
    run_analysis(st, NULL, NULL, &fresh);
    const char *where = NULL;
    if (!fresh.called)
        fprintf(stderr, "conc-lint lsp: check: the analysis from scratch failed\n");
    else if (same_diags(got, &fresh.set, &where))
        fprintf(stderr, "conc-lint lsp: check: same diagnostics as from scratch (%.3fs)\n",
                cl_now_seconds() - t0);
    else
        fprintf(stderr, "conc-lint lsp: check: DIFFERENT from the analysis from scratch in "
                        "'%s'\n", where);
    cl_lsp_diags_release(&fresh.set);
}

int cl_lsp_analyze(cl_lsp_state *st, const char *always)
{
    double t0 = cl_now_seconds();
    /* libclang loaded here once, before the analysis' threads start: the
     * children that parse (cli/isolate.c) are forked from this process
     * for each analysis, and find it loaded instead of loading it again
     * (0.15 to 0.2 s each time). A failure is the analysis' to report. */
    (void)cl_frontend_load(NULL, 0);
    collected c;
    int status = run_analysis(st, st->keep, st->cache_dir, &c);
    int rc = 0;
    size_t sent = 0;
    if (c.called) {
        st->last_failure = 0;
        rc = publish_changes(st, &c.set, always, &sent);
    } else if (status != st->last_failure) {
        st->last_failure = status;
        char msg[256];
        snprintf(msg, sizeof msg, "conc-lint: the analysis failed (exit status %d); its errors "
                                  "are in the language server's log (standard error)", status);
        cJSON *params = cJSON_CreateObject();
        cJSON_AddNumberToObject(params, "type", 1);
        cJSON_AddStringToObject(params, "message", msg);
        rc = cl_rpc_notify(st->out_fd, "window/showMessage", params);
    }
    cl_lsp_diags_release(&c.set);
    double seconds = cl_now_seconds() - t0;
    if (c.called && st->check && rc == 0)
        check_from_scratch(st, &st->shown);
    fprintf(stderr, "conc-lint lsp: analysis %.3fs, %zu finding%s, %zu publication%s\n", seconds,
            c.findings, c.findings == 1 ? "" : "s", sent, sent == 1 ? "" : "s");
    return rc;
}
