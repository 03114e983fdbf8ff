/* model.c - the link phase: the call graph, the thread walk, and the
 * queries rules ask of the model (see model.h). */
#include "model/model.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/flow.h"
#include "analysis/shape.h"
#include "model/sync.h"
#include "model/threads.h"

int cl_ids_contains(const size_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] == x)
            return 1;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Copies `v` without the ids marked in `bad` into the arena. */
static const size_t *ids_without(cl_arena *a, const size_t *v, size_t n, const unsigned char *bad,
                                 size_t *nout)
{
    size_t *r = n ? cl_arena_alloc(a, n * sizeof *r) : NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!bad[v[i]])
            r[k++] = v[i];
    *nout = k;
    return r;
}

/* A semaphore initialized to 1 is a lock only if every thread that posts
 * it also waits on it (wait ... post around a critical section). One that a
 * thread posts for another to wait on is a signal (a hand-off), not a lock:
 * it is taken out of every lockset again. */
static void drop_signal_semaphores(cl_model *m)
{
    size_t n = m->lock_names.n;
    unsigned char *bad = cl_xcalloc(n + 1, 1);
    int any = 0;
    for (size_t i = 0; i < m->sem_use.cap; i++) {
        const char *k = m->sem_use.keys[i];
        size_t id, tid;
        if (k == NULL || k[0] != 'p' || sscanf(k, "p|%zu|%zu", &id, &tid) != 2 || id >= n)
            continue;
        char want[64];
        snprintf(want, sizeof want, "w|%zu|%zu", id, tid);
        if (!cl_strmap_get(&m->sem_use, want, NULL))
            bad[id] = 1, any = 1;
    }
    for (size_t id = 0; id < n; id++)
        if (bad[id])
            CL_VEC_PUSH(&m->signal_sems, id);
    for (size_t i = 0; any && i < m->accesses.n; i++) {
        cl_accrec *r = &m->accesses.v[i];
        size_t nmay;
        r->may = ids_without(&m->arena, r->may, r->nmay, bad, &nmay);
        r->nmay = (uint32_t)nmay;
        cl_lockref *locks = r->nlocks ? cl_arena_alloc(&m->arena, r->nlocks * sizeof *locks) : NULL;
        size_t k = 0;
        for (size_t q = 0; q < r->nlocks; q++)
            if (!bad[r->locks[q].lock])
                locks[k++] = r->locks[q];
        r->locks = locks;
        r->nlocks = (uint32_t)k;
    }
    free(bad);
}

static int is_event(const cl_node *n, const void *ev)
{
    return n->kind == CL_N_EVENT && n->ev == ev;
}

/* Whether subtree `n` has event node `ev`. */
static int has_event(const cl_node *n, const cl_event *ev)
{
    return cl_shape_any(n, is_event, ev);
}

/* The innermost loop of subtree `n` whose body has event `ev`, or NULL. */
static const cl_node *loop_around(const cl_node *n, const cl_event *ev)
{
    if (n == NULL || n->kind == CL_N_EVENT)
        return NULL;
    for (size_t i = 0; i < n->nkids; i++) {
        const cl_node *in = loop_around(n->kids[i], ev);
        if (in != NULL)
            return in;
    }
    return n->kind == CL_N_LOOP && n->nkids > 0 && has_event(n->kids[0], ev) ? n : NULL;
}

/* The lock id of resolved path `path` when it is a semaphore built from a
 * mutex and a condition variable, else SIZE_MAX. */
static size_t sem_lock_of(const cl_model *m, const char *path)
{
    size_t id;
    return path != NULL && cl_strmap_get(&m->lock_by_name, path, &id) &&
                   cl_ids_contains(m->sem_locks.v, m->sem_locks.n, id)
               ? id : SIZE_MAX;
}

/* Whether semaphore `id` (a lock id) is used as a lock: some thread posts
 * it (an up, sem_use "p"), and none posts it without waiting on it
 * (m->signal_sems). One no thread posts in place (set by a plain store,
 * or posted under another name) is not known to be a lock. */
static int lock_sem(const cl_model *m, size_t id)
{
    if (id == SIZE_MAX || cl_ids_contains(m->signal_sems.v, m->signal_sems.n, id))
        return 0;
    for (size_t t = 0; t < m->threads.n; t++) {
        char key[64];
        snprintf(key, sizeof key, "p|%zu|%zu", id, t);
        if (cl_strmap_get(&m->sem_use, key, NULL))
            return 1;
    }
    return 0;
}

/* Whether call chains `a` and `b` were entered through the same call
 * events for `levels` levels up. */
static int same_sites(const cl_frame *a, const cl_frame *b, int levels)
{
    for (int i = 0; i < levels; i++, a = a->parent, b = b->parent)
        if (a == NULL || b == NULL || a->call != b->call || a->call == NULL)
            return 0;
    return 1;
}

/* What the access records that read wait loop condition `cond` of the
 * function of call record `r` read: with `levels` 0, those of r's thread
 * on r's call chain; else those, of any thread, entered through the same
 * call sites as `r` for that many levels (instances of the object the
 * caller passed that resolved elsewhere, for one r's chain cannot name).
 * 1: semaphores used as locks (lock_sem) only; -1: something else too;
 * 0: no record. */
static int sems_read(const cl_model *m, const cl_callrec *r, const cl_node *cond, int levels)
{
    int seen = 0;
    for (size_t i = 0; i < m->accesses.n; i++) {
        const cl_accrec *a = &m->accesses.v[i];
        if (a->frame == NULL || a->frame->func != r->frame->func ||
            !cl_sync_is_wait_read(m, a->ev) || !has_event(cond, a->ev))
            continue;
        if (levels == 0 ? a->thread != r->thread || cl_frame_find(r->frame, a->frame) != r->frame
                        : !same_sites(a->frame, r->frame, levels))
            continue;
        size_t s = sem_lock_of(m, a->ipath);
        if (s == SIZE_MAX)
            s = sem_lock_of(m, a->path);
        if (!lock_sem(m, s))
            return -1;
        seen = 1;
    }
    return seen;
}

/* A semaphore's predicate as its functions name it: the raw path
 * "P<param>" + `steps` (a member of what pointer parameter `param`
 * points to: "P0.value"). */
typedef struct sem_pred {
    size_t param;
    const char *steps;
} sem_pred;

/* Whether node `n` is a wait read of predicate `arg` (a sem_pred). */
static int reads_pred(const cl_node *n, const void *arg)
{
    const sem_pred *p = arg;
    if (n->kind != CL_N_EVENT || n->ev->kind != CL_EV_ACCESS || n->ev->u.access.path == NULL)
        return 0;
    const char *path = n->ev->u.access.path;
    char *end;
    return path[0] == 'P' && strtoul(path + 1, &end, 10) == p->param && strcmp(end, p->steps) == 0;
}

/* Whether node `n` updates predicate `arg` (a sem_pred) in place. */
static int bumps_pred(const cl_node *n, const void *arg)
{
    return reads_pred(n, arg) &&
           (n->ev->u.access.flags & (CL_ACC_READ | CL_ACC_WRITE)) == (CL_ACC_READ | CL_ACC_WRITE);
}

/* Whether node `n` is a loop that waits for predicate `arg` (a sem_pred). */
static int waits_pred(const cl_node *n, const void *arg)
{
    return n->kind == CL_N_LOOP && cl_shape_any(n->cond, reads_pred, arg);
}

/* Sets *p to the first read in condition `n` of a member of what a
 * pointer parameter points to ("P<k>.<steps>", no other dereference). */
static void find_pred(const cl_node *n, sem_pred *p)
{
    if (n == NULL || p->steps != NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        const char *path = n->ev->kind == CL_EV_ACCESS ? n->ev->u.access.path : NULL;
        char *end;
        if (path == NULL || path[0] != 'P')
            return;
        unsigned long k = strtoul(path + 1, &end, 10);
        if (end[0] == '.' && strstr(end, "->") == NULL)
            p->param = k, p->steps = end;
        return;
    }
    find_pred(n->cond, p);
    for (size_t i = 0; i < n->nkids; i++)
        find_pred(n->kids[i], p);
}

/* The class (member steps, cl_path_member_steps) of the semaphore that
 * call `call` passes as parameter `param`, or NULL. */
static const char *passed_class(const cl_event *call, size_t param)
{
    const cl_value *v = cl_call_arg(call, (int)param);
    return v != NULL && v->kind == CL_VAL_ADDR && v->path != NULL ? cl_path_member_steps(v->path)
                                                                   : NULL;
}

/* For a down `r` whose semaphore no call chain resolved (fio's
 * `fio_sem_down(&sk_out->xmit)` on a connection found through
 * pthread_getspecific): whether its class (the member the caller passes,
 * ".xmit") is a lock by how the program uses it: every function that ups
 * one (calls a function that updates the predicate in place without
 * waiting for it) also downs it (calls r's function on it), as a lock's
 * critical section does; a function that only ups it signals a waiter. */
static int class_lock_like(const cl_model *m, const cl_callrec *r, const cl_node *loop)
{
    if (r->frame->call == NULL)
        return 0;
    sem_pred p = { 0, NULL };
    find_pred(loop->cond, &p);
    const char *cls = p.steps != NULL ? passed_class(r->frame->call, p.param) : NULL;
    if (cls == NULL)
        return 0;
    size_t down = r->frame->func;
    int paired = 0;
    for (size_t i = 0; i < m->cg.edges.n; i++) {
        const cl_cg_edge *e = &m->cg.edges.v[i];
        const char *c = passed_class(e->call, p.param);
        if (c == NULL || strcmp(c, cls) != 0 || e->callee == down ||
            !cl_shape_any(m->cg.funcs.v[e->callee].fn->body, bumps_pred, &p) ||
            cl_shape_any(m->cg.funcs.v[e->callee].fn->body, waits_pred, &p))
            continue;
        /* an up: its caller must down the same class */
        int downs = 0;
        const cl_mfunc *f = &m->cg.funcs.v[e->caller];
        for (size_t j = 0; j < f->nout && !downs; j++) {
            const cl_cg_edge *d = &m->cg.edges.v[f->out[j]];
            const char *dc = d->callee == down ? passed_class(d->call, p.param) : NULL;
            downs = dc != NULL && strcmp(dc, cls) == 0;
        }
        if (!downs)
            return 0;
        paired = 1;
    }
    return paired;
}

int cl_model_lock_sem_wait(const cl_model *m, const cl_callrec *r)
{
    cl_callkind k = r->spec->kind;
    if (k == CL_CK_SEM_WAIT)
        return lock_sem(m, r->lock);
    if ((k != CL_CK_COND_WAIT && k != CL_CK_COND_TIMEDWAIT) || r->frame == NULL)
        return 0;
    const cl_node *loop = loop_around(m->cg.funcs.v[r->frame->func].fn->body, r->ev);
    /* the object r's chain resolved; else its instances through the same
     * call sites, up to three callers away; else its class */
    for (int levels = 0; loop != NULL && levels <= 3; levels++) {
        int how = sems_read(m, r, loop->cond, levels);
        if (how != 0)
            return how > 0;
    }
    return loop != NULL && class_lock_like(m, r, loop);
}

/* Groups the write records by path (cl_model_writers): numbers the paths,
 * counts their writes, then places each write at its group's cursor. */
static void index_writers(cl_model *m)
{
    size_t ngroups = 0, g, *grp = cl_xcalloc(m->accesses.n + 1, sizeof *grp);
    for (size_t i = 0; i < m->accesses.n; i++) {
        const cl_accrec *r = &m->accesses.v[i];
        grp[i] = SIZE_MAX;
        if (!(r->ev->u.access.flags & CL_ACC_WRITE) || r->path == NULL)
            continue;
        if (!cl_strmap_get(&m->writer_group, r->path, &grp[i]))
            cl_strmap_put(&m->writer_group, r->path, grp[i] = ngroups++);
    }
    size_t *off = cl_xcalloc(ngroups + 1, sizeof *off), *cur = cl_xcalloc(ngroups + 1, sizeof *cur);
    for (size_t i = 0; i < m->accesses.n; i++)
        if (grp[i] != SIZE_MAX)
            off[grp[i] + 1]++;
    for (g = 0; g < ngroups; g++)
        cur[g + 1] = off[g + 1] += off[g];
    m->writer_ix = cl_xcalloc(off[ngroups] + 1, sizeof *m->writer_ix);
    for (size_t i = 0; i < m->accesses.n; i++)
        if (grp[i] != SIZE_MAX)
            m->writer_ix[cur[grp[i]]++] = i;
    m->writer_off = off;
    free(cur);
    free(grp);
}

/* Makes the functions of a program without main() that no code of the
 * program calls and no spawn names (its API: their callers are outside
 * the project) the roots of API thread `t`. */
static void library_roots(cl_model *m, cl_thread *t)
{
    size_t *v = cl_arena_alloc(&m->arena, (m->cg.funcs.n + 1) * sizeof *v), n = 0;
    for (size_t i = 0; i < m->cg.funcs.n; i++)
        if (m->cg.funcs.v[i].ncallsites == 0 && !m->cg.funcs.v[i].spawned)
            v[n++] = i;
    t->roots = v;
    t->nroots = n;
}

int cl_model_link(cl_model *m, const cl_tu *const *tus, size_t ntus, const cl_callspecs *specs,
                  unsigned long walk_budget)
{
    memset(m, 0, sizeof *m);
    pthread_mutex_init(&m->text_lock, NULL);
    m->walk_budget = walk_budget ? walk_budget : CL_MODEL_WALK_BUDGET;
    cl_callgraph_build(&m->cg, tus, ntus, specs);
    /* One root thread per program: each main(), or for a library without
     * main() one thread running every uncalled function. */
    size_t nroots = m->cg.mains.n ? m->cg.mains.n : 1;
    for (size_t i = 0; i < nroots; i++) {
        cl_thread root;
        memset(&root, 0, sizeof root);
        root.id = m->threads.n;
        root.entry = m->cg.mains.n ? m->cg.mains.v[i] : SIZE_MAX;
        root.creator = SIZE_MAX;
        CL_VEC_PUSH(&m->threads, root);
    }
    cl_model_find_spawns(m);
    if (m->cg.mains.n == 0)
        library_roots(m, &m->threads.v[0]);
    return 0;
}

void cl_model_walk(cl_model *m)
{
    cl_sync_find_waits(m);
    if (m->cg.specs != NULL && m->cg.specs->event_loops) /* (only handlers acquire them) */
        cl_sync_find_wake_fds(m);
    cl_sync_find_barriers(m);
    cl_model_walk_threads(m);
    cl_sync_check_barriers(m);
    cl_sync_check_handshakes(m);
    drop_signal_semaphores(m);
    index_writers(m);
}

int cl_model_build(cl_model *m, const cl_tu *const *tus, size_t ntus, const cl_callspecs *specs,
                   unsigned long walk_budget)
{
    cl_model_link(m, tus, ntus, specs, walk_budget);
    cl_model_walk(m);
    return 0;
}

void cl_model_release(cl_model *m)
{
    cl_arena_release(&m->text);
    pthread_mutex_destroy(&m->text_lock);
    cl_callgraph_release(&m->cg);
    for (size_t i = 0; i < m->threads.n; i++)
        free(m->threads.v[i].shakes.v), free(m->threads.v[i].shakes_unclean.v),
            free(m->threads.v[i].once_called.v);
    free(m->threads.v);
    free(m->lock_names.v);
    free(m->accesses.v);
    free(m->acc_first);
    free(m->writer_off);
    free(m->writer_ix);
    cl_strmap_release(&m->writer_group);
    free(m->calls.v);
    free(m->exits.v);
    free(m->truncated.v);
    free(m->spawn_params);
    free(m->spawn_sites.v);
    free(m->site_funcs.v);
    free(m->site_resolved);
    free(m->site_canon.v);
    cl_strmap_release(&m->site_locs);
    cl_blob_release(&m->site_index);
    cl_strmap_release(&m->lock_by_name);
    cl_strmap_release(&m->atomic_release);
    cl_strmap_release(&m->jump_released);
    free(m->lock_kind.v);
    for (size_t i = 0; i < m->syncs.n; i++)
        free(m->syncs.v[i].by.v), free(m->syncs.v[i].again_by.v), free(m->syncs.v[i].reacq.v),
            free(m->syncs.v[i].posts.v), free(m->syncs.v[i].guard_tok.v), free(m->syncs.v[i].guard_ftok.v),
            free(m->syncs.v[i].unprimed_by.v), free(m->syncs.v[i].each_foreign.v), free(m->syncs.v[i].each_live.v),
            free(m->syncs.v[i].vals.v), free(m->syncs.v[i].vunknown.v);
    free(m->syncs.v);
    cl_strmap_release(&m->sync_by_name);
    cl_strmap_release(&m->pred_keys);
    cl_strmap_release(&m->wake_keys);
    for (size_t i = 0; i < m->barriers.n; i++)
        free(m->barriers.v[i].waiters.v);
    free(m->barriers.v);
    cl_strmap_release(&m->barrier_by_path);
    cl_blob_release(&m->wait_reads);
    free(m->sem_locks.v);
    free(m->signal_sems.v);
    free(m->barrier_fns.v);
    cl_strmap_release(&m->binary_sems);
    cl_strmap_release(&m->sem_use);
    cl_strmap_release(&m->self_ids);
    cl_blob_release(&m->lib_events);
    cl_blob_release(&m->unresolved_set);
    free(m->unresolved.v);
    free(m->lib_access.v);
    cl_arena_release(&m->arena);
    memset(m, 0, sizeof *m);
}

/* ---- queries -------------------------------------------------------------- */

/* The last two components of `path` ("src/kdig/main.c" -> "kdig/main.c"),
 * or `path` itself when it has fewer. Borrowed from `path`. */
static const char *folder_and_name(const char *path)
{
    const char *last = strrchr(path, '/');
    if (last == NULL)
        return path;
    const char *p = last;
    while (p > path && p[-1] != '/')
        p--;
    return p;
}

/* The ancestor-or-self of `t` whose creator is `anc`, or SIZE_MAX. */
static size_t child_toward(const cl_model *m, size_t anc, size_t t)
{
    while (t != SIZE_MAX && t < m->threads.n) {
        size_t c = m->threads.v[t].creator;
        if (c == anc)
            return t;
        t = c;
    }
    return SIZE_MAX;
}

int cl_model_start_constant(const cl_model *m, size_t t, long long *k)
{
    const cl_event *sp = m->threads.v[t].spawn;
    const cl_callspec *cs = sp != NULL ? cl_callgraph_spec(&m->cg, sp) : NULL;
    const cl_value *v = cs != NULL && cs->kind == CL_CK_SPAWN ? cl_call_arg(sp, cs->data) : NULL;
    if (v == NULL || (v->kind != CL_VAL_INT && v->kind != CL_VAL_NULL))
        return 0;
    *k = v->kind == CL_VAL_INT ? v->ival : 0;
    return 1;
}

size_t cl_model_root(const cl_model *m, size_t t)
{
    while (m->threads.v[t].creator != SIZE_MAX)
        t = m->threads.v[t].creator;
    return t;
}

/* Whether the synchronization objects `acq` (n ids) hold thread `t`'s
 * end: joined on every path there. */
static int end_acquired(const cl_model *m, const size_t *acq, size_t n, size_t t)
{
    size_t e = m->threads.v[t].end_sync;
    return e != 0 && cl_ids_contains(acq, n, e - 1);
}

/* Whether descendant `d` of thread `p`, which has ended, may still run: a
 * child `p` did not join on every path to its end (cl_thread.exit_live),
 * or a descendant that outlives the child it came from, which `p` joined
 * (a thread started by a thread: joining the outer one does not join the
 * inner one). A walk that found no end says no. */
static int outlives(const cl_model *m, size_t p, size_t d)
{
    size_t c = child_toward(m, p, d);
    const cl_thread *t = &m->threads.v[p];
    if (c == SIZE_MAX || c == p || !t->ends)
        return 0;
    if (cl_ids_contains(t->exit_live, t->nexit_live, c))
        return 1;
    return c != d && end_acquired(m, t->exit_acq, t->nexit_acq, c) && outlives(m, c, d);
}

/* Whether `d`, a descendant of `a`'s thread through its child `c` that
 * is not running at `a`, may run there all the same: `a` follows the end
 * of `c` (joined), and `d` outlives it. */
static int outlives_join(const cl_model *m, const cl_accrec *a, size_t c, size_t d)
{
    return c != d && end_acquired(m, a->sync->acq, a->sync->nacq, c) && outlives(m, c, d);
}

/* Whether `a`, a descendant of sibling `x`, may run while sibling `y` does
 * (neither running when the other was started): `x` was joined before
 * `y` began and `a` outlives it. */
static int outlives_sibling(const cl_model *m, size_t x, size_t a, size_t y)
{
    const cl_thread *ty = &m->threads.v[y];
    return x != a && cl_ids_contains(ty->ended_at_spawn, ty->nended_at_spawn, x) && outlives(m, x, a);
}

int cl_model_may_parallel(const cl_model *m, const cl_accrec *ra, const cl_accrec *rb)
{
    size_t a = ra->thread, b = rb->thread;
    if (cl_model_root(m, a) != cl_model_root(m, b))
        return 0; /* different programs */
    if (a == b)
        return m->threads.v[a].multi && !ra->per_instance && !rb->per_instance &&
               !(ra->pinned && rb->pinned && ra->pin == rb->pin);
    /* A descendant of a multi-instance creator runs in parallel with the
     * creator's other instances, whatever this instance has joined
     * (except on their stacks, which are per instance). */
    int other_instances = !ra->per_instance && !rb->per_instance && ra->path[0] != 'T';
    size_t b0 = child_toward(m, a, b);
    if (b0 != SIZE_MAX)
        return cl_ids_contains(ra->live, ra->nlive, b0) || outlives_join(m, ra, b0, b) ||
               (m->threads.v[a].multi && other_instances);
    size_t a0 = child_toward(m, b, a);
    if (a0 != SIZE_MAX)
        return cl_ids_contains(rb->live, rb->nlive, a0) || outlives_join(m, rb, a0, a) ||
               (m->threads.v[b].multi && other_instances);
    /* Siblings below a common ancestor: find it. */
    for (size_t c = m->threads.v[a].creator; c != SIZE_MAX; c = m->threads.v[c].creator) {
        size_t x = child_toward(m, c, a), y = child_toward(m, c, b);
        if (x != SIZE_MAX && y != SIZE_MAX) {
            const cl_thread *tx = &m->threads.v[x], *ty = &m->threads.v[y];
            return cl_ids_contains(tx->live_at_spawn, tx->nlive_at_spawn, y) ||
                   cl_ids_contains(ty->live_at_spawn, ty->nlive_at_spawn, x) ||
                   outlives_sibling(m, x, a, y) || outlives_sibling(m, y, b, x) ||
                   (m->threads.v[c].multi && other_instances);
        }
    }
    return 1;
}

int cl_model_calls_parallel(const cl_model *m, const cl_callrec *a, const cl_callrec *b)
{
    static const cl_syncsets none;
    cl_accrec ra = { .thread = a->thread, .nlive = a->nlive, .live = a->live, .path = "",
                     .sync = &none };
    cl_accrec rb = { .thread = b->thread, .nlive = b->nlive, .live = b->live, .path = "",
                     .sync = &none };
    return cl_model_may_parallel(m, &ra, &rb);
}

/* Whether call chains `a` and `b` are the same (frames may be copies). */
static int same_chain(const cl_frame *a, const cl_frame *b)
{
    for (; a != NULL && b != NULL && a != b; a = a->parent, b = b->parent)
        if (a->func != b->func || a->call != b->call)
            return 0;
    return a == b;
}

int cl_frame_merged(const cl_frame *f)
{
    for (; f != NULL; f = f->parent)
        if (f->merged)
            return 1;
    return 0;
}

const cl_frame *cl_frame_find(const cl_frame *chain, const cl_frame *f)
{
    for (const cl_frame *g = chain; g != NULL && f != NULL; g = g->parent)
        if (same_chain(g, f))
            return g;
    return NULL;
}

/* Whether record `o` takes `lock` on the way to record `r` (see
 * cl_model_lock_site). */
static int takes_on_way(const cl_callrec *o, const cl_callrec *r, size_t lock)
{
    cl_callkind k = o->spec->kind;
    return o->lock == lock && o->thread == r->thread &&
           (k == CL_CK_LOCK || k == CL_CK_RDLOCK || k == CL_CK_TRYLOCK) &&
           (cl_frame_find(r->frame, o->frame) || cl_frame_find(r->frame, o->frame->parent));
}

const cl_callrec *cl_model_lock_site(const cl_model *m, const cl_callrec *r, size_t lock)
{
    size_t end = r >= m->calls.v && r < m->calls.v + m->calls.n ? (size_t)(r - m->calls.v) : 0;
    for (size_t i = end; i-- > 0;)
        if (takes_on_way(&m->calls.v[i], r, lock))
            return &m->calls.v[i];
    /* records are deduplicated: the lock may have been recorded after `r` */
    for (size_t i = end; i < m->calls.n; i++)
        if (takes_on_way(&m->calls.v[i], r, lock))
            return &m->calls.v[i];
    return NULL;
}

static int held_shared(const cl_accrec *r, size_t lock)
{
    for (size_t i = 0; i < r->nlocks; i++)
        if (r->locks[i].lock == lock)
            return (r->locks[i].mode & CL_LOCK_SHARED) != 0;
    return 0;
}

const char *cl_path_member_steps(const char *p)
{
    const char *steps = NULL;
    for (const char *q = strstr(p, "->"); q != NULL; q = strstr(q + 2, "->"))
        steps = q + 2;
    if (steps == NULL && p[0] == 'P')
        steps = p + 1 + strspn(p + 1, "0123456789");
    return steps != NULL && steps[0] == '.' && strchr(steps, '[') == NULL ? steps : NULL;
}

const char *cl_path_subscript(const char *ip, size_t k, size_t *len)
{
    for (const char *p = strchr(ip, '['); p != NULL; p = strchr(p + 1, '[')) {
        const char *close = strchr(p, ']');
        if (close == NULL)
            return NULL;
        if (k-- == 0) {
            *len = (size_t)(close - p - 1);
            return p + 1;
        }
        p = close;
    }
    return NULL;
}

/* Whether subscript `s` (length n) is an integer constant. */
static int const_subscript(const char *s, size_t n)
{
    size_t sign = n > 0 && s[0] == '-';
    return n > sign && strspn(s + sign, "0123456789") == n - sign;
}

int cl_path_distinct_elements(const char *a, const char *b)
{
    const char *sa, *sb;
    size_t na, nb;
    for (size_t k = 0; (sa = cl_path_subscript(a, k, &na)) != NULL &&
                       (sb = cl_path_subscript(b, k, &nb)) != NULL; k++)
        if (const_subscript(sa, na) && const_subscript(sb, nb) &&
            (na != nb || memcmp(sa, sb, na) != 0))
            return 1;
    return 0;
}

/* Lock name `name` as held for the pair (x, y) into `b`: each relative
 * subscript "[=k]" becomes the k-th subscript of x's access, or of y's,
 * when that is a constant (the two accesses touch the same element). */
static void lock_in_pair(const char *name, const cl_accrec *x, const cl_accrec *y, cl_strbuf *b)
{
    b->len = 0;
    for (const char *p = name; *p;) {
        const char *sub = NULL;
        size_t len = 0;
        char *end = NULL;
        if (p[0] == '[' && p[1] == '=') {
            size_t k = strtoul(p + 2, &end, 10);
            sub = cl_path_subscript(x->ipath, k, &len);
            if (sub == NULL || !const_subscript(sub, len))
                sub = cl_path_subscript(y->ipath, k, &len);
            if (sub != NULL && !const_subscript(sub, len))
                sub = NULL;
        }
        if (sub == NULL || end == NULL || *end != ']') {
            cl_strbuf_addn(b, p++, 1);
            continue;
        }
        cl_strbuf_addf(b, "[%.*s]", (int)len, sub);
        p = end + 1;
    }
}

/* Lock name `name` with every subscript erased ("m[3].x[=0]" -> "m[].x[]")
 * into `b`. */
static void lock_any_element(const char *name, cl_strbuf *b)
{
    b->len = 0;
    for (const char *p = name; *p;) {
        const char *close = *p == '[' ? strchr(p, ']') : NULL;
        cl_strbuf_add(b, close ? "[]" : "");
        if (close == NULL)
            cl_strbuf_addn(b, p, 1);
        p = close ? close + 1 : p + 1;
    }
}

/* The pairwise comparison of cl_model_common_lock for locks relative to
 * the accesses' subscripts, and for symbolic locks that are only possibly
 * held (any element of the array may be the access's). */
static int common_relative_lock(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    const unsigned char *kind = m->lock_kind.v;
    int rel = 0;
    for (size_t i = 0; i < a->nmay && !rel; i++)
        rel = kind[a->may[i]] != 0;
    for (size_t j = 0; j < b->nmay && !rel; j++)
        rel = kind[b->may[j]] != 0;
    if (!rel)
        return 0;
    cl_strbuf x = { NULL, 0, 0 }, y = { NULL, 0, 0 };
    int found = 0;
    for (size_t i = 0; i < a->nmay && !found; i++) {
        for (size_t j = 0; j < b->nmay && !found; j++) {
            unsigned ka = kind[a->may[i]], kb = kind[b->may[j]];
            if (ka == 0 && kb == 0)
                continue;
            if (ka == CL_LOCKNAME_SYMBOLIC || kb == CL_LOCKNAME_SYMBOLIC) {
                lock_any_element(m->lock_names.v[a->may[i]], &x);
                lock_any_element(m->lock_names.v[b->may[j]], &y);
            } else {
                lock_in_pair(m->lock_names.v[a->may[i]], a, b, &x);
                lock_in_pair(m->lock_names.v[b->may[j]], b, a, &y);
            }
            found = strcmp(cl_strbuf_str(&x), cl_strbuf_str(&y)) == 0 &&
                    !(held_shared(a, a->may[i]) && held_shared(b, b->may[j]));
        }
    }
    cl_strbuf_release(&x);
    cl_strbuf_release(&y);
    return found;
}

int cl_model_common_lock(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    /* `may` includes every must-held lock. */
    for (size_t i = 0, j = 0; i < a->nmay && j < b->nmay;) {
        if (a->may[i] == b->may[j]) {
            if (!(held_shared(a, a->may[i]) && held_shared(b, b->may[j])))
                return 1;
            i++, j++;
        } else if (a->may[i] < b->may[j]) {
            i++;
        } else {
            j++;
        }
    }
    return common_relative_lock(m, a, b);
}

/* Whether a creation lock of a's thread orders it with b (see model.h). */
static int creation_orders(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    const cl_thread *ta = &m->threads.v[a->thread], *tb = &m->threads.v[b->thread];
    if (ta->ncreation_locks == 0)
        return 0;
    if (a->thread == b->thread)
        return 1;
    /* The creator's own hold does not order it with the thread (but its
     * other instances take the lock as anyone else does). */
    if (b->thread == ta->creator && cl_ids_contains(b->live, b->nlive, a->thread))
        return 0;
    for (size_t i = 0; i < ta->ncreation_locks; i++) {
        size_t l = ta->creation_locks[i];
        if (cl_ids_contains(b->may, b->nmay, l) ||
            (tb->creator != ta->creator && cl_ids_contains(tb->creation_locks, tb->ncreation_locks, l)))
            return 1;
    }
    return 0;
}

int cl_model_creation_lock(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    return creation_orders(m, a, b) || creation_orders(m, b, a);
}

void cl_model_describe_locks(const cl_model *m, const cl_lockref *locks, size_t n, cl_strbuf *b)
{
    if (n == 0) {
        cl_strbuf_add(b, "none");
        return;
    }
    for (size_t i = 0; i < n; i++)
        cl_strbuf_addf(b, "%s'%s'%s", i ? ", " : "",
                       cl_model_path_display(m, m->lock_names.v[locks[i].lock]),
                       (locks[i].mode & CL_LOCK_SHARED) ? " (shared)" : "");
}

/* A copy of the string `b` holds, owned by the model (its text arena,
 * taken under text_lock: rules on several threads ask at once); releases
 * `b`. */
static const char *keep_text(const cl_model *m, cl_strbuf *b)
{
    cl_model *w = (cl_model *)m; /* the text arena is a cache of display strings */
    pthread_mutex_lock(&w->text_lock);
    const char *r = cl_arena_strdup(&w->text, cl_strbuf_str(b));
    pthread_mutex_unlock(&w->text_lock);
    cl_strbuf_release(b);
    return r;
}

const char *cl_model_truncation_note(const cl_model *m, size_t thread)
{
    const cl_thread *t = &m->threads.v[thread];
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, "the walk of ");
    /* Several programs in one compile database each have a main thread:
     * name the file of its main() with its folder (knot has eight main.c). */
    if (t->spawn == NULL && t->entry != SIZE_MAX)
        cl_strbuf_addf(&b, "the main thread (main() in %s)",
                       folder_and_name(m->cg.funcs.v[t->entry].fn->loc.file));
    else
        cl_strbuf_add(&b, cl_model_thread_name(m, thread));
    if (t->cut_budget)
        cl_strbuf_addf(&b, " reached its step budget (%lu steps; \"walk_budget\" in .conc-lint.json)",
                       m->walk_budget);
    else
        cl_strbuf_addf(&b, " met calls nested deeper than %d frames", CL_FLOW_MAX_DEPTH);
    cl_strbuf_add(&b, " and went on without descending into those calls; findings that need "
                      "them may be missing");
    return keep_text(m, &b);
}

const char *cl_model_thread_name(const cl_model *m, size_t thread)
{
    const cl_thread *t = &m->threads.v[thread];
    if (t->spawn == NULL)
        return "main thread";
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "thread '%s' (started at %s:%u)", cl_model_entry_name(m, thread),
                   cl_base_name(t->site->loc.file), t->site->loc.line);
    return keep_text(m, &b);
}

void cl_model_thread_accesses(const cl_model *m, size_t thread, size_t *begin, size_t *end)
{
    *begin = m->acc_first[thread];
    *end = m->acc_first[thread + 1];
}

const size_t *cl_model_writers(const cl_model *m, const char *path, size_t *n)
{
    size_t g;
    if (path == NULL || !cl_strmap_get(&m->writer_group, path, &g)) {
        *n = 0;
        return NULL;
    }
    *n = m->writer_off[g + 1] - m->writer_off[g];
    return m->writer_ix + m->writer_off[g];
}

const char *cl_model_frame_func(const cl_model *m, const cl_frame *frame)
{
    if (frame == NULL || frame->func >= m->cg.funcs.n)
        return NULL;
    return m->cg.funcs.v[frame->func].fn->name;
}

const cl_lockref *cl_lockref_find(const cl_lockref *v, size_t n, size_t lock)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].lock == lock)
            return &v[mid];
        if (v[mid].lock < lock)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

int cl_frame_entry_holds(const cl_frame *frame, size_t lock, int may)
{
    if (frame == NULL)
        return 0;
    return may ? cl_ids_contains(frame->entry_may, frame->nentry_may, lock)
               : cl_lockref_find(frame->entry, frame->nentry, lock) != NULL;
}

int cl_model_plain_lock(const cl_model *m, size_t lock)
{
    if (lock >= m->lock_names.n || (lock < m->lock_kind.n && m->lock_kind.v[lock] != 0))
        return 0;
    const char *name = m->lock_names.v[lock];
    return strcmp(name, CL_ATOMIC_SECTION_LOCK) != 0 &&
           !cl_strmap_get(&m->atomic_release, name, NULL) && !cl_strmap_get(&m->binary_sems, name, NULL);
}

const char *cl_model_lock_display(const cl_model *m, size_t lock)
{
    return lock < m->lock_names.n ? cl_model_path_display(m, m->lock_names.v[lock]) : "?";
}

int cl_model_lock_has_constant_index(const cl_model *m, size_t lock, const char *spelling)
{
    const char *name = lock < m->lock_names.n ? m->lock_names.v[lock] : NULL;
    return name != NULL && strstr(spelling, "[]") != NULL && strchr(name, '[') != NULL &&
           strstr(name, "[$") == NULL && strstr(name, "[?]") == NULL && strstr(name, "[]") == NULL;
}

const char *cl_callrec_lock_spelling(const cl_model *m, const cl_callrec *r)
{
    const cl_value *v = cl_call_arg(r->ev, r->spec->obj);
    if (v != NULL && v->kind == CL_VAL_ADDR && v->name != NULL &&
        !cl_model_lock_has_constant_index(m, r->lock, v->name))
        return v->name;
    return cl_model_lock_display(m, r->lock);
}

const char *cl_model_path_display(const cl_model *m, const char *path)
{
    if (path == NULL)
        return "?";
    const char *p = path;
    if (p[0] == 'T') {
        const char *colon = strchr(p, ':');
        if (colon != NULL)
            p = colon + 1;
    }
    const char *name, *rest;
    size_t nlen;
    if (p[0] == 'L' || p[0] == 'H') {
        const char *hash = strchr(p, '#');
        name = hash ? hash + 1 : p + 1;
        const char *at = strchr(name, '@');
        rest = at ? at : name + strlen(name);
        while (*rest == '@' || (*rest >= '0' && *rest <= '9'))
            rest++;
        nlen = (size_t)((at ? at : rest) - name);
    } else {
        /* (the last '@' before any subscript: index tokens hold some) */
        const char *at = NULL;
        for (const char *q = p; *q != '\0' && *q != '['; q++)
            if (*q == '@')
                at = q;
        name = at ? at + 1 : p + 1;
        rest = name + strcspn(name, ".[-");
        nlen = (size_t)(rest - name);
    }
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, p[0] == 'H' && *rest != '.' ? "*" : "");
    cl_strbuf_addn(&b, name, nlen);
    /* A heap object is shown through the local that holds it: "j->state". */
    cl_strbuf_add(&b, p[0] == 'H' && *rest == '.' ? "->" : "");
    cl_path_add_suffix(&b, rest);
    return keep_text(m, &b);
}

const char *cl_model_entry_name(const cl_model *m, size_t thread)
{
    const cl_thread *t = &m->threads.v[thread];
    if (t->arg_func != NULL)
        return t->arg_func->func_name;
    const cl_value *routine = NULL;
    size_t nroutines = 0;
    for (size_t i = 0; i < t->nblock; i++)
        if (t->block[i].routine) {
            routine = t->block[i].func;
            nroutines++;
        }
    if (nroutines == 1)
        return routine->func_name;
    return t->entry != SIZE_MAX ? m->cg.funcs.v[t->entry].fn->name : "main";
}

size_t cl_frame_ncalls(const cl_frame *frame)
{
    size_t n = 0;
    for (const cl_frame *f = frame; f != NULL && f->call != NULL; f = f->parent)
        n++;
    return n;
}

void cl_path_add_suffix(cl_strbuf *b, const char *rest)
{
    for (const char *q = rest; *q;) {
        if (strncmp(q, "->.", 3) == 0) {
            cl_strbuf_add(b, "->");
            q += 3;
        } else if (strncmp(q, "->", 2) == 0 && q[2] == '\0') {
            q += 2;
        } else if (strncmp(q, "[$", 2) == 0 || strncmp(q, "[?]", 3) == 0) {
            /* an index token (ir.h "Indexed paths") shows as its variable:
             * "[$L<fn>#i@12!2]" as "[i]"; anything else as "[]" */
            const char *end = strchr(q, ']'), *name;
            size_t len;
            if (end == NULL)
                end = q + strlen(q) - 1;
            cl_strbuf_add(b, "[");
            if (q[1] == '$' && cl_token_var(q, &name, &len) && name + len < end)
                cl_strbuf_addn(b, name, len);
            cl_strbuf_add(b, "]");
            q = end + 1;
        } else {
            cl_strbuf_addn(b, q, 1);
            q++;
        }
    }
}

int cl_loc_cmp(const cl_loc *a, const cl_loc *b)
{
    if (a->file != b->file) { /* one TU's locations share their file string */
        int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
        if (c != 0)
            return c;
    }
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}
