/* cache.h - the per-TU summary cache.
 *
 * One entry per translation unit, named by a hash of what decides its
 * summary apart from file contents: the conc-lint build (a hash of the
 * executable itself, so a rebuilt analyzer never trusts an old entry, and
 * the identity of the libclang it loads), the working directory and the
 * environment variables the parser reads ($CPATH, $C_INCLUDE_PATH,
 * $CCC_OVERRIDE_OPTIONS), the
 * summary format, the source path and the parser arguments. An entry holds
 * the list of every file the TU read with a hash of each one's contents
 * (like ccache's "direct mode" manifest), plus a hash of the listing of each
 * directory an #include may have searched (so a header that appears earlier
 * on the include path, shadowing the one that was read, is a miss too), then
 * the serialized summary
 * (summary_io.h). A lookup checks those files: any change to the source or
 * to any header it includes is a miss. A file whose stat() signature (size,
 * mtime, ctime, inode) is the one recorded is not read again (see cache.c
 * for when a signature is trusted). A truncated or corrupt entry is a miss
 * too, and is overwritten.
 *
 * Entries not used for 30 days are removed by the first run of a day
 * that opens the cache for writing (a hit marks an entry used, at most
 * once a day), as are temporaries older than a day.
 *
 * The cache also holds result entries: bytes a caller files under a 64-bit
 * key it computes (the driver keeps the rules' findings there, keyed by the
 * digests of every summary and the configuration: see result.h). Entries are written to a temporary file in
 * the cache directory and renamed into place, so processes sharing a cache
 * never see a partial entry.
 *
 * A cl_cache may be used from several worker threads at once.
 */
#ifndef CL_CACHE_H
#define CL_CACHE_H

#include <pthread.h>
#include <sys/stat.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "ir/ir.h"
#include "util/strmap.h"

/* What stat() says of a file or directory; all zero when not trustworthy. */
typedef struct cl_filesig {
    uint64_t size, mtime_ns, ctime_ns, ino;
} cl_filesig;

/* A dependency's content hash (0: unreadable) and signature, as this run
 * knows it. */
typedef struct cl_depstate {
    uint64_t hash;
    cl_filesig sig;
} cl_depstate;

typedef struct cl_cache {
    char *dir;
    char *cwd;                    /* the working directory (part of the keys) */
    unsigned long long build_id;  /* hash of the running executable and of
                                     cl_frontend_library_id() */
    pthread_mutex_t lock;         /* guards the members below */
    cl_arena arena;
    cl_strmap file_hash;          /* path -> index into deps (this run's memo) */
    struct { cl_depstate *v; size_t n, cap; } deps;
    cl_strmap stat_index;         /* path -> index into stats + 1 (0: no such file) */
    struct { struct stat *v; size_t n, cap; } stats; /* this run's first stat() of each */
    size_t hits, misses, stores;
    size_t write_failures;        /* entries that could not be written */
    int write_errno;              /* why the first of them failed */
    int writable;                 /* opened for writing (else nothing is written) */
} cl_cache;

/* Opens the cache directory `dir`: with `writable`, created with its
 * parents if needed and required to be writable; without, only read (the
 * summaries of a --link run, or a cache directory the user cannot write:
 * stores and result puts then do nothing and count no failure). Returns 0,
 * or -1 with a one-line reason in `err`.
 * Writes that fail in a writable cache (a full disk, a file-size limit, a
 * directory made read-only meanwhile) are counted in write_failures with
 * the first errno in write_errno; they never leave a partial entry (see
 * write_atomically in cache.c). */
int cl_cache_open(cl_cache *c, const char *dir, int writable, char *err, size_t errlen);

/* The summary cached for `file` parsed with `args`, if every file it read
 * is unchanged; NULL otherwise. The caller owns the result (cl_tu_free).
 * On a hit, *digest (may be NULL) receives the summary's digest
 * (cl_summary_digest). An entry whose files were unchanged but had to be
 * read is rewritten with their current signatures. */
cl_tu *cl_cache_lookup(cl_cache *c, const char *file, char *const *args, size_t nargs,
                       uint64_t *digest);

/* Checks the entry for `file` + `args` like cl_cache_lookup without
 * reading the summary: returns 1 (a hit; *digest set) or 0 (a miss; *digest
 * is 0). Counted as a lookup. For runs that may not need the summary at
 * all (a result entry, see result.h, or a --shard run). */
int cl_cache_probe(cl_cache *c, const char *file, char *const *args, size_t nargs,
                   uint64_t *digest);

/* The summary of an entry cl_cache_probe found valid (`probed_hit`) or
 * this run stored, checked and read again (it may have changed or be
 * corrupt since), with its digest in *digest; NULL (and *digest 0) when
 * that fails, which turns a probe's hit into a miss in the counts. Owned
 * by the caller. */
cl_tu *cl_cache_load(cl_cache *c, const char *file, char *const *args, size_t nargs,
                     uint64_t *digest, int probed_hit);

/* Stores `tu` (borrowed) for `file` + `args`: `bytes` (may be NULL: then
 * `tu` is serialized here) is its serialized form (summary_io.h) when the
 * caller has it, from the same summary. Returns 1 when the entry
 * was written, 0 when not: summaries that did not parse or have no include
 * list are not cached, and write errors only count in write_failures (a
 * cache that cannot be written only costs speed). *digest receives the digest of the serialized
 * summary whenever it is cacheable, written or not; else 0. */
int cl_cache_store(cl_cache *c, const char *file, char *const *args, size_t nargs,
                   const cl_tu *tu, const cl_strbuf *bytes, uint64_t *digest);

/* The bytes of the result entry `key` (malloc'ed, length in *len), or NULL
 * when there is none. The caller validates them: they may be corrupt. */
unsigned char *cl_cache_result_get(cl_cache *c, uint64_t key, size_t *len);

/* Files `len` bytes under `key`, atomically; errors only count in
 * write_failures. */
void cl_cache_result_put(cl_cache *c, uint64_t key, const char *bytes, size_t len);

void cl_cache_close(cl_cache *c);

/* The default cache directory: $XDG_CACHE_HOME/conc-lint, else
 * $HOME/.cache/conc-lint, else NULL. malloc'ed. */
char *cl_cache_default_dir(void);

#endif
