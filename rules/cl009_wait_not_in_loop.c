/* cl009_wait_not_in_loop.c - CL009 wait-not-in-loop: a condition wait that
 * does not re-check its predicate.
 *
 * What it finds: pthread_cond_wait, pthread_cond_timedwait,
 * pthread_cond_clockwait, cnd_wait and cnd_timedwait (the CL_CK_COND_WAIT
 * and CL_CK_COND_TIMEDWAIT kinds of callspec.h) that a thread reaches
 * without a loop around them that tests the predicate again after the
 * wait returns: no loop at all, `if (!ready) pthread_cond_wait(..)`, an
 * `if`-guarded wait inside an endless worker loop that then goes on as if
 * the predicate held (`for (;;) { if (empty) wait; pop(); }`), or a loop
 * that retries the wait on its own result and reads nothing shared
 * (`while (pthread_cond_wait(&cv, &m) != 0);`).
 * Why: a wait may return without a signal (spurious wakeup, POSIX allows
 * it), and between the signal and the wake-up another thread may have
 * consumed what was signalled (a stolen wakeup); code after the wait then
 * works on a predicate that is false.
 * Not flagged: a wait inside a loop whose run-time condition tests the
 * predicate (`while (!ready)`, `do { } while (!ready)`), in an endless or counting loop that
 * can be left (`for (;;) { if (ready) break; wait; }`) where the wait is
 * not under an `if` of its own, and an `if`-guarded wait whose branch then
 * goes back to a test (`if (!ready) { wait; continue; }`, or a `goto`
 * back to the test), or re-tests the predicate and leaves before any work
 * on it (`if (!ready) { wait; if (!ready) { unlock; continue; } }`), and
 * an `if`-guarded wait whose `else` takes the work (`if (empty) wait;
 * else take_all(q, &local); unlock; handle(local);` in an endless loop:
 * what follows handles what was taken, nothing after a wakeup). The
 * loop may be in a caller: a wait wrapper called in a predicate loop is
 * fine; what an `if` in the wrapper tests through its parameters is
 * matched with the caller's code through the call's arguments (`if
 * (q->len == 0) wait` in `await_job(&jobs)` tests `jobs.len`, which a
 * caller's `while (jobs.running)` does not re-test). `do { } while (0)`
 * is not a loop.
 * How: structural queries on the statement tree (cl_callgraph_parent) from
 * the wait up to the first loop, then from the call on the thread's call
 * chain in each caller, for every call record of a wait kind.
 * An `if`-guarded wait followed by more work is flagged inside a loop
 * whose condition does not test all that the `if` tests (`while (running)
 * { if (empty) wait; pop(); }`: the loop re-checks `running`, not
 * `empty`). A call of a project function in a test stands for what it
 * reads (`if (queue_empty(q))`), matched by the function called. A call
 * of a project function after the `if` is work on the predicate when it
 * is given a pointer to what the test reads (or to an object holding
 * it: `pop(&q)` for `q.count`, not `account(&m.cpu)` for `m.head`), when its callees
 * (three levels down) access one, when it cannot be resolved, or when the
 * test itself calls a function; CPU accounting between the wait and a
 * re-test (`account(&cpu, &total)`) is not.
 * Limits: a predicate copied into a local before the `if` is not followed
 * back; a timed wait used as an interruptible sleep outside any loop is
 * reported like any other wait.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/shape.h"
#include "model/model.h"
#include "rule.h"

/* The last statement of `n` (the last kid of a SEQ, recursively). */
static const cl_node *last_stmt(const cl_node *n)
{
    while (n != NULL && n->kind == CL_N_SEQ)
        n = n->nkids ? n->kids[n->nkids - 1] : NULL;
    return n;
}

enum { W_UNKNOWN, W_FINE, W_BAD };

/* What the way up from a wait crossed: an alternative of an `if` or a
 * `switch` (not its condition), and statements after it that work
 * (does_work). */
typedef struct climb {
    int guarded, work_after;
    const cl_node *guard;     /* the condition of the innermost such `if` */
    int after_guard;          /* work after that `if` statement itself */
    int takes_else;           /* another alternative of that `if` takes the work */
    /* Once the climb left the guard's function: the call into it, whose
     * arguments name the objects the guard reads through its parameters
     * (`if (q->len == 0)` in `wait_for_item(&gq)` reads `gq.len`). */
    const cl_event *via;
} climb;

static int lock_call(const cl_callgraph *cg, const cl_node *n)
{
    const cl_callspec *cs = n->kind == CL_N_EVENT ? cl_callgraph_spec(cg, n->ev) : NULL;
    return cs != NULL && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_UNLOCK);
}

/* Whether node `n` is work after a wait: an access of a tracked location
 * (locals are not tracked) or a call other than a lock or unlock call and
 * one that does not return (`assert`'s). What a wait wrapper does with
 * the wait's result (`assert(ret == 0); return ret;`) is not work. */
static int does_work(const cl_node *n, const void *arg)
{
    const cl_callgraph *cg = arg;
    if (n->kind != CL_N_EVENT)
        return 0;
    if (n->ev->kind == CL_EV_ACCESS)
        return 1;
    return n->ev->kind == CL_EV_CALL && !lock_call(cg, n) && !cl_callgraph_noreturn(cg, n->ev);
}

/* A question about condition trees: `cg` tells project functions apart,
 * `key` names one thing tested (NULL: any), `other` is a second tree and
 * `absent` asks for what it does not test rather than what it does. */
typedef struct probe {
    const cl_callgraph *cg;
    const char *key;
    const cl_node *other;
    int absent;
    /* climb.via: the guard's parameters as its caller names them, for the
     * paths the probe's tree tests (`key_via` 0) or for `key` (1). */
    const cl_event *via;
    int key_via;
} probe;

/* Whether raw path `k`, read in the function called by `via` (NULL: in
 * the function of `key`), is `key`: directly, or with its parameter
 * "P<n>" replaced by what argument n points to ("P0.len" with `&gq`:
 * "Gq.len"). */
static int same_path(const char *k, const char *key, const cl_event *via)
{
    if (strcmp(k, key) == 0)
        return 1;
    char *end;
    if (via == NULL || k[0] != 'P')
        return 0;
    unsigned long n = strtoul(k + 1, &end, 10);
    const cl_value *a = end != k + 1 && n < via->u.call.nargs ? &via->u.call.args[n] : NULL;
    if (a == NULL || a->kind != CL_VAL_ADDR || a->path == NULL)
        return 0;
    size_t na = strlen(a->path);
    return strncmp(key, a->path, na) == 0 && strcmp(key + na, end) == 0;
}

/* What node `n` of a condition tests: the path of a read of a tracked
 * location (a global, a field through a pointer; "" without a path) or
 * the USR of a project function it calls, which may read one
 * (`queue_empty(q)`); NULL when it tests nothing shared (`i < n` on
 * locals). */
static const char *tested(const cl_callgraph *cg, const cl_node *n)
{
    if (n->kind != CL_N_EVENT)
        return NULL;
    const cl_event *ev = n->ev;
    if (ev->kind == CL_EV_ACCESS)
        return !(ev->u.access.flags & CL_ACC_READ) ? NULL
               : ev->u.access.path != NULL         ? ev->u.access.path
                                                   : "";
    size_t one;
    const size_t *fs;
    return ev->kind == CL_EV_CALL && ev->u.call.callee_usr != NULL &&
                   cl_callgraph_spec(cg, ev) == NULL && cl_callgraph_callees(cg, ev, &one, &fs) > 0
               ? ev->u.call.callee_usr
               : NULL;
}

/* Whether node `n` tests the probe's key (anything shared, when NULL). */
static int tests(const cl_node *n, const void *arg)
{
    const probe *pr = arg;
    const char *k = tested(pr->cg, n);
    return k != NULL && (pr->key == NULL ||
                         (*k != '\0' && (pr->key_via ? same_path(pr->key, k, pr->via)
                                                     : same_path(k, pr->key, pr->via))));
}

/* Whether node `n` may read what a predicate tests: a read of a tracked
 * location or a call of project code (cond_tests), or a library call
 * other than a wait, a lock or an unlock given an object
 * (`strcmp(cache_name, name)`). */
static int may_test(const cl_node *n, const void *arg)
{
    const cl_callgraph *cg = arg;
    probe pr = { cg, NULL, NULL, 0, NULL, 0 };
    if (tests(n, &pr))
        return 1;
    const cl_callspec *cs = n->kind == CL_N_EVENT ? cl_callgraph_spec(cg, n->ev) : NULL;
    if (cs == NULL || lock_call(cg, n) || cs->kind == CL_CK_COND_WAIT ||
        cs->kind == CL_CK_COND_TIMEDWAIT)
        return 0;
    for (size_t i = 0; i < n->ev->u.call.nargs; i++)
        if (n->ev->u.call.args[i].kind == CL_VAL_ADDR || n->ev->u.call.args[i].kind == CL_VAL_LOAD)
            return 1;
    return 0;
}

/* Whether condition tree `n` tests shared state. */
static int cond_tests(const cl_callgraph *cg, const cl_node *n)
{
    probe pr = { cg, NULL, NULL, 0, NULL, 0 };
    return cl_shape_any(n, tests, &pr);
}

/* Whether node `n` tests a named thing that the probe's `other` tree tests
 * too (or, with `absent`, does not test); `n` is in the guard's function
 * (read through pr->via from `other`'s). */
static int tested_by_other(const cl_node *n, const void *arg)
{
    const probe *pr = arg;
    probe in = { pr->cg, tested(pr->cg, n), NULL, 0, pr->via, 1 };
    return in.key != NULL && *in.key != '\0' && cl_shape_any(pr->other, tests, &in) != pr->absent;
}

/* Whether condition trees `a` (the guard, read through `via`) and `b`
 * test a thing in common. */
static int share_test(const cl_callgraph *cg, const cl_node *a, const cl_node *b, const cl_event *via)
{
    probe pr = { cg, NULL, b, 0, via, 0 };
    return cl_shape_any(a, tested_by_other, &pr);
}

/* Whether condition tree `loop` tests everything `guard` (read through
 * `via`) tests (`while (!stop)` does not cover `if (count == 0 &&
 * !stop)`). */
static int covers(const cl_callgraph *cg, const cl_node *loop, const cl_node *guard,
                  const cl_event *via)
{
    probe pr = { cg, NULL, loop, 1, via, 0 };
    return !cl_shape_any(guard, tested_by_other, &pr);
}

typedef struct touch {
    const cl_callgraph *cg;
    const cl_node *guard;
    int depth;
    const cl_event *via; /* climb.via */
} touch;

/* Whether raw path `a` is `b` or a part of it ("Gq.count" of "Gq"). */
static int path_within(const char *a, const char *b)
{
    size_t n = strlen(b);
    return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '.' || a[n] == '[' || a[n] == '-');
}

/* Whether condition node `n` reads a location inside the object `path`
 * (a pointer argument's pointee) or one containing it (`pop(&q)` against
 * `q.count == 0`; not `account(&m.cpu)` against `m.head == m.tail`). */
static int reads_within(const cl_node *n, const void *arg)
{
    const char *path = arg;
    if (n->kind != CL_N_EVENT || n->ev->kind != CL_EV_ACCESS || n->ev->u.access.path == NULL)
        return 0;
    const char *r = n->ev->u.access.path;
    return path_within(r, path) || path_within(path, r);
}

static int touches_guard(const cl_node *n, const void *arg);

/* Whether node `n` calls a project function (arg: the call graph). */
static int is_project_call(const cl_node *n, const void *arg)
{
    return n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL && cl_callgraph_spec(arg, n->ev) == NULL;
}

/* Whether project call `ev` may work on what the guard tests: a pointer
 * argument into a variable the guard reads, or a callee (three levels
 * down) that accesses a location the guard reads; an unresolved callee
 * may (`pop(q)`, `q->ops->pop()`). `add_cpu(&cpu, &total)` after
 * `if (first_free == first_filled) wait;` does not. */
static int call_touches_guard(const touch *t, const cl_event *ev)
{
    size_t one;
    const size_t *fs;
    size_t nf = cl_callgraph_callees(t->cg, ev, &one, &fs);
    if (nf == 0 || t->depth >= 3 || cl_shape_any(t->guard, is_project_call, t->cg))
        return 1; /* (a guard that calls a function, `queue_empty(q)`, reads through it) */
    for (size_t k = 0; k < ev->u.call.nargs; k++) {
        const cl_value *v = &ev->u.call.args[k];
        if (v->path != NULL && cl_shape_any(t->guard, reads_within, v->path))
            return 1;
    }
    touch in = { t->cg, t->guard, t->depth + 1, t->via };
    for (size_t i = 0; i < nf; i++)
        if (cl_shape_any(t->cg->funcs.v[fs[i]].fn->body, touches_guard, &in))
            return 1;
    return 0;
}

/* Whether node `n` accesses a location the guard reads or calls project
 * code that may (call_touches_guard). */
static int touches_guard(const cl_node *n, const void *arg)
{
    const touch *t = arg;
    if (n->kind != CL_N_EVENT)
        return 0;
    const cl_event *ev = n->ev;
    if (ev->kind == CL_EV_ACCESS) {
        probe pr = { t->cg, ev->u.access.path, NULL, 0, t->via, 0 };
        return pr.key != NULL && cl_shape_any(t->guard, tests, &pr);
    }
    return ev->kind == CL_EV_CALL && cl_callgraph_spec(t->cg, ev) == NULL && call_touches_guard(t, ev);
}

/* Whether the statements of SEQ `p` after its kid `n` work on what
 * `guard` tested before a test of it again (`if (empty) wait; pop();`,
 * not `if (empty) wait; if (empty) continue; pop();` nor `if (empty)
 * wait; else pop(); served++;`). */
static int uses_after(const cl_callgraph *cg, const cl_node *p, const cl_node *n,
                      const cl_node *guard, const cl_event *via)
{
    size_t k = 0;
    while (k < p->nkids && p->kids[k] != n)
        k++;
    for (k++; k < p->nkids; k++) {
        const cl_node *s = p->kids[k];
        if ((s->kind == CL_N_BRANCH || s->kind == CL_N_LOOP) && share_test(cg, guard, s->cond, via))
            return 0;
        touch t = { cg, guard, 0, via };
        if (!lock_call(cg, s) && cl_shape_any(s, touches_guard, &t))
            return 1;
    }
    return 0;
}

/* Whether statement `s` ends by leaving for a test or the caller
 * (`continue`, `break`, `goto`, `return`). */
static int leaves(const cl_node *s)
{
    const cl_node *last = last_stmt(s);
    return last != NULL && (last->kind == CL_N_CONTINUE || last->kind == CL_N_BREAK ||
                            last->kind == CL_N_GOTO || last->kind == CL_N_RETURN);
}

/* Whether, on the way from node `from` up to its ancestor `top`, a
 * statement after the way tests what `guard` reads again, before any work
 * on it, and has an alternative that leaves (`if (empty) { wait; if
 * (empty) { unlock; continue; } } pop();`): every wakeup is re-tested. */
static int retested_inside(const cl_callgraph *cg, const cl_node *from, const cl_node *top,
                           const cl_node *guard)
{
    touch t = { cg, guard, 0, NULL };
    for (const cl_node *n = from, *p; n != top && n != NULL; n = p) {
        p = cl_callgraph_parent(cg, n);
        size_t k = 0;
        while (p != NULL && p->kind == CL_N_SEQ && k < p->nkids && p->kids[k] != n)
            k++;
        for (k++; p != NULL && p->kind == CL_N_SEQ && k < p->nkids; k++) {
            const cl_node *s = p->kids[k];
            if (s->kind == CL_N_BRANCH && share_test(cg, guard, s->cond, NULL))
                for (size_t a = 0; a < s->nkids; a++)
                    if (leaves(s->kids[a]))
                        return 1;
            if (!lock_call(cg, s) && cl_shape_any(s, touches_guard, &t))
                return 0;
        }
    }
    return 0;
}

/* Whether an alternative of branch `p` other than `n` works on what the
 * branch tests (`if (empty) wait; else take_all(q, &local);`): the work
 * is taken there, and what follows the `if` handles what was taken, which
 * after a wakeup is nothing. */
static int other_takes(const cl_callgraph *cg, const cl_node *p, const cl_node *n)
{
    touch t = { cg, p->cond, 0, NULL };
    for (size_t a = 0; a < p->nkids; a++)
        if (p->kids[a] != n && cl_shape_any(p->kids[a], touches_guard, &t))
            return 1;
    return 0;
}

/* Walks from node `n` up its function's tree: W_FINE or W_BAD when a loop
 * (or a branch that goes back to a test) decides, W_UNKNOWN at the body. */
static int up_to_loop(const cl_callgraph *cg, const cl_node *n, climb *c)
{
    const cl_node *from = n;
    for (const cl_node *p = cl_callgraph_parent(cg, n); p != NULL;
         n = p, p = cl_callgraph_parent(cg, p)) {
        if ((p->kind == CL_N_BRANCH || p->kind == CL_N_SWITCH) && n != p->cond) {
            const cl_node *last = last_stmt(n);
            if (last != NULL && (last->kind == CL_N_CONTINUE || last->kind == CL_N_GOTO))
                return W_FINE; /* the alternative goes back to a test */
            if (!c->guarded && retested_inside(cg, from, n, p->cond))
                return W_FINE;
            if (!c->guarded) {
                c->guard = p->cond;
                c->takes_else = p->kind == CL_N_BRANCH && other_takes(cg, p, n);
            }
            c->guarded = 1;
        }
        for (size_t k = p->kind == CL_N_SEQ && !c->takes_else ? p->nkids : 0;
             k > 0 && p->kids[k - 1] != n; k--)
            c->work_after |= cl_shape_any(p->kids[k - 1], does_work, cg);
        if (c->guarded && p->kind == CL_N_SEQ && !c->after_guard && !c->takes_else)
            c->after_guard = uses_after(cg, p, n, c->guard, c->via);
        if (p->kind != CL_N_LOOP || p->bound == CL_LOOP_ONCE)
            continue;
        /* A loop that runs until something stops it but in which nothing
         * reads shared state or calls project code retries the wait on
         * its own result (`while (pthread_cond_wait(&cv, &m) != 0);`, `do
         * rc = wait(..); while (rc == EINTR);`): no predicate is re-checked. */
        if (p->bound != CL_LOOP_INFINITE && !cl_shape_any(p, may_test, cg))
            return W_BAD;
        /* A loop whose test reads shared state re-checks the predicate
         * each round (`while (!q->ready)`, `while (started < n)`), unless
         * an `if` around the wait tested something else once and more code
         * follows that `if` (`while (running) { if (empty) wait; pop(); }`).
         * An endless loop, or one testing only locals, re-checks when a
         * test inside leaves it, with the same exception. */
        if (cond_tests(cg, p->cond))
            return c->after_guard && cond_tests(cg, c->guard) && !covers(cg, p->cond, c->guard, c->via)
                       ? W_BAD
                       : W_FINE;
        return (p->bound == CL_LOOP_UNKNOWN || cl_callgraph_can_leave(cg, p)) &&
                       !(c->guarded && c->work_after) ? W_FINE : W_BAD;
    }
    return W_UNKNOWN;
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    const cl_node *n = cl_callgraph_event_node(&m->cg, r->ev);
    if (n == NULL)
        return;
    climb c = { 0, 0, NULL, 0, 0, NULL };
    int verdict = up_to_loop(&m->cg, n, &c);
    for (const cl_frame *f = r->frame; verdict == W_UNKNOWN && f != NULL && f->call != NULL;
         f = f->parent) {
        if (f == r->frame && c.guarded)
            c.via = f->call; /* (the guard's function is the wait's) */
        const cl_node *cn = cl_callgraph_event_node(&m->cg, f->call);
        verdict = cn != NULL ? up_to_loop(&m->cg, cn, &c) : W_FINE;
    }
    if (verdict == W_FINE)
        return;
    const char *wait = r->ev->u.call.callee_name;
    const char *fn = cl_model_frame_func(m, r->frame);
    cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, fn);
    cl_fb_message(b, "'%s' is not in a loop that re-checks its predicate%s; a spurious or stolen "
                  "wakeup returns with the predicate false: re-check the predicate in a while "
                  "loop around the wait", wait,
                  c.guarded ? " (an 'if' tests it only once)" : "");
    cl_fb_key(b, "wait|%s", wait);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "waits on '%s'", wait);
    cl_fb_emit(b);
}

const cl_rule cl009_wait_not_in_loop = {
    .id = "CL009",
    .name = "wait-not-in-loop",
    .short_desc = "A condition wait is not inside a loop that re-checks its predicate",
    .full_desc =
        "pthread_cond_wait, pthread_cond_timedwait, cnd_wait or cnd_timedwait is called "
        "without a loop around it that tests the predicate again when the wait returns (an "
        "'if' before the wait, or no test at all). A wait can return without a signal "
        "(spurious wakeup), and another thread can take what was signalled before this one "
        "runs (stolen wakeup), so the code after the wait may run with the predicate false.",
    .help_md =
        "## wait-not-in-loop (CL009)\n\n"
        "POSIX allows `pthread_cond_wait` to return without a signal, and when several "
        "threads wait on one condition variable another one may take the item that was "
        "signalled before this thread reacquires the mutex. Code that tests the predicate "
        "once, with an `if`, then goes on after the wait works on a state that is not "
        "there:\n\n"
        "```c\n"
        "pthread_mutex_lock(&q->lock);\n"
        "if (q->head == NULL)                 /* tested once */\n"
        "    pthread_cond_wait(&q->ready, &q->lock);\n"
        "item = q->head;                      /* may be NULL */\n"
        "```\n\n"
        "**Fix**: re-check the predicate in a loop around the wait:\n\n"
        "```c\n"
        "while (q->head == NULL && !q->closed)\n"
        "    pthread_cond_wait(&q->ready, &q->lock);\n"
        "```\n\n"
        "An endless loop that re-tests and breaks (`for (;;) { if (ready) break; wait; }`), "
        "a `continue` or a `goto` back to the test after the wait, a second test of the "
        "predicate after the wait that leaves (`if (empty) { wait; if (empty) continue; }`), "
        "and a wait helper called from a predicate loop are fine too. `do { ... } while (0)` "
        "is not a loop. A loop whose condition tests all that the `if` tests is taken as "
        "re-checking the predicate; one that tests something else is not (`while (running) "
        "{ if (empty) wait; pop(); }`).",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "synchronization", "correctness"),
    .cwe = CL_STRINGS("CWE-662"),
    .precision = "high",
    .security_severity = "4.0",
    .points = CL_ON_CALL,
    .call_kinds = CL_KIND_BIT(CL_CK_COND_WAIT) | CL_KIND_BIT(CL_CK_COND_TIMEDWAIT),
    .on_call = on_call,
};
