/* races.c - see races.h. */
#include "analysis/races.h"
#include "analysis/shape.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int cl_race_skip(const cl_model *m, const cl_accrec *r)
{
    unsigned fl = r->ev->u.access.flags;
    /* Flags from any declaration of the global (e.g. an extern declaration
     * without const is still the const object). An object the invocation
     * has just allocated is no other thread's yet (CL_ACC_FRESH). */
    return (fl & (CL_ACC_CONST | CL_ACC_FRESH)) ||
           (cl_callgraph_global_flags(&m->cg, r->path) & (CL_GV_ATOMIC | CL_GV_CONST));
}

/* Does the path go through a pointer loaded from shared memory ("->")?
 * Such heap objects change hands (unlinked from a list under one lock,
 * freed into a pool under another): ownership transfer the lockset cannot
 * see. For them a race needs an access that holds no lock at all. */
static int through_loaded_pointer(const cl_accrec *r)
{
    return strstr(r->path, "->") != NULL;
}

/* The field a lock lives in, when the lock is a member of an object
 * reached through a pointer ("Gp->.lock": ".lock"); NULL otherwise. */
static const char *object_lock_field(const cl_model *m, size_t lock)
{
    const char *name = m->lock_names.v[lock];
    const char *arrow = NULL;
    for (const char *p = strstr(name, "->"); p != NULL; p = strstr(p + 2, "->"))
        arrow = p;
    return arrow != NULL && arrow[2] == '.' ? arrow + 2 : NULL;
}

/* Each access holds the lock in the same field of a different object
 * (`p->lock` around one, `q->lock` around the other): the locks of two
 * objects of one kind, so the object changing hands is not what keeps the
 * accesses apart (through_loaded_pointer). */
static int other_objects_lock(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    for (size_t i = 0; i < a->nlocks; i++) {
        const char *fa = object_lock_field(m, a->locks[i].lock);
        for (size_t j = 0; fa != NULL && j < b->nlocks; j++) {
            const char *fb = object_lock_field(m, b->locks[j].lock);
            if (fb != NULL && a->locks[i].lock != b->locks[j].lock && strcmp(fa, fb) == 0)
                return 1;
        }
    }
    return 0;
}

int cl_race_classes(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (!cl_race_writes(a) && !cl_race_writes(b))
        return 0;
    /* Two takers hold two objects; a taken object meets only accesses that
     * hold no lock (those of its publisher after it let go of the lock it
     * published under: under it, nobody can have taken it yet), and
     * whatever the publisher releases later does not order them: the
     * object could be taken from the publication on. */
    int took = cl_race_taken(a) || cl_race_taken(b);
    if (cl_race_taken(a) ? cl_race_taken(b) || b->nmay > 0 : took && a->nmay > 0)
        return 0;
    if (cl_race_atomic(a) && cl_race_atomic(b))
        return 0;
    if (cl_model_common_lock(m, a, b) || cl_model_creation_lock(m, a, b) ||
        !cl_model_may_parallel(m, a, b) || (!took && cl_model_sync_ordered(m, a, b)))
        return 0;
    if (through_loaded_pointer(a) && a->nmay > 0 && b->nmay > 0 && !other_objects_lock(m, a, b))
        return 0;
    return 1;
}

/* Is `r` made by a thread started in a loop (or several times) on its
 * instance's own object? */
static int own_of_many(const cl_model *m, const cl_accrec *r)
{
    const cl_thread *t = &m->threads.v[r->thread];
    return r->per_instance && (t->multi || t->in_loop);
}

/* Is node `anc` an ancestor of event `ev`'s node? */
static int encloses(const cl_callgraph *cg, const cl_node *anc, const cl_event *ev)
{
    const cl_node *n = cl_callgraph_event_node(cg, ev);
    while (n != NULL && n != anc)
        n = cl_callgraph_parent(cg, n);
    return n != NULL;
}

/* Is `own` an access to the element its thread picks with its own index
 * (cl_accrec.own_index) and `other` the creator's access with the spawn
 * loop's induction variable inside that loop (`q[i] = new_queue();
 * pthread_create(..., (void *)(long)i)`)? A loop of the creator's after
 * the spawn loop visits every thread's element while they run. */
static int own_vs_spawn_loop(const cl_model *m, const cl_accrec *own, const cl_accrec *other)
{
    const cl_thread *t = &m->threads.v[own->thread];
    if (!own->own_index || !(other->ev->u.access.flags & CL_ACC_INDUCTION_INDEX) ||
        other->thread != t->creator || t->spawn == NULL)
        return 0;
    const cl_node *loop = cl_callgraph_enclosing(&m->cg, t->spawn, CL_N_LOOP);
    return loop != NULL && encloses(&m->cg, loop, other->ev);
}

/* Whether indexed path `ip` has a subscript by token `tok` ("[tok]"). */
static int has_subscript(const char *ip, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = ip != NULL ? strchr(ip, '[') : NULL; p != NULL; p = strchr(p + 1, '['))
        if (strncmp(p + 1, tok, n) == 0 && p[1 + n] == ']')
            return 1;
    return 0;
}

/* Is `other` the creator's access, after the spawn loop, of the element
 * the loop's induction variable names once the loop has ended (cl_node.
 * exit_index), in its own statement or through a call it passes that
 * element to, and `own` a thread's access of what it owns, its element
 * given by that loop among them (`for (i = 0; i < n - 1; i++)
 * start(&w[i]); run(&w[i]);`: the creator runs one more worker itself, on
 * the element past the started ones, which no round gave a thread)? */
static int past_spawn_loop(const cl_model *m, const cl_accrec *own, const cl_accrec *other)
{
    const cl_thread *t = &m->threads.v[own->thread];
    if (!own_of_many(m, own) || other->thread != t->creator || t->spawn == NULL ||
        t->arg_ipath == NULL)
        return 0;
    const cl_node *loop = cl_callgraph_enclosing(&m->cg, t->spawn, CL_N_LOOP);
    const char *exit = loop != NULL ? loop->x->exit_index : NULL;
    const char *bang = exit != NULL ? strrchr(exit, '!') : NULL;
    const char *in = bang != NULL ? strstr(t->arg_ipath, "[$") : NULL;
    /* (the started threads' subscript: the same variable, a round's value) */
    if (in == NULL || strncmp(in + 1, exit, (size_t)(bang - exit + 1)) != 0 ||
        has_subscript(t->arg_ipath, exit) || encloses(&m->cg, loop, other->ev))
        return 0;
    int past = has_subscript(other->ipath, exit);
    for (const cl_frame *f = other->frame; f != NULL; f = f->parent) {
        if (f->call == NULL)
            continue;
        if (encloses(&m->cg, loop, f->call))
            return 0;
        for (size_t k = 0; k < f->call->u.call.nargs; k++)
            past |= has_subscript(f->call->u.call.args[k].ipath, exit);
    }
    return past;
}

/* cl_shape_any match: a join call (pthread_join, thrd_join). */
static int is_join(const cl_node *n, const void *arg)
{
    const cl_callspec *cs = n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL
                                ? cl_callgraph_spec(arg, n->ev)
                                : NULL;
    return cs != NULL && cs->kind == CL_CK_JOIN;
}

/* cl_shape_any match: a join call, or a call of a project function that
 * makes one (a reaping helper: `reap(&w[i])`). */
static int joins(const cl_node *n, const void *arg)
{
    const cl_callgraph *cg = arg;
    if (is_join(n, cg))
        return 1;
    size_t one;
    const size_t *callees;
    size_t nc = n->kind == CL_N_EVENT ? cl_callgraph_callees(cg, n->ev, &one, &callees) : 0;
    for (size_t i = 0; i < nc; i++)
        if (cl_shape_any(cg->funcs.v[callees[i]].fn->body, is_join, cg))
            return 1;
    return 0;
}

/* Is `r` an access of this round's element of a loop that visits every
 * element while `own`'s thread instances run: a loop of their creator's,
 * apart from the spawn loop (around the spawn or a call on its way to
 * it, through spawn wrappers), that picks the element with its induction
 * variable and joins no thread (`for (j..) sum += slot[j].out;` before
 * the join loop)? A join loop reads the element of the thread it just
 * joined; the spawn loop fills the element before the spawn hands it
 * over. */
static int visits_live_elements(const cl_model *m, const cl_accrec *own, const cl_accrec *r)
{
    const cl_thread *t = &m->threads.v[own->thread];
    if (!(r->ev->u.access.flags & CL_ACC_INDUCTION_INDEX) || r->thread != t->creator ||
        t->spawn == NULL)
        return 0;
    const cl_node *loop = cl_callgraph_enclosing(&m->cg, r->ev, CL_N_LOOP);
    if (loop == NULL || encloses(&m->cg, loop, t->spawn))
        return 0;
    for (const cl_frame *f = t->spawn_frame; f != NULL; f = f->parent)
        if (f->call != NULL && encloses(&m->cg, loop, f->call))
            return 0;
    return !cl_shape_any(loop, joins, &m->cg);
}

/* Whether indexed path `ip` has a single subscript, an integer constant
 * (`slot[0]`, `slot[2].count`): *k gets it. */
static int const_subscript(const char *ip, long long *k)
{
    const char *open = ip != NULL ? strchr(ip, '[') : NULL;
    if (open == NULL || strchr(open + 1, '[') != NULL)
        return 0;
    char *end;
    errno = 0;
    *k = strtoll(open + 1, &end, 10);
    return end != open + 1 && *end == ']' && errno == 0;
}

/* Whether `a`, made only by the instance of its thread whose start
 * argument is its pin (`if (id == 0) slot[0] = sum;`, cl_accrec.pinned),
 * touches the element that pin names, and `b`, of the same thread, the
 * element of the instance making it (`slot[id] = part;`,
 * cl_accrec.own_index): the same element only in the pinned instance
 * itself, where the two accesses are in program order. */
static int pinned_own_element(const cl_accrec *a, const cl_accrec *b)
{
    long long k;
    return a->thread == b->thread && a->pinned && b->own_index && !a->own_index &&
           const_subscript(a->ipath, &k) && k == a->pin;
}

/* Accesses that touch different elements of one array by construction:
 * different constant subscripts (`acct[0]`, `acct[1]`); the same
 * statement picking its element with a local index in both threads (a
 * partitioned array); or the own element of a thread started in a loop
 * (its start argument was `&slot[i]` of the spawn loop, or a heap object
 * allocated in that iteration) against the creator's `slot[i]` with the
 * loop's induction variable, or its access through the object of the
 * current iteration before handing it over (filled in the iteration that
 * starts the thread, directly or by helpers it is passed to:
 * cl_accrec.per_iteration); or two elements the instances of one thread
 * pick with their own index (cl_accrec.own_index), and such an element
 * against the creator's access in the spawn loop (own_vs_spawn_loop); or
 * a thread's own element against the one past the spawn loop's last
 * round (past_spawn_loop). A
 * thread started once outside loops owns no element apart from the
 * creator's loops: they visit it too. Two threads that pick an element
 * with start arguments the spawns gave as constants pick the same one
 * exactly when the constants agree (cl_model_start_constant). The pinned
 * instance's constant element is not another instance's own one
 * (pinned_own_element). */
int cl_race_distinct_elements(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    long long ka, kb;
    if (cl_path_distinct_elements(a->ipath, b->ipath))
        return 1;
    /* Elements picked with the start argument, given as constants by the
     * spawns: the same element when the constants agree (two threads both
     * started with index 0), different ones when they differ. */
    if (a->arg_subscript && b->arg_subscript && a->thread != b->thread &&
        cl_model_start_constant(m, a->thread, &ka) && cl_model_start_constant(m, b->thread, &kb))
        return ka != kb;
    /* ... and against a constant subscript (`slot[0]`): the same element
     * when that constant is the start argument. */
    if (a->arg_subscript != b->arg_subscript && a->thread != b->thread) {
        const cl_accrec *x = a->arg_subscript ? a : b, *y = a->arg_subscript ? b : a;
        const char *open = x->ipath != NULL ? strchr(x->ipath, '[') : NULL;
        if (open != NULL && strchr(open + 1, '[') == NULL && cl_model_start_constant(m, x->thread, &ka) &&
            const_subscript(y->ipath, &kb))
            return ka != kb;
    }
    if (a->ev == b->ev && (a->ev->u.access.flags & CL_ACC_LOCAL_INDEX))
        return 1;
    if (a->own_index && b->own_index && a->thread == b->thread)
        return 1;
    if (pinned_own_element(a, b) || pinned_own_element(b, a))
        return 1;
    return (own_of_many(m, a) && b->per_iteration && !visits_live_elements(m, a, b)) ||
           (own_of_many(m, b) && a->per_iteration && !visits_live_elements(m, b, a)) ||
           own_vs_spawn_loop(m, a, b) || own_vs_spawn_loop(m, b, a) ||
           past_spawn_loop(m, a, b) || past_spawn_loop(m, b, a);
}

/* --- programs without main() (cl_race_api_pair) --------------------------- */

/* The function at the bottom of call chain `f`. */
static size_t root_func(const cl_frame *f)
{
    while (f->parent != NULL)
        f = f->parent;
    return f->func;
}

/* What follows the parameter in a path through an API function's pointer
 * parameter ("T0:A<usr>@srv->.stop" -> "->.stop"), or NULL. */
static const char *api_member(const char *path)
{
    const char *p = path;
    if (*p++ != 'T')
        return NULL;
    while (*p >= '0' && *p <= '9')
        p++;
    return strncmp(p, ":A", 2) == 0 ? strstr(p, "->") : NULL;
}

/* Is this the root thread of a program without main() (model.h)? */
static int api_thread(const cl_model *m, size_t thread)
{
    return m->threads.v[thread].entry == SIZE_MAX && m->threads.v[thread].creator == SIZE_MAX;
}

/* Does thread `t`, started by the API function `fn`, still run on some
 * path where `fn` returns? Linear in the exit records. */
static int outlives_api(const cl_model *m, const cl_thread *t, size_t fn)
{
    for (size_t i = 0; i < m->exits.n; i++) {
        const cl_exitrec *x = &m->exits.v[i];
        if (x->thread == t->creator && x->frame->parent == NULL && x->frame->func == fn &&
            cl_ids_contains(x->live, x->nlive, t->id))
            return 1;
    }
    return 0;
}

int cl_race_api_pair(const cl_model *m, const cl_accrec *w, const cl_accrec *r)
{
    if (!cl_race_writes(w) || !api_thread(m, w->thread) || w->nmay > 0 || r->nmay > 0 ||
        w->ev->u.access.decl.line == 0 ||
        cl_loc_cmp(&w->ev->u.access.decl, &r->ev->u.access.decl) != 0)
        return 0;
    const char *mw = api_member(w->path), *mr = api_member(r->path);
    if (strcmp(w->path, r->path) != 0 && (mw == NULL || mr == NULL || strcmp(mw, mr) != 0))
        return 0;
    size_t t = r->thread;
    while (m->threads.v[t].creator != w->thread && m->threads.v[t].creator != SIZE_MAX)
        t = m->threads.v[t].creator;
    const cl_thread *th = &m->threads.v[t];
    if (th->creator != w->thread || th->spawn_frame == NULL)
        return 0;
    size_t fn = root_func(th->spawn_frame);
    return fn != root_func(w->frame) && outlives_api(m, th, fn);
}

/* See races.h. */
int cl_race_volatile_store(const cl_model *m, const cl_accrec *w)
{
    unsigned fl = w->ev->u.access.flags;
    size_t lo, hi;
    if ((fl & (CL_ACC_WRITE | CL_ACC_READ | CL_ACC_VOLATILE | CL_ACC_ATOMIC)) !=
        (CL_ACC_WRITE | CL_ACC_VOLATILE))
        return 0;
    cl_model_thread_accesses(m, w->thread, &lo, &hi);
    for (const cl_accrec *x = m->accesses.v + lo; x < m->accesses.v + hi; x++)
        if ((x->ev->u.access.flags & CL_ACC_READ) && x->frame->func == w->frame->func &&
            x->ev->loc.line == w->ev->loc.line && x->ev->loc.file == w->ev->loc.file &&
            strcmp(x->path, w->path) == 0)
            return 0;
    return 1;
}

/* Whether `r` reads a volatile, not atomic, object. */
static int volatile_read(const cl_accrec *r)
{
    return (r->ev->u.access.flags & (CL_ACC_READ | CL_ACC_VOLATILE | CL_ACC_ATOMIC)) ==
           (CL_ACC_READ | CL_ACC_VOLATILE);
}

/* See races.h. */
int cl_race_volatile_flag(const cl_model *m, const cl_race *x)
{
    return !x->self && ((volatile_read(&x->b) && cl_race_volatile_store(m, &x->a)) ||
                        (volatile_read(&x->a) && cl_race_volatile_store(m, &x->b)));
}

/* See races.h. */
int cl_race_at_fault(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (cl_race_taken(a) != cl_race_taken(b))
        return !cl_race_taken(a); /* the taker owns it: the other lacks the lock */
    if (cl_race_atomic(a) != cl_race_atomic(b))
        return !cl_race_atomic(a); /* the plain access next to an atomic one */
    if (a->nlocks != b->nlocks)
        return a->nlocks < b->nlocks;
    if (a->nmay != b->nmay) /* (a lock wrapper choosing by type: held on every path) */
        return a->nmay < b->nmay;
    int a_spawned = m->threads.v[a->thread].spawn != NULL;
    int b_spawned = m->threads.v[b->thread].spawn != NULL;
    if (a_spawned != b_spawned)
        return a_spawned;
    return cl_loc_cmp(&a->ev->loc, &b->ev->loc) <= 0;
}

/* Whether the accesses of hit `h` name one location for sure: the same
 * indexed path with no subscript but integer constants (`sums[2]` twice;
 * not `sums[id]` against `sums[2]`, which may be different elements). */
static int definite(const cl_race_hit *h)
{
    const char *p = h->r->ipath, *q = h->o->ipath;
    return p != NULL && q != NULL && strcmp(p, q) == 0 && strstr(p, "[$") == NULL &&
           strstr(p, "[?]") == NULL && strstr(p, "[]") == NULL;
}

/* Orders hits by function, kind of access, hits on one location for sure
 * first, then source location. */
static int cmp_hit(const void *x, const void *y)
{
    const cl_race_hit *a = x, *b = y;
    if (a->r->frame->func != b->r->frame->func)
        return a->r->frame->func < b->r->frame->func ? -1 : 1;
    if (cl_race_writes(a->r) != cl_race_writes(b->r))
        return cl_race_writes(a->r) - cl_race_writes(b->r);
    if (definite(a) != definite(b))
        return definite(b) - definite(a);
    int c = cl_loc_cmp(&a->r->ev->loc, &b->r->ev->loc);
    if (c != 0)
        return c;
    return a->r->thread < b->r->thread ? -1 : a->r->thread > b->r->thread;
}


static void add_hit(cl_race_hits *out, const cl_accrec *r, const cl_accrec *o)
{
    cl_race_hit h = { r, o };
    CL_VEC_PUSH(out, h);
}

/* See races.h. */
void cl_race_pairs(const cl_model *m, const cl_acc_class *cls, size_t ncls, cl_race_hits *out)
{
    out->n = 0;
    for (size_t ci = 0; ci < ncls; ci++) {
        for (size_t cj = ci; cj < ncls; cj++) {
            const cl_acc_class *A = &cls[ci], *B = &cls[cj];
            if (!cl_race_classes(m, A->v[0], B->v[0]))
                continue;
            if (A == B) {
                /* One multi-instance thread racing with itself: every
                 * access, except a statement that picks its element with
                 * a local index (a partitioned array) when it is the only
                 * one, and accesses that pick each instance's own element
                 * with its own index. */
                if (A->v[0]->own_index)
                    continue;
                for (size_t k = 0; k < A->n; k++)
                    if (A->n > 1 || !(A->v[k]->ev->u.access.flags & CL_ACC_LOCAL_INDEX))
                        add_hit(out, A->v[k], A->n > 1 ? A->v[k == 0 ? 1 : 0] : A->v[k]);
                continue;
            }
            const cl_acc_class *F = cl_race_at_fault(m, A->v[0], B->v[0]) ? A : B;
            const cl_acc_class *O = F == A ? B : A;
            for (size_t k = 0; k < F->n; k++)
                for (size_t q = 0; q < O->n; q++)
                    if (!cl_race_distinct_elements(m, F->v[k], O->v[q])) {
                        add_hit(out, F->v[k], O->v[q]);
                        break;
                    }
        }
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_hit);
}
