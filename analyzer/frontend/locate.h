/* locate.h - which libclang shared object (and which clang resource
 * directory) the process uses, found without loading anything.
 *
 * Order: $CONC_LINT_LIBCLANG; else the path compiled in at configure time
 * (CL_LIBCLANG_PATH) when it exists; else `llvm-config --libdir` (the
 * llvm-config on PATH); else the standard library directories, newest LLVM
 * first (LLVM 17 to 21). A binary built on one machine therefore still runs
 * where libclang lives elsewhere (another distribution, a .deb installed
 * next to a different LLVM).
 */
#ifndef CL_LOCATE_H
#define CL_LOCATE_H

#include <stddef.h>

typedef struct cl_libclang_info {
    const char *path;     /* the file to dlopen(); never NULL */
    const char *source;   /* how it was found: "CONC_LINT_LIBCLANG", "build",
                           * "llvm-config", "search" or "not found" */
    const char *version;  /* e.g. "19.1.7" or "19", "" when unknown */
} cl_libclang_info;

/* The libclang this process loads (see the order above). Computed once per
 * process (thread-safe); only stat()s files and, when the compiled-in path
 * is gone, runs `llvm-config --libdir`. Static storage, never NULL. When
 * nothing is found, path is the compiled-in path and source "not found", so
 * loading fails with that path in the message. */
const cl_libclang_info *cl_libclang_locate(void);

/* The search itself, for tests: fills *out for the environment value `env`
 * (may be NULL) and the compiled-in path `builtin`, writing the found path
 * into `buf` (`len` bytes) when it is neither of them. `out` borrows `env`,
 * `builtin` and `buf`. */
void cl_libclang_find(const char *env, const char *builtin, char *buf, size_t len,
                      cl_libclang_info *out);

/* The clang resource directory (its include/stddef.h) for the libclang of
 * cl_libclang_locate: $CONC_LINT_RESOURCE_DIR; else the compiled-in
 * CL_RESOURCE_DIR when it exists; else <libdir>/clang/<major> or
 * /usr/lib/llvm-<major>/lib/clang/<major> of the located library; else the
 * compiled-in one. Computed once; static storage, never NULL. */
const char *cl_libclang_resource_dir(void);

#endif
