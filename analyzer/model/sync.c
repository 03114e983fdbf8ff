/* sync.c - happens-before from synchronization beyond create/join (model.h,
 * cl_syncobj): semaphores, predicates waited for under a lock (condition
 * variables, semaphores built from a mutex and a condition variable),
 * release/acquire atomics and barrier phases.
 *
 * The thread walk (threads.c) carries three sets of object ids in its
 * state: acquired on every path (`acq`), released on some path (`rel`) and
 * acquired since the last release (`tok`), and notes which threads release
 * each object. An acquire is a sem_wait, or the exit of a wait loop (or
 * the then-branch of an `if` on an acquire load, or the alternative where
 * the predicate is not 0 of an `if` that tests it again under the lock
 * after a loop waiting for it on a condition variable, which may have
 * ended on its deadline: find_retests) over a predicate: the acquire waits
 * for a value, not for an event, so a wait without a loop testing what it
 * waits for acquires nothing. A release is a sem_post, a release (or seq_cst)
 * atomic store or read-modify-write of the flag, or a write of the
 * predicate while holding the lock the waiter's loop holds.
 *
 * Access `a` of thread A happens before access `b` of thread B when B
 * acquired an object X before `b` that A releases, `a` follows no release
 * of X in A, and the acquire can only have seen a release that comes after
 * `a`: A is the only thread that releases X and runs once, or X is a
 * counter every releaser updates in place and no acquirer consumes (the
 * waiter waits for the last decrement: all of them). In a loop the second
 * round follows the first round's release; there two tokens passed back
 * and forth order the rounds (A holds Y from B while it runs `a` and hands
 * X to B, B holds X while it runs `b` and hands Y back: a producer and a
 * consumer on two semaphores); `a` may also run before A's first release
 * instead (the first round of a loop whose later rounds hold Y,
 * cl_accrec.ftok). Semaphores must alternate: B posts Y only holding X,
 * A posts X only holding Y or before any other release, and the initial
 * counts and such first posts make one token at most (`empty` at 1 and
 * `full` at 0); two threads that each post before they wait order
 * nothing. Predicates under a lock (a ring's head and tail) are waited for
 * by loops that test the value and need not alternate. A semaphore's
 * waits are also counted: k waits on every path follow every post when
 * the initial count and all
 * the posts there can be (per thread, its post sites outside loops and
 * callees times its instances) add up to at most k. A join by a thread
 * that did not start the joined one acquires the handle's object ("<handle
 * path>|j"), which the thread started into it releases by ending. A join
 * of a thread (by its creator, or by a sibling when one thread is ever
 * started into the handle and the join covers all its instances) also
 * acquires that thread's end ("T<id>|e"), and through it what the joined
 * thread acquired before it ended (cl_thread.exit_acq): happens-before is
 * transitive across a supervisor that joined a worker. This is
 * the release/acquire ("synchronizes
 * with") relation of C11 5.1.2.4 and POSIX XBD 4.12 applied to the
 * matching each pattern guarantees, the same edges dynamic detectors such
 * as ThreadSanitizer add at those calls.
 *
 * A handshake at thread start: a creator running once that waits on a
 * semaphore right after each spawn of a thread (its first acquire after
 * the spawn, and no second spawn of it before), where that thread is the
 * only poster, posts once per instance and the count starts at 0, has seen
 * every instance started so far post: its k-th wait needs k posts, and
 * only the k instances started can have made them. So an access of the
 * thread before its post happens before every access of its creator that
 * no spawn of it without a wait since precedes (cl_accrec.shake): the
 * start argument copied before `sem_post(&arg->started)` (CL012's fix).
 * The same holds of a flag under a lock that only the thread and its
 * creator store, the creator clearing it before each spawn (not between
 * the spawn and its wait) and each instance setting it once
 * (handshake_predicate): `started = 0; create; while (!started) wait;`.
 * Waiting for each instance: a creator running once that started a
 * thread in a loop, each instance with its own element of an array
 * (`&w[i]`), and then, in a loop over the same range, waits under each
 * element's lock for the element's predicate (`for (i..) { lock(&w[i].mu);
 * while (w[i].state != READY) wait(..); unlock(..); }`), has seen every
 * instance store its own element's predicate, when the instances store
 * only their own element's (under its lock) and only they and the
 * creator store it, the creator never a value the instances store (its
 * STARTING is not their READY): what an instance did before its first
 * store happens before what the creator does after the loop (cl_sync_each,
 * waited_each). The loop must leave by its condition (no `break`,
 * `continue` or `return` that could skip an element), the wait must run
 * on every path of a round, and a path on which those threads never
 * started keeps the fact at a join; a new start drops it.
 * A thread running once that waits for a predicate under a lock before
 * any store of its own to it saw another thread's store: a state word
 * written by two threads (`wait_state(LOADED)` before `set_state(DONE)`)
 * orders like one with a sole releaser (sole_other_releaser).
 *
 * Fences (C11 7.17.4): a relaxed store after a release fence releases; a
 * wait loop on a relaxed load acquires at the acquire fence after it.
 *
 * A wait loop must wait: its body blocks on a condition variable, sleeps or
 * yields, or it is an empty spin on an atomic (a loop that does work exits
 * on data, maybe on the state it began in). A write of the predicate right
 * after such a loop consumes (the down of a semaphore built from a mutex
 * and a condition variable: threads.c then holds it as a lock, dropped like
 * a POSIX semaphore's when some thread ups it without downing it).
 * Barriers order their phases unless initialized for fewer parties than
 * the threads that wait on them. A barrier built from a mutex, a condition
 * variable, an arrival counter and a generation word (the last to arrive
 * bumps the generation and broadcasts, the others wait in a loop for it to
 * change: cl_sync_find_barriers) is one: a return from its function is a
 * barrier wait (its parties are not counted).
 */
#include "model/sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The predicate key of a raw path: from its last member on, or all of a
 * global's or a local's path; NULL for the bare pointee of a parameter
 * ("P0", "P1[]"): too common a shape to pick out a predicate. */
static const char *pred_key(const char *path)
{
    size_t root = path[0] == 'P' || path[0] == 'V' ? 1 + strspn(path + 1, "0123456789")
                                                    : cl_path_owner_len(path);
    const char *d = root > 0 ? strrchr(path + root, '.') : NULL;
    if (d != NULL)
        return d;
    return root > 0 && (path[0] == 'G' || path[0] == 'L') ? path : NULL;
}

/* Whether subtree `n` (without callees, and without loops when
 * `skip_loops`) has an access of raw path `path` with all of `flags`:
 * CL_ACC_WRITE, a write; with CL_ACC_READ too, an update in place
 * (`++count`, `b->left--`). */
static int accesses_path(const cl_node *n, const char *path, unsigned flags, int skip_loops)
{
    if (n == NULL || (skip_loops && n->kind == CL_N_LOOP))
        return 0;
    if (n->kind == CL_N_EVENT)
        return n->ev->kind == CL_EV_ACCESS && (n->ev->u.access.flags & flags) == flags &&
               n->ev->u.access.path != NULL && strcmp(n->ev->u.access.path, path) == 0;
    if (accesses_path(n->cond, path, flags, skip_loops))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (accesses_path(n->kids[i], path, flags, skip_loops))
            return 1;
    return 0;
}

/* Whether subtree `n` (without callees) writes raw path `path`. */
static int writes_path(const cl_node *n, const char *path)
{
    return accesses_path(n, path, CL_ACC_WRITE, 0);
}

/* Whether subtree `n` has any event. */
static int has_events(const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT)
        return 1;
    if (has_events(n->cond))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (has_events(n->kids[i]))
            return 1;
    return 0;
}

/* Whether loop body `n` only waits: it blocks on a condition variable,
 * sleeps or yields (a library call of those kinds, or a pure one such as
 * sched_yield; *blocks is set), with nothing else than bookkeeping
 * accesses, or it is empty (a spin). A body that does other work (`while
 * (q->head) pop(q);`, `while (n->next) n = n->next;`) is a loop over data,
 * whose exit may be the state it started in rather than another thread's
 * doing. */
static int only_waits(const cl_model *m, const cl_node *n, int *blocks)
{
    if (n == NULL)
        return 1;
    if (n->kind == CL_N_EVENT) {
        const cl_event *ev = n->ev;
        if (ev->kind == CL_EV_ACCESS)
            return 1; /* (bookkeeping such as fio's `sem->waiters++` is fine) */
        if (ev->kind != CL_EV_CALL)
            return 1;
        const cl_callspec *cs = cl_callgraph_spec(&m->cg, ev);
        if (cs == NULL)
            return 0;
        if (cs->kind == CL_CK_COND_WAIT || cs->kind == CL_CK_COND_TIMEDWAIT ||
            cs->kind == CL_CK_SLEEP || (cs->flags & CL_CS_PURE))
            *blocks = 1;
        return 1;
    }
    if (!only_waits(m, n->cond, blocks))
        return 0;
    for (size_t i = 0; i < n->nkids; i++)
        if (!only_waits(m, n->kids[i], blocks))
            return 0;
    return 1;
}

/* How the body of loop `n` waits: 2 it blocks or yields, 1 it spins (an
 * empty body: only an atomic read in the condition can be what it waits
 * for; `while (sp < end && *sp) sp++;` is a scan), 0 it does not wait. */
static int waiting_body(const cl_model *m, const cl_node *n)
{
    int blocks = 0;
    if (!only_waits(m, n->kids[0], &blocks))
        return 0;
    return blocks ? 2 : !has_events(n->kids[0]);
}

/* Notes the reads of condition `c` that wait loop (or `if`) `n` tests:
 * read-only accesses (a relaxed one waits for an acquire fence after the
 * loop); `atomic_only` for an `if`. */
static void note_tests(cl_model *m, const cl_node *n, const cl_node *c, int atomic_only)
{
    if (c == NULL)
        return;
    if (c->kind == CL_N_EVENT && c->ev->kind == CL_EV_ACCESS) {
        const cl_access *a = &c->ev->u.access;
        int atomic = (a->flags & CL_ACC_ATOMIC) != 0;
        if (a->path == NULL || pred_key(a->path) == NULL || (a->flags & CL_ACC_WRITE) ||
            ((a->flags & CL_ACC_RELAXED) && n->kind != CL_N_LOOP) ||
            (atomic_only && !atomic) || (n->kind == CL_N_LOOP && writes_path(n->kids[0], a->path)))
            return;
        const cl_event *ev = c->ev;
        int added;
        cl_blob_lookup(&m->wait_reads, &m->arena, &ev, sizeof ev, &added)->val = 1;
        cl_strmap_put(&m->pred_keys, pred_key(a->path), 1);
        return;
    }
    note_tests(m, n, c->cond, atomic_only);
    for (size_t i = 0; i < c->nkids; i++)
        note_tests(m, n, c->kids[i], atomic_only);
}

static void find_in(cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return;
    int how = n->kind == CL_N_LOOP && n->bound == CL_LOOP_UNKNOWN && n->nkids > 0 ? waiting_body(m, n) : 0;
    if (how > 0)
        note_tests(m, n, n->cond, how == 1);
    else if (n->kind == CL_N_BRANCH)
        note_tests(m, n, n->cond, 1);
    find_in(m, n->cond);
    for (size_t i = 0; i < n->nkids; i++)
        find_in(m, n->kids[i]);
}

/* Notes in m->wake_keys that location `path` (raw) is written: with a
 * wake-up descriptor when `wake`, else with something else, which makes
 * it no wake-up location for good. */
static void note_wake_key(cl_model *m, const char *path, int wake)
{
    const char *key = pred_key(path);
    size_t was = 0;
    if (key == NULL)
        return;
    cl_strmap_get(&m->wake_keys, key, &was);
    if (was != 2)
        cl_strmap_put(&m->wake_keys, key, wake ? 1 : 2);
}

/* Notes the writes under `n` in m->wake_keys (cl_sync_find_wake_fds):
 * plain stores, and the arrays a pipe, pipe2 or socketpair call fills
 * (CL_CS_STREAM_PAIR: `pipe(fds)`, `pipe(w->fds)`, `socketpair(.., sv)`),
 * whose elements then hold wake-up descriptors where they are used in
 * place (`write(fds[1], ..)`). A descriptor handed to a child process
 * (`dup2(out[1], 1)` before an exec, posix_spawn_file_actions_adddup2)
 * is no wake-up descriptor: a process the model does not see writes it. */
static void note_wake_writes(cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_ACCESS) {
        const cl_access *a = &n->ev->u.access;
        if (a->path != NULL && (a->flags & CL_ACC_WRITE))
            note_wake_key(m, a->path, (a->flags & CL_ACC_WAKE_FD) != 0);
        return;
    }
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL) {
        const char *name = n->ev->u.call.callee_name != NULL ? n->ev->u.call.callee_name : "";
        int handed = strcmp(name, "posix_spawn_file_actions_adddup2") == 0;
        const cl_value *out = cl_call_arg(n->ev, handed ? 1 : 0);
        if ((handed || strcmp(name, "dup2") == 0 || strcmp(name, "dup3") == 0) && out != NULL &&
            out->kind == CL_VAL_LOAD && out->path != NULL)
            note_wake_key(m, out->path, 0); /* (another process writes it) */
        const cl_callspec *cs = cl_callgraph_spec(&m->cg, n->ev);
        const cl_value *arr = cs != NULL && (cs->flags & CL_CS_STREAM_PAIR) ? cl_call_arg(n->ev, cs->data) : NULL;
        if (arr != NULL && arr->kind == CL_VAL_ADDR && arr->path != NULL) {
            size_t len = strlen(arr->path);
            int elem = len >= 2 && strcmp(arr->path + len - 2, "[]") == 0; /* (`pipe(&fds[0])`) */
            note_wake_key(m, elem ? arr->path : cl_arena_printf(&m->arena, "%s[]", arr->path), 1);
        }
        return;
    }
    note_wake_writes(m, n->cond);
    for (size_t i = 0; i < n->nkids; i++)
        note_wake_writes(m, n->kids[i]);
}

void cl_sync_find_wake_fds(cl_model *m)
{
    for (size_t i = 0; i < m->cg.funcs.n; i++)
        note_wake_writes(m, m->cg.funcs.v[i].fn->body);
}

size_t cl_sync_wake(cl_model *m, const char *path)
{
    size_t kind = 0;
    const char *key = path != NULL ? pred_key(path) : NULL;
    if (key == NULL || !cl_strmap_get(&m->wake_keys, key, &kind) || kind != 1)
        return SIZE_MAX;
    return cl_sync_wake_object(m);
}

size_t cl_sync_wake_object(cl_model *m)
{
    size_t id = cl_sync_object(m, "fd", "wake");
    m->syncs.v[id].wake = 1;
    return id;
}

/* Whether subtree `n` (without callees) calls a library function of
 * kind `kind`. */
static int calls_kind(const cl_model *m, const cl_node *n, cl_callkind kind)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL) {
        const cl_callspec *cs = cl_callgraph_spec(&m->cg, n->ev);
        return cs != NULL && cs->kind == kind;
    }
    if (calls_kind(m, n->cond, kind))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (calls_kind(m, n->kids[i], kind))
            return 1;
    return 0;
}

/* The loops of a function body whose body blocks on a condition
 * variable (timed or not): their conditions are what the function
 * waits for. */
typedef struct cond_loops {
    const cl_node **v;
    size_t n, cap;
} cond_loops;

/* Collects into `out` the loops of subtree `n` whose body waits on a
 * condition variable. One pass over the subtree. */
static void find_cond_loops(const cl_model *m, const cl_node *n, cond_loops *out)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_LOOP && n->nkids > 0 &&
        (calls_kind(m, n->kids[0], CL_CK_COND_WAIT) || calls_kind(m, n->kids[0], CL_CK_COND_TIMEDWAIT)))
        CL_VEC_PUSH(out, n);
    for (size_t i = 0; i < n->nkids; i++)
        find_cond_loops(m, n->kids[i], out);
}

/* Whether one of `loops` has a condition that reads raw path `path`. */
static int cond_waits_for(const cond_loops *loops, const char *path)
{
    for (size_t i = 0; i < loops->n; i++)
        if (accesses_path(loops->v[i]->cond, path, CL_ACC_READ, 0))
            return 1;
    return 0;
}

/* Notes the re-tests in subtree `n` of a function body whose condition
 * wait loops are `loops`: an `if` whose condition tests a member or a
 * pointee with a plain read (cl_node.test_path) that one of those loops
 * waits for. The loop may have ended on its deadline (`while (!lk.done
 * && rc != ETIMEDOUT) rc = pthread_cond_timedwait(...)`), so its exit
 * proves nothing; the test after it, under the same lock, does (`if
 * (!lk.done) return -1;`): its read is a wait read, passed in the
 * alternative where the value is not 0 (threads.c, passed_kid). */
static void find_retests(cl_model *m, const cond_loops *loops, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_BRANCH && n->nkids == 2 && n->x->test_path != NULL && n->cond != NULL &&
        pred_key(n->x->test_path) != NULL && cond_waits_for(loops, n->x->test_path))
        for (size_t i = 0; i < n->cond->nkids; i++) {
            const cl_node *c = n->cond->kids[i];
            if (c->kind != CL_N_EVENT || c->ev->kind != CL_EV_ACCESS ||
                (c->ev->u.access.flags & (CL_ACC_WRITE | CL_ACC_ATOMIC)) ||
                c->ev->u.access.path == NULL || strcmp(c->ev->u.access.path, n->x->test_path) != 0)
                continue;
            const cl_event *ev = c->ev;
            int added;
            cl_blob_lookup(&m->wait_reads, &m->arena, &ev, sizeof ev, &added)->val = 1;
            cl_strmap_put(&m->pred_keys, pred_key(n->x->test_path), 1);
        }
    for (size_t i = 0; i < n->nkids; i++)
        find_retests(m, loops, n->kids[i]);
}

void cl_sync_find_waits(cl_model *m)
{
    cond_loops loops = {0};
    for (size_t i = 0; i < m->cg.funcs.n; i++) {
        const cl_node *body = m->cg.funcs.v[i].fn->body;
        find_in(m, body);
        loops.n = 0;
        find_cond_loops(m, body, &loops);
        if (loops.n > 0)
            find_retests(m, &loops, body);
    }
    free(loops.v);
}

/* Adds `x` to the sorted set `v` unless it is there. */
static void idvec_insert(cl_idvec *v, size_t x)
{
    size_t i = 0;
    while (i < v->n && v->v[i] < x)
        i++;
    if (i < v->n && v->v[i] == x)
        return;
    CL_VEC_PUSH(v, x);
    memmove(v->v + i + 1, v->v + i, (v->n - 1 - i) * sizeof *v->v);
    v->v[i] = x;
}

/* The first loop in subtree `n` whose body blocks (waiting_body 2), or
 * NULL. */
static const cl_node *blocking_loop(const cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return NULL;
    if (n->kind == CL_N_LOOP && n->bound == CL_LOOP_UNKNOWN && n->nkids > 0 && waiting_body(m, n) == 2)
        return n;
    for (size_t i = 0; i < n->nkids; i++) {
        const cl_node *l = blocking_loop(m, n->kids[i]);
        if (l != NULL)
            return l;
    }
    return NULL;
}

/* A path condition `c` reads that function body `body` updates in place
 * (the arrival counter: `if (++count == n)`, `count++; if (count >= n)`),
 * or NULL. */
static const char *counter_in(const cl_node *body, const cl_node *c)
{
    if (c == NULL)
        return NULL;
    if (c->kind == CL_N_EVENT && c->ev->kind == CL_EV_ACCESS) {
        const cl_access *a = &c->ev->u.access;
        return (a->flags & CL_ACC_READ) && a->path != NULL &&
                       accesses_path(body, a->path, CL_ACC_READ | CL_ACC_WRITE, 1)
                   ? a->path
                   : NULL;
    }
    for (size_t i = 0; i < c->nkids; i++) {
        const char *p = counter_in(body, c->kids[i]);
        if (p != NULL)
            return p;
    }
    return NULL;
}

/* Whether condition `c` reads a path other than `count` that subtree
 * `rel` writes: the generation word the waiters watch. */
static int reads_written(const cl_node *c, const cl_node *rel, const char *count)
{
    if (c == NULL)
        return 0;
    if (c->kind == CL_N_EVENT && c->ev->kind == CL_EV_ACCESS) {
        const cl_access *a = &c->ev->u.access;
        return (a->flags & CL_ACC_READ) && a->path != NULL && strcmp(a->path, count) != 0 &&
               writes_path(rel, a->path);
    }
    for (size_t i = 0; i < c->nkids; i++)
        if (reads_written(c->kids[i], rel, count))
            return 1;
    return 0;
}

/* Whether branch `n` of function body `body` is the arrival test of a
 * barrier (see cl_sync_find_barriers): its condition tests the counter
 * the function updates in place, one alternative signals and writes the
 * word the other's wait loop tests. A counter that is its own generation
 * (`while (count < n)`) is a barrier that works once, and is not taken. */
static int arrival_branch(const cl_model *m, const cl_node *body, const cl_node *n)
{
    if (n->kind != CL_N_BRANCH || n->nkids != 2)
        return 0;
    /* (the counter last: finding it scans the whole body per read) */
    for (int k = 0; k < 2; k++) {
        const cl_node *rel = n->kids[k], *waits = n->kids[1 - k];
        if (!calls_kind(m, rel, CL_CK_COND_SIGNAL))
            continue;
        const cl_node *loop = blocking_loop(m, waits);
        const char *count = loop != NULL && blocking_loop(m, rel) == NULL ? counter_in(body, n->cond) : NULL;
        if (count != NULL && reads_written(loop->cond, rel, count))
            return 1;
    }
    return 0;
}

/* Whether subtree `n` of function body `body` has an arrival branch
 * outside loops. */
static int has_arrival(const cl_model *m, const cl_node *body, const cl_node *n)
{
    if (n == NULL || n->kind == CL_N_LOOP)
        return 0;
    if (arrival_branch(m, body, n))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (has_arrival(m, body, n->kids[i]))
            return 1;
    return 0;
}

void cl_sync_find_barriers(cl_model *m)
{
    for (size_t i = 0; i < m->cg.funcs.n; i++) {
        const cl_node *body = m->cg.funcs.v[i].fn->body;
        if (calls_kind(m, body, CL_CK_COND_SIGNAL) && has_arrival(m, body, body))
            idvec_insert(&m->barrier_fns, i);
    }
}

int cl_sync_is_wait_read(const cl_model *m, const cl_event *ev)
{
    return cl_blob_find(&m->wait_reads, &ev, sizeof ev) != NULL;
}

int cl_sync_is_predicate(const cl_model *m, const char *path)
{
    const char *key = path != NULL && m->pred_keys.n > 0 ? pred_key(path) : NULL;
    return key != NULL && cl_strmap_get(&m->pred_keys, key, NULL);
}

size_t cl_sync_object(cl_model *m, const char *path, const char *kind)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "%s|%s", path, kind);
    size_t id;
    if (cl_strmap_get(&m->sync_by_name, cl_strbuf_str(&b), &id)) {
        cl_strbuf_release(&b);
        return id;
    }
    cl_syncobj o;
    memset(&o, 0, sizeof o);
    o.name = cl_arena_strdup(&m->arena, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    const char *name = o.name;
    o.all_rmw = 1;
    o.taken = kind[0] == 's'; /* each sem_wait takes one post */
    o.locked_pred = kind[0] >= '0' && kind[0] <= '9';
    o.nth = 1;
    id = m->syncs.n;
    o.base = id;
    CL_VEC_PUSH(&m->syncs, o);
    cl_strmap_put(&m->sync_by_name, name, id);
    return id;
}

size_t cl_sync_sem_wait(cl_model *m, const char *path, const size_t *acq, size_t nacq)
{
    size_t base = cl_sync_object(m, path, "s");
    size_t id = base;
    char kind[32];
    for (size_t k = 2; cl_ids_contains(acq, nacq, id); k++) {
        snprintf(kind, sizeof kind, "s%zu", k);
        id = cl_sync_object(m, path, kind);
        m->syncs.v[id].nth = k;
        m->syncs.v[id].base = base;
    }
    return id;
}

void cl_sync_sem_init(cl_model *m, const char *path, long long count)
{
    size_t id = cl_sync_object(m, path, "s"); /* (before m->syncs.v: it may move) */
    cl_syncobj *o = &m->syncs.v[id];
    o->init = o->init_seen && o->init != count ? -1 : count;
    o->init_seen = 1;
}

void cl_sync_sem_post(cl_model *m, const char *path, size_t thread, const cl_event *ev)
{
    size_t id = cl_sync_object(m, path, "s"); /* (before m->syncs.v: it may move) */
    cl_syncobj *o = &m->syncs.v[id];
    for (size_t i = 0; i < o->posts.n; i++)
        if (o->posts.v[i].thread == thread && o->posts.v[i].ev == ev)
            return;
    struct cl_sempost p = { thread, ev };
    CL_VEC_PUSH(&o->posts, p);
}

/* How many posts semaphore `o` (a base object) gets in all: per posting
 * thread, its post sites times its instances; -1 when some thread can
 * post without bound (a post that repeats, a multi thread of unknown
 * count, a walk cut short). */
static long long total_posts(const cl_model *m, const cl_syncobj *o)
{
    long long n = 0;
    for (size_t i = 0; i < o->posts.n; i++) {
        const cl_thread *t = &m->threads.v[o->posts.v[i].thread];
        long long inst = t->multi ? t->rounds : 1;
        if (o->posts.v[i].ev == NULL || inst <= 0 || t->cut_budget || t->cut_depth)
            return -1;
        n += inst;
    }
    return n;
}

/* Whether wait object `o` (the k-th wait on a semaphore) can only have
 * returned after every post of the semaphore: its initial count and all
 * the posts there can be are at most k, so k waits took them all. */
static int waited_all(const cl_model *m, const cl_syncobj *o)
{
    const cl_syncobj *b = &m->syncs.v[o->base];
    if (!b->taken || !b->init_seen || b->init < 0)
        return 0;
    long long n = total_posts(m, b);
    return n >= 0 && (unsigned long long)(n + b->init) <= o->nth;
}

void cl_sync_sem_lock(cl_model *m, size_t lock)
{
    idvec_insert(&m->sem_locks, lock);
}

void cl_sync_released(cl_model *m, size_t id, size_t thread, int rmw, int again)
{
    cl_syncobj *o = &m->syncs.v[id];
    if (!rmw)
        o->all_rmw = 0;
    idvec_insert(&o->by, thread);
    if (again)
        idvec_insert(&o->again_by, thread);
}

void cl_sync_wake_unprimed(cl_model *m, size_t id, size_t thread)
{
    idvec_insert(&m->syncs.v[id].unprimed_by, thread);
}

void cl_sync_reacquired(cl_model *m, size_t id, size_t thread)
{
    idvec_insert(&m->syncs.v[id].reacq, thread);
}

int cl_sync_same_range(const cl_node *a, const cl_node *b)
{
    if (a == NULL || b == NULL)
        return 0;
    if (a->x->trip != 0 || b->x->trip != 0)
        return a->x->trip == b->x->trip;
    if (a->ncond_vars == 0 || a->ncond_vars != b->ncond_vars)
        return 0;
    for (size_t i = 0; i < a->ncond_vars; i++)
        if (strcmp(a->cond_vars[i], b->cond_vars[i]) != 0)
            return 0;
    return 1;
}

size_t cl_sync_each(cl_model *m, const char *path, const char *lock)
{
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "E%s", lock);
    size_t id = cl_sync_object(m, path, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    if (!m->syncs.v[id].each) {
        size_t vals = cl_sync_object(m, path, "v");
        m->syncs.v[id].each = 1;
        m->syncs.v[id].each_vals = vals;
    }
    return id;
}

void cl_sync_each_waited(cl_model *m, size_t id, const cl_node *loop, const size_t *live, size_t nlive)
{
    cl_syncobj *o = &m->syncs.v[id];
    if (o->each_loop != NULL && o->each_loop != loop)
        o->each_loops = 1;
    o->each_loop = loop;
    for (size_t i = 0; i < nlive; i++)
        idvec_insert(&o->each_live, live[i]);
}

int cl_sync_each_covers(const cl_model *m, size_t id, const size_t *ts, size_t n)
{
    const cl_syncobj *o = &m->syncs.v[id];
    for (size_t i = 0; o->each && i < n; i++)
        if (cl_ids_contains(o->each_live.v, o->each_live.n, ts[i]))
            return 1;
    return 0;
}

void cl_sync_each_foreign(cl_model *m, size_t id, size_t thread)
{
    idvec_insert(&m->syncs.v[id].each_foreign, thread);
}

void cl_sync_stored(cl_model *m, const char *path, size_t thread, const cl_value *v)
{
    size_t id = cl_sync_object(m, path, "v");
    cl_syncobj *o = &m->syncs.v[id];
    if (v == NULL || v->kind != CL_VAL_INT) {
        idvec_insert(&o->vunknown, thread);
        return;
    }
    for (size_t i = 0; i < o->vals.n; i++)
        if (o->vals.v[i].thread == thread && o->vals.v[i].v == v->ival)
            return;
    struct cl_predval pv = { thread, v->ival };
    CL_VEC_PUSH(&o->vals, pv);
}

/* Sets `v` to its intersection with sorted ids x[0..n), or to them when
 * `*seen` is 0 (and sets it). */
static void idvec_meet(cl_idvec *v, unsigned *seen, const size_t *x, size_t n)
{
    size_t k = 0;
    if (!*seen) {
        *seen = 1;
        for (size_t i = 0; i < n; i++)
            CL_VEC_PUSH(v, x[i]);
        return;
    }
    for (size_t i = 0; i < v->n; i++)
        if (cl_ids_contains(x, n, v->v[i]))
            v->v[k++] = v->v[i];
    v->n = k;
}

void cl_sync_release_guard(cl_model *m, size_t id, const size_t *tok, size_t ntok, const size_t *ftok,
                           size_t nftok, int fresh)
{
    cl_syncobj *o = &m->syncs.v[id];
    unsigned seen = o->guard_seen;
    idvec_meet(&o->guard_tok, &seen, tok, ntok);
    o->guard_seen = seen;
    if (fresh)
        return;
    seen = o->guard_ftok_seen;
    idvec_meet(&o->guard_ftok, &seen, ftok, nftok);
    o->guard_ftok_seen = seen;
}

/* Whether thread `t`, running once, is the only one releasing `o`. */
static int sole_releaser(const cl_model *m, const cl_syncobj *o, size_t t)
{
    return o->by.n == 1 && o->by.v[0] == t && !m->threads.v[t].multi;
}

/* Whether thread `t`, running once, is the only one besides thread `b`
 * releasing `o`, a predicate under a lock that `b`, running once, never
 * waits for after a store of its own: `b`'s wait cannot have seen its
 * own store (it had made none), so it saw `t`'s (a state word both
 * write: `wait_state(LOADED)` before `set_state(DONE)`). Not a count
 * that waiters consume (a semaphore built from a mutex and a condition
 * variable): its initial count may let the first wait through. */
static int sole_other_releaser(const cl_model *m, const cl_syncobj *o, size_t t, size_t b)
{
    return o->locked_pred && !o->taken && o->by.n == 2 && cl_ids_contains(o->by.v, o->by.n, t) &&
           cl_ids_contains(o->by.v, o->by.n, b) && !m->threads.v[t].multi && !m->threads.v[b].multi &&
           !cl_ids_contains(o->reacq.v, o->reacq.n, b);
}

static int before(const cl_model *m, const cl_accrec *a, const cl_accrec *b, int depth);

/* Whether thread `t` starts after access `a`: it descends from a child
 * of `a`'s thread that is not live at `a` and that no join ever ends
 * (so not started and ended before `a` either). */
static int starts_after(const cl_model *m, const cl_accrec *a, size_t t)
{
    while (t < m->threads.n && m->threads.v[t].creator != a->thread)
        t = m->threads.v[t].creator;
    return t < m->threads.n && !cl_ids_contains(a->live, a->nlive, t) && m->threads.v[t].end_sync == 0;
}

/* Whether `a`, which precedes every release of wake-up object `o` by its
 * thread (running once), precedes every write to a wake-up channel: each
 * other thread that writes one starts after `a`, or writes only after it
 * was woken by one (unprimed_by). By induction on the writes in time, the
 * first of them all is then by `a`'s thread or a thread started after
 * `a`, and every later one follows an earlier one; a handler woken by a
 * channel runs after some write, so after `a`. */
static int wake_before(const cl_model *m, const cl_syncobj *o, const cl_accrec *a)
{
    if (m->threads.v[a->thread].multi)
        return 0;
    for (size_t i = 0; i < o->by.n; i++) {
        size_t t = o->by.v[i];
        if (t != a->thread && !starts_after(m, a, t) && cl_ids_contains(o->unprimed_by.v, o->unprimed_by.n, t))
            return 0;
    }
    return 1;
}


/* Whether `a` happens before the end of thread `t`, which `b`'s thread
 * joined: `a` is `t`'s, or comes before an object `t` acquired on its way
 * to its end (transitively, through joins `t` made, up to a few levels). */
static int before_end(const cl_model *m, const cl_accrec *a, size_t t, int depth)
{
    const cl_thread *th = &m->threads.v[t];
    if (a->thread == t)
        return 1;
    if (!th->ends || th->nexit_acq == 0 || depth >= 4)
        return 0;
    cl_syncsets sync;
    memset(&sync, 0, sizeof sync);
    sync.nacq = (uint32_t)th->nexit_acq;
    sync.acq = th->exit_acq;
    cl_accrec e;
    memset(&e, 0, sizeof e);
    e.thread = t;
    e.sync = &sync;
    return before(m, a, &e, depth + 1);
}

/* Whether semaphores `x` (held by the later access's thread, taken from
 * the other's posts) and `y` (held by the earlier access's thread, really
 * when `real`) alternate: every post of `y` holds `x` taken since its
 * thread's last release, every post of `x` holds `y` so or is its thread's
 * first release, and the initial counts and such first posts add up to
 * one token at most. Then the k-th wait on one follows the k-th post of
 * the other, and the stretches in which each thread holds its token are
 * ordered (see the header comment); an access that holds no token yet
 * precedes the posts the other's `x` came from only if `x` starts at 0. */
static int alternate(const cl_model *m, size_t x, size_t y, int real)
{
    const cl_syncobj *ox = &m->syncs.v[x], *oy = &m->syncs.v[y];
    if (!ox->taken || !oy->taken || !ox->init_seen || !oy->init_seen || ox->init < 0 || oy->init < 0 ||
        !ox->guard_seen || !oy->guard_seen || !cl_ids_contains(oy->guard_tok.v, oy->guard_tok.n, x))
        return 0;
    int x_real = cl_ids_contains(ox->guard_tok.v, ox->guard_tok.n, y);
    int x_first = !x_real && (!ox->guard_ftok_seen || cl_ids_contains(ox->guard_ftok.v, ox->guard_ftok.n, y));
    if (!x_real && !x_first)
        return 0;
    return ox->init + oy->init + x_first <= 1 && (ox->init == 0 || real);
}

/* Whether the stores of each-object `o`'s predicate leave its waiter,
 * thread `c`, nothing to see but a store of an instance of thread `t`:
 * only `t` and `c` store it, always integer constants, and none that `c`
 * stores is one that `t` stores (`c` marks the element created, `t`
 * ready), nor 0, what zeroed memory (a static array, calloc) holds before
 * any store. A wait loop testing for a value `c` itself stores, or for
 * 0, could pass without a store of `t`; one testing for a value only `t`
 * stores saw `t`'s store. */
static int own_values(const cl_model *m, const cl_syncobj *o, size_t t, size_t c)
{
    const cl_syncobj *v = &m->syncs.v[o->each_vals];
    if (v->vunknown.n > 0)
        return 0;
    int stores = 0;
    for (size_t i = 0; i < v->vals.n; i++) {
        if (v->vals.v[i].thread != t && v->vals.v[i].thread != c)
            return 0;
        if (v->vals.v[i].thread != t)
            continue;
        if (v->vals.v[i].v == 0)
            return 0;
        stores = 1;
        for (size_t k = 0; k < v->vals.n; k++)
            if (v->vals.v[k].thread == c && v->vals.v[k].v == v->vals.v[i].v)
                return 0;
    }
    return stores;
}

/* Whether each-object `o` (cl_sync_each) orders what an instance of
 * thread `t` did before storing the predicate of its own element before
 * what its creator `c` does after the loop that waited on every element:
 * `c` runs once and started the instances in a loop over the same range,
 * each with its own element as the start argument; each instance stores
 * only its own element's predicate under that element's lock; only `t`
 * and `c` store it (own_values). The k-th round of the waiting loop saw
 * the store of the instance started with the k-th element, so leaving
 * the loop follows the store of every instance. */
static int waited_each(const cl_model *m, const cl_syncobj *o, size_t t, size_t c)
{
    const cl_thread *th = &m->threads.v[t];
    if (th->creator != c || m->threads.v[c].multi || !th->multi || !th->arg_per_instance || o->taken ||
        !cl_ids_contains(o->each_live.v, o->each_live.n, t) ||
        o->each_loops || o->each_loop == NULL || cl_ids_contains(o->each_foreign.v, o->each_foreign.n, t))
        return 0;
    for (size_t i = 0; i < o->by.n; i++)
        if (o->by.v[i] != t && o->by.v[i] != c)
            return 0;
    const cl_event *site = th->site != NULL ? th->site : th->spawn;
    const cl_node *spawn_loop = site != NULL ? cl_callgraph_enclosing(&m->cg, site, CL_N_LOOP) : NULL;
    return cl_sync_same_range(spawn_loop, o->each_loop) && own_values(m, o, t, c);
}

/* Whether `a` happens before `b` through an object `b` acquired (see the
 * header comment); `depth` counts the joins followed (before_end). */
static int before(const cl_model *m, const cl_accrec *a, const cl_accrec *b, int depth)
{
    const cl_syncsets *as = a->sync, *bs = b->sync;
    for (size_t i = 0; i < bs->nacq; i++) {
        const cl_syncobj *o = &m->syncs.v[bs->acq[i]];
        if (o->end_of != 0) {
            if (before_end(m, a, o->end_of - 1, depth))
                return 1;
            continue;
        }
        const cl_syncobj *r = &m->syncs.v[o->base]; /* (the semaphore for a k-th wait) */
        if (!cl_ids_contains(r->by.v, r->by.n, a->thread) || cl_ids_contains(as->rel, as->nrel, o->base))
            continue;
        if (o->each) {
            if (waited_each(m, o, a->thread, b->thread))
                return 1;
            continue;
        }
        if ((o->all_rmw && !o->taken) || sole_releaser(m, o, a->thread) || waited_all(m, o) ||
            sole_other_releaser(m, o, a->thread, b->thread) || (o->wake && wake_before(m, o, a)))
            return 1;
    }
    for (size_t i = 0; i < bs->ntok; i++) {
        if (!sole_releaser(m, &m->syncs.v[bs->tok[i]], a->thread))
            continue;
        if (m->syncs.v[bs->tok[i]].locked_pred) {
            /* A predicate under a lock that the other thread hands back as
             * a token of its own: two indices of a ring passed back and
             * forth under one mutex. Semaphores must alternate (below); a
             * predicate's waits are loops that test the value under the
             * lock, and the pair of predicates orders the rounds. Atomic
             * flags are neither (a spin on a counter can see a later
             * round's value). */
            for (size_t j = 0; j < as->ntok; j++)
                if (sole_releaser(m, &m->syncs.v[as->tok[j]], b->thread))
                    return 1;
            continue;
        }
        for (size_t j = 0; j < as->nftok; j++)
            if (sole_releaser(m, &m->syncs.v[as->ftok[j]], b->thread) &&
                alternate(m, bs->tok[i], as->ftok[j], cl_ids_contains(as->tok, as->ntok, as->ftok[j])))
                return 1;
    }
    return 0;
}

void cl_sync_handshake(cl_model *m, size_t thread, size_t id)
{
    idvec_insert(&m->threads.v[thread].shakes, id);
}

void cl_sync_handshake_spoiled(cl_model *m, size_t thread, size_t id)
{
    idvec_insert(&m->threads.v[thread].shakes_unclean, id);
}

/* Whether predicate `o` (object `id`) under a lock can be the handshake
 * of thread `t` (see the header comment): only `t` and its creator store
 * it, the creator stores it only before a spawn (its stores clear the
 * flag: one that satisfied its own wait would leave nothing to wait for),
 * so its wait after a spawn saw a store of an instance of `t`. With
 * several instances, of the one just started when each instance stores
 * once and the spawn loop clears the flag before each spawn
 * (cl_sync_check_handshakes): every earlier instance stored before the
 * creator's previous wait ended. */
static int handshake_predicate(const cl_model *m, const cl_syncobj *o, size_t id, size_t t)
{
    const cl_thread *th = &m->threads.v[t];
    if (o->taken || !cl_ids_contains(o->by.v, o->by.n, t))
        return 0; /* (a consumed count may start above 0: sole_other_releaser) */
    for (size_t i = 0; i < o->by.n; i++)
        if (o->by.v[i] != t && o->by.v[i] != th->creator)
            return 0;
    return !cl_ids_contains(th->shakes_unclean.v, th->shakes_unclean.n, id) &&
           (!th->multi || !cl_ids_contains(o->again_by.v, o->again_by.n, t));
}

/* Whether object `id` can be the handshake of thread `t` (see the header
 * comment): a semaphore starting at 0 that `t` alone posts, once, or a
 * predicate under a lock (handshake_predicate). */
static int handshake_object(const cl_model *m, size_t id, size_t t)
{
    if (id == SIZE_MAX)
        return 0;
    if (m->syncs.v[id].locked_pred)
        return handshake_predicate(m, &m->syncs.v[id], id, t);
    const cl_syncobj *b = &m->syncs.v[m->syncs.v[id].base];
    return b->taken && b->init_seen && b->init == 0 && b->by.n == 1 && b->by.v[0] == t &&
           b->posts.n == 1 && b->posts.v[0].thread == t && b->posts.v[0].ev != NULL;
}

/* Whether access `a` of a thread happens before access `b` of its creator
 * through the handshakes at its start: `a` precedes the thread's post and
 * every spawn of it before `b` was followed by the creator's wait. */
static int handshake_before(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    const cl_thread *t = &m->threads.v[a->thread];
    if (t->creator != b->thread || m->threads.v[b->thread].multi || t->shakes.n == 0 ||
        cl_ids_contains(b->sync->shake, b->sync->nshake, a->thread))
        return 0;
    for (size_t i = 0; i < t->shakes.n; i++)
        if (!handshake_object(m, t->shakes.v[i], a->thread) ||
            cl_ids_contains(a->sync->rel, a->sync->nrel, m->syncs.v[t->shakes.v[i]].base))
            return 0;
    return 1;
}

/* Both threads meet at barriers and the accesses lie in different phases
 * (an even and an odd number of waits in): the barrier orders them. */
static int barrier_ordered(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    return m->threads.v[a->thread].uses_barrier && m->threads.v[b->thread].uses_barrier &&
           a->barrier_phase >= 0 && b->barrier_phase >= 0 && a->barrier_phase != b->barrier_phase;
}

/* Whether `a`, made by a once routine (cl_syncsets.once), precedes `b`:
 * `b` is made by that routine too (it runs once) or by a thread that
 * calls it (pthread_once returns once the routine has run, POSIX XSH
 * pthread_once; C11 7.26.2.1). A thread that calls it on some path is
 * taken to call it before it uses what the routine sets up: a thread
 * that did so once skips the call later (`if (!loaded) load();`), and
 * the walk joins the paths. */
static int once_before(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    size_t o = a->sync->once;
    const cl_idvec *called = &m->threads.v[b->thread].once_called;
    return o != 0 && (b->sync->once == o || cl_ids_contains(called->v, called->n, o - 1));
}

void cl_sync_once_called(cl_model *m, size_t thread, size_t id)
{
    idvec_insert(&m->threads.v[thread].once_called, id);
}

int cl_model_sync_ordered(const cl_model *m, const cl_accrec *a, const cl_accrec *b)
{
    if (barrier_ordered(m, a, b) || once_before(m, a, b) || once_before(m, b, a))
        return 1;
    return a->thread != b->thread && (before(m, a, b, 0) || before(m, b, a, 0) ||
                                      handshake_before(m, a, b) || handshake_before(m, b, a));
}

void cl_sync_barrier(cl_model *m, const char *path, int init, long parties, size_t thread)
{
    size_t id;
    if (!cl_strmap_get(&m->barrier_by_path, path, &id)) {
        struct cl_barrier b = { -1, { NULL, 0, 0 } };
        id = m->barriers.n;
        CL_VEC_PUSH(&m->barriers, b);
        cl_strmap_put(&m->barrier_by_path, cl_arena_strdup(&m->arena, path), id);
    }
    if (init)
        m->barriers.v[id].parties = parties;
    else
        idvec_insert(&m->barriers.v[id].waiters, thread);
}

/* Whether the loop around the spawn site of thread `th` (in its creator's
 * function) stores `path` (raw) in its body, unconditionally, before the
 * statement that spawns: the flag cleared before each start. */
static int cleared_before_spawn(const cl_model *m, const cl_thread *th, const char *path)
{
    const cl_event *site = th->site != NULL ? th->site : th->spawn;
    const cl_node *loop = site != NULL ? cl_callgraph_enclosing(&m->cg, site, CL_N_LOOP) : NULL;
    const cl_node *n = site != NULL ? cl_callgraph_event_node(&m->cg, site) : NULL;
    if (loop == NULL || loop->nkids == 0 || loop->kids[0]->kind != CL_N_SEQ)
        return 0;
    const cl_node *body = loop->kids[0];
    while (n != NULL && cl_callgraph_parent(&m->cg, n) != body)
        n = cl_callgraph_parent(&m->cg, n);
    for (size_t i = 0; n != NULL && i < body->nkids && body->kids[i] != n; i++) {
        const cl_node *k = body->kids[i];
        if (k->kind == CL_N_EVENT && writes_path(k, path))
            return 1;
    }
    return 0;
}

void cl_sync_check_handshakes(cl_model *m)
{
    for (size_t t = 0; t < m->threads.n; t++) {
        const cl_thread *th = &m->threads.v[t];
        for (size_t i = 0; th->multi && i < th->shakes.n; i++) {
            size_t id = th->shakes.v[i];
            if (id == SIZE_MAX || !m->syncs.v[id].locked_pred)
                continue;
            const char *name = m->syncs.v[id].name;
            char *path = cl_arena_strndup(&m->arena, name, (size_t)(strrchr(name, '|') - name));
            if (!cleared_before_spawn(m, th, path))
                cl_sync_handshake_spoiled(m, t, id);
        }
    }
}

void cl_sync_check_barriers(cl_model *m)
{
    for (size_t i = 0; i < m->barriers.n; i++) {
        const struct cl_barrier *b = &m->barriers.v[i];
        int counted = b->parties >= 0;
        for (size_t k = 0; counted && k < b->waiters.n; k++)
            counted = !m->threads.v[b->waiters.v[k]].multi;
        if (!counted || (size_t)b->parties >= b->waiters.n)
            continue;
        for (size_t k = 0; k < b->waiters.n; k++)
            m->threads.v[b->waiters.v[k]].uses_barrier = 0;
    }
}
