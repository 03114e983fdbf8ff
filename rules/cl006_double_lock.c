/* cl006_double_lock.c - CL006 double-lock: a thread locks a mutex it
 * already holds.
 *
 * What it finds: a lock call (pthread_mutex_lock, pthread_rwlock_wrlock,
 * pthread_spin_lock, mtx_lock, a configured lock function) that a thread
 * reaches holding that lock on every path, directly or through calls:
 * the helper that takes the object's lock, called from inside a critical
 * section of the same lock. A default, normal, error-checking or spin
 * lock then deadlocks the thread on itself (or fails with EDEADLK).
 * Reported at the call made while holding the lock (the inner lock itself
 * when both are in one function), with the first lock and the inner lock.
 *
 * Why: the call records (cl_callrec) carry the must-lockset before each
 * lock, and the frames of their call chain the locks held at each
 * function's entry (cl_frame.entry), so the frame that took the lock first
 * is the innermost one entered without it.
 *
 * Not flagged: recursive mutexes: one initialized (pthread_mutex_init,
 * mtx_init) with an attribute whose type pthread_mutexattr_settype set to
 * PTHREAD_MUTEX_RECURSIVE, or with mtx_recursive, and any mutex
 * initialized with an attribute or type the rule cannot read; for locks
 * reached through pointers, any lock in a member of the same name as such
 * a mutex; a stdio stream's lock (flockfile counts, CL_CS_RECURSIVE). A
 * lock taken on request (under a test of a parameter: `if
 * (bLock == LOCK_MUTEX) lock()`) whose callers passed a constant that
 * rules it out (where the walk lost the constant on the way down). Trylocks (they fail instead of blocking), a read lock taken
 * again in read mode, a lock held only on some paths (may-held), locks
 * that are not plain lock objects (cl_model_plain_lock; above all class
 * locks, known only by their member name: two objects' `lock` members).
 *
 * Limits: the static PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP is not seen
 * (the IR keeps no initializers of lock objects): such a mutex taken
 * twice is reported; a lock re-taken in the next round of a loop is not
 * (the loop head joins the held and the released state); nor is one
 * taken again inside a recursion (see CL005's limits: an inner
 * invocation's lock may be another object's under the outer one's name).
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "model/model.h"
#include "rule.h"

typedef struct recvec { const cl_callrec **v; size_t n, cap; } recvec;

typedef struct cl006_state {
    recvec again;    /* lock calls made holding their lock */
    recvec locks;    /* every lock call (first lock sites) */
    recvec inits;    /* mutex initializations */
    recvec settypes; /* pthread_mutexattr_settype calls */
} cl006_state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(cl006_state));
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    cl006_state *st = ctx->state;
    cl_callkind k = r->spec->kind;
    if (k == CL_CK_MUTEXATTR_SETTYPE) {
        CL_VEC_PUSH(&st->settypes, r);
    } else if (k == CL_CK_MUTEX_INIT) {
        CL_VEC_PUSH(&st->inits, r);
    } else if (r->lock != SIZE_MAX && (k == CL_CK_LOCK || k == CL_CK_RDLOCK)) {
        CL_VEC_PUSH(&st->locks, r);
        /* A lock known only by its member name (a class lock) names no
         * one mutex: two objects' `lock` members are not the same lock. */
        const cl_lockref *held = cl_model_plain_lock(m, r->lock)
                                     ? cl_lockref_find(r->locks, r->nlocks, r->lock) : NULL;
        if (held != NULL && !(held->mode & CL_LOCK_FAILED_PATH) &&
            !(k == CL_CK_RDLOCK && (held->mode & CL_LOCK_SHARED)) &&
            !(r->spec->flags & CL_CS_RECURSIVE))
            CL_VEC_PUSH(&st->again, r);
    }
}

/* Whether init record `r` may make a recursive mutex: its type (C11) or
 * its attribute's type is recursive or unknown. */
static int init_recursive(const cl006_state *st, const cl_callrec *r)
{
    const cl_value *a = cl_call_arg(r->ev, r->spec->data);
    if (a == NULL || a->kind == CL_VAL_NULL)
        return 0;
    if (a->kind == CL_VAL_INT)
        return cl_mutex_type_recursive(a->ival, 1);
    if (a->kind != CL_VAL_ADDR || a->path == NULL)
        return 1;
    int local = a->path[0] == 'L', seen = 0;
    for (size_t i = 0; i < st->settypes.n; i++) {
        const cl_callrec *s = st->settypes.v[i];
        const cl_value *o = cl_call_arg(s->ev, s->spec->obj);
        const cl_value *t = cl_call_arg(s->ev, s->spec->data);
        if (o == NULL || o->path == NULL || strcmp(o->path, a->path) != 0 ||
            (local && s->frame->func != r->frame->func))
            continue;
        seen = 1;
        if (t == NULL || t->kind != CL_VAL_INT || cl_mutex_type_recursive(t->ival, 0))
            return 1;
    }
    return !seen && !local; /* a local attribute never typed is the default */
}

/* The last member of a lock name ("...->.mutex" -> "mutex"), or NULL. */
static const char *member(const char *name)
{
    const char *d = strrchr(name, '.');
    return d != NULL && strchr(d, '[') == NULL && strchr(d, '-') == NULL ? d + 1 : NULL;
}

/* Whether `lock` may be a recursive mutex (see the header). */
static int recursive(const cl_model *m, const cl006_state *st, size_t lock)
{
    const char *name = m->lock_names.v[lock];
    const char *mem = strstr(name, "->") != NULL ? member(name) : NULL;
    for (size_t i = 0; i < st->inits.n; i++) {
        const cl_callrec *r = st->inits.v[i];
        if (r->lock == SIZE_MAX || !init_recursive(st, r))
            continue;
        const char *other = member(m->lock_names.v[r->lock]);
        if (r->lock == lock || (mem != NULL && other != NULL && strcmp(mem, other) == 0))
            return 1;
    }
    return 0;
}

/* The first lock call of `lock` in function `f` (else in a callee of it). */
static const cl_callrec *first_lock(const cl006_state *st, size_t f, size_t lock)
{
    const cl_callrec *best = NULL;
    int best_own = 0;
    for (size_t i = 0; i < st->locks.n; i++) {
        const cl_callrec *r = st->locks.v[i];
        const cl_frame *fr = r->frame;
        while (fr != NULL && fr->func != f)
            fr = fr->parent;
        if (r->lock != lock || fr == NULL)
            continue;
        int own = fr == r->frame;
        if (best == NULL || own > best_own ||
            (own == best_own && cl_loc_cmp(&r->ev->loc, &best->ev->loc) < 0)) {
            best = r;
            best_own = own;
        }
    }
    return best;
}

/* The integer constant by-value parameter `k` of the invocation `c` was
 * given, through the parameters of its callers (`lock_it` passed on down
 * a chain of calls), or 0 when it is not one. */
static int param_constant(const cl_frame *c, size_t k, long long *out)
{
    for (; c != NULL && c->call != NULL; c = c->parent) {
        const cl_value *v = cl_call_arg(c->call, (int)k);
        if (v != NULL && v->kind == CL_VAL_INT) {
            *out = v->ival;
            return 1;
        }
        if (v == NULL || v->kind != CL_VAL_LOAD || v->path == NULL || v->path[0] != 'V')
            return 0;
        k = strtoul(v->path + 1, NULL, 10);
    }
    return 0;
}

/* Whether event `ev` of invocation `c` lies in an alternative of a test of
 * a parameter that the constant the callers passed rules out (`if
 * (bLockMutex == LOCK_MUTEX) MsgLock(pM);` reached with
 * MUTEX_ALREADY_LOCKED passed down several calls): a path the walk could
 * not rule out itself. */
static int ruled_out(const cl_callgraph *cg, const cl_frame *c, const cl_event *ev)
{
    const cl_node *n = cl_callgraph_event_node(cg, ev);
    for (const cl_node *p = n ? cl_callgraph_parent(cg, n) : NULL; p != NULL;
         n = p, p = cl_callgraph_parent(cg, p)) {
        long long val;
        if (p->kind != CL_N_BRANCH || p->x->test_param == 0 || p->nkids != 2 || p->cond == n ||
            !param_constant(c, p->x->test_param - 1, &val))
            continue;
        if ((p->kids[0] == n) != cl_test_holds(p->x->test_op, p->x->test_value, val))
            return 1;
    }
    return 0;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const cl006_state *st, const cl_callrec *r)
{
    /* The frame that took the lock: the innermost one entered without it. */
    const cl_frame *fr = r->frame, *below = NULL;
    while (fr != NULL && cl_frame_entry_holds(fr, r->lock, 0)) {
        below = fr;
        fr = fr->parent;
    }
    if (fr == NULL || cl_frame_merged(r->frame))
        return; /* held since the thread started (a creation lock), or
                   taken again in a recursion, where the lock's name may
                   be the outer invocation's object (cl_frame_merged) */
    if (ruled_out(&m->cg, r->frame, r->ev))
        return;
    for (const cl_frame *c = r->frame; c != fr && c->parent != NULL; c = c->parent)
        if (ruled_out(&m->cg, c->parent, c->call))
            return;
    const char *fn = m->cg.funcs.v[fr->func].fn->name;
    const char *inner = cl_model_frame_func(m, r->frame);
    const cl_callrec *first = first_lock(st, fr->func, r->lock);
    const char *name = first != NULL && first->frame->func == fr->func
                           ? cl_callrec_lock_spelling(m, first) : cl_callrec_lock_spelling(m, r);
    cl_loc at = below != NULL ? below->call->loc : r->ev->loc;
    cl_fb *b = cl_fb_begin(ctx, m, at, fn);
    if (below != NULL)
        cl_fb_message(b, "call to '%s' locks '%s' again (in '%s', %s) while '%s' holds it; a "
                         "non-recursive mutex deadlocks the thread: release '%s' before the call, "
                         "or call a variant that expects the lock held",
                      below->call->u.call.callee_name, name, inner, cl_fb_where(b, r->ev->loc), fn,
                      name);
    else
        cl_fb_message(b, "'%s' is locked again while this thread already holds it; a "
                         "non-recursive mutex deadlocks the thread: unlock it first or remove "
                         "this lock", name);
    cl_fb_key(b, "%s|%s", cl_model_lock_display(m, r->lock), inner);
    if (first != NULL && first->ev != r->ev)
        cl_fb_related(b, first->ev->loc, "'%s' first locked here", name);
    if (below != NULL)
        cl_fb_related(b, r->ev->loc, "'%s' locked again here, in '%s'", name, inner);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "locks '%s' again", name);
    cl_fb_emit(b);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cl006_state *st = ctx->state;
    for (size_t i = 0; i < st->again.n; i++)
        if (strcmp(m->lock_names.v[st->again.v[i]->lock], CL_ATOMIC_SECTION_LOCK) != 0 &&
            !recursive(m, st, st->again.v[i]->lock))
            report(m, ctx, st, st->again.v[i]);
    free(st->again.v);
    free(st->locks.v);
    free(st->inits.v);
    free(st->settypes.v);
    free(st);
}

#define K(kind) CL_KIND_BIT(CL_CK_##kind)

const cl_rule cl006_double_lock = {
    .id = "CL006",
    .name = "double-lock",
    .short_desc = "A thread locks a non-recursive mutex it already holds",
    .full_desc =
        "A thread that holds a mutex locks it again, directly or through the functions it "
        "calls (a helper that takes the object's lock, called from inside a critical section "
        "of that lock). A default, normal or error-checking mutex, a write-locked rwlock or "
        "a spinlock then blocks the thread on itself forever (or fails with EDEADLK).",
    .help_md =
        "## double-lock (CL006)\n\n"
        "A self-deadlock: the thread already holds the mutex it is about to lock. It often "
        "happens two calls deep, when a public function that locks the object is called from "
        "code that holds the object's lock.\n\n"
        "```c\n"
        "static void handle_ack(struct client *c) {\n"
        "    pthread_mutex_lock(&c->mutex);\n"
        "    complete_command(c);       /* calls client_is_connected(c), */\n"
        "    pthread_mutex_unlock(&c->mutex); /* which locks c->mutex again */\n"
        "}\n"
        "```\n\n"
        "**Fix** release the lock before the call, or split the helper into a locking public "
        "function and an `_locked` variant that expects the caller to hold the lock. Make "
        "the mutex recursive (`PTHREAD_MUTEX_RECURSIVE`) only when re-entry is intended.\n\n"
        "Reported at the call made while the lock is held (the inner lock when both are in "
        "one function), with the first and the inner lock site. Not reported: mutexes "
        "initialized as recursive (`pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE)`, "
        "`mtx_recursive`) or with an attribute the analysis cannot read, a stream's "
        "`flockfile` (it counts), trylocks, and a "
        "read lock taken again in read mode.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "lock", "deadlock"),
    .cwe = CL_STRINGS("CWE-764", "CWE-833"),
    .precision = "high",
    .security_severity = "5.5",
    .points = CL_ON_CALL,
    .call_kinds = K(LOCK) | K(RDLOCK) | K(MUTEX_INIT) | K(MUTEXATTR_SETTYPE),
    .begin = begin,
    .on_call = on_call,
    .finish = finish,
};

#undef K
