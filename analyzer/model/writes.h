/* writes.h - the globals code reachable from a function may write: a
 * static over-approximation (every callee the call graph gives, direct
 * or indirect), for the thread walk's question "can the thread started
 * here change this global?" (threads.c, modes from stores).
 *
 *   cl_writes *ws = cl_writes_new(cg);
 *   if (cl_writes_may(ws, entry, "Gc:a.c@mode")) ...
 *   cl_writes_free(ws);
 *
 * Globals are compared by their root object ("G<usr>" of "G<usr>.member"
 * or "G<usr>[3]"): a write of any member counts for the whole object.
 * Each function's reach is collected once, on its first query: time and
 * memory linear in the size of the code it reaches.
 */
#ifndef CL_MODEL_WRITES_H
#define CL_MODEL_WRITES_H

#include <stddef.h>

#include "analysis/callgraph.h"

typedef struct cl_writes cl_writes;

/* A query context on `cg` (borrowed; must outlive it). */
cl_writes *cl_writes_new(const cl_callgraph *cg);
void cl_writes_free(cl_writes *ws);

/* Whether a function reachable from `func` (itself included; an index
 * into cg->funcs) writes the global object of access path `path` ("G...";
 * 0 for any other path). */
int cl_writes_may(cl_writes *ws, size_t func, const char *path);

#endif
