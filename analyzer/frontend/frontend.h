/* frontend.h - libclang -> per-TU summary (ir.h).
 *
 * analyzer/frontend/ is the only folder that includes clang-c/Index.h
 * (through its private libclang.h; lower.h lists which file owns what). One
 * cl_frontend per worker thread (it owns a CXIndex); a frontend is never
 * shared between threads.
 *
 * conc-lint does not link libclang: it is dlopen()ed the first time a TU is
 * parsed ($CONC_LINT_LIBCLANG, the library found at build time, or one found
 * at run time: locate.h), so a run served entirely from the summary cache
 * never loads it.
 */
#ifndef CL_FRONTEND_H
#define CL_FRONTEND_H

#include <stddef.h>

#include "ir/ir.h"

typedef struct cl_frontend cl_frontend;

/* Creates a frontend. Cheap: libclang is neither loaded nor called until the
 * first cl_frontend_summarize. Never NULL (aborts on OOM). */
cl_frontend *cl_frontend_new(void);
void cl_frontend_free(cl_frontend *fe);

/* Loads libclang into the process. Only the first call, from any thread,
 * does the work; later calls return its outcome. Returns 0 when libclang is
 * loaded, or -1 when it cannot be, with the one-line reason
 * "cannot load libclang '<path>': <dlerror text>" copied into err (errlen
 * bytes, NUL-terminated; err may be NULL). cl_frontend_summarize calls it. */
int cl_frontend_load(char *err, size_t errlen);

/* Parses `file` with the parser arguments `args` (no compiler name, no
 * source file; the resource directory is added here) and lowers every
 * function defined outside system headers into a summary. Loads libclang on
 * the first call (cl_frontend_load).
 * Returns a summary owned by the caller (free with cl_tu_free), or NULL
 * only when libclang cannot be loaded (cl_frontend_load says why).
 * When libclang cannot produce an AST, the summary has parsed == 0 and one
 * error diagnostic saying why. Parse errors are recorded in `diags` and the
 * rest of the TU is still summarized (libclang's KeepGoing mode). */
cl_tu *cl_frontend_summarize(cl_frontend *fe, const char *file,
                             char *const *args, size_t nargs);

/* Contents of a source file that replace the file on disk for one parse:
 * an editor's unsaved buffer (libclang's CXUnsavedFile). Borrowed. */
typedef struct cl_unsaved {
    const char *file;   /* the path, as the parse names it (the TU's file) */
    const char *data;   /* `len` bytes, not NUL-terminated, may hold NULs */
    size_t len;
} cl_unsaved;

/* cl_frontend_summarize, with the contents of `unsaved->file` taken from
 * `unsaved` instead of the disk (that file need not exist); `unsaved` may
 * be NULL. The include hash recorded for that file is the buffer's, and it
 * is not remembered for later parses of this frontend. */
cl_tu *cl_frontend_summarize_unsaved(cl_frontend *fe, const char *file, char *const *args,
                                     size_t nargs, const cl_unsaved *unsaved);

/* The clang resource directory: $CONC_LINT_RESOURCE_DIR, the compiled-in
 * one, or one found next to the located libclang (locate.h). */
const char *cl_frontend_resource_dir(void);

/* A string that identifies the libclang cl_frontend_load would load, for
 * the summary cache key: its real path (symlinks resolved), size and
 * modification time, "<real path> <size> <mtime seconds>.<nanoseconds>", or
 * "<path> (missing)" when the path cannot be resolved (no such file). Only
 * stat()s the file: neither reads nor loads it. Computed once per process
 * (thread-safe); static storage, never NULL. */
const char *cl_frontend_library_id(void);

#endif
