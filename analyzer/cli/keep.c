/* keep.c - see keep.h. A linear list: a program has hundreds of TUs, and a
 * lookup compares a path before anything else. */
#include "cli/keep.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/arena.h"

/* What stat() said of a file a buffer's TU read (its headers), when the
 * entry was made. */
typedef struct dep_sig {
    int exists;
    uint64_t size, mtime_ns, ino;
} dep_sig;

typedef struct keep_entry {
    char *file;
    char **args;       /* copies, nargs of them */
    size_t nargs;
    char *buf;         /* the unsaved buffer's bytes, or NULL: from the disk */
    size_t buflen;
    dep_sig *deps;     /* a buffer's TU: tu->includes[1..] as they were */
    int deps_trusted;  /* 0: a header changed during the parse; never reuse */
    cl_tu *tu;
    uint64_t digest;
} keep_entry;

struct cl_keep {
    keep_entry *v;
    size_t n, cap;
};

cl_keep *cl_keep_new(void)
{
    return cl_xcalloc(1, sizeof(cl_keep));
}

static void entry_release(keep_entry *e)
{
    free(e->file);
    for (size_t i = 0; i < e->nargs; i++)
        free(e->args[i]);
    free(e->args);
    free(e->buf);
    free(e->deps);
    cl_tu_free(e->tu);
    memset(e, 0, sizeof *e);
}

void cl_keep_free(cl_keep *k)
{
    if (k == NULL)
        return;
    for (size_t i = 0; i < k->n; i++)
        entry_release(&k->v[i]);
    free(k->v);
    free(k);
}

static dep_sig sig_now(const char *path)
{
    struct stat st;
    dep_sig d = { 0, 0, 0, 0 };
    if (stat(path, &st) != 0)
        return d;
    d.exists = 1;
    d.size = (uint64_t)st.st_size;
    d.mtime_ns = (uint64_t)st.st_mtim.tv_sec * 1000000000u + (uint64_t)st.st_mtim.tv_nsec;
    d.ino = (uint64_t)st.st_ino;
    return d;
}

/* Whether two signatures are the same, field by field (memcmp would
 * compare the padding after `exists` too, which no initializer sets). */
static int sig_same(const dep_sig *a, const dep_sig *b)
{
    return a->exists == b->exists && a->size == b->size && a->mtime_ns == b->mtime_ns &&
           a->ino == b->ino;
}

/* Whether the headers the buffer's TU of `e` read are as they were. */
static int deps_unchanged(const keep_entry *e)
{
    if (!e->deps_trusted)
        return 0;
    for (size_t i = 1; i < e->tu->nincludes; i++) {
        dep_sig now = sig_now(e->tu->includes[i]);
        if (!sig_same(&now, &e->deps[i]))
            return 0;
    }
    return 1;
}

/* The entry of TU `c` (same file and arguments), or NULL. */
static keep_entry *entry_of(const cl_keep *k, const cl_compile_cmd *c)
{
    for (size_t i = 0; i < k->n; i++) {
        keep_entry *e = &k->v[i];
        if (strcmp(e->file, c->file) != 0 || e->nargs != c->nargs)
            continue;
        size_t a = 0;
        while (a < c->nargs && strcmp(e->args[a], c->args[a]) == 0)
            a++;
        if (a == c->nargs)
            return e;
    }
    return NULL;
}

cl_tu *cl_keep_find(const cl_keep *k, const cl_compile_cmd *c, const cl_unsaved *buf,
                    cl_cache *cache, uint64_t *digest)
{
    const keep_entry *e = entry_of(k, c);
    if (e == NULL || (buf != NULL) != (e->buf != NULL))
        return NULL;
    if (buf != NULL) {
        if (buf->len != e->buflen || memcmp(buf->data, e->buf, buf->len) != 0 ||
            !deps_unchanged(e))
            return NULL;
    } else {
        uint64_t now = 0;
        if (cache == NULL || !cl_cache_probe(cache, c->file, c->args, c->nargs, &now) ||
            now != e->digest)
            return NULL;
    }
    *digest = e->digest;
    return e->tu;
}

void cl_keep_put(cl_keep *k, const cl_compile_cmd *c, const cl_unsaved *buf, cl_tu *tu,
                 uint64_t digest)
{
    keep_entry *e = entry_of(k, c);
    if (e != NULL && e->tu == tu) {
        e->digest = digest;
        return;
    }
    if (e != NULL) {
        entry_release(e);
    } else {
        keep_entry blank;
        memset(&blank, 0, sizeof blank);
        CL_VEC_PUSH(k, blank);
        e = &k->v[k->n - 1];
    }
    e->file = cl_xstrdup(c->file);
    e->nargs = c->nargs;
    e->args = cl_xcalloc(c->nargs + 1, sizeof *e->args);
    for (size_t a = 0; a < c->nargs; a++)
        e->args[a] = cl_xstrdup(c->args[a]);
    if (buf != NULL) {
        e->buf = cl_xmalloc(buf->len + 1);
        memcpy(e->buf, buf->data, buf->len);
        e->buflen = buf->len;
        /* A header written after the parse started may or may not be in
         * the summary: such an entry is not trusted. */
        e->deps = cl_xcalloc(tu->nincludes + 1, sizeof *e->deps);
        e->deps_trusted = 1;
        for (size_t i = 1; i < tu->nincludes; i++) {
            e->deps[i] = sig_now(tu->includes[i]);
            if (tu->parse_started_ns <= 0 ||
                e->deps[i].mtime_ns >= (uint64_t)tu->parse_started_ns)
                e->deps_trusted = 0;
        }
    }
    e->tu = tu;
    e->digest = digest;
}
