/* nonblock.c - see nonblock.h. */
#include "analysis/nonblock.h"

#include <stdlib.h>
#include <string.h>

/* The member steps after the last dereference of raw path `p` ("P0.fd",
 * "H..#c@3->.sock": ".fd", ".sock"), or after the variable that holds the
 * struct ("G<usr>.fd", "L<fn>#c@3.fd": ".fd"), or the whole path when it
 * names no member (a global or a local descriptor). */
static const char *member_key(const char *p)
{
    const char *steps = cl_path_member_steps(p);
    size_t owner = steps == NULL ? cl_path_owner_len(p) : 0;
    if (owner > 0 && p[owner] == '.' && strchr(p + owner, '[') == NULL &&
        strstr(p + owner, "->") == NULL)
        steps = p + owner;
    return steps != NULL ? steps : p;
}

/* The key of local `name` of function `fn`: "L<fn>#<name>", `fn` by its
 * address (two programs' `main`s share a USR, not a definition). */
static const char *local_key(cl_nonblock *nb, const cl_function *fn, const char *name, size_t len)
{
    return cl_arena_printf(&nb->arena, "L%p#%.*s", (const void *)fn, (int)len, name);
}

/* The parameter of `fn` that index token `tok` ("L<usr>#<name>@<line>!N",
 * without its '$') names before any assignment, or SIZE_MAX; *name and
 * *len get the local's name. */
static size_t token_param(const cl_function *fn, const char *tok, const char **name, size_t *len)
{
    if (!cl_token_var(tok, name, len))
        return SIZE_MAX;
    const char *bang = strrchr(*name + *len, '!');
    for (size_t i = 0; bang != NULL && strcmp(bang, "!0") == 0 && i < fn->nparams; i++)
        if (strlen(fn->param_names[i]) == *len && strncmp(fn->param_names[i], *name, *len) == 0)
            return i;
    return SIZE_MAX;
}

/* The key of the descriptor value `v` passed in the innermost function of
 * `frame`: a loaded global or member (member_key), a local ("L<fn>#fd", local_key);
 * a parameter passed on unchanged is followed to its caller's argument.
 * NULL when unknown. In the arena of `nb`. */
static const char *fd_key(const cl_model *m, cl_nonblock *nb, const cl_value *v,
                          const cl_frame *frame)
{
    for (; frame != NULL; frame = frame->parent) {
        const cl_function *fn = m->cg.funcs.v[frame->func].fn;
        size_t k = SIZE_MAX, len = 0;
        const char *name = NULL;
        if (v->kind == CL_VAL_LOAD && v->path != NULL && v->path[0] == 'V')
            k = strtoul(v->path + 1, NULL, 10);
        else if (v->kind == CL_VAL_LOAD && v->path != NULL)
            return member_key(v->path);
        else if (v->kind == CL_VAL_UNKNOWN && v->ipath != NULL && v->ipath[0] == '$')
            k = token_param(fn, v->ipath + 1, &name, &len);
        else
            return NULL;
        if (k == SIZE_MAX || frame->call == NULL || k >= frame->call->u.call.nargs)
            return name != NULL ? local_key(nb, fn, name, len) : NULL;
        v = &frame->call->u.call.args[k];
    }
    return NULL;
}

/* Where the result of call `ev` (in the innermost function of `frame`)
 * goes: the local it is assigned to, or the location of the first write
 * after it in its statement sequence. */
static const char *result_key(const cl_model *m, cl_nonblock *nb, const cl_event *ev,
                              const cl_frame *frame)
{
    const char *rv = ev->u.call.ret_var;
    if (rv != NULL)
        return local_key(nb, m->cg.funcs.v[frame->func].fn, rv, strlen(rv));
    const cl_node *n = cl_callgraph_event_node(&m->cg, ev);
    const cl_node *seq = n ? cl_callgraph_parent(&m->cg, n) : NULL;
    size_t k = 0;
    while (seq != NULL && seq->kind == CL_N_SEQ && k < seq->nkids && seq->kids[k] != n)
        k++;
    for (k++; seq != NULL && seq->kind == CL_N_SEQ && k < seq->nkids; k++) {
        const cl_event *e = seq->kids[k]->kind == CL_N_EVENT ? seq->kids[k]->ev : NULL;
        if (e == NULL || e->kind == CL_EV_CALL)
            return NULL;
        if (e->kind == CL_EV_ACCESS && (e->u.access.flags & CL_ACC_WRITE))
            return member_key(e->u.access.path);
    }
    return NULL;
}

/* The key of the array that path `p` names or indexes: `p` without its
 * first subscript, by member_key; NULL for no path. */
static const char *array_key(cl_nonblock *nb, const char *p)
{
    if (p == NULL)
        return NULL;
    const char *sub = strchr(p, '[');
    const char *whole = sub ? cl_arena_printf(&nb->arena, "%.*s", (int)(sub - p), p) : p;
    return member_key(whole);
}

/* See nonblock.h. */
int cl_nonblock_note(cl_nonblock *nb, const cl_model *m, const cl_callrec *r)
{
    const cl_value *sv = r->spec->flags & CL_CS_STREAM_PAIR ? cl_call_arg(r->ev, r->spec->data) : NULL;
    const char *sk = sv != NULL && sv->kind == CL_VAL_ADDR ? array_key(nb, sv->path) : NULL;
    if (sk != NULL)
        cl_strmap_put(&nb->streams, cl_arena_strdup(&nb->arena, sk), 1);
    int what = cl_call_nonblocking(r->spec, r->ev);
    const char *res = what == CL_NB_RESULT || (r->spec->flags & CL_CS_STREAM_RESULT)
                          ? result_key(m, nb, r->ev, r->frame) : NULL;
    if (res != NULL && (r->spec->flags & CL_CS_STREAM_RESULT))
        cl_strmap_put(&nb->sockets, res, 1);
    const char *key = NULL;
    if (what == CL_NB_RESULT)
        key = res;
    else if (what == CL_NB_ARG0 && r->ev->u.call.nargs > 0)
        key = fd_key(m, nb, &r->ev->u.call.args[0], r->frame);
    if (key != NULL)
        cl_strmap_put(&nb->keys, key, 1);
    return what;
}

/* See nonblock.h. */
void cl_nonblock_copy(cl_nonblock *nb, const cl_model *m, const cl_accrec *r)
{
    const cl_access *a = &r->ev->u.access;
    const cl_value *v = a->stored;
    if (!(a->flags & CL_ACC_WRITE) || v == NULL || a->path == NULL ||
        !((v->kind == CL_VAL_UNKNOWN && v->ipath != NULL && v->ipath[0] == '$') ||
          (v->kind == CL_VAL_LOAD && v->path != NULL && v->path[0] == 'V')))
        return;
    const char *from = fd_key(m, nb, a->stored, r->frame);
    if (from == NULL)
        return;
    CL_VEC_PUSH(&nb->copies, member_key(a->path));
    CL_VEC_PUSH(&nb->copies, from);
}

/* Whether key `fd` is filled only by copies of descriptors made
 * non-blocking (and by at least one). */
static int copied_nonblocking(const cl_nonblock *nb, const char *fd)
{
    int any = 0;
    for (size_t i = 0; i + 1 < nb->copies.n; i += 2) {
        if (strcmp(nb->copies.v[i], fd) != 0)
            continue;
        if (!cl_strmap_get(&nb->keys, nb->copies.v[i + 1], NULL))
            return 0;
        any = 1;
    }
    return any;
}

/* See nonblock.h. */
int cl_nonblock_arg0(cl_nonblock *nb, const cl_model *m, const cl_callrec *r)
{
    const char *fd = r->ev->u.call.nargs > 0 ? fd_key(m, nb, &r->ev->u.call.args[0], r->frame)
                                             : NULL;
    return fd != NULL && (cl_strmap_get(&nb->keys, fd, NULL) || copied_nonblocking(nb, fd));
}

/* See nonblock.h. */
int cl_nonblock_stream_arg0(cl_nonblock *nb, const cl_model *m, const cl_callrec *r)
{
    const cl_value *v = cl_call_arg(r->ev, 0);
    const char *k = v != NULL && v->kind == CL_VAL_LOAD ? array_key(nb, v->path) : NULL;
    if (k != NULL && strchr(v->path, '[') != NULL && cl_strmap_get(&nb->streams, k, NULL))
        return 1;
    const char *fd = v != NULL ? fd_key(m, nb, v, r->frame) : NULL;
    return fd != NULL && cl_strmap_get(&nb->sockets, fd, NULL);
}

/* See nonblock.h. */
void cl_nonblock_release(cl_nonblock *nb)
{
    cl_strmap_release(&nb->sockets);
    cl_strmap_release(&nb->streams);
    cl_strmap_release(&nb->keys);
    free(nb->copies.v);
    cl_arena_release(&nb->arena);
}
