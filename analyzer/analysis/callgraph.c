/* callgraph.c - the linked program and its call graph (see callgraph.h). */
#include "analysis/callgraph.h"

#include "util/variants.h"

#include "util/intern.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t cl_path_root_len(const char *path)
{
    if (path == NULL || path[0] != 'G')
        return 0;
    const char *arrow = strstr(path, "->");
    const char *at = NULL;
    for (const char *q = path; *q && (arrow == NULL || q < arrow); q++)
        if (*q == '@')
            at = q;
    size_t start = (size_t)((at ? at : path) - path) + 1;
    return start + strcspn(path + start, ".[-");
}

size_t cl_path_owner_len(const char *path)
{
    if (path[0] == 'G')
        return cl_path_root_len(path);
    if (path[0] != 'L' && path[0] != 'H')
        return 0;
    const char *hash = strchr(path, '#');
    const char *at = hash ? strchr(hash, '@') : NULL;
    if (at == NULL)
        return 0;
    return (size_t)(at + 1 - path) + strspn(at + 1, "0123456789");
}

/* The field key ".name" of a path that ends in a member (`P0->.on_msg`,
 * `Gc:@srv.ops.read`), written into buf; NULL when it does not. */
static const char *field_key(const char *path, char *buf, size_t size)
{
    const char *dot = strrchr(path, '.');
    if (dot == NULL || dot[1] == '\0' || strpbrk(dot + 1, "[-@#>") != NULL)
        return NULL;
    size_t n = strlen(dot);
    if (n >= size)
        return NULL;
    memcpy(buf, dot, n + 1);
    return buf;
}

/* Adds function `k` to the table of `owner` (copied when new). */
static size_t table_add(cl_callgraph *cg, const char *owner, size_t len, size_t k)
{
    char *key = cl_arena_alloc(&cg->arena, len + 1);
    memcpy(key, owner, len);
    key[len] = '\0';
    size_t tab;
    if (!cl_strmap_get(&cg->table_by_owner, key, &tab)) {
        tab = cg->tables.n;
        cl_idvec none = { NULL, 0, 0 };
        CL_VEC_PUSH(&cg->tables, none);
        cl_strmap_put(&cg->table_by_owner, key, tab);
    }
    for (size_t q = 0; q < cg->tables.v[tab].n; q++)
        if (cg->tables.v[tab].v[q] == k)
            return tab;
    CL_VEC_PUSH(&cg->tables.v[tab], k);
    return tab;
}

/* A function reference stored at `path`: into the owner's table, and into
 * the table of the field it is stored in, if any. */
static void note_funcref(cl_callgraph *cg, const char *path, size_t k)
{
    size_t n = cl_path_owner_len(path);
    if (n > 0)
        table_add(cg, path, n, k);
    if (n > 0 && path[n] != '\0')
        table_add(cg, path, strlen(path), k); /* (cl_callgraph_stored) */
    char buf[256];
    const char *fk = field_key(path, buf, sizeof buf);
    if (fk != NULL)
        table_add(cg, fk, strlen(fk), k);
}

static const cl_idvec *table_of(const cl_callgraph *cg, const char *key, size_t len)
{
    char buf[512];
    if (len == 0 || len >= sizeof buf)
        return NULL;
    memcpy(buf, key, len);
    buf[len] = '\0';
    size_t t;
    return cl_strmap_get(&cg->table_by_owner, buf, &t) ? &cg->tables.v[t] : NULL;
}

size_t cl_callgraph_func(const cl_callgraph *cg, const char *usr)
{
    size_t i;
    if (usr != NULL && cl_strmap_get(&cg->func_by_usr, usr, &i))
        return i;
    return SIZE_MAX;
}

/* See callgraph.h. */
int cl_token_var(const char *tok, const char **name, size_t *len)
{
    const char *hash = strchr(tok, '#'), *at = hash != NULL ? strchr(hash, '@') : NULL;
    if (at == NULL)
        return 0;
    *name = hash + 1;
    *len = (size_t)(at - hash - 1);
    return 1;
}

/* See callgraph.h. */
int cl_token_is_param(const char *tok, size_t len, const cl_function *fn, size_t k)
{
    const char *name = k < fn->nparams ? fn->param_names[k] : NULL;
    if (name == NULL)
        return 0;
    size_t nu = strlen(fn->usr), nn = strlen(name), n = 2 + nu + 1 + nn + 1;
    return len > n + 2 && memcmp(tok, "$L", 2) == 0 && memcmp(tok + 2, fn->usr, nu) == 0 &&
           tok[2 + nu] == '#' && memcmp(tok + 3 + nu, name, nn) == 0 && tok[n - 1] == '@' &&
           strspn(tok + n, "0123456789") == len - n - 2 && memcmp(tok + len - 2, "!0", 2) == 0;
}

/* See callgraph.h. */
size_t cl_token_param_func(const cl_callgraph *cg, const char *tok, size_t len)
{
    const char *hash = len > 2 && memcmp(tok, "$L", 2) == 0 ? memchr(tok, '#', len) : NULL;
    if (hash == NULL || (size_t)(hash - tok) > 512)
        return SIZE_MAX;
    char usr[512];
    memcpy(usr, tok + 2, (size_t)(hash - tok - 2));
    usr[hash - tok - 2] = '\0';
    size_t f = cl_callgraph_func(cg, usr);
    for (size_t k = 0; f != SIZE_MAX && k < cg->funcs.v[f].fn->nparams; k++)
        if (cl_token_is_param(tok, len, cg->funcs.v[f].fn, k))
            return f;
    return SIZE_MAX;
}

/* cl_callgraph_spec without the table: a search by name. A call through
 * a pointer known to hold one function (`void (*r)(void *) = (void
 * *)pthread_mutex_unlock; ... r(&m)`, what glibc's pthread_cleanup_pop(1)
 * runs) is a call of that function. */
static const cl_callspec *find_spec(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_call *c = &ev->u.call;
    int known = c->callee_usr == NULL && c->callee.kind == CL_VAL_FUNC;
    const char *usr = known ? c->callee.func_usr : c->callee_usr;
    if (usr == NULL)
        return NULL;
    const cl_callspec *cs = cl_callspec_find(cg->specs, known ? c->callee.func_name
                                                              : c->callee_name);
    /* A project function that merely shares a library name (a static
     * `sleep` helper, say) is not the library function, unless configured. */
    if (cs != NULL && cl_callgraph_func(cg, usr) != SIZE_MAX &&
        (cg->specs == NULL || cs < cg->specs->extra ||
         cs >= cg->specs->extra + cg->specs->nextra))
        return NULL;
    return cs;
}

/* The facts noted at build for call event `ev`, or NULL. */
static const cl_call_facts *call_facts(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_blobent *e = cl_blob_find(&cg->call_of, &ev, sizeof ev);
    return e != NULL ? &cg->calls.v[e->val] : NULL;
}

const cl_callspec *cl_callgraph_spec(const cl_callgraph *cg, const cl_event *ev)
{
    if (ev == NULL || ev->kind != CL_EV_CALL)
        return NULL;
    const cl_call_facts *cf = call_facts(cg, ev);
    return cf != NULL ? cf->spec : find_spec(cg, ev); /* or an event the model made up */
}

int cl_callgraph_noreturn(const cl_callgraph *cg, const cl_event *ev)
{
    if (ev == NULL || ev->kind != CL_EV_CALL)
        return 0;
    const cl_callspec *cs = cl_callgraph_spec(cg, ev);
    return ev->u.call.noreturn ||
           (cs != NULL && (cs->kind == CL_CK_NORETURN || cs->kind == CL_CK_LONGJMP));
}

int cl_value_param(const cl_value *v)
{
    if (v->kind != CL_VAL_ADDR || v->path == NULL || v->path[0] != 'P')
        return -1;
    int k = 0;
    const char *p = v->path + 1;
    for (; *p >= '0' && *p <= '9' && k < 64; p++)
        k = k * 10 + (*p - '0');
    return p == v->path + 1 || *p != '\0' || k >= 64 ? -1 : k;
}

size_t cl_callgraph_values(const cl_callgraph *cg, const cl_value *v, size_t *one,
                           const size_t **out)
{
    if (v->kind == CL_VAL_FUNC) {
        const cl_blobent *e = cg->variant_usrs > 0 ? cl_blob_find(&cg->value_of, &v, sizeof v) : NULL;
        *one = e != NULL ? e->val : cl_callgraph_func(cg, v->func_usr);
        *out = one;
        return *one == SIZE_MAX ? 0 : 1;
    }
    if (v->kind != CL_VAL_ADDR || v->path == NULL)
        return 0;
    /* The member's own table first (`ops.lock` of `{ .lock = mlock,
     * .unlock = munlock }` holds mlock only), then the owner's (stored
     * under another spelling of the member: a union, an element), then
     * the field's in any object. */
    size_t own = cl_path_owner_len(v->path), len = strlen(v->path);
    if (len >= 2 && strcmp(v->path + len - 2, "->") == 0)
        len -= 2;
    const cl_idvec *t = own > 0 && own < len ? table_of(cg, v->path, len) : NULL;
    if (t == NULL)
        t = table_of(cg, v->path, own);
    if (t == NULL) {
        char buf[256];
        const char *fk = field_key(v->path, buf, sizeof buf);
        t = fk ? table_of(cg, fk, strlen(fk)) : NULL;
    }
    if (t == NULL)
        return 0;
    *out = t->v;
    return t->n;
}

size_t cl_callgraph_stored(const cl_callgraph *cg, const char *path, const size_t **out)
{
    /* A stack object the walk qualified by its thread ("T0:L...") was
     * stored into under its own name. */
    size_t digits = path[0] == 'T' ? strspn(path + 1, "0123456789") : 0;
    if (digits > 0 && path[1 + digits] == ':')
        path += digits + 2;
    size_t n = strlen(path);
    if (n >= 2 && strcmp(path + n - 2, "->") == 0)
        n -= 2;
    if (cl_path_owner_len(path) >= n)
        return 0;
    const cl_idvec *t = table_of(cg, path, n);
    if (t == NULL)
        return 0;
    *out = t->v;
    return t->n;
}

/* The length of the struct type part of member USR `field` (before its
 * "@FI@"); 0 when it has none. */
static size_t struct_part(const char *field)
{
    const char *fi = NULL;
    for (const char *p = strstr(field, "@FI@"); p != NULL; p = strstr(p + 1, "@FI@"))
        fi = p;
    return fi != NULL ? (size_t)(fi - field) : 0;
}

/* The programs (bit i: the i-th main, the last bit also for the later
 * ones) whose code reaches function `f`; every program when none does
 * (a library without main, code reached only through data). */
static uint64_t programs_of(const cl_callgraph *cg, size_t f)
{
    uint64_t p = f < cg->funcs.n ? cg->funcs.v[f].programs : 0;
    return p != 0 ? p : ~(uint64_t)0;
}

size_t cl_callgraph_member(const cl_callgraph *cg, const cl_value *v, size_t root, size_t most,
                           cl_arena *scratch, const size_t **out)
{
    size_t tab, objects = 0, sp;
    if (v->field == NULL || !cl_strmap_get(&cg->table_by_owner, v->field, &tab))
        return 0;
    /* (more global objects of the struct type than `most`: one operations
     * table per implementation, chosen at run time) */
    if ((sp = struct_part(v->field)) > 0 && sp < 512) {
        char type[512];
        memcpy(type, v->field, sp);
        type[sp] = '\0';
        if (cl_strmap_get(&cg->ops_objects, type, &objects) && objects > most)
            return 0;
    }
    for (size_t i = 0; i < cg->mains.n; i++)
        if (cg->mains.v[i] == root)
            return 0;
    const cl_idvec *t = &cg->tables.v[tab];
    const uint64_t *masks = tab < cg->table_programs.n ? cg->table_programs.v[tab] : NULL;
    uint64_t want = programs_of(cg, root);
    size_t *keep = cl_arena_alloc(scratch, (t->n + 1) * sizeof *keep), n = 0;
    for (size_t i = 0; i < t->n; i++)
        if (masks == NULL || (masks[i] & want) != 0)
            keep[n++] = t->v[i];
    if (n > most)
        return 0;
    *out = keep;
    return n;
}

/* Marks in cg->funcs[].programs the functions the code of main number
 * `bit` reaches from `f`: its callees and the functions it names as
 * values (callbacks, start routines, stored pointers). */
static void reach_program(cl_callgraph *cg, size_t f, uint64_t bit, cl_idvec *stack);

static void push_named(cl_callgraph *cg, const cl_node *n, uint64_t bit, cl_idvec *stack)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_event *e = n->ev;
        const cl_value *vs = NULL;
        size_t nv = 0, k;
        if (e->kind == CL_EV_CALL) {
            vs = e->u.call.args;
            nv = e->u.call.nargs;
        } else if (e->kind == CL_EV_FUNCREF) {
            vs = &e->u.funcref;
            nv = 1;
        } else if (e->u.access.stored != NULL) {
            vs = e->u.access.stored;
            nv = 1;
        }
        for (size_t i = 0; i < nv; i++)
            if (vs[i].kind == CL_VAL_FUNC && cl_strmap_get(&cg->func_by_usr, vs[i].func_usr, &k) &&
                !(cg->funcs.v[k].programs & bit)) {
                cg->funcs.v[k].programs |= bit;
                CL_VEC_PUSH(stack, k);
            }
        return;
    }
    push_named(cg, n->cond, bit, stack);
    for (size_t i = 0; i < n->nkids; i++)
        push_named(cg, n->kids[i], bit, stack);
}

static void reach_program(cl_callgraph *cg, size_t f, uint64_t bit, cl_idvec *stack)
{
    cg->funcs.v[f].programs |= bit;
    CL_VEC_PUSH(stack, f);
    while (stack->n > 0) {
        const cl_mfunc *mf = &cg->funcs.v[stack->v[--stack->n]];
        for (size_t i = 0; i < mf->nout; i++) {
            size_t c = cg->edges.v[mf->out[i]].callee;
            if (!(cg->funcs.v[c].programs & bit)) {
                cg->funcs.v[c].programs |= bit;
                CL_VEC_PUSH(stack, c);
            }
        }
        push_named(cg, mf->fn->body, bit, stack);
    }
}

/* The programs of each function, then those of each function stored in
 * a member (cl_callgraph_member): the programs of the code storing it. */
static void find_programs(cl_callgraph *cg)
{
    if (cg->member_sites.n == 0)
        return;
    cl_idvec stack = { NULL, 0, 0 };
    for (size_t i = 0; i < cg->mains.n; i++)
        reach_program(cg, cg->mains.v[i], (uint64_t)1 << (i < 63 ? i : 63), &stack);
    free(stack.v);
    while (cg->table_programs.n < cg->tables.n) {
        uint64_t *none = NULL;
        CL_VEC_PUSH(&cg->table_programs, none);
    }
    for (size_t i = 0; i < cg->member_sites.n; i++) {
        const member_site *ms = &cg->member_sites.v[i];
        const cl_idvec *t = &cg->tables.v[ms->table];
        uint64_t **masks = &cg->table_programs.v[ms->table];
        if (*masks == NULL)
            *masks = cl_arena_alloc(&cg->arena, t->n * sizeof **masks + 1);
        for (size_t q = 0; q < t->n; q++)
            if (t->v[q] == ms->func)
                (*masks)[q] |= ms->site == SIZE_MAX ? ~(uint64_t)0 : programs_of(cg, ms->site);
    }
}

size_t cl_callgraph_callees(const cl_callgraph *cg, const cl_event *ev, size_t *one,
                            const size_t **out)
{
    if (ev->kind != CL_EV_CALL)
        return 0;
    const cl_call *c = &ev->u.call;
    if (c->callee_usr != NULL) {
        const cl_call_facts *cf = call_facts(cg, ev);
        *one = cf != NULL ? cf->callee : cl_callgraph_func(cg, c->callee_usr);
        *out = one;
        return *one == SIZE_MAX ? 0 : 1;
    }
    return cl_callgraph_values(cg, &c->callee, one, out);
}

unsigned cl_callgraph_global_flags(const cl_callgraph *cg, const char *path)
{
    size_t n = cl_path_root_len(path), fl = 0;
    char key[512];
    if (n == 0 || n >= sizeof key)
        return 0;
    memcpy(key, path, n);
    key[n] = '\0';
    cl_strmap_get(&cg->global_flags, key, &fl);
    return (unsigned)fl;
}

/* ---- the tree index -------------------------------------------------------- */

/* Sets the parent of every node under `n` and the node of every event
 * (cl_node.parent, cl_event.node), in preorder, condition first: a node
 * reached twice keeps the last holder. */
static void index_tree(const cl_node *n)
{
    if (n->kind == CL_N_EVENT && n->ev != NULL)
        n->ev->node = n;
    if (n->cond != NULL) {
        n->cond->parent = n;
        index_tree(n->cond);
    }
    for (size_t k = 0; k < n->nkids; k++) {
        n->kids[k]->parent = n;
        index_tree(n->kids[k]);
    }
}

/* Links the bodies' nodes to their holders on the first query (under
 * tree_lock: rules on several threads may ask first at once). The links
 * live in the summaries, which the model borrows: a cache of their
 * structure, the same in every model that holds the function. */
static void tree_index(const cl_callgraph *cg)
{
    cl_callgraph *w = (cl_callgraph *)cg; /* the index is a cache */
    if (atomic_load_explicit(&w->tree_built, memory_order_acquire))
        return;
    pthread_mutex_lock(&w->tree_lock);
    if (!atomic_load_explicit(&w->tree_built, memory_order_relaxed)) {
        for (size_t i = 0; i < cg->funcs.n; i++)
            if (cg->funcs.v[i].fn->body != NULL)
                index_tree(cg->funcs.v[i].fn->body);
        atomic_store_explicit(&w->tree_built, 1, memory_order_release);
    }
    pthread_mutex_unlock(&w->tree_lock);
}

const cl_node *cl_callgraph_parent(const cl_callgraph *cg, const cl_node *n)
{
    if (n == NULL)
        return NULL;
    tree_index(cg);
    return n->parent;
}

const cl_node *cl_callgraph_event_node(const cl_callgraph *cg, const cl_event *ev)
{
    if (ev == NULL)
        return NULL;
    tree_index(cg);
    return ev->node;
}

const cl_node *cl_callgraph_enclosing(const cl_callgraph *cg, const cl_event *ev,
                                      cl_node_kind kind)
{
    for (const cl_node *n = cl_callgraph_event_node(cg, ev); n != NULL;
         n = cl_callgraph_parent(cg, n))
        if (n->kind == kind && (kind != CL_N_LOOP || n->bound != CL_LOOP_ONCE))
            return n;
    return NULL;
}

/* Whether `n` (in a loop body, `level` loops or switches deep) can leave
 * the loop. */
static int leaves(const cl_callgraph *cg, const cl_node *n, int level)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_BREAK || n->kind == CL_N_RETURN || n->kind == CL_N_GOTO)
        return n->kind != CL_N_BREAK || level == 0;
    if (n->kind == CL_N_EVENT)
        return cl_callgraph_noreturn(cg, n->ev);
    int inner = n->kind == CL_N_LOOP || n->kind == CL_N_SWITCH;
    for (size_t i = 0; i < n->nkids; i++)
        if (leaves(cg, n->kids[i], level + inner))
            return 1;
    return 0;
}

int cl_callgraph_can_leave(const cl_callgraph *cg, const cl_node *loop)
{
    return loop->nkids > 0 && leaves(cg, loop->kids[0], 0);
}

/* ---- building ------------------------------------------------------------ */

typedef void (*event_fn)(cl_callgraph *cg, size_t func, const cl_event *ev);

static void each_event(cl_callgraph *cg, size_t func, const cl_node *n, event_fn fn)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        fn(cg, func, n->ev);
        return;
    }
    each_event(cg, func, n->cond, fn);
    for (size_t k = 0; k < n->nkids; k++)
        each_event(cg, func, n->kids[k], fn);
}

/* Object `path` (a member of a local or heap object, a global pointer or
 * a member of a global) is assigned a pointer to `to` (a raw path; NULL:
 * an unknown object): its pointee stays known while every assignment
 * names the same one (cl_callgraph_pointee). */
static void note_pointee_store(cl_callgraph *cg, const char *path, const char *to)
{
    size_t k;
    if (!cl_strmap_get(&cg->member_pointee, path, &k)) {
        CL_VEC_PUSH(&cg->pointees, to);
        cl_strmap_put(&cg->member_pointee, path, cg->pointees.n - 1);
    } else if (cg->pointees.v[k] != NULL && (to == NULL || strcmp(cg->pointees.v[k], to) != 0)) {
        cg->pointees.v[k] = NULL;
    }
}

/* A write of access event `e`: a pointer stored into a member of a local
 * or heap object of its function, into a global pointer or into a member
 * of a global notes its pointee (note_pointee_store); a struct copy, what
 * its members may hold; a pointer stored through a pointer the code was
 * given, the field it went into (cl_callgraph.foreign_fields). */
static void note_pointee(cl_callgraph *cg, const cl_event *e)
{
    const cl_access *a = &e->u.access;
    const char *p = a->path;
    if (!(a->flags & CL_ACC_WRITE) || p == NULL)
        return;
    int pointer = a->stored != NULL && a->stored->kind != CL_VAL_NULL && a->stored->kind != CL_VAL_INT;
    if (p[0] != 'L' && p[0] != 'H' && p[0] != 'G') {
        char buf[256];
        const char *fk = pointer ? field_key(p, buf, sizeof buf) : NULL;
        if (fk != NULL && !cl_strmap_get(&cg->foreign_fields, fk, NULL))
            cl_strmap_put(&cg->foreign_fields, cl_arena_strdup(&cg->arena, fk), 1);
        return;
    }
    size_t n = cl_path_owner_len(p);
    if (n == 0)
        return;
    if (a->flags & CL_ACC_WHOLE) {
        cl_strmap_put(&cg->whole_writes, p, 1);
        return;
    }
    const char *dot = strrchr(p, '.');
    int member = dot != NULL && dot >= p + n, whole_global = p[0] == 'G' && p[n] == '\0';
    if (!pointer || (!member && !whole_global) || strstr(p, "->") != NULL)
        return;
    const cl_value *v = a->stored;
    /* (not an element of an array, which each round may pick another of,
     * `&entries[cpu * n]`, nor the unknown pointee of a pointer, `s` with
     * `s = next(list)`) */
    const char *to = v->kind == CL_VAL_ADDR && !v->per_iteration && !v->local_index &&
                             v->path != NULL && strchr("GLH", v->path[0]) != NULL &&
                             strstr(v->path, "->") == NULL && strchr(v->path, '[') == NULL
                         ? v->path
                         : NULL;
    /* (a global's pointee is a global: a local or heap object named in one
     * function is not the one another invocation made) */
    if (p[0] == 'G' && to != NULL && to[0] != 'G')
        to = NULL;
    note_pointee_store(cg, p, to);
}

const char *cl_callgraph_pointee(const cl_callgraph *cg, const char *path, size_t len)
{
    char buf[512];
    size_t k;
    if (cg->member_pointee.n == 0 || len == 0 || len >= sizeof buf)
        return NULL;
    memcpy(buf, path, len);
    buf[len] = '\0';
    if (!cl_strmap_get(&cg->member_pointee, buf, &k) || cg->pointees.v[k] == NULL)
        return NULL;
    char fb[256];
    const char *fk = buf[0] == 'G' ? field_key(buf, fb, sizeof fb) : NULL;
    if (fk != NULL && cl_strmap_get(&cg->foreign_fields, fk, NULL))
        return NULL;
    /* a struct copy over the member or over what holds it */
    for (size_t i = cl_path_owner_len(buf); i <= len; i++) {
        if (i < len && buf[i] != '.' && buf[i] != '[')
            continue;
        char c = buf[i];
        buf[i] = '\0';
        int whole = cl_strmap_get(&cg->whole_writes, buf, NULL);
        buf[i] = c;
        if (whole)
            return NULL;
    }
    return cg->pointees.v[k];
}

/* Adds function `k` to the table of member `field` (cl_value.field; may
 * be NULL: nothing), stored there by code of function `site` (SIZE_MAX: a
 * global's initializer). */
static void note_member(cl_callgraph *cg, const char *field, size_t k, size_t site)
{
    if (field == NULL)
        return;
    member_site ms = { table_add(cg, field, strlen(field), k), k, site };
    CL_VEC_PUSH(&cg->member_sites, ms);
}

/* A global's initializer stores a function into member `field` of the
 * object at `path` ("G<usr>.queue", "G<usr>[].ops.put"): counts that
 * object, the path without its last member, as one more global object
 * of the member's struct type holding functions (ops_objects). */
static void note_ops_object(cl_callgraph *cg, const char *field, const char *path)
{
    size_t sp = field != NULL ? struct_part(field) : 0;
    const char *dot = path != NULL ? strrchr(path, '.') : NULL;
    if (sp == 0 || dot == NULL)
        return;
    char *key = cl_arena_printf(&cg->arena, "%.*s|%.*s", (int)sp, field, (int)(dot - path), path);
    if (cl_strmap_get(&cg->ops_objects, key, NULL))
        return;
    cl_strmap_put(&cg->ops_objects, key, 1);
    size_t n = 0;
    key[sp] = '\0';
    cl_strmap_get(&cg->ops_objects, key, &n);
    cl_strmap_put(&cg->ops_objects, key, n + 1);
}

/* The key of a function defined in the TU of `file` under its own name
 * when another TU defines one of the same USR first ("<usr>@<file>"); a
 * program's main is always keyed so. In the arena of `cg`. */
static const char *tu_key(cl_callgraph *cg, const char *usr, const char *file)
{
    return cl_arena_printf(&cg->arena, "%s@%s", usr, file);
}

/* Looks up `usr` + `sep` + `file` in `map` without keeping the key: the
 * keys tu_key makes ('@', in func_by_usr) and note_variant makes ('\x1f',
 * in variants_of). Lookups are many (every call, every function value),
 * and their keys need not outlive them. 1 when found, into *i. */
static int usr_file_get(const cl_strmap *map, const char *usr, char sep, const char *file,
                        size_t *i)
{
    char buf[512];
    size_t nu = strlen(usr), nf = strlen(file);
    char *key = nu + nf + 2 <= sizeof buf ? buf : cl_xmalloc(nu + nf + 2);
    memcpy(key, usr, nu);
    key[nu] = sep;
    memcpy(key + nu + 1, file, nf + 1);
    int found = cl_strmap_get(map, key, i);
    if (key != buf)
        free(key);
    return found;
}

/* The function `usr` keyed by the TU of `file` (tu_key), into *i. */
static int tu_keyed_get(const cl_callgraph *cg, const char *usr, const char *file, size_t *i)
{
    return usr_file_get(&cg->func_by_usr, usr, '@', file, i);
}

/* Of the definitions of one USR built in several macro configurations
 * (`v`, `n`: function indices), the one a TU of configuration `macros`
 * links with: the first that agrees with it on every macro the variants
 * define differently (cl_variant_agrees: a program's extra -D of its own
 * does not matter), else SIZE_MAX. */
static size_t pick_variant(const cl_callgraph *cg, const size_t *v, size_t n, const char *macros)
{
    const char *stack[8];
    const char **cands = n <= 8 ? stack : cl_xmalloc(n * sizeof *cands);
    for (size_t k = 0; k < n; k++) {
        const char *m = cg->funcs.v[v[k]].tu->macros;
        cands[k] = m != NULL ? m : "";
    }
    size_t pick = SIZE_MAX;
    for (size_t k = 0; k < n && pick == SIZE_MAX; k++)
        if (cl_variant_agrees(macros != NULL ? macros : "", cands[k], cands, n))
            pick = v[k];
    if (cands != stack)
        free(cands);
    return pick;
}

/* The build variants of `usr` defined in file `file` (an index into
 * cg->variants), into *vi. */
static int variants_get(const cl_callgraph *cg, const char *usr, const char *file, size_t *vi)
{
    return usr_file_get(&cg->variants_of, usr, '\x1f', file, vi);
}

/* The definition of `usr` that code of TU `tu` names (a direct call, or
 * a function's address taken): the one in the TU itself (merge_tu), else
 * the first one; and of that definition's file, when it was built in
 * several macro configurations, the variant for the TU's configuration
 * (pick_variant; util/variants.h). SIZE_MAX for none. */
static size_t func_named_in(const cl_callgraph *cg, const cl_tu *tu, const char *usr)
{
    size_t i, vi;
    if (usr == NULL || !(cg->tu_keyed > 0 && tu_keyed_get(cg, usr, tu->main_file, &i)))
        i = cl_callgraph_func(cg, usr);
    if (i != SIZE_MAX && cg->variant_usrs > 0 &&
        variants_get(cg, usr, cg->funcs.v[i].tu->main_file, &vi)) {
        const cl_idvec *vs = &cg->variants.v[vi];
        size_t pick = pick_variant(cg, vs->v, vs->n, tu->macros);
        if (pick != SIZE_MAX)
            return pick;
    }
    return i;
}

/* The function a direct call to `usr` made in function `func` calls
 * (func_named_in its TU). */
static size_t direct_callee(cl_callgraph *cg, size_t func, const char *usr)
{
    return func_named_in(cg, cg->funcs.v[func].tu, usr);
}

/* The function that function value `v`, named in function `func` (or in
 * TU `tu`'s global initializers when `func` is SIZE_MAX), stands for into
 * *out: 1, or 0 when `v` is no project function. */
static int value_func(cl_callgraph *cg, size_t func, const cl_tu *tu, const cl_value *v,
                      size_t *out)
{
    *out = func_named_in(cg, func != SIZE_MAX ? cg->funcs.v[func].tu : tu, v->func_usr);
    if (*out != SIZE_MAX && cg->variant_usrs > 0) {
        int added;
        cl_blob_lookup(&cg->value_of, &cg->call_keys, &v, sizeof v, &added)->val = *out;
    }
    return *out != SIZE_MAX;
}

/* Pass 1: direct call counts, addresses taken, function tables. */
static void note_refs(cl_callgraph *cg, size_t func, const cl_event *e)
{
    size_t i;
    if (e->kind == CL_EV_CALL) {
        cl_call_facts cf = { find_spec(cg, e), direct_callee(cg, func, e->u.call.callee_usr) };
        if (cf.callee != SIZE_MAX)
            cg->funcs.v[cf.callee].ncallsites++;
        const cl_callspec *cs = cf.spec;
        int added;
        cl_blob_lookup(&cg->call_of, &cg->call_keys, &e, sizeof e, &added)->val = cg->calls.n;
        CL_VEC_PUSH(&cg->calls, cf);
        if (e->u.call.callee.kind == CL_VAL_FUNC)
            value_func(cg, func, NULL, &e->u.call.callee, &i);
        for (size_t a = 0; a < e->u.call.nargs; a++) {
            const cl_value *v = &e->u.call.args[a];
            if (v->kind != CL_VAL_FUNC || !value_func(cg, func, NULL, v, &i))
                continue;
            cg->funcs.v[i].addr_taken = 1;
            if (cs != NULL && cs->kind == CL_CK_SPAWN && (size_t)cs->func == a)
                cg->funcs.v[i].spawned = 1;
        }
    } else if (e->kind == CL_EV_FUNCREF && value_func(cg, func, NULL, &e->u.funcref, &i)) {
        cg->funcs.v[i].addr_taken = 1;
        if (e->u.funcref.path != NULL)
            note_funcref(cg, e->u.funcref.path, i);
        note_member(cg, e->u.funcref.field, i, func);
    } else if (e->kind == CL_EV_ACCESS && e->u.access.stored != NULL &&
               e->u.access.stored->field != NULL && cl_value_param(e->u.access.stored) >= 0) {
        /* `l->cb = cb;` with `cb` a parameter: the functions the callers
         * pass for it (note_param_stores). Not `g_cb = cb;` into a global:
         * on rsyslog that made every error message go through the
         * logger's queue code (glblErrLogger), and its walks lost three
         * true races to the unstable loops of the model there. */
        param_store ps = { func, (size_t)cl_value_param(e->u.access.stored),
                           e->u.access.stored->field };
        CL_VEC_PUSH(&cg->param_stores, ps);
    } else if (e->kind == CL_EV_ACCESS && e->u.access.stored != NULL &&
               e->u.access.stored->kind == CL_VAL_FUNC && e->u.access.path != NULL &&
               value_func(cg, func, NULL, e->u.access.stored, &i)) {
        /* `hook = on_done;`, `s->on_msg = cb;`: a call through the
         * pointer later may call it (the table of the path stored to;
         * not the member's table by struct type, cl_callgraph_member:
         * an assignment holds for the object it names) */
        cg->funcs.v[i].addr_taken = 1;
        note_funcref(cg, e->u.access.path, i);
    }
    if (e->kind == CL_EV_ACCESS)
        note_pointee(cg, e);
}

/* Pass 1b: a direct call of a function that stores its parameter into a
 * member (`register_listener(on_event, ..)`: `listener.cb = cb`) stores
 * the function it passes there. One level: a wrapper's wrapper is not
 * followed. */
static void note_param_stores(cl_callgraph *cg, size_t func, const cl_event *e)
{
    size_t callee, k;
    if (e->kind != CL_EV_CALL || e->u.call.callee_usr == NULL ||
        (callee = direct_callee(cg, func, e->u.call.callee_usr)) == SIZE_MAX)
        return;
    for (size_t i = 0; i < cg->param_stores.n; i++) {
        const param_store *ps = &cg->param_stores.v[i];
        if (ps->func == callee && ps->param < e->u.call.nargs &&
            e->u.call.args[ps->param].kind == CL_VAL_FUNC &&
            value_func(cg, func, NULL, &e->u.call.args[ps->param], &k))
            note_member(cg, ps->field, k, func);
    }
}

/* Pass 2: the edges. */
static void note_edges(cl_callgraph *cg, size_t func, const cl_event *e)
{
    if (e->kind != CL_EV_CALL || cl_callgraph_spec(cg, e) != NULL)
        return;
    size_t one;
    const size_t *cands;
    size_t n = cl_callgraph_callees(cg, e, &one, &cands);
    for (size_t i = 0; i < n; i++) {
        cl_cg_edge edge = { func, cands[i], e };
        CL_VEC_PUSH(&cg->edges, edge);
    }
}

/* Definition `fn` of TU `tu` comes after others of its USR: when one of
 * them is from the same file (`same`, the first such; SIZE_MAX for none)
 * and it was built in another macro configuration than every earlier
 * one of that file, it is a build variant (util/variants.h), noted in
 * cg->variants (with `same` when it is the file's second configuration)
 * as function index `at`. Returns whether it is one. */
static int note_variant(cl_callgraph *cg, const cl_function *fn, const cl_tu *tu, size_t same,
                        size_t at)
{
    if (same == SIZE_MAX)
        return 0;
    const char *key = cl_arena_printf(&cg->arena, "%s\x1f%s", fn->usr, tu->main_file);
    size_t vi;
    if (!cl_strmap_get(&cg->variants_of, key, &vi)) {
        if (cg->funcs.v[same].tu->config == tu->config)
            return 0;
        cl_idvec fresh = { NULL, 0, 0 };
        CL_VEC_PUSH(&fresh, same);
        vi = cg->variants.n;
        CL_VEC_PUSH(&cg->variants, fresh);
        cl_strmap_put(&cg->variants_of, key, vi);
        cg->variant_usrs++;
    }
    cl_idvec *vs = &cg->variants.v[vi];
    for (size_t k = 0; k < vs->n; k++)
        if (cg->funcs.v[vs->v[k]].tu->config == tu->config)
            return 0;
    CL_VEC_PUSH(vs, at);
    return 1;
}

/* The first definition of `usr` merged from a TU of file `file` (the
 * plain one, or the one keyed by that file), or SIZE_MAX. */
static size_t first_in_file(cl_callgraph *cg, const char *usr, size_t plain, const char *file)
{
    size_t i;
    if (strcmp(cg->funcs.v[plain].tu->main_file, file) == 0)
        return plain;
    return tu_keyed_get(cg, usr, file, &i) ? i : SIZE_MAX;
}

/* Merges the definitions and global declarations of one TU. A function
 * of external linkage that an earlier TU defined too (two programs of one
 * compile database, each with its own `dir_scan`) is kept as well, keyed
 * by its TU (tu_key): calls from that TU take it (direct_callee). One
 * that a TU of the same file built in another macro configuration (a
 * build variant) is a variant of it: calls from a TU take the variant
 * of its configuration (pick_variant), so each program links the
 * variants it is built from.
 * A program's main is keyed by its TU, and by its configuration as well
 * when a build variant of the same file defines one too. */
static void merge_tu(cl_callgraph *cg, const cl_tu *tu)
{
    for (size_t i = 0; i < tu->nfuncs; i++) {
        const cl_function *fn = &tu->funcs[i];
        int is_main = strcmp(fn->name, "main") == 0 && !(fn->flags & CL_FN_STATIC);
        size_t first;
        int keyed = is_main || cl_strmap_get(&cg->func_by_usr, fn->usr, &first);
        const char *key = keyed ? tu_key(cg, fn->usr, tu->main_file) : fn->usr;
        if (is_main && cl_strmap_get(&cg->func_by_usr, key, NULL))
            key = cl_arena_printf(&cg->arena, "%s#%u", key, tu->config);
        int variant = !is_main && keyed &&
                      note_variant(cg, fn, tu, first_in_file(cg, fn->usr, first, tu->main_file),
                                   cg->funcs.n);
        if (cl_strmap_get(&cg->func_by_usr, key, NULL) && !variant)
            continue;
        cg->tu_keyed += keyed && !is_main;
        cl_mfunc mf;
        memset(&mf, 0, sizeof mf);
        mf.fn = fn;
        mf.tu = tu;
        if (!cl_strmap_get(&cg->func_by_usr, key, NULL))
            cl_strmap_put(&cg->func_by_usr, key, cg->funcs.n);
        CL_VEC_PUSH(&cg->funcs, mf);
        if (is_main)
            CL_VEC_PUSH(&cg->mains, cg->funcs.n - 1);
    }
    for (size_t i = 0; i < tu->nglobals; i++) {
        const cl_global *g = &tu->globals[i];
        const char *key = cl_arena_printf(&cg->arena, "G%s", g->usr);
        size_t fl = 0;
        cl_strmap_get(&cg->global_flags, key, &fl);
        cl_strmap_put(&cg->global_flags, key, fl | g->flags);
        /* (`static int *sp = &stats;`: the first assignment of sp) */
        if (g->init_path != NULL)
            note_pointee_store(cg, key,
                               g->init_path[0] == 'G' && strstr(g->init_path, "->") == NULL ? g->init_path
                                                                                             : NULL);
    }
}

/* Fills each function's out/in edge index lists (counting sort). */
static void index_edges(cl_callgraph *cg)
{
    size_t nf = cg->funcs.n, ne = cg->edges.n;
    size_t *outs = ne ? cl_arena_alloc(&cg->arena, ne * sizeof *outs) : NULL;
    size_t *ins = ne ? cl_arena_alloc(&cg->arena, ne * sizeof *ins) : NULL;
    size_t *no = cl_xcalloc(nf + 1, sizeof *no), *ni = cl_xcalloc(nf + 1, sizeof *ni);
    for (size_t e = 0; e < ne; e++) {
        no[cg->edges.v[e].caller + 1]++;
        ni[cg->edges.v[e].callee + 1]++;
    }
    for (size_t f = 0; f < nf; f++) {
        no[f + 1] += no[f];
        ni[f + 1] += ni[f];
    }
    for (size_t f = 0; f < nf && ne > 0; f++) {
        cg->funcs.v[f].out = outs + no[f];
        cg->funcs.v[f].in = ins + ni[f];
    }
    for (size_t e = 0; e < ne; e++) {
        cl_mfunc *a = &cg->funcs.v[cg->edges.v[e].caller];
        cl_mfunc *b = &cg->funcs.v[cg->edges.v[e].callee];
        ((size_t *)a->out)[a->nout++] = e;
        ((size_t *)b->in)[b->nin++] = e;
    }
    free(no);
    free(ni);
}

int cl_callgraph_build(cl_callgraph *cg, const cl_tu *const *tus, size_t ntus,
                       const cl_callspecs *specs)
{
    memset(cg, 0, sizeof *cg);
    pthread_mutex_init(&cg->tree_lock, NULL);
    cg->specs = specs;
    cg->tus = tus;
    cg->ntus = ntus;
    for (size_t t = 0; t < ntus; t++)
        if (tus[t] != NULL && tus[t]->parsed)
            merge_tu(cg, tus[t]);
    for (size_t i = 0; i < cg->funcs.n; i++)
        each_event(cg, i, cg->funcs.v[i].fn->body, note_refs);
    for (size_t t = 0; t < ntus; t++) {
        const cl_tu *tu = tus[t];
        if (tu == NULL || !tu->parsed)
            continue;
        for (size_t i = 0; i < tu->nfuncrefs; i++) {
            size_t k;
            if (!value_func(cg, SIZE_MAX, tu, &tu->funcrefs[i], &k))
                continue;
            cg->funcs.v[k].addr_taken = 1;
            if (tu->funcrefs[i].path != NULL)
                note_funcref(cg, tu->funcrefs[i].path, k);
            note_member(cg, tu->funcrefs[i].field, k, SIZE_MAX);
            note_ops_object(cg, tu->funcrefs[i].field, tu->funcrefs[i].path);
        }
    }
    if (cg->param_stores.n > 0)
        for (size_t i = 0; i < cg->funcs.n; i++)
            each_event(cg, i, cg->funcs.v[i].fn->body, note_param_stores);
    for (size_t i = 0; i < cg->funcs.n; i++)
        each_event(cg, i, cg->funcs.v[i].fn->body, note_edges);
    index_edges(cg);
    find_programs(cg);
    return 0;
}

void cl_callgraph_release(cl_callgraph *cg)
{
    free(cg->funcs.v);
    free(cg->mains.v);
    free(cg->edges.v);
    cl_strmap_release(&cg->func_by_usr);
    cl_strmap_release(&cg->global_flags);
    for (size_t i = 0; i < cg->tables.n; i++)
        free(cg->tables.v[i].v);
    free(cg->tables.v);
    cl_strmap_release(&cg->table_by_owner);
    free(cg->param_stores.v);
    free(cg->member_sites.v);
    free(cg->table_programs.v);
    cl_strmap_release(&cg->member_pointee);
    free(cg->pointees.v);
    cl_strmap_release(&cg->whole_writes);
    cl_strmap_release(&cg->foreign_fields);
    cl_strmap_release(&cg->ops_objects);
    cl_blob_release(&cg->call_of);
    cl_blob_release(&cg->value_of);
    for (size_t i = 0; i < cg->variants.n; i++)
        free(cg->variants.v[i].v);
    free(cg->variants.v);
    cl_strmap_release(&cg->variants_of);
    cl_arena_release(&cg->call_keys);
    free(cg->calls.v);
    pthread_mutex_destroy(&cg->tree_lock);
    cl_arena_release(&cg->arena);
    memset(cg, 0, sizeof *cg);
}

void cl_callgraph_to_callers(const cl_callgraph *cg, int (*up)(void *ctx, size_t callee,
                                                               size_t caller),
                             void *ctx)
{
    struct { size_t *v; size_t n, cap; } work = { NULL, 0, 0 };
    for (size_t f = 0; f < cg->funcs.n; f++)
        CL_VEC_PUSH(&work, f);
    while (work.n > 0) {
        size_t f = work.v[--work.n];
        for (size_t i = 0; i < cg->funcs.v[f].nin; i++) {
            size_t caller = cg->edges.v[cg->funcs.v[f].in[i]].caller;
            if (up(ctx, f, caller))
                CL_VEC_PUSH(&work, caller);
        }
    }
    free(work.v);
}

const cl_value *cl_call_arg(const cl_event *call, int index)
{
    return index >= 0 && (size_t)index < call->u.call.nargs ? &call->u.call.args[index] : NULL;
}
