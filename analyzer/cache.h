/* cache.h - the per-TU summary cache.
 *
 * One entry per translation unit, named by a hash of what decides its
 * summary apart from file contents: the conc-lint build (a hash of the
 * executable itself, so a rebuilt analyzer never trusts an old entry), the
 * summary format, the source path and the parser arguments. An entry holds
 * the list of every file the TU read with a hash of each one's contents
 * (like ccache's "direct mode" manifest), plus a hash of the listing of each
 * directory an #include may have searched (so a header that appears earlier
 * on the include path, shadowing the one that was read, is a miss too), then
 * the serialized summary
 * (summary_io.h). A lookup re-hashes those files: any change to the source
 * or to any header it includes is a miss. A truncated or corrupt entry is a
 * miss too, and is overwritten. Entries are written to a temporary file in
 * the cache directory and renamed into place, so processes sharing a cache
 * never see a partial entry.
 *
 * A cl_cache may be used from several worker threads at once.
 */
#ifndef CL_CACHE_H
#define CL_CACHE_H

#include <pthread.h>
#include <stddef.h>

#include "arena.h"
#include "ir.h"
#include "strmap.h"

typedef struct cl_cache {
    char *dir;
    unsigned long long build_id;  /* hash of the running executable */
    pthread_mutex_t lock;         /* guards the members below */
    cl_arena arena;
    cl_strmap file_hash;          /* path -> index into hashes (this run's memo) */
    struct { unsigned long long *v; size_t n, cap; } hashes;
    size_t hits, misses, stores;
} cl_cache;

/* Opens (creating it and its parents if needed) the cache directory `dir`.
 * Returns 0, or -1 with a one-line reason in `err`. */
int cl_cache_open(cl_cache *c, const char *dir, char *err, size_t errlen);

/* The summary cached for `file` parsed with `args`, if every file it read
 * is unchanged; NULL otherwise. The caller owns the result (cl_tu_free). */
cl_tu *cl_cache_lookup(cl_cache *c, const char *file, char *const *args, size_t nargs);

/* Stores `tu` (borrowed) for `file` + `args`. Summaries without an include
 * list or that did not parse are not stored. Errors are silent: a cache
 * that cannot be written only costs speed. */
void cl_cache_store(cl_cache *c, const char *file, char *const *args, size_t nargs,
                    const cl_tu *tu);

void cl_cache_close(cl_cache *c);

/* The default cache directory: $XDG_CACHE_HOME/conc-lint, else
 * $HOME/.cache/conc-lint, else NULL. malloc'ed. */
char *cl_cache_default_dir(void);

#endif
