/* arena.c - see arena.h. */
#include "util/arena.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct cl_arena_chunk {
    cl_arena_chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

/* Chunks grow geometrically from CHUNK_FIRST to CHUNK_MAX bytes: an arena
 * that holds little (the parse outcome of a cached TU, a small summary)
 * costs little, one that holds much makes few allocations. */
enum { CHUNK_FIRST = 1024, CHUNK_MAX = 64 * 1024 };

static void oom(void)
{
    fputs("conc-lint: out of memory\n", stderr);
    abort();
}

void *cl_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        oom();
    return p;
}

void *cl_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        oom();
    return p;
}

void *cl_xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (q == NULL)
        oom();
    return q;
}

char *cl_xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = cl_xmalloc(n);
    memcpy(d, s, n);
    return d;
}

void *cl_arena_alloc(cl_arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
#ifdef CL_ARENA_MALLOC
    /* One chunk per object: ASan sees every object's bounds. */
    cl_arena_chunk *c = cl_xcalloc(1, sizeof *c + size);
    c->cap = c->used = size;
    c->next = a->head;
    a->head = c;
    return c->data;
#else
    cl_arena_chunk *c = a->head;
    if (c == NULL || c->cap - c->used < size) {
        size_t cap = c == NULL ? CHUNK_FIRST : c->cap < CHUNK_MAX ? 2 * c->cap : CHUNK_MAX;
        if (cap < size)
            cap = size;
        c = cl_xmalloc(sizeof *c + cap);
        c->cap = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
#endif
}

cl_arena_mark cl_arena_mark_of(const cl_arena *a)
{
    cl_arena_mark m = { a->head, a->head != NULL ? a->head->used : 0 };
    return m;
}

void cl_arena_rewind(cl_arena *a, cl_arena_mark m)
{
    while (a->head != m.head) {
        cl_arena_chunk *c = a->head;
        a->head = c->next;
        free(c);
    }
    if (a->head != NULL)
        a->head->used = m.used;
}

char *cl_arena_strndup(cl_arena *a, const char *s, size_t n)
{
    char *d = cl_arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *cl_arena_strdup(cl_arena *a, const char *s)
{
    return s ? cl_arena_strndup(a, s, strlen(s)) : NULL;
}

char *cl_arena_vprintf(cl_arena *a, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n < 0) {
        va_end(again);
        return cl_arena_strdup(a, "");
    }
    char *d = cl_arena_alloc(a, (size_t)n + 1);
    vsnprintf(d, (size_t)n + 1, fmt, again);
    va_end(again);
    return d;
}

char *cl_arena_printf(cl_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *d = cl_arena_vprintf(a, fmt, ap);
    va_end(ap);
    return d;
}

void cl_arena_release(cl_arena *a)
{
    cl_arena_chunk *c = a->head;
    while (c != NULL) {
        cl_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

void cl_arena_adopt(cl_arena *dst, cl_arena *src)
{
    if (src->head == NULL)
        return;
    cl_arena_chunk *last = src->head;
    while (last->next != NULL)
        last = last->next;
    if (dst->head == NULL) {
        dst->head = src->head;
    } else {
        last->next = dst->head->next;
        dst->head->next = src->head;
    }
    src->head = NULL;
}

static void strbuf_grow(cl_strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = cl_xrealloc(b->s, cap);
    b->cap = cap;
}

void cl_strbuf_addn(cl_strbuf *b, const char *s, size_t n)
{
    strbuf_grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void cl_strbuf_add(cl_strbuf *b, const char *s)
{
    cl_strbuf_addn(b, s, strlen(s));
}

void cl_strbuf_addf(cl_strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    strbuf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *cl_strbuf_str(const cl_strbuf *b)
{
    return b->s ? b->s : "";
}

void cl_strbuf_release(cl_strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void cl_strvec_push(cl_strvec *sv, const char *s)
{
    CL_VEC_PUSH(sv, cl_xstrdup(s));
}

void cl_strvec_release(cl_strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

const char *cl_base_name(const char *path)
{
    if (path == NULL)
        return "?";
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* The source files whose contents cl_read_file takes from memory
 * (cl_read_file_overlay). Written only while no other thread reads files. */
typedef struct overlay_file {
    const char *path, *data;
    size_t len;
} overlay_file;
static struct {
    overlay_file *v;
    size_t n, cap;
} overlays;

void cl_read_file_overlay(const char *path, const char *data, size_t len)
{
    if (path == NULL) {
        free(overlays.v);
        memset(&overlays, 0, sizeof overlays);
        return;
    }
    overlay_file f = { path, data, len };
    for (size_t i = 0; i < overlays.n; i++)
        if (strcmp(overlays.v[i].path, path) == 0) {
            overlays.v[i] = f;
            return;
        }
    CL_VEC_PUSH(&overlays, f);
}

/* The overlay of `path`, or NULL. */
static const overlay_file *overlay_of(const char *path)
{
    for (size_t i = 0; i < overlays.n; i++)
        if (strcmp(overlays.v[i].path, path) == 0)
            return &overlays.v[i];
    return NULL;
}

char *cl_strerror(int e, char *buf, size_t len)
{
    if (strerror_r(e, buf, len) != 0) /* the XSI form: _POSIX_C_SOURCE, no _GNU_SOURCE */
        snprintf(buf, len, "error %d", e);
    return buf;
}

int cl_read_file(const char *path, size_t max, char **out, size_t *outlen, char *why,
                 size_t whylen)
{
    const overlay_file *overlay = overlay_of(path);
    if (overlay == NULL)
        return cl_read_file_stat(path, max, out, outlen, NULL, why, whylen);
    if (overlay->len > max) {
        snprintf(why, whylen, "larger than %zu bytes", max);
        return -1;
    }
    *out = cl_xmalloc(overlay->len + 1);
    memcpy(*out, overlay->data, overlay->len);
    (*out)[overlay->len] = '\0';
    *outlen = overlay->len;
    return 0;
}

int cl_read_file_stat(const char *path, size_t max, char **out, size_t *outlen,
                      struct stat *st_out, char *why, size_t whylen)
{
    /* Non-blocking, no controlling tty, and never more than the size fstat
     * reports: a FIFO, a device or a /proc file named by an untrusted input
     * can neither hang the read nor be drained (they read as empty). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
    cl_strbuf b = {0};
    int ret = -1;
    struct stat st;
    if (fd < 0) {
        cl_strerror(errno, why, whylen);
        goto out;
    }
    if (fstat(fd, &st) != 0) {
        cl_strerror(errno, why, whylen);
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "not a regular file");
        goto out;
    }
    if ((unsigned long long)st.st_size > max) {
        snprintf(why, whylen, "larger than %zu bytes", max);
        goto out;
    }
    size_t want = (size_t)st.st_size;
    char chunk[65536];
    while (b.len < want) {
        size_t ask = want - b.len < sizeof chunk ? want - b.len : sizeof chunk;
        ssize_t n = read(fd, chunk, ask);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            cl_strerror(errno, why, whylen);
            goto out;
        }
        if (n == 0)
            break; /* the file shrank */
        cl_strbuf_addn(&b, chunk, (size_t)n);
    }
    if (b.s == NULL)
        cl_strbuf_add(&b, "");
    *out = b.s;
    *outlen = b.len;
    if (st_out != NULL)
        *st_out = st;
    b.s = NULL;
    ret = 0;
out:
    if (fd >= 0)
        close(fd);
    cl_strbuf_release(&b);
    return ret;
}

void cl_one_line(char *s)
{
    for (; s != NULL && *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            *s = '?';
}
