/* keep.c - see keep.h. A linear list: a program has hundreds of TUs, and a
 * lookup compares a path before anything else. */
#include "cli/keep.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

typedef struct keep_entry {
    char *file;
    char **args;       /* copies, nargs of them */
    size_t nargs;
    char *buf;         /* the unsaved buffer's bytes, or NULL: from the disk */
    size_t buflen;
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
        if (buf->len != e->buflen || memcmp(buf->data, e->buf, buf->len) != 0)
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
    }
    e->tu = tu;
    e->digest = digest;
}
