/* cache.c - see cache.h.
 *
 * Entry layout: "CLCACHE3" (8 bytes), u32 n, n x (u32 path length, path
 * bytes, u64 hash, 4 x u64 stat signature), then a serialized summary. A
 * path ending in '/' is a directory and its hash is that of its sorted
 * listing; other paths are files hashed by content. Integers are
 * little-endian (bytes.h).
 *
 * The stat signature (size, mtime, ctime, inode; all zero when not
 * trustworthy) lets a lookup skip re-hashing a dependency, the way make,
 * ninja and git's index trust file metadata. The racy case is the one git
 * describes for its index ("racy git"): a file changed again within the
 * timestamp granularity of the change that was hashed keeps its mtime and
 * ctime. So a signature is recorded only when the file's ctime was at least
 * RACY_NS before it was read; otherwise the file is hashed on every lookup
 * until an entry that uses it is refreshed with a trustworthy signature.
 */
#include "cache/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/bytes.h"
#include "cli/compdb.h"
#include "frontend/frontend.h"
#include "ir/summary_io.h"

static const char ENTRY_MAGIC[8] = { 'C', 'L', 'C', 'A', 'C', 'H', 'E', '3' };
enum { MAX_ENTRY_BYTES = 256 << 20 };
/* Two seconds: coarser than any local file system's timestamps and than
 * the kernel's coarse clock that stamps them. */
static const int64_t RACY_NS = 2000000000;

static int64_t ns_of(struct timespec t)
{
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* The signature of `st`, or all zeros when the object changed less than
 * RACY_NS before `now_ns` (its contents may still change unseen). */
static cl_filesig sig_of(const struct stat *st, int64_t now_ns)
{
    cl_filesig s = { 0, 0, 0, 0 };
    if (ns_of(st->st_ctim) + RACY_NS > now_ns || ns_of(st->st_mtim) + RACY_NS > now_ns)
        return s;
    s.size = (uint64_t)st->st_size;
    s.mtime_ns = (uint64_t)ns_of(st->st_mtim);
    s.ctime_ns = (uint64_t)ns_of(st->st_ctim);
    s.ino = (uint64_t)st->st_ino;
    return s;
}

static int sig_trusted(const cl_filesig *s)
{
    return s->size | s->mtime_ns | s->ctime_ns | s->ino;
}

static int sig_equal(const cl_filesig *a, const cl_filesig *b)
{
    return a->size == b->size && a->mtime_ns == b->mtime_ns && a->ctime_ns == b->ctime_ns &&
           a->ino == b->ino;
}

static int64_t wall_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ns_of(ts);
}

/* cl_read_file_stat for byte buffers: NULL on any error (a FIFO or device
 * in the cache directory reads as an error, never blocks). */
static unsigned char *slurp(const char *path, size_t max, size_t *len, struct stat *st)
{
    char *buf = NULL;
    char why[128];
    if (cl_read_file_stat(path, max, &buf, len, st, why, sizeof why) != 0)
        return NULL;
    return (unsigned char *)buf;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether an #include could name directory entry `name`: header-like
 * names (.h, .hh, .hpp, .hxx, .inc, .def, .c, or no extension), not hidden
 * ones. A report, an object file or an editor's swap file written next to
 * the sources then does not invalidate every TU there. */
static int includable(const char *name)
{
    static const char *const ext[] = { "h", "hh", "hpp", "hxx", "inc", "def", "c" };
    if (name[0] == '.')
        return 0;
    const char *dot = strrchr(name, '.');
    if (dot == NULL)
        return 1;
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
        if (strcmp(dot + 1, ext[i]) == 0)
            return 1;
    return 0;
}

/* Hash of the sorted includable entry names of directory `dir` (1 when it
 * does not exist, with *sig zero): a header added to or removed from an
 * include directory changes which file an #include finds, without changing
 * any file that was read. */
static uint64_t dir_hash(const char *dir, cl_filesig *sig)
{
    memset(sig, 0, sizeof *sig);
    int64_t now = wall_ns();
    DIR *d = opendir(dir);
    if (d == NULL)
        return 1;
    struct stat st;
    if (fstat(dirfd(d), &st) == 0)
        *sig = sig_of(&st, now);
    struct { char **v; size_t n, cap; } names = { NULL, 0, 0 };
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (includable(de->d_name))
            CL_VEC_PUSH(&names, cl_xstrdup(de->d_name));
    closedir(d);
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, cmp_name);
    uint64_t h = cl_fnv1a64(CL_FNV_OFFSET, "dir", 3);
    for (size_t i = 0; i < names.n; i++) {
        h = cl_fnv1a64(h, names.v[i], strlen(names.v[i]) + 1);
        free(names.v[i]);
    }
    free(names.v);
    return h | 2;
}

/* Records what this run knows of `path`: its hash and signature. */
static void remember(cl_cache *c, const char *path, uint64_t hash, const cl_filesig *sig)
{
    pthread_mutex_lock(&c->lock);
    if (!cl_strmap_get(&c->file_hash, path, NULL)) {
        cl_depstate st = { hash, *sig };
        CL_VEC_PUSH(&c->deps, st);
        cl_strmap_put(&c->file_hash, cl_arena_strdup(&c->arena, path), c->deps.n - 1);
    }
    pthread_mutex_unlock(&c->lock);
}

/* This run's memo of `path`, if any. */
static int recall(cl_cache *c, const char *path, cl_depstate *out)
{
    size_t idx;
    pthread_mutex_lock(&c->lock);
    int known = cl_strmap_get(&c->file_hash, path, &idx);
    if (known)
        *out = c->deps.v[idx];
    pthread_mutex_unlock(&c->lock);
    return known;
}

/* Content hash (0 when unreadable) and signature of `path`, memoized for
 * this run. A path ending in '/' names a directory: the hash of its
 * listing (dir_hash). */
static cl_depstate dep_state(cl_cache *c, const char *path)
{
    cl_depstate st;
    if (recall(c, path, &st))
        return st;
    memset(&st, 0, sizeof st);
    size_t plen = strlen(path);
    if (plen > 1 && path[plen - 1] == '/') {
        char *dir = cl_xstrdup(path);
        dir[plen - 1] = '\0';
        st.hash = dir_hash(dir, &st.sig);
        free(dir);
    } else {
        int64_t now = wall_ns();
        size_t len = 0;
        struct stat fs;
        unsigned char *buf = slurp(path, (size_t)1 << 30, &len, &fs);
        if (buf != NULL) {
            st.hash = cl_content_hash(buf, len);
            st.sig = sig_of(&fs, now);
        }
        free(buf);
    }
    remember(c, path, st.hash, &st.sig);
    return st;
}

/* Whether `path` still has content hash `want`. A trustworthy recorded
 * signature equal to the current stat() answers without reading the file.
 * *stale is set when the answer needed a read and the entry could now
 * record a trustworthy signature instead. */
static int dep_unchanged(cl_cache *c, const char *path, uint64_t want, const cl_filesig *recorded,
                         int *stale)
{
    cl_depstate st;
    if (recall(c, path, &st))
        goto compare;
    if (sig_trusted(recorded)) {
        size_t plen = strlen(path);
        struct stat now;
        if (stat(path, &now) == 0 && S_ISDIR(now.st_mode) == (plen > 1 && path[plen - 1] == '/')) {
            cl_filesig cur = sig_of(&now, wall_ns());
            if (sig_equal(&cur, recorded)) {
                remember(c, path, want, recorded);
                return 1;
            }
        }
    }
    st = dep_state(c, path);
compare:
    if (st.hash != want)
        return 0;
    if (!sig_equal(&st.sig, recorded))
        *stale = 1;
    return 1;
}

static int mkdirs(const char *dir)
{
    char *p = cl_xstrdup(dir);
    int rc = 0;
    for (char *s = p + 1; *s && rc == 0; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *s = '/';
    }
    if (rc == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
        rc = -1;
    free(p);
    return rc;
}

char *cl_cache_default_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    cl_strbuf b = { NULL, 0, 0 };
    if (xdg != NULL && xdg[0] == '/')
        cl_strbuf_addf(&b, "%s/conc-lint", xdg);
    else if (getenv("HOME") != NULL && getenv("HOME")[0] == '/')
        cl_strbuf_addf(&b, "%s/.cache/conc-lint", getenv("HOME"));
    return b.s;
}

/* Eviction: an entry not used for EVICT_AGE is removed, by the first run
 * of the day (the mtime of CLEAN_MARK says when the last sweep began). A
 * hit refreshes an entry's mtime once a day (used_now), so mtime tells the
 * last use. Only files named like entries or their temporaries are touched,
 * never through a symlink. */
static const int64_t DAY_NS = 86400LL * 1000000000;
enum { EVICT_DAYS = 30 };
static const char CLEAN_MARK[] = "last-sweep";

/* Whether `name` is an entry ("<16 hex>.clsum" / ".clres") or one's
 * temporary ("<entry>.XXXXXX"). */
static int entry_name(const char *name)
{
    size_t n = strspn(name, "0123456789abcdef");
    if (n != 16 || (strncmp(name + 16, ".clsum", 6) != 0 && strncmp(name + 16, ".clres", 6) != 0))
        return 0;
    return name[22] == '\0' || (name[22] == '.' && strlen(name + 23) == 6);
}

/* Marks the entry at `path` used now, at most once a day. */
static void used_now(const char *path, const struct stat *st)
{
    if (ns_of(st->st_mtim) + DAY_NS < wall_ns())
        utimensat(AT_FDCWD, path, NULL, 0);
}

/* Removes the entries of `dir` unused for EVICT_DAYS days, and temporaries
 * left by crashed runs, if no sweep began in the last day. */
static void sweep(const char *dir)
{
    cl_strbuf p = { NULL, 0, 0 };
    cl_strbuf_addf(&p, "%s/%s", dir, CLEAN_MARK);
    struct stat st;
    int64_t now = wall_ns();
    if (lstat(p.s, &st) == 0 && ns_of(st.st_mtim) + DAY_NS > now) {
        cl_strbuf_release(&p);
        return;
    }
    int fd = open(p.s, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd >= 0) {
        futimens(fd, NULL);
        close(fd);
    }
    DIR *d = opendir(dir);
    struct dirent *de;
    while (d != NULL && (de = readdir(d)) != NULL) {
        if (!entry_name(de->d_name))
            continue;
        p.len = 0;
        cl_strbuf_addf(&p, "%s/%s", dir, de->d_name);
        int temporary = de->d_name[22] == '.';
        int64_t age = temporary ? DAY_NS : EVICT_DAYS * DAY_NS;
        if (lstat(p.s, &st) == 0 && S_ISREG(st.st_mode) && ns_of(st.st_mtim) + age < now)
            unlink(p.s);
    }
    if (d != NULL)
        closedir(d);
    cl_strbuf_release(&p);
}

int cl_cache_open(cl_cache *c, const char *dir, int writable, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (writable && mkdirs(dir) != 0) {
        snprintf(err, errlen, "cannot create the cache directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
        access(dir, writable ? W_OK | X_OK : R_OK | X_OK) != 0) {
        snprintf(err, errlen, writable ? "cannot use the cache directory '%s': not a writable directory"
                                       : "cannot read the summaries in '%s': not a readable directory",
                 dir);
        return -1;
    }
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL) {
        snprintf(err, errlen, "cannot use the cache directory '%s': the working directory is unknown",
                 dir);
        return -1;
    }
    c->cwd = cl_xstrdup(cwd);
    if (writable)
        sweep(dir);
    c->dir = cl_xstrdup(dir);
    c->writable = writable;
    pthread_mutex_init(&c->lock, NULL);
    /* Any rebuild of the analyzer, or another libclang, changes this, so
     * old entries are never trusted by a new build. */
    size_t len = 0;
    unsigned char *self = slurp("/proc/self/exe", (size_t)1 << 30, &len, NULL);
    c->build_id = self ? cl_content_hash(self, len)
                       : cl_fnv1a64(CL_FNV_OFFSET, CL_VERSION, strlen(CL_VERSION));
    free(self);
    const char *lib = cl_frontend_library_id();
    c->build_id = cl_fnv1a64(c->build_id, lib, strlen(lib));
    return 0;
}

void cl_cache_close(cl_cache *c)
{
    if (c->dir == NULL)
        return;
    pthread_mutex_destroy(&c->lock);
    cl_strmap_release(&c->file_hash);
    free(c->deps.v);
    cl_strmap_release(&c->stat_index);
    free(c->stats.v);
    cl_arena_release(&c->arena);
    free(c->dir);
    free(c->cwd);
    memset(c, 0, sizeof *c);
}

/* The path of the entry for `file` + `args`, with `ext` (".clsum"). */
static char *entry_path(const cl_cache *c, const char *file, char *const *args, size_t nargs)
{
    uint64_t h = cl_fnv1a64(CL_FNV_OFFSET, &c->build_id, sizeof c->build_id);
    unsigned fmt = CL_SUMMARY_FORMAT;
    h = cl_fnv1a64(h, &fmt, sizeof fmt);
    const char *rd = cl_frontend_resource_dir();
    h = cl_fnv1a64(h, rd, strlen(rd) + 1);
    h = cl_fnv1a64(h, file, strlen(file) + 1);
    for (size_t i = 0; i < nargs; i++)
        h = cl_fnv1a64(h, args[i], strlen(args[i]) + 1);
    /* The parser resolves relative paths in the arguments against the
     * working directory, and reads these variables. */
    h = cl_fnv1a64(h, c->cwd, strlen(c->cwd) + 1);
    static const char *const env[] = { "CPATH", "C_INCLUDE_PATH", "CCC_OVERRIDE_OPTIONS" };
    for (size_t i = 0; i < sizeof env / sizeof env[0]; i++) {
        const char *v = getenv(env[i]);
        h = cl_fnv1a64(h, v ? v : "", v ? strlen(v) + 1 : 0);
        h = cl_fnv1a64(h, "|", 1);
    }
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "%s/%016llx.clsum", c->dir, (unsigned long long)h);
    return b.s;
}

/* Writes `len` bytes to `path` through a temporary file in the same
 * directory and rename(): readers see the old entry or the new one, never a
 * part, whatever stops the write (a full disk, a file-size limit: the
 * driver ignores SIGXFSZ, so write() fails with EFBIG; SIGKILL leaves at
 * most a temporary, which sweep() removes). Returns 0, or -1 with errno
 * set (nothing changed, the temporary removed). */
static int write_atomically(const char *path, const char *bytes, size_t len)
{
    cl_strbuf tmp = { NULL, 0, 0 };
    cl_strbuf_addf(&tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp.s);
    int rc = -1, e = 0;
    if (fd < 0) {
        e = errno;
    } else {
        size_t done = 0;
        while (done < len) {
            ssize_t w = write(fd, bytes + done, len - done);
            if (w <= 0) {
                e = w < 0 ? errno : EIO;
                break;
            }
            done += (size_t)w;
        }
        if (close(fd) != 0 && e == 0)
            e = errno;
        if (e == 0 && rename(tmp.s, path) == 0)
            rc = 0;
        else {
            if (e == 0)
                e = errno;
            unlink(tmp.s);
        }
    }
    cl_strbuf_release(&tmp);
    if (rc != 0)
        errno = e;
    return rc;
}

/* write_atomically into the cache: nothing in a cache opened read-only;
 * a failure is counted (cl_cache.write_failures). Returns 0 or -1. */
static int put_entry(cl_cache *c, const char *path, const char *bytes, size_t len)
{
    if (!c->writable)
        return -1;
    if (write_atomically(path, bytes, len) == 0)
        return 0;
    int e = errno;
    pthread_mutex_lock(&c->lock);
    if (c->write_failures++ == 0)
        c->write_errno = e;
    pthread_mutex_unlock(&c->lock);
    return -1;
}

/* stat() of `path` as this run first saw it: 0, or -1 when there was no
 * such file. A signature taken from it may be older than the file's
 * contents, never newer, so the entry it goes into can only be found
 * stale later (and the file hashed again), not trusted wrongly; whether it
 * changed during a parse is still judged from its times (sig_of). One
 * stat() per file per run instead of one per file per TU. */
static int stat_once(cl_cache *c, const char *path, struct stat *out)
{
    size_t idx = 0;
    memset(out, 0, sizeof *out);
    pthread_mutex_lock(&c->lock);
    int known = cl_strmap_get(&c->stat_index, path, &idx);
    if (known && idx > 0)
        *out = c->stats.v[idx - 1];
    pthread_mutex_unlock(&c->lock);
    if (known)
        return idx > 0 ? 0 : -1;
    struct stat st;
    int rc = stat(path, &st);
    pthread_mutex_lock(&c->lock);
    if (!cl_strmap_get(&c->stat_index, path, NULL)) {
        if (rc == 0)
            CL_VEC_PUSH(&c->stats, st);
        cl_strmap_put(&c->stat_index, cl_arena_strdup(&c->arena, path),
                      rc == 0 ? c->stats.n : 0);
    }
    pthread_mutex_unlock(&c->lock);
    if (rc == 0)
        *out = st;
    return rc == 0 ? 0 : -1;
}

/* Timestamps come from the kernel's coarse clock, up to a tick behind the
 * true time: a change during a parse can carry a stamp this much earlier
 * than the parse's start. */
static const int64_t CLOCK_SLACK_NS = 20000000;

/* The hash and signature to record for dependency `i` of a summary just
 * parsed from `tu`: a file is recorded with the hash of the very buffer
 * the parser read, and with a signature only if it had not changed for
 * RACY_NS before the parse started; a directory (or a file whose buffer
 * is unknown) with its state now, which is what the parser saw only if it
 * did not change since the parse started: -1 otherwise. */
static int parsed_state(cl_cache *c, const cl_tu *tu, const char *path, size_t i,
                        cl_depstate *out)
{
    struct stat now;
    if (stat_once(c, path, &now) != 0) {
        if (i < tu->nincludes)
            return -1; /* a file the parser read is gone */
        *out = dep_state(c, path); /* a directory that does not exist */
        return 0;
    }
    if (i < tu->nincludes && tu->include_hashes != NULL && tu->include_hashes[i] != 0) {
        out->hash = tu->include_hashes[i];
        out->sig = sig_of(&now, tu->parse_started_ns);
        return 0;
    }
    int64_t changed = ns_of(now.st_mtim) > ns_of(now.st_ctim) ? ns_of(now.st_mtim)
                                                               : ns_of(now.st_ctim);
    if (changed + CLOCK_SLACK_NS >= tu->parse_started_ns)
        return -1;
    *out = dep_state(c, path);
    return 0;
}

/* Appends an entry header for the dependencies `deps`: with `tu` (a
 * summary this run parsed; deps[i] is its include i for i < nincludes) as
 * parsed_state says, else with this run's hash and signature of each.
 * Returns -1 when one cannot be recorded (an input that cannot be
 * validated must not be cached). */
static int put_header(cl_cache *c, char *const *deps, size_t ndeps, const cl_tu *tu, cl_strbuf *b)
{
    cl_strbuf_addn(b, ENTRY_MAGIC, 8);
    cl_put_u32(b, (uint32_t)ndeps);
    for (size_t i = 0; i < ndeps; i++) {
        cl_depstate st;
        if (tu != NULL) {
            if (parsed_state(c, tu, deps[i], i, &st) != 0)
                return -1;
        } else {
            st = dep_state(c, deps[i]);
        }
        if (st.hash == 0)
            return -1;
        cl_put_str(b, deps[i]);
        cl_put_u64(b, st.hash);
        cl_put_u64(b, st.sig.size);
        cl_put_u64(b, st.sig.mtime_ns);
        cl_put_u64(b, st.sig.ctime_ns);
        cl_put_u64(b, st.sig.ino);
    }
    return 0;
}

static void count(cl_cache *c, size_t *counter)
{
    pthread_mutex_lock(&c->lock);
    (*counter)++;
    pthread_mutex_unlock(&c->lock);
}

/* The entry for `file` + `args` checked against the files it depends on:
 * 1 when it is valid, with *digest set and, when `tu` is not NULL, the
 * summary read into *tu (a summary that does not read back makes it
 * invalid); 0 otherwise. */
static int lookup(cl_cache *c, const char *file, char *const *args, size_t nargs,
                  uint64_t *digest, cl_tu **tu)
{
    char *path = entry_path(c, file, args, nargs);
    size_t len = 0;
    struct stat est;
    unsigned char *buf = slurp(path, MAX_ENTRY_BYTES, &len, &est);
    int hit = 0;
    cl_arena scratch = { NULL };
    cl_strvec deps = { NULL, 0, 0 };
    int stale = 0;
    if (buf == NULL || len < 12 || memcmp(buf, ENTRY_MAGIC, 8) != 0)
        goto out;
    cl_reader r = { buf + 8, buf + len, 0 };
    size_t ndeps = cl_get_count(&r, 44);
    for (size_t i = 0; i < ndeps && !r.bad; i++) {
        const char *p = cl_get_str(&r, &scratch);
        uint64_t want = cl_get_u64(&r);
        cl_filesig sig;
        sig.size = cl_get_u64(&r);
        sig.mtime_ns = cl_get_u64(&r);
        sig.ctime_ns = cl_get_u64(&r);
        sig.ino = cl_get_u64(&r);
        if (r.bad || p == NULL || !dep_unchanged(c, p, want, &sig, &stale))
            goto out; /* corrupt, or a dependency changed: a miss */
        cl_strvec_push(&deps, p);
    }
    if (r.bad)
        goto out;
    size_t off = (size_t)(r.p - buf);
    *digest = cl_summary_digest(buf + off, len - off);
    if (tu != NULL)
        *tu = cl_summary_read(buf + off, len - off, NULL);
    hit = *digest != 0 && (tu == NULL || *tu != NULL);
    if (hit && !stale)
        used_now(path, &est);
    if (hit && stale) {
        /* Same contents, newer metadata: record the signatures now known so
         * the next lookup need not read the files again. */
        cl_strbuf b = { NULL, 0, 0 };
        if (put_header(c, deps.v, deps.n, NULL, &b) == 0) {
            cl_strbuf_addn(&b, (const char *)buf + off, len - off);
            put_entry(c, path, b.s, b.len);
        }
        cl_strbuf_release(&b);
    }
out:
    free(path);
    free(buf);
    cl_strvec_release(&deps);
    cl_arena_release(&scratch);
    if (!hit)
        *digest = 0;
    return hit;
}

cl_tu *cl_cache_lookup(cl_cache *c, const char *file, char *const *args, size_t nargs,
                       uint64_t *digest)
{
    cl_tu *tu = NULL;
    uint64_t d;
    int hit = lookup(c, file, args, nargs, &d, &tu);
    count(c, hit ? &c->hits : &c->misses);
    if (digest != NULL)
        *digest = d;
    return tu;
}

int cl_cache_probe(cl_cache *c, const char *file, char *const *args, size_t nargs,
                   uint64_t *digest)
{
    int hit = lookup(c, file, args, nargs, digest, NULL);
    count(c, hit ? &c->hits : &c->misses);
    return hit;
}

cl_tu *cl_cache_load(cl_cache *c, const char *file, char *const *args, size_t nargs,
                     uint64_t *digest, int probed_hit)
{
    cl_tu *tu = NULL;
    if (!lookup(c, file, args, nargs, digest, &tu) && probed_hit) {
        pthread_mutex_lock(&c->lock);
        c->hits--;
        c->misses++;
        pthread_mutex_unlock(&c->lock);
    }
    return tu;
}

/* A list of paths without duplicates. */
typedef struct depset {
    cl_strvec v;
    cl_strmap seen;   /* keys borrowed from v */
} depset;

static void depset_add(depset *d, const char *path)
{
    if (cl_strmap_get(&d->seen, path, NULL))
        return;
    cl_strvec_push(&d->v, path);
    cl_strmap_put(&d->seen, d->v.v[d->v.n - 1], 1);
}

/* Adds directory `dir` (relative ones are taken against the working
 * directory, where the parser runs) with a trailing '/' to `d` and, unless
 * it is there already, to `dirs` (a TU's includes name the multiarch
 * directory a hundred times; `dirs` is walked once per include and
 * directory). */
static void add_search_dir(depset *d, cl_strvec *dirs, const char *dir)
{
    if (dir[0] == '\0')
        return;
    char *abs = cl_path_normalize(dir, NULL);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, abs);
    if (b.len == 0 || b.s[b.len - 1] != '/')
        cl_strbuf_add(&b, "/");
    depset_add(d, b.s);
    size_t i = 0;
    while (i < dirs->n && strcmp(dirs->v[i], b.s) != 0)
        i++;
    if (i == dirs->n)
        cl_strvec_push(dirs, b.s);
    cl_strbuf_release(&b);
    free(abs);
}

/* What a summary depends on besides its arguments: every file the TU read
 * (by the name it was opened by), and the listing of every directory an
 * #include may have searched, each given with a trailing '/': the
 * directories of those files, the search directories of the arguments and
 * of $CPATH / $C_INCLUDE_PATH, /usr/local/include, and for a file found in
 * a subdirectory of a search directory ("sub/x.h" under -Iinc), that
 * subdirectory of every search directory (a header added there would
 * shadow it). */
static void dependencies(const cl_tu *tu, char *const *args, size_t nargs, cl_strvec *out)
{
    depset d;
    memset(&d, 0, sizeof d);
    for (size_t i = 0; i < tu->nincludes; i++)
        depset_add(&d, tu->includes[i]);
    cl_strbuf b = { NULL, 0, 0 };
    for (size_t i = 0; i < tu->nincludes; i++) {
        const char *slash = strrchr(tu->includes[i], '/');
        if (slash == NULL)
            continue;
        b.len = 0;
        cl_strbuf_addn(&b, tu->includes[i], (size_t)(slash - tu->includes[i]) + 1);
        depset_add(&d, cl_strbuf_str(&b));
    }
    cl_strvec search = { NULL, 0, 0 };
    if (tu->nincludes > 0) {
        const char *slash = strrchr(tu->includes[0], '/'); /* the main file's directory */
        if (slash != NULL) {
            b.len = 0;
            cl_strbuf_addn(&b, tu->includes[0], (size_t)(slash - tu->includes[0]) + 1);
            add_search_dir(&d, &search, cl_strbuf_str(&b));
        }
    }
    for (size_t i = 0; i < nargs; i++) {
        const char *dir = cl_compdb_dir_option(args, nargs, &i);
        if (dir != NULL)
            add_search_dir(&d, &search, dir);
    }
    static const char *const env_paths[] = { "CPATH", "C_INCLUDE_PATH" };
    for (size_t k = 0; k < sizeof env_paths / sizeof env_paths[0]; k++) {
        const char *v = getenv(env_paths[k]);
        while (v != NULL && *v != '\0') {
            size_t n = strcspn(v, ":");
            b.len = 0;
            cl_strbuf_addn(&b, v, n);
            add_search_dir(&d, &search, cl_strbuf_str(&b));
            v += n + (v[n] == ':');
        }
    }
    /* The default system directories: clang's own headers, /usr/local,
     * the multiarch directory (/usr/include/x86_64-linux-gnu) and /usr. */
    b.len = 0;
    cl_strbuf_addf(&b, "%s/include", cl_frontend_resource_dir());
    add_search_dir(&d, &search, cl_strbuf_str(&b));
    add_search_dir(&d, &search, "/usr/local/include");
    for (size_t i = 0; i < tu->nincludes; i++) {
        const char *f = tu->includes[i];
        if (strncmp(f, "/usr/include/", 13) != 0)
            continue;
        size_t n = strcspn(f + 13, "/");
        b.len = 0;
        cl_strbuf_addn(&b, f, 13 + n);
        if (f[13 + n] == '/' && strstr(cl_strbuf_str(&b) + 13, "-linux-") != NULL)
            add_search_dir(&d, &search, cl_strbuf_str(&b));
    }
    add_search_dir(&d, &search, "/usr/include");
    for (size_t i = 0; i < tu->nincludes; i++) {
        const char *f = tu->includes[i];
        const char *slash = strrchr(f, '/');
        for (size_t s = 0; s < search.n && slash != NULL; s++) {
            size_t n = strlen(search.v[s]);
            if (strncmp(f, search.v[s], n) != 0 || f + n > slash)
                continue; /* not under this search directory, or directly in it */
            for (size_t t = 0; t < search.n; t++) {
                b.len = 0;
                cl_strbuf_add(&b, search.v[t]);
                cl_strbuf_addn(&b, f + n, (size_t)(slash - (f + n)) + 1);
                depset_add(&d, cl_strbuf_str(&b));
            }
        }
    }
    cl_strbuf_release(&b);
    cl_strvec_release(&search);
    cl_strmap_release(&d.seen);
    *out = d.v;
}

int cl_cache_store(cl_cache *c, const char *file, char *const *args, size_t nargs,
                   const cl_tu *tu, const cl_strbuf *bytes, uint64_t *digest)
{
    *digest = 0;
    if (!tu->parsed || tu->nincludes == 0)
        return 0;
    cl_strvec deps = { NULL, 0, 0 };
    dependencies(tu, args, nargs, &deps);
    cl_strbuf b = { NULL, 0, 0 };
    int ok = put_header(c, deps.v, deps.n, tu, &b) == 0;
    cl_strvec_release(&deps);
    size_t off = b.len;
    if (bytes != NULL)
        cl_strbuf_addn(&b, bytes->s, bytes->len);
    else
        cl_summary_write(tu, &b);
    *digest = cl_summary_digest((const unsigned char *)b.s + off, b.len - off);
    char *path = entry_path(c, file, args, nargs);
    ok = ok && put_entry(c, path, b.s, b.len) == 0;
    if (ok)
        count(c, &c->stores);
    free(path);
    cl_strbuf_release(&b);
    return ok;
}

/* The path of the result entry for `key`. */
static char *result_path(const cl_cache *c, uint64_t key)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "%s/%016llx.clres", c->dir, (unsigned long long)key);
    return b.s;
}

unsigned char *cl_cache_result_get(cl_cache *c, uint64_t key, size_t *len)
{
    char *path = result_path(c, key);
    struct stat st;
    unsigned char *buf = slurp(path, MAX_ENTRY_BYTES, len, &st);
    if (buf != NULL)
        used_now(path, &st);
    free(path);
    return buf;
}

void cl_cache_result_put(cl_cache *c, uint64_t key, const char *bytes, size_t len)
{
    char *path = result_path(c, key);
    put_entry(c, path, bytes, len);
    free(path);
}
