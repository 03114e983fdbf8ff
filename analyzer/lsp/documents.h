/* documents.h - the documents a language client has open, and the mapping
 * between their URIs and file paths.
 *
 * The client owns an open document's contents (LSP 3.17, "Text Document
 * Synchronization"): from didOpen to didClose the server reads the
 * document from what the client sent, not from the disk. Only file: URIs
 * name files; any other scheme (untitled:, a remote one) is stored but has
 * no path and is never analyzed.
 */
#ifndef CL_LSP_DOCUMENTS_H
#define CL_LSP_DOCUMENTS_H

#include <stddef.h>

typedef struct cl_lsp_doc {
    char *uri;       /* as the client sent it */
    char *path;      /* absolute, normalized file path, or NULL (not a file: URI) */
    char *text;      /* the contents, NUL-terminated (may hold NULs: use len) */
    size_t len;
    long version;
} cl_lsp_doc;

typedef struct cl_lsp_docs {
    cl_lsp_doc *v;
    size_t n, cap;
} cl_lsp_docs;

/* The absolute, normalized path of a file: URI ("file:///a%20b/x.c" ->
 * "/a b/x.c"; "file://localhost/..." too), malloc'ed; NULL for another
 * scheme, another host, a %-escape that is not two hex digits or decodes
 * to a NUL byte, or a path that is not absolute. */
char *cl_lsp_uri_to_path(const char *uri);

/* The file: URI of the absolute path `path`, percent-encoded as SARIF
 * URIs are (cl_report_uri_encode). malloc'ed. */
char *cl_lsp_path_to_uri(const char *path);

/* The open document of `uri`, or NULL. */
cl_lsp_doc *cl_lsp_docs_find(cl_lsp_docs *d, const char *uri);

/* The open document whose path is `path`, or NULL. */
const cl_lsp_doc *cl_lsp_docs_find_path(const cl_lsp_docs *d, const char *path);

/* Opens `uri` with `len` bytes of `text` (copied), or replaces the
 * contents and version of a document already open (didOpen, didChange
 * with full sync, didSave with text). */
void cl_lsp_docs_set(cl_lsp_docs *d, const char *uri, const char *text, size_t len,
                     long version);

/* Closes `uri` (didClose); 0, or -1 when it was not open. */
int cl_lsp_docs_close(cl_lsp_docs *d, const char *uri);

void cl_lsp_docs_release(cl_lsp_docs *d);

#endif
