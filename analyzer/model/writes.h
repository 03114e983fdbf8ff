/* writes.h - globals private to the code that never runs beside another
 * thread's: for the thread walk's modes stored by a path and for its
 * start gates (threads.c), which trust a global to keep the value the
 * walking thread stored or saw until that thread itself changes it.
 *
 *   cl_writes *ws = cl_writes_new(cg);
 *   if (cl_writes_private(ws, "Gc:prof.c@ipc.status")) ...
 *   cl_writes_free(ws);
 *
 * A global object is private when
 *   - it has internal linkage (`static`; not thread-local) and is declared
 *     in a .c file (a static in a header is one object per includer, under
 *     one name), so every function that can name it is in the program;
 *   - the path is its own storage, not an object reached through a
 *     pointer (`pcfg->mode` may be `real.mode` under another name);
 *   - its address is never taken into a value (`&mode`, `&cfg.mode`, a
 *     pointer initializer, `memset(&cfg, ..)`, `sscanf(.., &mode)`): every
 *     write to it is a direct access the call graph sees;
 *   - no function that writes it is reachable, through the call graph's
 *     edges, from a function used as a value (a thread's start routine, a
 *     callback, a signal handler, a table entry) or from one the program
 *     never calls (code outside it may). What writes it runs only on the
 *     thread that called it, from main's side of the program.
 * An address is taken of a whole root object ("G<usr>" of "&G<usr>.m"
 * too); a write counts for the path written and the objects containing it
 * (`cfg.mode` for `cfg.mode` and `cfg`, not `cfg.level`). An access
 * through a pointer member (`ipc.ipts->[i]`) is not the object's own
 * storage.
 * Built once, in time linear in the program.
 */
#ifndef CL_MODEL_WRITES_H
#define CL_MODEL_WRITES_H

#include "analysis/callgraph.h"

typedef struct cl_writes cl_writes;

/* The facts above for every global of `cg` (borrowed; must outlive it). */
cl_writes *cl_writes_new(const cl_callgraph *cg);
void cl_writes_free(cl_writes *ws);

/* Whether the global object of access path `path` ("G..."; 0 for any
 * other path) is private (see the header). */
int cl_writes_private(const cl_writes *ws, const char *path);

#endif
