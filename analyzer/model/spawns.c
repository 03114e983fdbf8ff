/* spawns.c - spawn wrappers and the spawn sites of the program (model.h).
 *
 * A spawn wrapper is a project function that passes one of its own
 * parameters on as the start routine of a spawn call (pthread_create,
 * thrd_create, a configured spawn function), directly or through other
 * wrappers, in any file: `create_worker(fn, arg)` calling
 * `pthread_create(&t, NULL, fn, arg)`; or stores it in a start block, the
 * object it passes as the start argument of its spawn call, for the
 * start routine to call (`sb->fn = fn; pthread_create(&t, NULL,
 * trampoline, sb)`; threads.c follows the block; shape.h). Found without
 * configuration by a fixpoint over the call graph: a parameter is a spawn
 * parameter when the function passes it unchanged (the value `&P<k>`) as
 * a spawn call's start routine or as a spawn parameter of a callee, or
 * stores it in the start block of its spawn call; rounds repeat until no
 * parameter is added (as many rounds as the deepest wrapper chain, plus
 * one). The thread walk binds the function values of these parameters
 * (threads.c), so each call of a wrapper spawns the function it is given.
 *
 * Spawn sites are the places in project code that name a start routine: a
 * spawn call, or a call of a wrapper, whose start-routine argument is not
 * itself a forwarded spawn parameter (that one is plumbing inside a
 * wrapper: the site is its caller's call). They are counted whether or not
 * a walk reaches them (a library without main); the walk marks those
 * through which it started a thread as resolved (--stats thread coverage).
 * A function named at a spawn site is a thread entry: it is not walked as
 * a root of a program without main.
 */
#include "model/model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/shape.h"
#include "util/intern.h"

enum { MAX_SPAWN_PARAMS = 64 };

/* The start-routine argument of spawn call `ev`, or -1 when `ev` is not a
 * spawn call. */
static int spawn_func_arg(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_callspec *cs = cl_callgraph_spec(cg, ev);
    if (cs == NULL || cs->kind != CL_CK_SPAWN || cs->func < 0 ||
        (size_t)cs->func >= ev->u.call.nargs)
        return -1;
    return cs->func;
}

/* Adds the spawn parameter forwarded by argument `v` to function `f`'s set;
 * returns 1 when it is new. */
static int forwards(cl_model *m, size_t f, const cl_value *v)
{
    int k = cl_value_param(v);
    if (k < 0 || (size_t)k >= m->cg.funcs.v[f].fn->nparams ||
        (m->spawn_params[f] >> k & 1u))
        return 0;
    m->spawn_params[f] |= (uint64_t)1 << k;
    return 1;
}

/* Records `ev` in function `f` as a spawn site when one of its start-routine
 * arguments (`mask`: bit j for argument j) is not a forwarded parameter,
 * and marks the functions those arguments name as thread entries. */
static void note_site(cl_model *m, size_t f, const cl_event *ev, uint64_t mask)
{
    const cl_call *c = &ev->u.call;
    int named = 0;
    for (size_t j = 0; j < c->nargs && j < MAX_SPAWN_PARAMS; j++) {
        if (!(mask >> j & 1u) || cl_value_param(&c->args[j]) >= 0)
            continue;
        named = 1;
        size_t one;
        const size_t *fs;
        size_t n = cl_callgraph_values(&m->cg, &c->args[j], &one, &fs);
        for (size_t i = 0; i < n; i++)
            m->cg.funcs.v[fs[i]].spawned = 1;
    }
    if (!named)
        return;
    uintptr_t key = (uintptr_t)ev;
    int added;
    cl_blobent *e = cl_blob_lookup(&m->site_index, &m->arena, &key, sizeof key, &added);
    if (!added)
        return;
    e->val = m->spawn_sites.n;
    /* (the function counts too: a spawn macro expanded in two functions
     * has one location, in the header, and is two sites) */
    const char *loc = cl_arena_printf(&m->arena, "%s|%s:%u:%u", m->cg.funcs.v[f].fn->usr,
                                      ev->loc.file ? ev->loc.file : "", ev->loc.line,
                                      ev->loc.col);
    size_t canon = m->spawn_sites.n;
    if (!cl_strmap_get(&m->site_locs, loc, &canon))
        cl_strmap_put(&m->site_locs, loc, canon);
    CL_VEC_PUSH(&m->site_canon, canon);
    CL_VEC_PUSH(&m->spawn_sites, ev);
    CL_VEC_PUSH(&m->site_funcs, f);
}

typedef struct spawn_call {
    size_t func;
    const cl_event *ev;
    int arg;
} spawn_call;

typedef struct spawn_calls {
    spawn_call *v;
    size_t n, cap;
} spawn_calls;

static void collect(const cl_callgraph *cg, size_t f, const cl_node *n, spawn_calls *out)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        int a = n->ev != NULL && n->ev->kind == CL_EV_CALL ? spawn_func_arg(cg, n->ev) : -1;
        if (a >= 0) {
            spawn_call sc = { f, n->ev, a };
            CL_VEC_PUSH(out, sc);
        }
        return;
    }
    collect(cg, f, n->cond, out);
    for (size_t k = 0; k < n->nkids; k++)
        collect(cg, f, n->kids[k], out);
}

void cl_model_find_spawns(cl_model *m)
{
    const cl_callgraph *cg = &m->cg;
    m->spawn_params = cl_xcalloc(cg->funcs.n + 1, sizeof *m->spawn_params);
    spawn_calls calls = { NULL, 0, 0 };
    for (size_t f = 0; f < cg->funcs.n; f++)
        collect(cg, f, cg->funcs.v[f].fn->body, &calls);
    for (size_t i = 0; i < calls.n; i++) {
        size_t f = calls.v[i].func;
        forwards(m, f, &calls.v[i].ev->u.call.args[calls.v[i].arg]);
        const cl_function *fn = cg->funcs.v[f].fn;
        for (size_t k = 0; k < fn->nparams && k < MAX_SPAWN_PARAMS; k++)
            if (!(m->spawn_params[f] >> k & 1u) && cl_shape_block_param(cg, fn->body, k))
                m->spawn_params[f] |= (uint64_t)1 << k;
    }
    for (int grew = 1; grew;) {
        grew = 0;
        for (size_t e = 0; e < cg->edges.n; e++) {
            const cl_cg_edge *ed = &cg->edges.v[e];
            uint64_t mask = m->spawn_params[ed->callee];
            const cl_call *c = &ed->call->u.call;
            for (size_t j = 0; mask != 0 && j < c->nargs && j < MAX_SPAWN_PARAMS; j++)
                if (mask >> j & 1u)
                    grew |= forwards(m, ed->caller, &c->args[j]);
        }
    }
    for (size_t i = 0; i < calls.n; i++)
        note_site(m, calls.v[i].func, calls.v[i].ev, (uint64_t)1 << calls.v[i].arg);
    for (size_t e = 0; e < cg->edges.n; e++)
        if (m->spawn_params[cg->edges.v[e].callee] != 0)
            note_site(m, cg->edges.v[e].caller, cg->edges.v[e].call,
                      m->spawn_params[cg->edges.v[e].callee]);
    m->site_resolved = cl_xcalloc(m->spawn_sites.n + 1, 1);
    free(calls.v);
}

void cl_model_spawn_resolved(cl_model *m, const cl_event *ev)
{
    uintptr_t key = (uintptr_t)ev;
    const cl_blobent *e = cl_blob_find(&m->site_index, &key, sizeof key);
    if (e != NULL)
        m->site_resolved[e->val] = 1;
}

size_t cl_model_spawn_site_count(const cl_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->spawn_sites.n; i++)
        n += m->site_canon.v[i] == i;
    return n;
}

int cl_model_site_resolved(const cl_model *m, size_t i)
{
    size_t canon = m->site_canon.v[i];
    for (size_t j = canon; j < m->spawn_sites.n; j++)
        if (m->site_canon.v[j] == canon && m->site_resolved[j])
            return 1;
    return 0;
}

size_t cl_model_resolved_sites(const cl_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->spawn_sites.n; i++)
        n += m->site_canon.v[i] == i && cl_model_site_resolved(m, i);
    return n;
}
