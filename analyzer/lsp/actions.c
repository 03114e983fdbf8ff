/* actions.c - see actions.h. */
#include "lsp/actions.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

/* The leading blanks of line `line` (1-based) of `path`: from the open
 * document, else the file on disk; "" when neither has the line.
 * malloc'ed. */
static char *indent_of(const cl_lsp_docs *docs, const char *path, unsigned line)
{
    const cl_lsp_doc *doc = cl_lsp_docs_find_path(docs, path);
    char *disk = NULL, why[128];
    size_t len = 0;
    const char *p = NULL;
    if (doc != NULL) {
        p = doc->text;
        len = doc->len;
    } else if (cl_read_file(path, (size_t)64 << 20, &disk, &len, why, sizeof why) == 0) {
        p = disk;
    }
    const char *end = p + len;
    for (unsigned l = 1; p != NULL && l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl != NULL ? nl + 1 : NULL;
    }
    size_t n = 0;
    while (p != NULL && p + n < end && (p[n] == ' ' || p[n] == '\t'))
        n++;
    char *indent = cl_xmalloc(n + 1);
    if (n > 0)
        memcpy(indent, p, n);
    indent[n] = '\0';
    free(disk);
    return indent;
}

/* The published anchor of diagnostic `d` in `fd`: same range start and
 * code. NULL when `d` is not one of ours. */
static const cl_lsp_anchor *anchor_of(const cl_lsp_file_diags *fd, const cJSON *d)
{
    const cJSON *source = cJSON_GetObjectItemCaseSensitive(d, "source");
    const cJSON *code = cJSON_GetObjectItemCaseSensitive(d, "code");
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(d, "range");
    const cJSON *start = cJSON_GetObjectItemCaseSensitive(range, "start");
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(start, "line");
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(start, "character");
    if (fd == NULL || !cJSON_IsString(source) || strcmp(source->valuestring, "conc-lint") != 0 ||
        !cJSON_IsString(code) || !cJSON_IsNumber(line) || !cJSON_IsNumber(ch))
        return NULL;
    for (size_t k = 0; k < fd->anchors.n; k++) {
        const cl_lsp_anchor *a = &fd->anchors.v[k];
        if (a->line == (unsigned)line->valuedouble && a->character == (unsigned)ch->valuedouble &&
            strcmp(a->rule, code->valuestring) == 0)
            return a;
    }
    return NULL;
}

/* The quick fix for anchor `a`, fixing diagnostic `d` (copied in). */
static cJSON *suppress_action(const cl_lsp_anchor *a, const cJSON *d, const cl_lsp_docs *docs)
{
    const cl_lsp_doc *doc = cl_lsp_docs_find_path(docs, a->file);
    char *uri = doc != NULL ? cl_xstrdup(doc->uri) : cl_lsp_path_to_uri(a->file);
    char *indent = indent_of(docs, a->file, a->finding_line);
    cl_strbuf text = { NULL, 0, 0 }, title = { NULL, 0, 0 };
    cl_strbuf_addf(&text, "%s// conc-lint-ignore-next-line: %s -- " CL_LSP_REASON_PLACEHOLDER "\n",
                   indent, a->rule);
    cl_strbuf_addf(&title, "Suppress %s on line %u (with a reason)", a->rule, a->finding_line);
    cJSON *act = cJSON_CreateObject();
    cJSON_AddStringToObject(act, "title", title.s);
    cJSON_AddStringToObject(act, "kind", "quickfix");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(act, "diagnostics"), cJSON_Duplicate(d, 1));
    cJSON *changes = cJSON_AddObjectToObject(cJSON_AddObjectToObject(act, "edit"), "changes");
    cJSON *edits = cJSON_AddArrayToObject(changes, uri);
    cJSON *edit = cJSON_CreateObject();
    cJSON *range = cJSON_AddObjectToObject(edit, "range");
    for (int k = 0; k < 2; k++) {
        cJSON *pos = cJSON_AddObjectToObject(range, k == 0 ? "start" : "end");
        cJSON_AddNumberToObject(pos, "line", a->finding_line > 0 ? a->finding_line - 1 : 0);
        cJSON_AddNumberToObject(pos, "character", 0);
    }
    cJSON_AddItemToObject(edit, "newText", cJSON_CreateString(text.s));
    cJSON_AddItemToArray(edits, edit);
    cl_strbuf_release(&text);
    cl_strbuf_release(&title);
    free(indent);
    free(uri);
    return act;
}

cJSON *cl_lsp_code_actions(const cJSON *params, const cl_lsp_diag_set *set,
                           const cl_lsp_docs *docs)
{
    cJSON *actions = cJSON_CreateArray();
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *uri = cJSON_GetObjectItemCaseSensitive(td, "uri");
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(ctx, "diagnostics");
    char *path = cJSON_IsString(uri) ? cl_lsp_uri_to_path(uri->valuestring) : NULL;
    const cl_lsp_file_diags *fd = path != NULL ? cl_lsp_diags_find(set, path) : NULL;
    const cJSON *d;
    const cl_lsp_anchor **done = cl_xcalloc((size_t)cJSON_GetArraySize(diags) + 1, sizeof *done);
    size_t ndone = 0;
    const cJSON *list = cJSON_IsArray(diags) ? diags : NULL;
    cJSON_ArrayForEach(d, list) {
        const cl_lsp_anchor *a = anchor_of(fd, d);
        size_t k = 0;
        /* one fix per finding line and rule, whichever diagnostics ask */
        while (a != NULL && k < ndone &&
               !(done[k]->finding_line == a->finding_line && strcmp(done[k]->rule, a->rule) == 0 &&
                 strcmp(done[k]->file, a->file) == 0))
            k++;
        if (a == NULL || k < ndone)
            continue;
        done[ndone++] = a;
        cJSON_AddItemToArray(actions, suppress_action(a, d, docs));
    }
    free(done);
    free(path);
    return actions;
}
