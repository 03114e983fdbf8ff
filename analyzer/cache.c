/* cache.c - see cache.h.
 *
 * Entry layout: "CLCACHE2" (8 bytes), u32 n, n x (u32 path length, path
 * bytes, u64 hash), then a serialized summary. A path ending in '/' is a
 * directory and its hash is that of its sorted listing; other paths are
 * files hashed by content. Integers are little-endian.
 */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontend.h"
#include "summary_io.h"

static const char ENTRY_MAGIC[8] = { 'C', 'L', 'C', 'A', 'C', 'H', 'E', '2' };
enum { MAX_ENTRY_BYTES = 256 << 20 };

static uint64_t fnv_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Reads a whole regular file into a malloc'ed buffer; NULL on error. */
static unsigned char *slurp(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
        fclose(f);
        return NULL;
    }
    size_t n = (size_t)st.st_size;
    unsigned char *buf = cl_xmalloc(n + 1);
    size_t got = fread(buf, 1, n, f);
    fclose(f);
    if (got != n) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Hash of the sorted entry names of directory `dir` (1 when it does not
 * exist): a header added to or removed from an include directory changes
 * which file an #include finds, without changing any file that was read. */
static uint64_t dir_hash(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return 1;
    struct { char **v; size_t n, cap; } names = { NULL, 0, 0 };
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        CL_VEC_PUSH(&names, cl_xstrdup(de->d_name));
    closedir(d);
    if (names.n > 1)
        qsort(names.v, names.n, sizeof *names.v, cmp_name);
    uint64_t h = fnv_bytes(1469598103934665603ull, "dir", 3);
    for (size_t i = 0; i < names.n; i++) {
        h = fnv_bytes(h, names.v[i], strlen(names.v[i]) + 1);
        free(names.v[i]);
    }
    free(names.v);
    return h | 2;
}

/* Content hash of `path` (0 when unreadable), memoized for this run. A path
 * ending in '/' names a directory: the hash of its listing (dir_hash). */
static uint64_t file_hash(cl_cache *c, const char *path)
{
    size_t idx;
    pthread_mutex_lock(&c->lock);
    int known = cl_strmap_get(&c->file_hash, path, &idx);
    uint64_t h = known ? c->hashes.v[idx] : 0;
    pthread_mutex_unlock(&c->lock);
    if (known)
        return h;
    size_t plen = strlen(path);
    if (plen > 1 && path[plen - 1] == '/') {
        char *dir = cl_xstrdup(path);
        dir[plen - 1] = '\0';
        h = dir_hash(dir);
        free(dir);
    } else {
        size_t len = 0;
        unsigned char *buf = slurp(path, (size_t)1 << 30, &len);
        h = buf ? fnv_bytes(1469598103934665603ull, buf, len) | 1 : 0;
        free(buf);
    }
    pthread_mutex_lock(&c->lock);
    if (!cl_strmap_get(&c->file_hash, path, NULL)) {
        CL_VEC_PUSH(&c->hashes, h);
        cl_strmap_put(&c->file_hash, cl_arena_strdup(&c->arena, path), c->hashes.n - 1);
    }
    pthread_mutex_unlock(&c->lock);
    return h;
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

int cl_cache_open(cl_cache *c, const char *dir, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (mkdirs(dir) != 0) {
        snprintf(err, errlen, "cannot create the cache directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errlen, "cannot use the cache directory '%s': not a writable directory", dir);
        return -1;
    }
    c->dir = cl_xstrdup(dir);
    pthread_mutex_init(&c->lock, NULL);
    /* Any rebuild of the analyzer changes this, so old entries are never
     * trusted by a new build. */
    size_t len = 0;
    unsigned char *self = slurp("/proc/self/exe", (size_t)1 << 30, &len);
    c->build_id = self ? fnv_bytes(1469598103934665603ull, self, len)
                       : fnv_bytes(1469598103934665603ull, CL_VERSION, strlen(CL_VERSION));
    free(self);
    return 0;
}

void cl_cache_close(cl_cache *c)
{
    if (c->dir == NULL)
        return;
    pthread_mutex_destroy(&c->lock);
    cl_strmap_release(&c->file_hash);
    free(c->hashes.v);
    cl_arena_release(&c->arena);
    free(c->dir);
    memset(c, 0, sizeof *c);
}

static char *entry_path(const cl_cache *c, const char *file, char *const *args, size_t nargs)
{
    uint64_t h = fnv_bytes(1469598103934665603ull, &c->build_id, sizeof c->build_id);
    unsigned fmt = CL_SUMMARY_FORMAT;
    h = fnv_bytes(h, &fmt, sizeof fmt);
    const char *rd = cl_frontend_resource_dir();
    h = fnv_bytes(h, rd, strlen(rd) + 1);
    h = fnv_bytes(h, file, strlen(file) + 1);
    for (size_t i = 0; i < nargs; i++)
        h = fnv_bytes(h, args[i], strlen(args[i]) + 1);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "%s/%016llx.clsum", c->dir, (unsigned long long)h);
    return b.s;
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

cl_tu *cl_cache_lookup(cl_cache *c, const char *file, char *const *args, size_t nargs)
{
    char *path = entry_path(c, file, args, nargs);
    size_t len = 0;
    unsigned char *buf = slurp(path, MAX_ENTRY_BYTES, &len);
    free(path);
    cl_tu *tu = NULL;
    if (buf == NULL || len < 12 || memcmp(buf, ENTRY_MAGIC, 8) != 0)
        goto out;
    size_t off = 8;
    uint32_t nfiles = rd32(buf + off);
    off += 4;
    for (uint32_t i = 0; i < nfiles; i++) {
        if (len - off < 4)
            goto out;
        uint32_t plen = rd32(buf + off);
        off += 4;
        if (len - off < (size_t)plen + 8)
            goto out;
        char *p = cl_xmalloc((size_t)plen + 1);
        memcpy(p, buf + off, plen);
        p[plen] = '\0';
        off += plen;
        uint64_t want = rd64(buf + off);
        off += 8;
        int same = file_hash(c, p) == want;
        free(p);
        if (!same)
            goto out; /* the file changed: a miss */
    }
    tu = cl_summary_read(buf + off, len - off, NULL);
out:
    free(buf);
    pthread_mutex_lock(&c->lock);
    if (tu != NULL)
        c->hits++;
    else
        c->misses++;
    pthread_mutex_unlock(&c->lock);
    return tu;
}

static void put32(cl_strbuf *b, uint32_t v)
{
    unsigned char x[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24) };
    cl_strbuf_addn(b, (const char *)x, 4);
}

/* Adds `path` to the list unless it is there. */
static void add_unique(cl_strvec *v, const char *path)
{
    for (size_t i = 0; i < v->n; i++)
        if (strcmp(v->v[i], path) == 0)
            return;
    cl_strvec_push(v, path);
}

/* What a summary depends on besides its arguments: every file the TU read,
 * and the listing of every directory an #include may have searched (the
 * directories of those files, the -I/-iquote/-isystem/-idirafter
 * directories and /usr/local/include), each given with a trailing '/'. */
static void dependencies(const cl_tu *tu, char *const *args, size_t nargs, cl_strvec *out)
{
    static const char *const dir_opts[] = { "-I", "-iquote", "-isystem", "-idirafter" };
    for (size_t i = 0; i < tu->nincludes; i++)
        add_unique(out, tu->includes[i]);
    cl_strbuf d = { NULL, 0, 0 };
    for (size_t i = 0; i < tu->nincludes; i++) {
        const char *slash = strrchr(tu->includes[i], '/');
        if (slash == NULL)
            continue;
        d.len = 0;
        cl_strbuf_addn(&d, tu->includes[i], (size_t)(slash - tu->includes[i]) + 1);
        add_unique(out, cl_strbuf_str(&d));
    }
    for (size_t i = 0; i < nargs; i++) {
        for (size_t k = 0; k < sizeof dir_opts / sizeof dir_opts[0]; k++) {
            size_t n = strlen(dir_opts[k]);
            const char *dir = NULL;
            if (strcmp(args[i], dir_opts[k]) == 0 && i + 1 < nargs)
                dir = args[i + 1];
            else if (strncmp(args[i], dir_opts[k], n) == 0 && args[i][n] != '\0' && args[i][n] != '-')
                dir = args[i] + n;
            if (dir != NULL) {
                /* Relative directories are searched from the working
                 * directory (the parser's), as libclang does. */
                d.len = 0;
                if (dir[0] != '/') {
                    char cwd[4096];
                    if (getcwd(cwd, sizeof cwd) == NULL)
                        continue;
                    cl_strbuf_addf(&d, "%s/", cwd);
                }
                cl_strbuf_add(&d, dir);
                if (d.len > 1 && d.s[d.len - 1] != '/')
                    cl_strbuf_add(&d, "/");
                add_unique(out, cl_strbuf_str(&d));
            }
        }
    }
    add_unique(out, "/usr/local/include/");
    cl_strbuf_release(&d);
}

void cl_cache_store(cl_cache *c, const char *file, char *const *args, size_t nargs,
                    const cl_tu *tu)
{
    if (!tu->parsed || tu->nincludes == 0)
        return;
    cl_strvec deps = { NULL, 0, 0 };
    dependencies(tu, args, nargs, &deps);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addn(&b, ENTRY_MAGIC, 8);
    put32(&b, (uint32_t)deps.n);
    for (size_t i = 0; i < deps.n; i++) {
        uint64_t h = file_hash(c, deps.v[i]);
        if (h == 0) {
            cl_strbuf_release(&b);
            cl_strvec_release(&deps);
            return; /* an input we cannot read back cannot be validated */
        }
        put32(&b, (uint32_t)strlen(deps.v[i]));
        cl_strbuf_add(&b, deps.v[i]);
        put32(&b, (uint32_t)h);
        put32(&b, (uint32_t)(h >> 32));
    }
    cl_strvec_release(&deps);
    cl_summary_write(tu, &b);
    char *path = entry_path(c, file, args, nargs);
    cl_strbuf tmp = { NULL, 0, 0 };
    cl_strbuf_addf(&tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp.s);
    if (fd >= 0) {
        size_t done = 0;
        while (done < b.len) {
            ssize_t w = write(fd, b.s + done, b.len - done);
            if (w <= 0)
                break;
            done += (size_t)w;
        }
        int closed = close(fd);
        int ok = done == b.len && closed == 0;
        if (!ok || rename(tmp.s, path) != 0)
            unlink(tmp.s);
        else {
            pthread_mutex_lock(&c->lock);
            c->stores++;
            pthread_mutex_unlock(&c->lock);
        }
    }
    cl_strbuf_release(&tmp);
    free(path);
    cl_strbuf_release(&b);
}
