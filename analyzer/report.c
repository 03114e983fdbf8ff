/* report.c - format dispatch, atomic output files, fingerprints, and the
 * helpers the writers share (paths, URIs, source lines). See report.h.
 */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cJSON.h>

#include "rule.h"

int cl_report_write(FILE *out, cl_format format, const cl_report *r)
{
    switch (format) {
    case CL_FMT_TEXT:
        return cl_report_write_text(out, r);
    case CL_FMT_SARIF:
        return cl_report_write_sarif(out, r);
    case CL_FMT_JSON:
        return cl_report_write_json(out, r);
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

/* cl_report_write_file: see report.h. The temporary is
 * "<dir>/.<name>.XXXXXX" so rename() never crosses a file system. An
 * existing file at `path` keeps its permission bits. A symlink at `path` is
 * replaced, not followed. After the rename the directory is fsync'ed (best
 * effort) so the new name survives a crash too. */
int cl_report_write_file(const char *path, cl_format format, const cl_report *r)
{
    if (path == NULL || *path == '\0') {
        errno = EINVAL;
        return -1;
    }
    char *dir = dir_of(path);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (*base == '\0') {
        free(dir);
        errno = EISDIR;
        return -1;
    }
    cl_strbuf tmp = {0};
    cl_strbuf_addf(&tmp, "%s/.%s.XXXXXX", dir, base);

    int saved = 0, ret = -1;
    FILE *fp = NULL;
    int fd = mkstemp(tmp.s);
    if (fd < 0) {
        saved = errno;
        goto out;
    }
    struct stat st;
    mode_t mode = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (st.st_mode & 07777)
                                                               : new_file_mode();
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
    int dfd = open(dir, O_RDONLY);
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

int cl_srccache_line(cl_srccache *c, const char *file, unsigned long line,
                     const char **text, size_t *len)
{
    if (file == NULL || line == 0)
        return -1;
    if (c->path == NULL || strcmp(c->path, file) != 0) {
        cl_srccache_release(c);
        c->path = cl_xstrdup(file);
        char why[256]; /* unused: an unreadable source just shows no carets */
        if (cl_read_file(file, SRC_MAX, &c->data, &c->len, why, sizeof why) != 0)
            c->data = NULL;
    }
    if (c->data == NULL)
        return -1;
    const char *p = c->data, *end = c->data + c->len;
    for (unsigned long i = 1; i < line; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            return -1;
        p = nl + 1;
    }
    if (p == end && line > 1)
        return -1; /* the file ends with a newline: no such line */
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
    free(c->path);
    free(c->data);
    c->path = NULL;
    c->data = NULL;
    c->len = 0;
}
