/* cl002_unguarded_shared_state.c - CL002 unguarded-shared-state: data races.
 *
 * What it finds: two accesses to the same location (a global, a static, a
 * field reached through a thread's start argument or a global pointer, a
 * stack object handed to a thread), at least one a write, made by threads
 * that may run at the same time (model.h: create/join ordering), with no
 * lock held by both, neither atomic, the object not thread-local. A start
 * routine started in a loop races with itself.
 *
 * Where it reports: at the access that lacks the lock (the side holding
 * fewer locks, then fewer locks held on some path); on a tie, the access in a spawned thread rather than the
 * creator's, then the earlier one in the source. One finding per such
 * access, with the other access as a related location and one thread flow
 * per thread.
 *
 * What it deliberately does not flag: accesses before pthread_create or after
 * the join of every thread that touches the object; _Atomic objects and the
 * atomic builtins (their operands are not recorded as plain accesses);
 * a _Thread_local / __thread object used only by its own thread (its
 * address handed to another thread makes it shared); const objects; array elements handed out one per
 * thread instance (`&slot[i]` in the spawn loop) and a statement racing
 * only with itself on an element picked by a local index (`out[i] = ...`
 * with `i` a local: a partitioned array); heap objects reached through a
 * pointer loaded from shared memory (`it->next` with `it` taken from a
 * global list) when both accesses hold some lock: such objects change
 * owners (unlinked under one lock, freed into a pool under another) in ways
 * a lockset cannot see, so only an access holding no lock at all is
 * reported there; objects reached only through pointers whose origin is
 * unknown (a pointer a non-allocator call returned): without an escape
 * analysis they would be guesses. Heap objects a local received from an
 * allocator are tracked under that local's name (ir.h, "H" paths), so a
 * thread's argument meets the creator's accesses (docs/rules.md, "CL002
 * limits").
 *
 * Limits: locks are named by access path, so a lock reached through two
 * different paths (an alias) counts as two locks; trylock is assumed to
 * succeed on the path that follows it; calls that always end the process
 * (assert and panic handlers, model/dies.h) are not walked, so what they do
 * on the way out is not reported; nothing after a noreturn call is walked;
 * library calls access the memory their arguments point to (callspec.h); a global a path tested against a
 * constant keeps that value on the path until this thread writes it (a
 * thread's mode), so later tests of it are decided (docs/rules.md, "CL002
 * limits").
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/access_classes.h"
#include "analysis/finding_builder.h"
#include "model/model.h"
#include "rule.h"

/* Thread-local objects are not skipped: their paths name the owning
 * thread's instance (model.h), so only an instance whose address reached
 * another thread can race. */
static int skip(const cl_model *m, const cl_accrec *r)
{
    unsigned fl = r->ev->u.access.flags;
    /* Flags from any declaration of the global (e.g. an extern declaration
     * without const is still the const object). An object the invocation
     * has just allocated is no other thread's yet (CL_ACC_FRESH). */
    return (fl & (CL_ACC_CONST | CL_ACC_FRESH)) ||
           (cl_callgraph_global_flags(&m->cg, r->path) & (CL_GV_ATOMIC | CL_GV_CONST));
}

static int is_write(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_WRITE) != 0;
}

static int is_atomic(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_ATOMIC) != 0;
}

/* Which access of a racing pair is reported: 1 for `a`, 0 for `b`. */
static int a_at_fault(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (is_atomic(a) != is_atomic(b))
        return !is_atomic(a); /* the plain access next to an atomic one */
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

/* Does the path go through a pointer loaded from shared memory ("->")?
 * Such heap objects change hands (unlinked from a list under one lock,
 * freed into a pool under another): ownership transfer the lockset cannot
 * see. For them a race needs an access that holds no lock at all. */
static int through_loaded_pointer(const cl_accrec *r)
{
    return strstr(r->path, "->") != NULL;
}

static const char *func_of(const cl_model *m, const cl_accrec *r)
{
    const char *fn = cl_model_frame_func(m, r->frame);
    return fn ? fn : "?";
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r, const cl_accrec *o)
{
    cl_strbuf msg = { NULL, 0, 0 };
    const char *name = r->ev->u.access.name;
    const char *what = is_write(r) ? "write to" : "read of";
    int self = r == o || (r->ev == o->ev && r->thread == o->thread);
    if (self) {
        cl_strbuf_addf(&msg, "%s '%s' in '%s' races with itself: %s runs in several instances; lock held: ",
                       what, name, func_of(m, r), cl_model_thread_name(m, r->thread));
        cl_model_describe_locks(m, r->locks, r->nlocks, &msg);
    } else {
        cl_strbuf_addf(&msg, "%s '%s' in '%s' races with %s in '%s' (line %u); no common lock (held here: ",
                       what, name, func_of(m, r), is_write(o) ? "write" : "read", func_of(m, o),
                       o->ev->loc.line);
        cl_model_describe_locks(m, r->locks, r->nlocks, &msg);
        cl_strbuf_add(&msg, "; there: ");
        cl_model_describe_locks(m, o->locks, o->nlocks, &msg);
        cl_strbuf_add(&msg, ")");
    }
    cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, func_of(m, r));
    cl_fb_message(b, "%s", cl_strbuf_str(&msg));
    cl_fb_key(b, "%s|%s", name, is_write(r) ? "write" : "read");
    if (r != o)
        cl_fb_related(b, o->ev->loc, "conflicting %s of '%s' in '%s'", is_write(o) ? "write" : "read",
                      o->ev->u.access.name, func_of(m, o));
    cl_fb_spawn_related(b, r->thread);
    cl_fb_spawn_related(b, o->thread);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "%s '%s'", is_write(r) ? "writes" : "reads",
                      name);
    if (o != r)
        cl_fb_thread_flow(b, o->thread, o->frame, o->ev->loc, "%s '%s'",
                          is_write(o) ? "writes" : "reads", o->ev->u.access.name);
    cl_fb_emit(b);
    cl_strbuf_release(&msg);
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

/* Can records of these classes race? `a` and `b` are representatives. */
static int classes_race(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (!is_write(a) && !is_write(b))
        return 0;
    if (is_atomic(a) && is_atomic(b))
        return 0;
    if (cl_model_common_lock(m, a, b) || cl_model_creation_lock(m, a, b) ||
        !cl_model_may_parallel(m, a, b) || cl_model_sync_ordered(m, a, b))
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
    const cl_node *n = cl_callgraph_event_node(&m->cg, other->ev);
    while (loop != NULL && n != NULL && n != loop)
        n = cl_callgraph_parent(&m->cg, n);
    return loop != NULL && n == loop;
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
 * against the creator's access in the spawn loop (own_vs_spawn_loop). A
 * thread started once outside loops owns no element apart from the
 * creator's loops: they visit it too. */
static int distinct_elements(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (cl_path_distinct_elements(a->ipath, b->ipath))
        return 1;
    if (a->ev == b->ev && (a->ev->u.access.flags & CL_ACC_LOCAL_INDEX))
        return 1;
    if (a->own_index && b->own_index && a->thread == b->thread)
        return 1;
    return (own_of_many(m, a) && b->per_iteration) || (own_of_many(m, b) && a->per_iteration) ||
           own_vs_spawn_loop(m, a, b) || own_vs_spawn_loop(m, b, a);
}

/* A finding candidate: the access at fault and its partner. */
typedef struct hit {
    const cl_accrec *r, *o;
} hit;

/* Orders hits by function, kind of access, then source location. */
static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->r->frame->func != b->r->frame->func)
        return a->r->frame->func < b->r->frame->func ? -1 : 1;
    if (is_write(a->r) != is_write(b->r))
        return is_write(a->r) - is_write(b->r);
    int c = cl_loc_cmp(&a->r->ev->loc, &b->r->ev->loc);
    if (c != 0)
        return c;
    return a->r->thread < b->r->thread ? -1 : a->r->thread > b->r->thread;
}

/* The rule's state: the accesses that could take part in a race, collected
 * point by point, then the hits of one path. */
typedef struct cands {
    const cl_accrec **v;
    size_t n, cap;
    const cl_model *m;
    cl_rule_ctx *ctx;
    struct { hit *v; size_t n, cap; } hits;
} cands;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    cands *cs = cl_xcalloc(1, sizeof(cands));
    cs->m = m;
    cs->ctx = ctx;
    ctx->state = cs;
}

static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    if (!skip(m, r))
        CL_VEC_PUSH((cands *)ctx->state, r);
}

static void add_hit(cands *cs, const cl_accrec *r, const cl_accrec *o)
{
    hit h = { r, o };
    CL_VEC_PUSH(&cs->hits, h);
}

/* The racing pairs among the classes of one path (access_classes.h), then
 * one finding per function and kind of access. */
static void path_races(void *p, const cl_acc_class *cls, size_t ncls)
{
    cands *cs = p;
    const cl_model *m = cs->m;
    cs->hits.n = 0;
    for (size_t ci = 0; ci < ncls; ci++) {
        for (size_t cj = ci; cj < ncls; cj++) {
            const cl_acc_class *A = &cls[ci], *B = &cls[cj];
            if (!classes_race(m, A->v[0], B->v[0]))
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
                        add_hit(cs, A->v[k], A->n > 1 ? A->v[k == 0 ? 1 : 0] : A->v[k]);
                continue;
            }
            const cl_acc_class *F = a_at_fault(m, A->v[0], B->v[0]) ? A : B;
            const cl_acc_class *O = F == A ? B : A;
            for (size_t k = 0; k < F->n; k++)
                for (size_t q = 0; q < O->n; q++)
                    if (!distinct_elements(m, F->v[k], O->v[q])) {
                        add_hit(cs, F->v[k], O->v[q]);
                        break;
                    }
        }
    }
    /* One finding per function and kind of access: the first one in the
     * source; the others in that function are the same bug. */
    if (cs->hits.n > 1)
        qsort(cs->hits.v, cs->hits.n, sizeof *cs->hits.v, cmp_hit);
    for (size_t k = 0; k < cs->hits.n; k++) {
        const cl_accrec *r = cs->hits.v[k].r, *prev = k > 0 ? cs->hits.v[k - 1].r : NULL;
        if (prev == NULL || prev->frame->func != r->frame->func || is_write(prev) != is_write(r))
            report(m, cs->ctx, r, cs->hits.v[k].o);
    }
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cands *cs = ctx->state;
    (void)m;
    cl_access_classes(cs->v, cs->n, path_races, cs);
    free(cs->hits.v);
    free(cs->v);
    free(cs);
    ctx->state = NULL;
}

static const char *const cwe[] = { "CWE-362", "CWE-366", NULL };
static const char *const tags[] = { "concurrency", "data-race", "correctness", NULL };

const cl_rule cl002_unguarded_shared_state = {
    .id = "CL002",
    .name = "unguarded-shared-state",
    .short_desc = "Shared state accessed by concurrent threads without a common lock",
    .full_desc =
        "A global, a static, or an object reachable from a thread's start argument or a "
        "global pointer is accessed by two threads that may run at the same time, at least "
        "one access is a write, no lock is held by both, neither access is atomic and the "
        "object is not thread-local. Accesses ordered by pthread_create (before it) or "
        "pthread_join (after it) do not race.",
    .help_md =
        "## unguarded-shared-state (CL002)\n\n"
        "Two threads touch the same memory, at least one writes, and nothing orders the "
        "accesses: the result depends on timing, and the C11 memory model makes the whole "
        "program's behaviour undefined (C11 5.1.2.4p25).\n\n"
        "**Fix** one of:\n\n"
        "- take the lock that guards the object around *every* access "
        "(`pthread_mutex_lock(&stats_lock); stats.bytes += n; pthread_mutex_unlock(&stats_lock);`);\n"
        "- make the object `_Atomic` or use `atomic_fetch_add` / `__atomic_*` when a single "
        "word is all that is shared;\n"
        "- give each thread its own copy (`_Thread_local`, or one array slot per thread) and "
        "combine after `pthread_join`.\n\n"
        "The finding names both accesses, the locks held at each, and the threads "
        "(with where they were started).",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "7.0",
    .points = CL_ON_ACCESS,
    .begin = begin,
    .on_access = on_access,
    .finish = finish,
};
