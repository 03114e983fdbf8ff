/* variants.h - build variants: one source file compiled in several
 * configurations of the preprocessor (a library built with and without
 * -DZSTD_MULTITHREAD, a program's debug binary with -DMEMCACHED_DEBUG,
 * a library's files built again into a server with -DWITH_BROKER).
 *
 * A compile database lists such a file once per configuration. The
 * analysis keeps one entry per configuration that can change the file's
 * code: a later entry whose -D/-U arguments define some macro differently
 * from every kept entry of the same file, where that macro's name occurs
 * in the file's text. Entries that differ only in macros the file never
 * names (-DPIC, -Dlib_EXPORTS, a -DNDEBUG the file does not test) give
 * the same summary in all but rare cases (a header testing the macro) and
 * are skipped as duplicates. Each kept entry gets the id of its macro
 * configuration (cl_compile_cmd.config); the link resolves a call to the
 * definition built in the caller's own configuration when there is one
 * (analysis/callgraph.c), so each program sees the variants it is built
 * from.
 */
#ifndef CL_VARIANTS_H
#define CL_VARIANTS_H

#include <stddef.h>

/* The macro configuration that the `nargs` parser arguments `args` set up:
 * every -D/-U (joined or separate form) applied in order, as the defined
 * macros' "NAME=VALUE" lines ("NAME=1" for a bare -DNAME; a function-like
 * macro's NAME ends before its parameter list) sorted by name,
 * each ending in '\n'; "" when none. Malloc'ed, the caller frees it. */
char *cl_variant_config(char *const *args, size_t nargs);

/* The text of source file `file` for cl_variant_differs: malloc'ed and
 * NUL-terminated (the caller frees it), or NULL when it cannot be read or
 * is larger than 64 MiB (such a file is taken to name no macro). */
char *cl_variant_text(const char *file);

/* Whether configurations `a` and `b` (cl_variant_config's strings) define
 * a macro differently (one defines it and the other does not, or with
 * another value) whose name occurs as an identifier in `text` (a source
 * file's, cl_variant_text; NULL names none: 0). */
int cl_variant_differs(const char *a, const char *b, const char *text);

/* Whether configuration `mine` (cl_variant_config's string) agrees with
 * configuration `cand` on every macro that `cands` (`n` configurations:
 * the variants a function was built in, `cand` among them) do not all
 * define alike: the variant a TU of configuration `mine` links with. */
int cl_variant_agrees(const char *mine, const char *cand, const char *const *cands, size_t n);

#endif
