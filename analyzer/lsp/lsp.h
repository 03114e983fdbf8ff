/* lsp.h - `conc-lint lsp`: a Language Server Protocol server on standard
 * input and output (docs/editors.md, "Language server").
 */
#ifndef CL_LSP_H
#define CL_LSP_H

/* Runs the server with the command line after "conc-lint" (`argv[0]` is
 * "lsp"): options -p/--compile-commands DB, --config FILE, --cache-dir DIR,
 * --no-cache, -j/--jobs N, -h/--help. Reads JSON-RPC messages from standard
 * input until the client sends `exit` or closes it. Returns the exit
 * status LSP 3.17 ("Exit Notification") asks for: 0 after a shutdown
 * request, 1 otherwise; 2 for a usage error. Standard output carries only
 * the protocol (anything else printed goes to standard error). */
int cl_lsp_main(int argc, char **argv);

#endif
