/* shape.c - see shape.h. */
#include "analysis/shape.h"

#include <stdlib.h>
#include <string.h>

/* See shape.h. */
int cl_shape_tested(const cl_node *n, const cl_event *ev)
{
    if (n == NULL)
        return 0;
    if (n->x->test_call == ev)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (cl_shape_tested(n->kids[i], ev))
            return 1;
    return 0;
}

/* See shape.h. */
int cl_shape_under_branch(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_node *n = cl_callgraph_event_node(cg, ev);
    for (const cl_node *p = n ? cl_callgraph_parent(cg, n) : NULL; p != NULL;
         n = p, p = cl_callgraph_parent(cg, p))
        if ((p->kind == CL_N_BRANCH || p->kind == CL_N_SWITCH) && p->cond != n)
            return 1;
    return 0;
}

/* Whether node `n` is a write event to the path `arg` (a string). */
static int writes_path(const cl_node *n, const char *arg)
{
    const cl_event *e = n->kind == CL_N_EVENT ? n->ev : NULL;
    return e != NULL && e->kind == CL_EV_ACCESS && (e->u.access.flags & CL_ACC_WRITE) &&
           e->u.access.path != NULL && strcmp(e->u.access.path, arg) == 0;
}

static int writes_match(const cl_node *n, const void *arg)
{
    return writes_path(n, arg);
}

int cl_shape_writes(const cl_node *n, const char *path)
{
    return cl_shape_any(n, writes_match, path);
}

/* The writes to `path` in subtree `n` (conditions included). */
static size_t count_writes(const cl_node *n, const char *path)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT)
        return (size_t)writes_path(n, path);
    size_t c = count_writes(n->cond, path);
    for (size_t i = 0; i < n->nkids; i++)
        c += count_writes(n->kids[i], path);
    return c;
}

/* The writes to `path` in every function body of `cg`. */
static size_t program_writes(const cl_callgraph *cg, const char *path)
{
    size_t c = 0;
    for (size_t f = 0; f < cg->funcs.n; f++)
        c += count_writes(cg->funcs.v[f].fn->body, path);
    return c;
}

/* See shape.h. */
int cl_shape_sets_tested(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_node *n = cl_callgraph_event_node(cg, ev);
    for (const cl_node *p = n ? cl_callgraph_parent(cg, n) : NULL; p != NULL;
         n = p, p = cl_callgraph_parent(cg, p)) {
        if (p->kind != CL_N_BRANCH || p->cond == n || p->cond == NULL)
            continue;
        for (size_t i = 0; i < p->cond->nkids; i++) {
            const cl_node *k = p->cond->kids[i];
            const cl_event *e = k->kind == CL_N_EVENT ? k->ev : NULL;
            const char *path = e != NULL && e->kind == CL_EV_ACCESS &&
                               (e->u.access.flags & CL_ACC_READ) ? e->u.access.path : NULL;
            size_t set = path != NULL && path[0] != 'L' ? count_writes(n, path) : 0;
            if (set > 0 && set == program_writes(cg, path)) /* (never reset elsewhere) */
                return 1;
        }
    }
    return 0;
}

/* See shape.h. */
int cl_shape_split_by_branch(const cl_callgraph *cg, const cl_event *a, const cl_event *b)
{
    const cl_node *up[64];
    size_t n = 0;
    for (const cl_node *p = cl_callgraph_event_node(cg, a); p != NULL && n < 64;
         p = cl_callgraph_parent(cg, p))
        up[n++] = p;
    for (const cl_node *p = cl_callgraph_event_node(cg, b); p != NULL;
         p = cl_callgraph_parent(cg, p))
        for (size_t i = 0; i < n; i++)
            if (up[i] == p)
                return p->kind == CL_N_BRANCH || p->kind == CL_N_SWITCH;
    return 0;
}

/* See shape.h. */
int cl_shape_respelled(const cl_node *n, const char *name, const char **first)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL) {
        const cl_call *c = &n->ev->u.call;
        for (size_t i = 0; i < c->nargs; i++) {
            const cl_value *v = &c->args[i];
            if (v->kind != CL_VAL_ADDR || v->name == NULL || v->path == NULL ||
                strcmp(v->name, name) != 0)
                continue;
            if (*first != NULL && strcmp(*first, v->path) != 0)
                return 1;
            *first = v->path;
        }
    }
    if (cl_shape_respelled(n->cond, name, first))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (cl_shape_respelled(n->kids[i], name, first))
            return 1;
    return 0;
}

/* Whether `f` is reached from `from` (depth first; `seen` has a byte per
 * function). */
static int reaches(const cl_callgraph *cg, size_t from, size_t f, unsigned char *seen)
{
    const cl_mfunc *mf = &cg->funcs.v[from];
    for (size_t k = 0; k < mf->nout; k++) {
        size_t c = cg->edges.v[mf->out[k]].callee;
        if (c == f)
            return 1;
        if (!seen[c]) {
            seen[c] = 1;
            if (reaches(cg, c, f, seen))
                return 1;
        }
    }
    return 0;
}

/* See shape.h. */
int cl_shape_recursive(const cl_callgraph *cg, size_t f)
{
    unsigned char *seen = cl_xcalloc(cg->funcs.n + 1, 1);
    int r = reaches(cg, f, f, seen);
    free(seen);
    return r;
}

int cl_shape_any(const cl_node *n, int (*match)(const cl_node *, const void *),
                    const void *arg)
{
    if (n == NULL)
        return 0;
    if (match(n, arg))
        return 1;
    if (n->kind == CL_N_EVENT || cl_shape_any(n->cond, match, arg))
        return n->kind != CL_N_EVENT;
    for (size_t i = 0; i < n->nkids; i++)
        if (cl_shape_any(n->kids[i], match, arg))
            return 1;
    return 0;
}

/* What the searches below look for: a handle (raw path) on a line, or an
 * event and a node. */
typedef struct target {
    const char *handle;
    unsigned line;
    const cl_node *body;
    const cl_event *ev;
    const cl_node *node;
} target;

/* A call on line tg->line that takes the value or address of tg->handle. */
static int is_call_with_handle(const cl_node *n, const void *arg)
{
    const target *tg = arg;
    if (n->kind != CL_N_EVENT || n->ev->kind != CL_EV_CALL || n->ev->loc.line != tg->line)
        return 0;
    for (size_t i = 0; i < n->ev->u.call.nargs; i++) {
        const cl_value *v = &n->ev->u.call.args[i];
        if ((v->kind == CL_VAL_ADDR || v->kind == CL_VAL_LOAD) && v->path &&
            strcmp(v->path, tg->handle) == 0)
            return 1;
    }
    return 0;
}

/* A read of tg->handle with no call taking it on its line (`s->tid = tid`:
 * the handle is copied away). */
static int is_handle_copy(const cl_node *n, const void *arg)
{
    const target *tg = arg;
    const cl_event *ev = n->kind == CL_N_EVENT ? n->ev : NULL;
    if (ev == NULL || ev->kind != CL_EV_ACCESS || !(ev->u.access.flags & CL_ACC_READ) ||
        ev->u.access.path == NULL || strcmp(ev->u.access.path, tg->handle) != 0)
        return 0;
    target on_line = { tg->handle, ev->loc.line, NULL, NULL, NULL };
    return !cl_shape_any(tg->body, is_call_with_handle, &on_line);
}

/* Node tg->node, or the event node of tg->ev. */
static int is_target(const cl_node *n, const void *arg)
{
    const target *tg = arg;
    return n == tg->node || (n->kind == CL_N_EVENT && n->ev == tg->ev);
}

/* A loop holding both the spawn (tg->ev) and the `return` tg->node: the
 * function gives up in the middle of starting its threads. */
static int is_loop_left_midway(const cl_node *n, const void *arg)
{
    const target *tg = arg;
    target spawn = { NULL, 0, NULL, tg->ev, NULL }, ret = { NULL, 0, NULL, NULL, tg->node };
    return n->kind == CL_N_LOOP && cl_shape_any(n, is_target, &spawn) &&
           cl_shape_any(n, is_target, &ret);
}

/* A test of the spawn's success together with something else (`fd >= 0
 * && pthread_create(..) == 0`): the walk cannot tell its failure side,
 * where the handle may be unused, from a leak. (A `return` of the spawn's
 * result tests nothing: `return pthread_create(&t, ..);` leaks t.) */
static int is_compound_test(const cl_node *n, const void *arg)
{
    const target *tg = arg;
    return (n->kind == CL_N_BRANCH || n->kind == CL_N_SWITCH || n->kind == CL_N_LOOP) &&
           n->cond != NULL && n->x->test_call != tg->ev && cl_shape_any(n->cond, is_target, tg);
}

static int is_return(const cl_node *n, const void *arg)
{
    (void)arg;
    return n->kind == CL_N_RETURN;
}

/* An `if` or `switch` with tg->ev in one of its alternatives, or one
 * before it (by line) with a `return` inside (`if (!t->running) return;`)
 * that does not test a call's result (`if (start(w) != 0) return -1;`). */
static int is_branch_over(const cl_node *n, const void *arg)
{
    const target *tg = arg;
    if (n->kind != CL_N_BRANCH && n->kind != CL_N_SWITCH)
        return 0;
    for (size_t i = 0; i < n->nkids; i++)
        if (cl_shape_any(n->kids[i], is_target, arg) ||
            (n->x->test_call == NULL && n->loc.line < tg->ev->loc.line &&
             cl_shape_any(n->kids[i], is_return, NULL)))
            return 1;
    return 0;
}

int cl_shape_handle_copied(const cl_node *body, const char *handle)
{
    target tg = { handle, 0, body, NULL, NULL };
    return cl_shape_any(body, is_handle_copy, &tg);
}

int cl_shape_left_midway(const cl_node *body, const cl_event *spawn, const cl_node *ret)
{
    target tg = { NULL, 0, body, spawn, ret };
    return cl_shape_any(body, is_loop_left_midway, &tg);
}

int cl_shape_compound_test(const cl_node *body, const cl_event *call)
{
    target tg = { NULL, 0, body, call, NULL };
    return cl_shape_any(body, is_compound_test, &tg);
}

int cl_shape_guarded(const cl_node *body, const cl_event *ev)
{
    target tg = { NULL, 0, body, ev, NULL };
    return cl_shape_any(body, is_branch_over, &tg);
}

int cl_shape_block_root(const cl_value *v)
{
    const char *name = v->kind == CL_VAL_ADDR && v->path != NULL &&
                       (v->path[0] == 'H' || v->path[0] == 'L') ? strchr(v->path, '#') : NULL;
    return name != NULL && strpbrk(name, ".[-^") == NULL;
}

const char *cl_shape_block_member(const char *root, const char *path)
{
    size_t n = strlen(root);
    return path != NULL && strncmp(path, root, n) == 0 && path[n] == '.' &&
                   strpbrk(path + n + 1, ".[-^") == NULL
               ? path + n
               : NULL;
}

/* The start blocks of the spawn calls in subtree `n`: raw paths, with
 * the body of the start routine each is handed to (NULL: not one known). */
typedef struct block_roots {
    const char *v[8];
    const cl_node *routine[8];
    size_t n;
} block_roots;

static void spawn_blocks(const cl_callgraph *cg, const cl_node *n, block_roots *out)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_callspec *cs = n->ev != NULL && n->ev->kind == CL_EV_CALL ? cl_callgraph_spec(cg, n->ev)
                                                                           : NULL;
        const cl_call *c = cs != NULL && cs->kind == CL_CK_SPAWN ? &n->ev->u.call : NULL;
        if (c == NULL || cs->data < 0 || (size_t)cs->data >= c->nargs || cs->func < 0 ||
            (size_t)cs->func >= c->nargs || !cl_shape_block_root(&c->args[cs->data]) ||
            out->n == sizeof out->v / sizeof out->v[0])
            return;
        size_t one;
        const size_t *fs;
        out->routine[out->n] = cl_callgraph_values(cg, &c->args[cs->func], &one, &fs) == 1
                                   ? cg->funcs.v[fs[0]].fn->body
                                   : NULL;
        out->v[out->n++] = c->args[cs->data].path;
        return;
    }
    spawn_blocks(cg, n->cond, out);
    for (size_t i = 0; i < n->nkids; i++)
        spawn_blocks(cg, n->kids[i], out);
}

static int calls_member_in(const cl_node *n, const char *member, int in_loop)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        const cl_value *v = n->ev != NULL && n->ev->kind == CL_EV_CALL ? &n->ev->u.call.callee : NULL;
        size_t k = strlen(member);
        int hit = v != NULL && v->kind == CL_VAL_ADDR && v->path != NULL &&
                  strncmp(v->path, "P0", 2) == 0 && strncmp(v->path + 2, member, k) == 0 &&
                  strcmp(v->path + 2 + k, "->") == 0;
        return hit ? (in_loop ? -1 : 1) : 0;
    }
    int loop = in_loop || (n->kind == CL_N_LOOP && n->bound != CL_LOOP_ONCE), seen = 0, c;
    if ((c = calls_member_in(n->cond, member, loop)) < 0)
        return -1;
    seen |= c;
    for (size_t i = 0; i < n->nkids; i++) {
        if ((c = calls_member_in(n->kids[i], member, loop)) < 0)
            return -1;
        seen |= c;
    }
    return seen;
}

int cl_shape_calls_member(const cl_node *n, const char *member)
{
    return calls_member_in(n, member, 0);
}

static int stores_param(const cl_node *n, const block_roots *roots, size_t k)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        const cl_access *a = n->ev != NULL && n->ev->kind == CL_EV_ACCESS ? &n->ev->u.access : NULL;
        if (a == NULL || !(a->flags & CL_ACC_WRITE) || a->stored == NULL || a->stored->field == NULL ||
            cl_value_param(a->stored) != (int)k)
            return 0;
        for (size_t i = 0; i < roots->n; i++) {
            const char *member = cl_shape_block_member(roots->v[i], a->path);
            if (member != NULL && cl_shape_calls_member(roots->routine[i], member) == 1)
                return 1;
        }
        return 0;
    }
    if (stores_param(n->cond, roots, k))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (stores_param(n->kids[i], roots, k))
            return 1;
    return 0;
}

int cl_shape_block_param(const cl_callgraph *cg, const cl_node *n, size_t k)
{
    block_roots roots;
    memset(&roots, 0, sizeof roots);
    spawn_blocks(cg, n, &roots);
    return roots.n > 0 && stores_param(n, &roots, k);
}

/* The walk of cl_shape_spawn_report: `bad` once the body does not fit. */
typedef struct spawn_walk {
    cl_spawn_report *r;
    int bad;
} spawn_walk;

static int is_spawn(const cl_callgraph *cg, const cl_node *n)
{
    const cl_callspec *cs = n->kind == CL_N_EVENT && n->ev != NULL && n->ev->kind == CL_EV_CALL
                                ? cl_callgraph_spec(cg, n->ev)
                                : NULL;
    return cs != NULL && cs->kind == CL_CK_SPAWN;
}

static int holds_spawn(const cl_node *n, const void *arg)
{
    return n->kind == CL_N_EVENT && n->ev == ((const cl_spawn_report *)arg)->spawn;
}

static void report_ok(spawn_walk *sw, long long v)
{
    cl_spawn_report *r = sw->r;
    for (size_t i = 0; i < r->nok; i++)
        if (r->ok[i] == v)
            return;
    if (r->nok == sizeof r->ok / sizeof r->ok[0])
        sw->bad = 1;
    else
        r->ok[r->nok++] = v;
}

/* Walks `n` where `after` says whether the spawn has run (and not failed)
 * on the way here; returns the same after `n`. */
static int report_walk(spawn_walk *sw, const cl_node *n, int after)
{
    if (n == NULL || sw->bad)
        return after;
    const cl_spawn_report *r = sw->r;
    switch (n->kind) {
    case CL_N_EVENT:
        return after || n->ev == r->spawn;
    case CL_N_RETURN: {
        int returns_spawn = cl_shape_any(n->cond, holds_spawn, r);
        after = report_walk(sw, n->cond, after);
        if (returns_spawn || (after && n->x->test_op == CL_TEST_EQ))
            report_ok(sw, returns_spawn ? 0 : n->x->test_value);
        else if (after)
            sw->bad = 1;
        return after;
    }
    case CL_N_LABEL:
    case CL_N_GOTO:
        sw->bad = 1;
        return after;
    case CL_N_LOOP:
        if (cl_shape_any(n, holds_spawn, r))
            sw->bad = 1;
        for (size_t i = 0; i < n->nkids; i++)
            report_walk(sw, n->kids[i], after);
        return after;
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids; i++)
            after = report_walk(sw, n->kids[i], after);
        return after;
    default:
        break;
    }
    after = report_walk(sw, n->cond, after);
    int out = 0, on_spawn = n->kind == CL_N_BRANCH && n->nkids == 2 && n->x->test_call == r->spawn;
    for (size_t i = 0; i < n->nkids; i++) {
        cl_test_op op = i == 0 ? n->x->test_op : cl_test_negate(n->x->test_op);
        int failed = on_spawn && !cl_test_holds(op, n->x->test_value, 0);
        out |= report_walk(sw, n->kids[i], failed ? 0 : after);
    }
    return n->nkids > 0 ? out : after;
}

static int count_spawns(const cl_callgraph *cg, const cl_node *n, const cl_event **first)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        if (!is_spawn(cg, n))
            return 0;
        *first = *first != NULL ? *first : n->ev;
        return 1;
    }
    int c = count_spawns(cg, n->cond, first);
    for (size_t i = 0; i < n->nkids; i++)
        c += count_spawns(cg, n->kids[i], first);
    return c;
}

void cl_shape_spawn_report(const cl_callgraph *cg, const cl_node *n, cl_spawn_report *out)
{
    memset(out, 0, sizeof *out);
    const cl_event *spawn = NULL;
    if (count_spawns(cg, n, &spawn) != 1)
        return;
    out->spawn = spawn;
    spawn_walk sw = { out, 0 };
    report_walk(&sw, n, 0);
    if (sw.bad || out->nok == 0)
        memset(out, 0, sizeof *out);
}
