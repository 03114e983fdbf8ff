/* actions.h - the code actions of conc-lint's diagnostics (LSP 3.17,
 * "Code Action Request"): for each diagnostic of the request's context that
 * conc-lint published, a quick fix that inserts a suppression comment in
 * the documented syntax (docs/suppressions.md) on the line above the
 * finding, indented like it, with a reason placeholder:
 *
 *     // conc-lint-ignore-next-line: CL002 -- <reason: why this is correct>
 *
 * The fix goes where the finding is, also for the information diagnostic a
 * related location in another file gets (diagnostics.h).
 */
#ifndef CL_LSP_ACTIONS_H
#define CL_LSP_ACTIONS_H

#include "lsp/diagnostics.h"
#include "lsp/documents.h"

struct cJSON;

/* The placeholder the inserted comment carries after "--". */
#define CL_LSP_REASON_PLACEHOLDER "<reason: why this is correct>"

/* The CodeAction[] answering a textDocument/codeAction request with
 * `params` (borrowed; unchecked: missing or mistyped members give no
 * action), given what was published (`set`) and the open documents (for the
 * line's indentation and the URI the client knows a file by). Returns a new
 * JSON array (the caller owns it), possibly empty. */
struct cJSON *cl_lsp_code_actions(const struct cJSON *params, const cl_lsp_diag_set *set,
                                  const cl_lsp_docs *docs);

#endif
