/* frontend.h - libclang -> per-TU summary (ir.h).
 *
 * The only module that includes clang-c/Index.h. One cl_frontend per worker
 * thread (it owns a CXIndex); a frontend is never shared between threads.
 */
#ifndef CL_FRONTEND_H
#define CL_FRONTEND_H

#include <stddef.h>

#include "ir.h"

typedef struct cl_frontend cl_frontend;

/* Creates a frontend (one CXIndex). Never NULL (aborts on OOM). */
cl_frontend *cl_frontend_new(void);
void cl_frontend_free(cl_frontend *fe);

/* Parses `file` with the parser arguments `args` (no compiler name, no
 * source file; the resource directory is added here) and lowers every
 * function defined outside system headers into a summary.
 * Returns a summary owned by the caller (free with cl_tu_free); never NULL.
 * When libclang cannot produce an AST, the summary has parsed == 0 and one
 * error diagnostic saying why. Parse errors are recorded in `diags` and the
 * rest of the TU is still summarized (libclang's KeepGoing mode). */
cl_tu *cl_frontend_summarize(cl_frontend *fe, const char *file,
                             char *const *args, size_t nargs);

/* The clang resource directory compiled in (or $CONC_LINT_RESOURCE_DIR). */
const char *cl_frontend_resource_dir(void);

#endif
