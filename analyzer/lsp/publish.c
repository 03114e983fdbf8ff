/* publish.c - see publish.h. */
#include "lsp/publish.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/driver.h"
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

int cl_lsp_analyze(cl_lsp_state *st, const char *always)
{
    double t0 = cl_now_seconds();
    cl_unsaved *bufs = cl_xcalloc(st->docs.n + 1, sizeof *bufs);
    size_t nbufs = 0;
    for (size_t i = 0; i < st->docs.n; i++)
        if (st->docs.v[i].path != NULL) {
            cl_unsaved u = { st->docs.v[i].path, st->docs.v[i].text, st->docs.v[i].len };
            bufs[nbufs++] = u;
        }
    collected c;
    memset(&c, 0, sizeof c);
    c.st = st;
    cl_options o;
    memset(&o, 0, sizeof o);
    o.compdb = st->compdb;
    o.config_path = st->config;
    o.cache_dir = st->cache_dir;
    o.jobs = st->jobs;
    o.format = CL_FMT_JSON;
    o.fail_on = CL_LEVEL_NONE;
    o.quiet = 1;
    o.tu_timeout = o.tu_memory = -1;
    o.unsaved = bufs;
    o.nunsaved = nbufs;
    o.keep = st->keep;
    o.sink = collect;
    o.sink_arg = &c;
    int status = cl_driver_run(&o);
    free(bufs);
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
    fprintf(stderr, "conc-lint lsp: analysis %.3fs, %zu findings, %zu publications\n",
            cl_now_seconds() - t0, c.findings, sent);
    return rc;
}
