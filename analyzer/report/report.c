/* report.c - format dispatch, output files (atomic for regular files,
 * direct for devices and pipes) and their pre-flight check, fingerprints,
 * and the helpers the writers share (paths, URIs, UTF-8, UTF-16 columns,
 * source lines). See report.h.
 */
/* realpath() and S_ISSOCK are XSI; the build defines only _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "report/report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cJSON.h>

#include "report/report_github.h"
#include "rule.h"

/* Longest symlink chain followed when resolving a dangling `-o` link (the
 * Linux kernel's limit, MAXSYMLINKS). */
enum { SYMLINK_MAX = 40 };

int cl_report_write(FILE *out, cl_format format, const cl_report *r)
{
    switch (format) {
    case CL_FMT_TEXT:
        return cl_report_write_text(out, r);
    case CL_FMT_SARIF:
        return cl_report_write_sarif(out, r);
    case CL_FMT_SARIF_UPLOAD:
        return cl_report_write_sarif_upload(out, r);
    case CL_FMT_HTML:
        return cl_report_write_html(out, r);
    case CL_FMT_JSON:
        return cl_report_write_json(out, r);
    case CL_FMT_GITHUB:
        return cl_report_write_github(out, r);
    }
    errno = EINVAL;
    return -1;
}

/* The directory part of `path` ("." when it has none). Caller frees. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL)
        return cl_xstrdup(".");
    if (slash == path)
        return cl_xstrdup("/");
    size_t n = (size_t)(slash - path);
    char *d = cl_xmalloc(n + 1);
    memcpy(d, path, n);
    d[n] = '\0';
    return d;
}

/* Mode for a new output file: 0666 minus the umask, like fopen(path, "w").
 * umask() can only be read by setting it; the report is written once the
 * analysis threads have finished, so the brief change is not observable. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

/* Where `-o path` really writes. The result of resolve_target(). */
typedef struct out_target {
    char *path;     /* the file to write: `path`, or what its symlink resolves to */
    int exists;     /* `st` is valid */
    int unresolved; /* `path` is a symlink realpath() could not resolve
                     * although it leads somewhere (/dev/stdout on a pipe,
                     * /proc/self/fd/N): write through it, never replace it */
    struct stat st; /* stat() of `path` (symlinks followed) when it exists */
} out_target;

/* `target` read from the symlink `link` made usable: relative link
 * contents are relative to the link's directory. Caller frees. */
static char *link_target(const char *link, const char *target)
{
    if (target[0] == '/')
        return cl_xstrdup(target);
    char *dir = dir_of(link);
    cl_strbuf b = {0};
    cl_strbuf_addf(&b, "%s/%s", dir, target);
    free(dir);
    return b.s;
}

/* Resolves the `-o` argument `path` into `t` (see cl_report_write_file):
 * a path that is not a symlink is used as it is; a symlink is resolved with
 * realpath(); one that realpath() cannot name but stat() can follow (the
 * kernel's magic links: /dev/stdout -> /proc/self/fd/1 -> "pipe:[123]") is
 * kept as it is and marked unresolved; a dangling one is followed with
 * readlink() to the name that does not exist yet (at most SYMLINK_MAX
 * links, then ELOOP). Returns 0 (t->path caller-freed) or -1 with errno
 * set (t->path NULL). */
static int resolve_target(const char *path, out_target *t)
{
    memset(t, 0, sizeof *t);
    struct stat lst;
    if (lstat(path, &lst) != 0) {
        if (errno != ENOENT)
            return -1;
        t->path = cl_xstrdup(path); /* a new file */
        return 0;
    }
    if (!S_ISLNK(lst.st_mode)) {
        t->path = cl_xstrdup(path);
        t->exists = 1;
        t->st = lst;
        return 0;
    }
    char *real = realpath(path, NULL);
    if (real != NULL) {
        t->path = real;
        if (stat(t->path, &t->st) != 0) {
            int saved = errno;
            free(t->path);
            t->path = NULL;
            errno = saved;
            return -1;
        }
        t->exists = 1;
        return 0;
    }
    int e = errno;
    if (stat(path, &t->st) == 0) {
        t->path = cl_xstrdup(path);
        t->exists = 1;
        t->unresolved = 1;
        return 0;
    }
    if (e != ENOENT) {
        errno = e;
        return -1;
    }
    /* Dangling: follow the chain by hand to the missing name. */
    char *cur = cl_xstrdup(path);
    for (int i = 0; i < SYMLINK_MAX; i++) {
        if (lstat(cur, &lst) != 0) {
            if (errno != ENOENT)
                break;
            t->path = cur; /* the missing file the chain ends in */
            return 0;
        }
        if (!S_ISLNK(lst.st_mode)) {
            /* it appeared meanwhile: use it as found */
            t->path = cur;
            if (stat(cur, &t->st) == 0)
                t->exists = 1;
            return 0;
        }
        char buf[4096];
        ssize_t n = readlink(cur, buf, sizeof buf - 1);
        if (n < 0)
            break;
        if ((size_t)n >= sizeof buf - 1) {
            errno = ENAMETOOLONG;
            break;
        }
        buf[n] = '\0';
        char *next = link_target(cur, buf);
        free(cur);
        cur = next;
        errno = ELOOP;
    }
    e = errno;
    free(cur);
    errno = e;
    return -1;
}

/* Writes the report straight into the existing file `path`: no temporary,
 * no rename, no fsync (a character device or pipe has nothing to sync).
 * Truncates only with `trunc` (a regular file reached through a link
 * realpath() cannot resolve); a device, FIFO or socket is never truncated. */
static int write_direct(const char *path, int trunc, cl_format format, const cl_report *r)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (trunc ? O_TRUNC : 0));
    if (fd < 0)
        return -1;
    FILE *fp = fdopen(fd, "w");
    if (fp == NULL) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    errno = 0;
    int rc = cl_report_write(fp, format, r) != 0 || fflush(fp) != 0 || ferror(fp) ? -1 : 0;
    int e = errno ? errno : EIO;
    if (fclose(fp) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc != 0)
        errno = e;
    return rc;
}

/* Writes the report to the regular (or new) file `path` atomically. The
 * temporary is "<dir>/.<name>.XXXXXX" so rename() never crosses a file
 * system. `old` is the existing file's stat, or NULL for a new file: its
 * permission bits are kept, and its owner when we may set it (root writing
 * over a user's log). After the rename the directory is fsync'ed (best
 * effort) so the new name survives a crash too. */
static int write_atomic(const char *path, const struct stat *old, cl_format format,
                        const cl_report *r)
{
    char *dir = dir_of(path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    cl_strbuf tmp = {0};
    cl_strbuf_addf(&tmp, "%s/.%s.XXXXXX", dir, base);

    int saved = 0, ret = -1;
    FILE *fp = NULL;
    int fd = mkstemp(tmp.s);
    if (fd < 0) {
        saved = errno;
        goto out;
    }
    if (old != NULL && (old->st_uid != geteuid() || old->st_gid != getegid())) {
        if (fchown(fd, old->st_uid, old->st_gid) != 0) {
            /* best effort: only root may give a file away */
        }
    }
    mode_t mode = old != NULL ? (old->st_mode & 07777) : new_file_mode();
    if (fchmod(fd, mode) != 0)
        goto fail;
    fp = fdopen(fd, "w");
    if (fp == NULL)
        goto fail;
    fd = -1; /* owned by fp now */
    errno = 0;
    if (cl_report_write(fp, format, r) != 0 || fflush(fp) != 0 || ferror(fp))
        goto fail;
    if (fsync(fileno(fp)) != 0)
        goto fail;
    int rc = fclose(fp);
    fp = NULL;
    if (rc != 0)
        goto fail;
    if (rename(tmp.s, path) != 0)
        goto fail;
    int dfd = open(dir, O_RDONLY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    ret = 0;
    goto out;

fail:
    saved = errno ? errno : EIO;
    if (fp != NULL)
        fclose(fp);
    if (fd >= 0)
        close(fd);
    unlink(tmp.s);
out:
    cl_strbuf_release(&tmp);
    free(dir);
    if (ret != 0)
        errno = saved;
    return ret;
}

/* 1 when `path` names a directory by its spelling alone ("", "x/"). */
static int ends_in_slash(const char *path)
{
    size_t n = strlen(path);
    return n > 0 && path[n - 1] == '/';
}

/* cl_report_write_file: see report.h. Why not always temp+rename: rename()
 * replaces whatever the name points at, so `-o /dev/null` run as root
 * replaced the device node with a regular file, and a symlinked log became a
 * regular file beside its target. */
int cl_report_write_file(const char *path, cl_format format, const cl_report *r)
{
    if (path == NULL || *path == '\0') {
        errno = EINVAL;
        return -1;
    }
    out_target t;
    if (resolve_target(path, &t) != 0)
        return -1;
    int rc;
    if (t.exists && S_ISDIR(t.st.st_mode)) {
        errno = EISDIR;
        rc = -1;
    } else if (t.exists && (!S_ISREG(t.st.st_mode) || t.unresolved)) {
        rc = write_direct(t.path, S_ISREG(t.st.st_mode), format, r);
    } else if (!t.exists && ends_in_slash(t.path)) {
        errno = EISDIR; /* "new/": cannot be created as a file */
        rc = -1;
    } else {
        rc = write_atomic(t.path, t.exists ? &t.st : NULL, format, r);
    }
    int e = errno;
    free(t.path);
    errno = e;
    return rc;
}

/* Formats "cannot write '<path>': <why>" into err. Returns -1. */
static int check_fail(char *err, size_t errlen, const char *path, const char *why)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "cannot write '%s': %s", path, why);
    return -1;
}

/* The reason for errno `e` in the wording of cl_report_check_output. */
static const char *check_reason(int e)
{
    switch (e) {
    case EACCES:
    case EPERM:
        return "permission denied";
    case ENOENT:
    case ENOTDIR:
        return "no such directory";
    case EROFS:
        return "read-only file system";
    case ELOOP:
        return "too many levels of symbolic links";
    case ENAMETOOLONG:
        return "file name too long";
    case EISDIR:
        return "is a directory";
    default:
        return NULL;
    }
}

const char *cl_report_errno_text(int e, char *buf, size_t len)
{
    const char *why = check_reason(e);
    if (why != NULL)
        return why;
    snprintf(buf, len, "%s", strerror(e));
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return buf;
}

/* check_fail with the reason for errno `e` (cl_report_errno_text). */
static int check_fail_errno(char *err, size_t errlen, const char *path, int e)
{
    char buf[128];
    return check_fail(err, errlen, path, cl_report_errno_text(e, buf, sizeof buf));
}

/* The directory `path` would be created in, checked for existence and
 * write + search permission. Returns 0 or -1 (err set; `shown` is the path
 * the user gave). */
static int check_dir_writable(const char *path, const char *shown, char *err, size_t errlen)
{
    char *dir = dir_of(path);
    struct stat st;
    int rc = 0;
    if (stat(dir, &st) != 0)
        rc = check_fail_errno(err, errlen, shown, errno);
    else if (!S_ISDIR(st.st_mode))
        rc = check_fail(err, errlen, shown, "no such directory");
    else if (access(dir, W_OK | X_OK) != 0)
        rc = check_fail_errno(err, errlen, shown, errno);
    else {
        /* access() says yes to root everywhere (even /proc): try what the
         * writer will do, a temporary file in that directory. */
        cl_strbuf tmp = { NULL, 0, 0 };
        cl_strbuf_addf(&tmp, "%s/.conc-lint-check.XXXXXX", dir);
        int fd = mkstemp(tmp.s);
        if (fd < 0) {
            /* (the directory exists: ENOENT here is a file system that
             * makes no files, /proc, not a missing directory) */
            char why[160];
            snprintf(why, sizeof why, "its directory does not take new files (%s)", strerror(errno));
            rc = check_fail(err, errlen, shown, why);
        } else {
            close(fd);
            unlink(tmp.s);
        }
        cl_strbuf_release(&tmp);
    }
    free(dir);
    return rc;
}

int cl_report_check_output(const char *path, char *err, size_t errlen)
{
    if (err != NULL && errlen > 0)
        err[0] = '\0';
    if (path == NULL || *path == '\0')
        return check_fail(err, errlen, path ? path : "", "empty file name");
    out_target t;
    if (resolve_target(path, &t) != 0)
        return check_fail_errno(err, errlen, path, errno);
    int rc = 0;
    if (!t.exists) {
        if (ends_in_slash(t.path))
            rc = check_fail(err, errlen, path, "is a directory");
        else
            rc = check_dir_writable(t.path, path, err, errlen);
    } else if (S_ISDIR(t.st.st_mode)) {
        rc = check_fail(err, errlen, path, "is a directory");
    } else if (S_ISSOCK(t.st.st_mode)) {
        rc = check_fail(err, errlen, path, "is a socket"); /* open() gives ENXIO */
    } else if (access(t.path, W_OK) != 0) {
        rc = check_fail_errno(err, errlen, path, errno);
    } else if (S_ISREG(t.st.st_mode)) {
        rc = check_dir_writable(t.path, path, err, errlen); /* the temporary goes there */
    }
    free(t.path);
    return rc;
}

/* FNV-1a, 64 bit (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/). */
static uint64_t fnv1a(uint64_t h, const char *s)
{
    if (s != NULL) {
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
            h ^= *p;
            h *= 0x100000001b3ULL;
        }
    }
    /* a 0xff separator: no field can contain it in valid UTF-8, so
     * ("ab","c") and ("a","bc") hash differently */
    h ^= 0xff;
    h *= 0x100000001b3ULL;
    return h;
}

/* cl_report_fingerprint: see report.h. Hashes, in order: the rule id, the
 * file's path relative to `srcroot` (the normalized absolute path when the
 * file is outside it), the function name, and the key (the message when the
 * rule gave no key). Lines, columns and the srcroot itself are left out, so
 * the value survives line shifts and moving the checkout. Writes 16 lower-case
 * hex digits (truncated to len - 1 when `buf` is smaller). */
void cl_report_fingerprint(const cl_finding *f, const char *srcroot, char *buf, size_t len)
{
    if (buf == NULL || len == 0)
        return;
    uint64_t h = 0xcbf29ce484222325ULL;
    char *path = cl_report_relpath(f->loc.file, srcroot);
    if (path == NULL)
        path = cl_report_abspath(f->loc.file);
    h = fnv1a(h, f->rule ? f->rule->id : NULL);
    h = fnv1a(h, path);
    h = fnv1a(h, f->function);
    h = fnv1a(h, f->key ? f->key : f->message);
    free(path);
    char hex[17];
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        hex[i] = digits[h & 0xf];
        h >>= 4;
    }
    hex[16] = '\0';
    size_t n = len - 1 < 16 ? len - 1 : 16;
    memcpy(buf, hex, n);
    buf[n] = '\0';
}

/* Normalizes an absolute path in place: drops "." segments and repeated
 * slashes, resolves ".." lexically (".." at the root stays at the root). */
static void normalize_abs(char *p)
{
    char *out = p; /* write position; p[0] is '/' */
    const char *in = p;
    while (*in) {
        while (*in == '/')
            in++;
        if (*in == '\0')
            break;
        const char *seg = in;
        while (*in && *in != '/')
            in++;
        size_t n = (size_t)(in - seg);
        if (n == 1 && seg[0] == '.')
            continue;
        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            /* back to the slash that starts the last written segment */
            if (out > p)
                out--;
            while (out > p && *out != '/')
                out--;
            continue;
        }
        /* out <= seg - 1 always, so this never overwrites unread input */
        *out++ = '/';
        memmove(out, seg, n);
        out += n;
    }
    if (out == p)
        *out++ = '/';
    *out = '\0';
}

char *cl_report_abspath(const char *file)
{
    if (file == NULL)
        return NULL;
    cl_strbuf b = {0};
    if (file[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) != NULL)
            cl_strbuf_add(&b, cwd);
        cl_strbuf_add(&b, "/");
    }
    cl_strbuf_add(&b, file);
    normalize_abs(b.s);
    return b.s;
}

char *cl_report_relpath(const char *file, const char *srcroot)
{
    if (file == NULL || srcroot == NULL || *srcroot == '\0')
        return NULL;
    char *f = cl_report_abspath(file);
    char *root = cl_report_abspath(srcroot);
    char *rel = NULL;
    size_t n = strlen(root);
    if (n == 1) /* srcroot is "/" */
        n = 0;
    if (strncmp(f, root, n) == 0 && f[n] == '/' && f[n + 1] != '\0')
        rel = cl_xstrdup(f + n + 1);
    free(f);
    free(root);
    return rel;
}

void cl_report_uri_encode(cl_strbuf *b, const char *path)
{
    static const char hexd[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            cl_strbuf_addn(b, (const char *)p, 1);
        } else {
            char esc[3] = {'%', hexd[c >> 4], hexd[c & 0xf]};
            cl_strbuf_addn(b, esc, 3);
        }
    }
}

/* Length of the well-formed UTF-8 sequence at `p` (1 to 4), or 0 when it
 * is ill-formed; then *bad is the length of its maximal subpart (the bytes
 * to replace by one U+FFFD, at least 1). Unicode 15, table 3-7. */
static size_t utf8_seq(const unsigned char *p, size_t *bad)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t need;
    unsigned char lo = 0x80, hi = 0xbf; /* allowed range of the second byte */
    if (c >= 0xc2 && c <= 0xdf) {
        need = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 3;
        if (c == 0xe0)
            lo = 0xa0; /* no overlong forms */
        else if (c == 0xed)
            hi = 0x9f; /* no surrogates D800-DFFF */
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 4;
        if (c == 0xf0)
            lo = 0x90; /* no overlong forms */
        else if (c == 0xf4)
            hi = 0x8f; /* nothing above U+10FFFF */
    } else {
        *bad = 1; /* 80-C1, F5-FF never start a sequence */
        return 0;
    }
    size_t i = 1;
    for (; i < need; i++) {
        unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xbf;
        if (p[i] < lo_i || p[i] > hi_i) /* also stops at the terminating NUL */
            break;
    }
    if (i == need)
        return need;
    *bad = i;
    return 0;
}

char *cl_utf8_sanitize(const char *s)
{
    if (s == NULL)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, n;
    while (*p && (n = utf8_seq(p, &bad)) != 0)
        p += n;
    if (*p == '\0')
        return NULL; /* well-formed */
    cl_strbuf b = {0};
    cl_strbuf_addn(&b, s, (size_t)((const char *)p - s));
    while (*p) {
        n = utf8_seq(p, &bad);
        if (n != 0) {
            cl_strbuf_addn(&b, (const char *)p, n);
            p += n;
        } else {
            cl_strbuf_add(&b, "\xef\xbf\xbd"); /* U+FFFD REPLACEMENT CHARACTER */
            p += bad;
        }
    }
    return b.s;
}

cJSON *cl_report_json_string(const char *s)
{
    char *fixed = cl_utf8_sanitize(s);
    cJSON *item = cJSON_CreateString(fixed != NULL ? fixed : s);
    free(fixed);
    return item;
}

cJSON *cl_report_add_string(cJSON *obj, const char *key, const char *s)
{
    cJSON *item = cl_report_json_string(s);
    cJSON_AddItemToObject(obj, key, item);
    return item;
}

void cl_report_add_coverage(cJSON *obj, const char *key, const cl_thread_coverage *cov)
{
    if (cov == NULL)
        return;
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    cJSON_AddNumberToObject(o, "spawnSites", (double)cov->spawn_sites);
    cJSON_AddNumberToObject(o, "resolvedSpawnSites", (double)cov->resolved_sites);
    cJSON_AddNumberToObject(o, "threads", (double)cov->threads);
    cJSON_AddNumberToObject(o, "truncatedWalks", (double)cov->truncated);
    cJSON_AddNumberToObject(o, "unresolvedIndirectCalls", (double)cov->unresolved_calls);
}

const char *cl_report_baseline_mark_name(cl_baseline_mark m)
{
    switch (m) {
    case CL_BASELINE_MARK_NEW:
        return "new";
    case CL_BASELINE_MARK_UNCHANGED:
        return "unchanged";
    case CL_BASELINE_NONE:
        break;
    }
    return NULL;
}

int cl_report_put_json(FILE *out, struct cJSON *doc)
{
    char *text = cJSON_Print(doc);
    cJSON_Delete(doc);
    if (text == NULL) {
        errno = ENOMEM;
        return -1;
    }
    int rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    cJSON_free(text);
    return rc;
}

const char *cl_report_diag_level_name(cl_diag_level l)
{
    switch (l) {
    case CL_DIAG_ERROR:
        return "error";
    case CL_DIAG_WARNING:
        return "warning";
    case CL_DIAG_NOTE:
        break;
    }
    return "note";
}

enum { SRC_MAX = 64 * 1024 * 1024 };

/* Indexes the line starts of slot `s` (its data is read). */
static void srccache_index(cl_srccache *c, size_t s)
{
    const char *d = c->slot[s].data, *end = d + c->slot[s].len;
    size_t n = 0, cap = 64;
    size_t *starts = cl_xcalloc(cap, sizeof *starts);
    for (const char *p = d; p < end;) {
        if (n == cap)
            starts = cl_xrealloc(starts, (cap *= 2) * sizeof *starts);
        starts[n++] = (size_t)(p - d);
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl != NULL ? nl + 1 : end;
    }
    c->slot[s].starts = starts;
    c->slot[s].nlines = n;
}

/* The slot holding `file`, read and indexed into the least recently used
 * slot if no slot has it. */
static size_t srccache_slot(cl_srccache *c, const char *file)
{
    size_t victim = 0;
    for (size_t i = 0; i < CL_SRCCACHE_FILES; i++) {
        if (c->slot[i].path != NULL && strcmp(c->slot[i].path, file) == 0) {
            c->slot[i].used = ++c->clock;
            return i;
        }
        if (c->slot[i].used < c->slot[victim].used)
            victim = i;
    }
    free(c->slot[victim].path);
    free(c->slot[victim].data);
    free(c->slot[victim].starts);
    c->slot[victim].path = cl_xstrdup(file);
    c->slot[victim].data = NULL;
    c->slot[victim].len = 0;
    c->slot[victim].starts = NULL;
    c->slot[victim].nlines = 0;
    c->slot[victim].used = ++c->clock;
    char why[256]; /* unused: an unreadable source just shows no carets */
    if (cl_read_file(file, SRC_MAX, &c->slot[victim].data, &c->slot[victim].len, why,
                     sizeof why) != 0)
        c->slot[victim].data = NULL;
    else
        srccache_index(c, victim);
    return victim;
}

int cl_srccache_line(cl_srccache *c, const char *file, unsigned long line,
                     const char **text, size_t *len)
{
    if (file == NULL || line == 0)
        return -1;
    size_t s = srccache_slot(c, file);
    if (c->slot[s].data == NULL)
        return -1;
    const char *d = c->slot[s].data, *end = d + c->slot[s].len;
    if (line > c->slot[s].nlines) {
        if (line == 1) { /* an empty file has one empty line */
            *text = d;
            *len = 0;
            return 0;
        }
        return -1;
    }
    const char *p = d + c->slot[s].starts[line - 1];
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (e == NULL)
        e = end;
    if (e > p && e[-1] == '\r')
        e--;
    *text = p;
    *len = (size_t)(e - p);
    return 0;
}

void cl_srccache_release(cl_srccache *c)
{
    for (size_t i = 0; i < CL_SRCCACHE_FILES; i++) {
        free(c->slot[i].path);
        free(c->slot[i].data);
        free(c->slot[i].starts);
    }
    memset(c, 0, sizeof *c);
}

/* cl_report_utf16_column: see report.h. Shared by the SARIF and GitHub
 * writers so both place a column the same way. */
unsigned long cl_report_utf16_column(cl_srccache *src, const char *file, unsigned long line,
                                     unsigned long bytecol)
{
    const char *text;
    size_t len;
    if (bytecol <= 1 || cl_srccache_line(src, file, line, &text, &len) != 0)
        return bytecol;
    unsigned long units = 0;
    for (unsigned long i = 0; i + 1 < bytecol; i++) {
        if (i >= len) { /* past the end of the line: count bytes */
            units++;
            continue;
        }
        unsigned char ch = (unsigned char)text[i];
        if ((ch & 0xc0) == 0x80)
            continue;                /* UTF-8 continuation byte */
        units += ch >= 0xf0 ? 2 : 1; /* 4-byte sequences are surrogate pairs */
    }
    return units + 1;
}
