/* lock_names.c - see lock_names.h. */
#include "analysis/lock_names.h"

#include <string.h>

#include "util/arena.h"
#include "util/strmap.h"

/* See lock_names.h. */
int cl_lock_is_class(const cl_model *m, size_t lock)
{
    return m->lock_kind.v[lock] == CL_LOCKNAME_CLASS;
}

/* See lock_names.h. */
int cl_lock_may_be_same(const cl_model *m, const size_t *group, size_t x, size_t y)
{
    return x == y || (group[x] == group[y] && (cl_lock_is_class(m, x) || cl_lock_is_class(m, y)));
}

/* The class of lock `name`: its member steps after the last dereference
 * ("?.lock" and "Gc:@pool_head->.lock": ".lock"), or NULL. */
static const char *class_of(const char *name)
{
    return name[0] == '?' ? name + 1 : cl_path_member_steps(name);
}

/* See lock_names.h. The first lock of a class gets the group n + i, i
 * its id: a number no lock id takes. */
size_t *cl_lock_names_new(const cl_model *m)
{
    cl_strmap by_class = { 0 };
    size_t n = m->lock_names.n;
    size_t *group = cl_xcalloc(n + 1, sizeof *group);
    for (size_t i = 0; i < n; i++) {
        const char *c = class_of(m->lock_names.v[i]);
        group[i] = i;
        if (c != NULL && !cl_strmap_get(&by_class, c, &group[i]))
            cl_strmap_put(&by_class, c, n + i);
        if (c != NULL)
            cl_strmap_get(&by_class, c, &group[i]);
    }
    cl_strmap_release(&by_class);
    return group;
}

/* The name after a thread-local instance's prefix ("T...:"), if any. */
static const char *owner_root(const char *name)
{
    return name[0] == 'T' && strchr(name, ':') ? strchr(name, ':') + 1 : name;
}

/* See lock_names.h. */
const char *cl_lock_member(const cl_model *m, size_t lock)
{
    const char *name = m->lock_names.v[lock];
    const char *root = owner_root(name);
    const char *d = strrchr(name, '.');
    if (d == NULL || strpbrk(d, "[-") != NULL || (root[0] == 'G' && strstr(name, "->") == NULL))
        return NULL; /* (a global's own lock has one name) */
    return d + 1;
}

/* See lock_names.h. */
int cl_lock_in_new_object(const cl_model *m, size_t f, size_t lock)
{
    const char *name = m->lock_names.v[lock];
    const char *root = owner_root(name);
    const char *usr = m->cg.funcs.v[f].fn->usr;
    size_t n = strlen(usr);
    return root[0] == 'H' && strncmp(root + 1, usr, n) == 0 && root[n + 1] == '#';
}
