/* documents.c - see documents.h. */
#include "lsp/documents.h"

#include <stdlib.h>
#include <string.h>

#include "cli/compdb.h"
#include "report/report.h"
#include "util/arena.h"

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *cl_lsp_uri_to_path(const char *uri)
{
    static const char scheme[] = "file://";
    if (uri == NULL || strncmp(uri, scheme, sizeof scheme - 1) != 0)
        return NULL;
    const char *p = uri + sizeof scheme - 1;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL; /* another host */
    cl_strbuf b = { NULL, 0, 0 };
    for (; *p != '\0' && *p != '?' && *p != '#'; p++) {
        if (*p != '%') {
            cl_strbuf_addn(&b, p, 1);
            continue;
        }
        int hi = hex_value(p[1]), lo = hi >= 0 ? hex_value(p[2]) : -1;
        if (lo < 0 || (hi == 0 && lo == 0)) {
            cl_strbuf_release(&b);
            return NULL;
        }
        char c = (char)(hi * 16 + lo);
        cl_strbuf_addn(&b, &c, 1);
        p += 2;
    }
    char *path = cl_path_normalize(b.s, "/");
    cl_strbuf_release(&b);
    return path;
}

char *cl_lsp_path_to_uri(const char *path)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, "file://");
    cl_report_uri_encode(&b, path);
    return b.s;
}

cl_lsp_doc *cl_lsp_docs_find(cl_lsp_docs *d, const char *uri)
{
    for (size_t i = 0; i < d->n; i++)
        if (strcmp(d->v[i].uri, uri) == 0)
            return &d->v[i];
    return NULL;
}

const cl_lsp_doc *cl_lsp_docs_find_path(const cl_lsp_docs *d, const char *path)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].path != NULL && strcmp(d->v[i].path, path) == 0)
            return &d->v[i];
    return NULL;
}

void cl_lsp_docs_set(cl_lsp_docs *d, const char *uri, const char *text, size_t len,
                     long version)
{
    cl_lsp_doc *doc = cl_lsp_docs_find(d, uri);
    if (doc == NULL) {
        cl_lsp_doc blank = { cl_xstrdup(uri), cl_lsp_uri_to_path(uri), NULL, 0, 0 };
        CL_VEC_PUSH(d, blank);
        doc = &d->v[d->n - 1];
    }
    free(doc->text);
    doc->text = cl_xmalloc(len + 1);
    memcpy(doc->text, text, len);
    doc->text[len] = '\0';
    doc->len = len;
    doc->version = version;
}

static void doc_release(cl_lsp_doc *doc)
{
    free(doc->uri);
    free(doc->path);
    free(doc->text);
}

int cl_lsp_docs_close(cl_lsp_docs *d, const char *uri)
{
    cl_lsp_doc *doc = cl_lsp_docs_find(d, uri);
    if (doc == NULL)
        return -1;
    doc_release(doc);
    *doc = d->v[--d->n];
    return 0;
}

void cl_lsp_docs_release(cl_lsp_docs *d)
{
    for (size_t i = 0; i < d->n; i++)
        doc_release(&d->v[i]);
    free(d->v);
    memset(d, 0, sizeof *d);
}
