/* cl003_sleep_coordination.c - CL003 sleep-coordination: a sleep used to
 * wait for another thread.
 *
 * What it finds (a sleep is a call classified CL_CK_SLEEP -- sleep, usleep,
 * nanosleep, clock_nanosleep, thrd_sleep, a configured sleep function -- or a
 * call to a project "sleep wrapper", a function that sleeps and does
 * nothing else):
 *
 *   (a) sleep instead of join. A thread sleeps, not inside a loop, while a
 *       child thread it started is running (not joined: the model's live set
 *       at the sleep), and then either reads a location that child writes
 *       (the read's own live set still holds the child, so no join came in
 *       between), or -- the main thread only -- returns from main() with no
 *       join, cancel, wait or loop after the sleep: the process ends with
 *       the child still running.
 *   (b) a poll loop. The innermost loop around the sleep can end (a
 *       condition, a break, a return), does nothing but test state, take
 *       locks and sleep (no write to shared memory, no call that does work),
 *       and reads -- in its condition, its body or a function it calls -- a
 *       location that another thread, which may run at the same time (the
 *       model's create/join ordering), writes. `while (!done) usleep(1000);`
 *       and `while (read_state(s) == NEW) nanosleep(...)`.
 *
 * Why: a sleep does not order anything. "Long enough" is a guess that fails
 * on a loaded machine, a slow disk or under a debugger, and a poll loop burns
 * wake-ups and adds latency. pthread_join, a condition variable, a semaphore
 * or a barrier express the wait exactly.
 *
 * Where it reports: at the sleep (for a wrapper, at the call of the wrapper
 * in the loop or function that waits), with the spawn site of the thread
 * waited for, the write in that thread and, for (a), the read after the
 * sleep as related locations.
 *
 * What it deliberately does not flag: periodic work loops (the loop body
 * writes shared memory or calls a function that does real work: I/O, an
 * unknown external function, an indirect call); loops that never end
 * (`for (;;) { sleep(10); dump_stats(); }`); retry and backoff loops that
 * read only locals; loops that also block on a real synchronisation object
 * (condition variable, semaphore, join, poll); a sleep followed by
 * pthread_join before the read or exit; sleeps with no other thread around;
 * a sleep in a spawned thread that then returns (the process goes on).
 *
 * Limits. Which branch alternative leaves the loop is taken from the tree
 * shape: an `if (x) { ... }` earlier in the loop body that tests exactly the
 * same local variables as a later `if (x) break;` is taken to run only on
 * the leaving iteration (the "have = q_len > 0; if (have) {dequeue} ...
 * if (have) break;" shape); the IR does not record whether the two tests
 * have the same polarity. Accesses of a callee called from several places
 * with the same arguments and state are recorded once by the model (under
 * the first call), so a poll through such a shared helper can be missed.
 * C11 atomic operations (atomic_load, atomic_store, __atomic_*) are not
 * events in the IR today, so polling an atomic flag through them is not
 * seen (plain reads of an _Atomic or volatile object are). A sleep inside a
 * function called from a loop is judged as part of that loop only when the
 * function is a sleep wrapper.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rule.h"

/* ---- pointer sets ---------------------------------------------------------- */

/* A set filled first and queried after (sorted on the first query); see
 * rctx.reported for the set that interleaves both. */
typedef struct ptrset {
    const void **v;
    size_t n, cap;
    int sorted;
} ptrset;

static int ptr_cmp(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t)*(const void *const *)x, b = (uintptr_t)*(const void *const *)y;
    return a < b ? -1 : a > b;
}

static void ptrset_add(ptrset *s, const void *p)
{
    CL_VEC_PUSH(s, p);
    s->sorted = 0;
}

static int ptrset_has(ptrset *s, const void *p)
{
    if (s->n == 0)
        return 0;
    if (!s->sorted) {
        qsort(s->v, s->n, sizeof *s->v, ptr_cmp);
        s->sorted = 1;
    }
    return bsearch(&p, s->v, s->n, sizeof *s->v, ptr_cmp) != NULL;
}

static void ptrset_release(ptrset *s)
{
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* Every event in the subtree `n` (conditions included). */
static void collect_events(const cl_node *n, ptrset *out)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        ptrset_add(out, n->ev);
        return;
    }
    collect_events(n->cond, out);
    for (size_t i = 0; i < n->nkids; i++)
        collect_events(n->kids[i], out);
}

/* ---- rule context ---------------------------------------------------------- */

enum { UNKNOWN = 0, BUSY, NO, YES };

/* What a function does, from the point of view of a poll loop. */
typedef struct fsum {
    unsigned char work;   /* UNKNOWN, BUSY, NO, YES: does it do real work */
    unsigned char sleeps; /* calls a sleep (directly or through a wrapper) */
    unsigned char loops;  /* NO / YES: contains a loop or a wait (transitively) */
} fsum;

/* An access record under an event: the event is the record's own access
 * or a call on its frame chain (see runs_in). */
typedef struct evrec {
    const void *ev;
    size_t rec;                /* index into m->accesses */
} evrec;

typedef struct rctx {
    const cl_model *m;
    cl_rule_ctx *ctx;
    fsum *fs;                  /* per model function */
    const cl_accrec **writes;  /* write records, sorted by path */
    size_t nwrites;
    evrec *under;              /* every (event, record) pair, sorted; built
                                  on first use by records_in */
    size_t nunder;
    cl_strmap reported;        /* "%p" of each sleep event already reported */
    cl_arena keys;             /* the keys of `reported` */
} rctx;

/* External functions a pure poll loop may call: clocks, yields, fences,
 * errno. Anything else without a body is assumed to do work. */
static int benign_external(const char *name)
{
    static const char *const names[] = {
        "time", "clock", "clock_gettime", "gettimeofday", "difftime", "sched_yield",
        "thrd_yield", "pthread_self", "thrd_current", "pthread_equal", "pthread_testcancel",
        "__errno_location", "__error", "__sync_synchronize", "atomic_thread_fence",
        "__atomic_thread_fence", "atomic_signal_fence", NULL
    };
    for (size_t i = 0; names[i] != NULL; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return strncmp(name, "__atomic_load", 13) == 0 || strncmp(name, "atomic_load", 11) == 0;
}

static const fsum *summarize(rctx *c, size_t fi);

/* Is the write access `ev` to memory another thread could see? Writes to
 * the function's own address-taken locals are not. */
static int shared_write(const cl_event *ev)
{
    const cl_access *a = &ev->u.access;
    return (a->flags & CL_ACC_WRITE) && a->path != NULL && a->path[0] != 'L';
}

/* Classifies a call: sets *work when it does real work (or blocks on a real
 * synchronisation object), *sleeps when it sleeps, *waits when it waits or
 * loops (for the exit test of (a)). */
static void classify_call(rctx *c, const cl_event *ev, int *work, int *sleeps, int *waits)
{
    const cl_callspec *cs = cl_callgraph_spec(&c->m->cg, ev);
    if (cs != NULL) {
        switch (cs->kind) {
        case CL_CK_SLEEP:
            *sleeps = 1;
            return;
        case CL_CK_LOCK:
        case CL_CK_RDLOCK:
        case CL_CK_TRYLOCK:
        case CL_CK_UNLOCK:
        case CL_CK_COND_SIGNAL:
            return;
        case CL_CK_JOIN:
        case CL_CK_TIMEDJOIN:
        case CL_CK_CANCEL:
        case CL_CK_COND_WAIT:
        case CL_CK_COND_TIMEDWAIT:
        case CL_CK_SEM_WAIT:
        case CL_CK_SEM_TIMEDWAIT:
        case CL_CK_BARRIER_WAIT:
        case CL_CK_POLL:
        case CL_CK_MQ_TIMEDRECEIVE:
            *waits = 1;
            *work = 1;
            return;
        default:
            break;
        }
        if (strcmp(ev->u.call.callee_name, "pthread_exit") == 0 ||
            strcmp(ev->u.call.callee_name, "thrd_exit") == 0)
            *waits = 1; /* main's pthread_exit waits for the other threads */
        *work = 1;
        return;
    }
    size_t fi = cl_callgraph_func(&c->m->cg, ev->u.call.callee_usr);
    if (fi != SIZE_MAX) {
        const fsum *s = summarize(c, fi);
        if (s->work != NO)
            *work = 1;
        if (s->sleeps)
            *sleeps = 1;
        if (s->loops == YES)
            *waits = 1;
        return;
    }
    if (ev->u.call.callee_usr == NULL || !benign_external(ev->u.call.callee_name))
        *work = 1;
}

/* Whole-subtree scan for summarize(). */
static void scan_all(rctx *c, const cl_node *n, int *work, int *sleeps, int *waits)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_LOOP)
        *waits = 1;
    if (n->kind == CL_N_EVENT) {
        if (n->ev->kind == CL_EV_ACCESS && shared_write(n->ev))
            *work = 1;
        else if (n->ev->kind == CL_EV_CALL)
            classify_call(c, n->ev, work, sleeps, waits);
        return;
    }
    scan_all(c, n->cond, work, sleeps, waits);
    for (size_t i = 0; i < n->nkids; i++)
        scan_all(c, n->kids[i], work, sleeps, waits);
}

static const fsum *summarize(rctx *c, size_t fi)
{
    fsum *s = &c->fs[fi];
    if (s->work == BUSY) {
        static const fsum recursion = { YES, 0, YES }; /* recursion: assume the worst */
        return &recursion;
    }
    if (s->work != UNKNOWN)
        return s;
    s->work = BUSY;
    int work = 0, sleeps = 0, waits = 0;
    scan_all(c, c->m->cg.funcs.v[fi].fn->body, &work, &sleeps, &waits);
    s->work = work ? YES : NO;
    s->sleeps = (unsigned char)sleeps;
    s->loops = waits ? YES : NO;
    return s;
}

/* A sleep event: a CL_CK_SLEEP call, or a call of a sleep wrapper (a project
 * function that sleeps and does no work). */
static int is_sleep(rctx *c, const cl_event *ev)
{
    if (ev->kind != CL_EV_CALL)
        return 0;
    const cl_callspec *cs = cl_callgraph_spec(&c->m->cg, ev);
    if (cs != NULL)
        return cs->kind == CL_CK_SLEEP;
    size_t fi = cl_callgraph_func(&c->m->cg, ev->u.call.callee_usr);
    if (fi == SIZE_MAX)
        return 0;
    const fsum *s = summarize(c, fi);
    return s->work == NO && s->sleeps;
}

static const char *sleep_name(const cl_event *ev)
{
    return ev->u.call.callee_name ? ev->u.call.callee_name : "sleep";
}

/* ---- loop shape ------------------------------------------------------------ */

/* Does control leave the loop at the end of `n` (a break of this loop, a
 * return, a goto, a call that does not return)? `brk` says whether a break
 * at this depth leaves the loop (not inside a nested loop or switch). */
static int leaves(rctx *c, const cl_node *n, int brk)
{
    if (n == NULL)
        return 0;
    switch (n->kind) {
    case CL_N_BREAK:
        return brk;
    case CL_N_RETURN:
    case CL_N_GOTO:
        return 1;
    case CL_N_SEQ:
        return n->nkids > 0 && leaves(c, n->kids[n->nkids - 1], brk);
    case CL_N_EVENT: {
        const cl_callspec *cs = cl_callgraph_spec(&c->m->cg, n->ev);
        return cs != NULL && cs->kind == CL_CK_NORETURN;
    }
    case CL_N_BRANCH:
        for (size_t i = 0; i < n->nkids; i++)
            if (!leaves(c, n->kids[i], brk))
                return 0;
        return n->nkids > 0;
    default:
        return 0;
    }
}

static int empty_seq(const cl_node *n)
{
    return n == NULL || (n->kind == CL_N_SEQ && n->nkids == 0);
}

/* An `if` whose condition is only a test of local variables (no events, no
 * tested call): the shape of `if (have)`. */
static int local_if(const cl_node *n)
{
    return n->kind == CL_N_BRANCH && n->nkids == 2 && n->test_call == NULL &&
           n->ncond_vars > 0 && (n->cond == NULL || n->cond->nkids == 0) && empty_seq(n->kids[1]);
}

static int same_vars(const cl_node *a, const cl_node *b)
{
    if (a->ncond_vars != b->ncond_vars)
        return 0;
    for (size_t i = 0; i < a->ncond_vars; i++) {
        int found = 0;
        for (size_t j = 0; j < b->ncond_vars && !found; j++)
            found = strcmp(a->cond_vars[i], b->cond_vars[j]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

typedef struct loopscan {
    int work;      /* the loop does real work on an iteration that sleeps */
    int sleeps;
    int exits;     /* some alternative leaves the loop */
} loopscan;

/* Scans the body of a candidate poll loop. Alternatives that leave the loop
 * run once, on the way out, and are not part of the polling. */
static void scan_loop(rctx *c, const cl_node *n, int brk, loopscan *ls)
{
    if (n == NULL)
        return;
    switch (n->kind) {
    case CL_N_EVENT: {
        int waits = 0;
        if (n->ev->kind == CL_EV_ACCESS && shared_write(n->ev))
            ls->work = 1;
        else if (n->ev->kind == CL_EV_CALL)
            classify_call(c, n->ev, &ls->work, &ls->sleeps, &waits);
        return;
    }
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids; i++) {
            const cl_node *k = n->kids[i];
            /* `if (have) {...}` followed later by `if (have) break;`. */
            if (local_if(k) && !leaves(c, k->kids[0], brk)) {
                int paired = 0;
                for (size_t j = i + 1; j < n->nkids && !paired; j++)
                    paired = local_if(n->kids[j]) && same_vars(k, n->kids[j]) &&
                             leaves(c, n->kids[j]->kids[0], brk);
                if (paired)
                    continue;
            }
            scan_loop(c, k, brk, ls);
        }
        return;
    case CL_N_BRANCH:
    case CL_N_SWITCH: {
        scan_loop(c, n->cond, brk, ls);
        int kbrk = n->kind == CL_N_SWITCH ? 0 : brk;
        for (size_t i = 0; i < n->nkids; i++) {
            if (leaves(c, n->kids[i], kbrk)) {
                ls->exits = 1;
                continue;
            }
            scan_loop(c, n->kids[i], kbrk, ls);
        }
        return;
    }
    case CL_N_LOOP:
        scan_loop(c, n->cond, 0, ls);
        for (size_t i = 0; i < n->nkids; i++)
            scan_loop(c, n->kids[i], 0, ls);
        return;
    case CL_N_BREAK:
        ls->exits |= brk;
        return;
    case CL_N_RETURN:
    case CL_N_GOTO:
        ls->exits = 1;
        return;
    case CL_N_CONTINUE:
    case CL_N_LABEL:
        return;
    }
}

/* ---- (b) poll loops -------------------------------------------------------- */

/* Orders write records by path, then by position in m->accesses (the
 * records are elements of that array): a total order, so qsort gives the
 * same result as a stable sort by path. */
static int cmp_path(const void *x, const void *y)
{
    const cl_accrec *a = *(const cl_accrec *const *)x, *b = *(const cl_accrec *const *)y;
    int c = strcmp(a->path, b->path);
    if (c != 0)
        return c;
    return a < b ? -1 : a > b;
}

/* The first write record to `path` (the writes are sorted by path), or the
 * end of the array. */
static size_t first_write(const rctx *c, const char *path)
{
    size_t lo = 0, hi = c->nwrites;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(c->writes[mid]->path, path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int skip_access(const cl_accrec *r)
{
    return (r->ev->u.access.flags & (CL_ACC_TLS | CL_ACC_CONST)) != 0;
}

/* Does the record run inside the event set (the access itself, or one of
 * the calls on its frame chain)? */
static int runs_in(const cl_accrec *r, ptrset *events)
{
    if (ptrset_has(events, r->ev))
        return 1;
    for (const cl_frame *f = r->frame; f != NULL && f->call != NULL; f = f->parent)
        if (ptrset_has(events, f->call))
            return 1;
    return 0;
}

static int cmp_evrec(const void *x, const void *y)
{
    const evrec *a = x, *b = y;
    uintptr_t pa = (uintptr_t)a->ev, pb = (uintptr_t)b->ev;
    if (pa != pb)
        return pa < pb ? -1 : 1;
    return a->rec < b->rec ? -1 : a->rec > b->rec;
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

/* Fills c->under: for every access record, a pair with its access event
 * and one with each call on its frame chain, sorted by event then record.
 * O(R d log(R d)) for R records of frame depth at most d. */
static void index_records(rctx *c)
{
    const cl_model *m = c->m;
    size_t n = 0;
    for (size_t i = 0; i < m->accesses.n; i++)
        n += 1 + cl_frame_ncalls(m->accesses.v[i].frame);
    c->under = cl_xcalloc(n + 1, sizeof *c->under);
    for (size_t i = 0; i < m->accesses.n; i++) {
        const cl_accrec *r = &m->accesses.v[i];
        c->under[c->nunder++] = (evrec){ r->ev, i };
        for (const cl_frame *f = r->frame; f != NULL && f->call != NULL; f = f->parent)
            c->under[c->nunder++] = (evrec){ f->call, i };
    }
    qsort(c->under, c->nunder, sizeof *c->under, cmp_evrec);
}

/* Sets `out` to the indices (into m->accesses, ascending, distinct) of the
 * records that run inside the event set: exactly the records for which
 * runs_in() holds, found through c->under in time proportional to their
 * number (times a log), not to the number of records in the program. */
static void records_in(rctx *c, ptrset *events, cl_idvec *out)
{
    if (c->under == NULL)
        index_records(c);
    out->n = 0;
    for (size_t i = 0; i < events->n; i++) {
        evrec key = { events->v[i], 0 };
        size_t lo = 0, hi = c->nunder;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (cmp_evrec(&c->under[mid], &key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < c->nunder && c->under[lo].ev == key.ev; lo++)
            CL_VEC_PUSH(out, c->under[lo].rec);
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, cmp_size);
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++)
        if (k == 0 || out->v[k - 1] != out->v[i])
            out->v[k++] = out->v[i];
    out->n = k;
}

/* Whether sleep event `ev` already has a finding; mark_reported records one. */
static int was_reported(const rctx *c, const cl_event *ev)
{
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)ev);
    return cl_strmap_get(&c->reported, key, NULL);
}

static void mark_reported(rctx *c, const cl_event *ev)
{
    char key[32];
    snprintf(key, sizeof key, "%p", (const void *)ev);
    cl_strmap_put(&c->reported, cl_arena_strdup(&c->keys, key), 1);
}

/* Is thread `t` thread `anc` or one of its descendants? */
static int descends(const cl_model *m, size_t t, size_t anc)
{
    for (; t != SIZE_MAX && t < m->threads.n; t = m->threads.v[t].creator)
        if (t == anc)
            return 1;
    return 0;
}

/* Who writes: "thread 'worker'" or "the main thread". */
static const char *writer_label(const cl_model *m, cl_arena *a, size_t thread)
{
    if (m->threads.v[thread].spawn == NULL)
        return "the main thread";
    return cl_arena_printf(a, "thread '%s'", cl_model_entry_name(m, thread));
}

static void related_spawn(const cl_model *m, cl_arena *a, size_t thread, cl_related *rel,
                          size_t *nrel)
{
    const cl_thread *t = &m->threads.v[thread];
    if (t->spawn == NULL)
        return;
    rel[*nrel].loc = t->spawn->loc;
    rel[(*nrel)++].message =
        cl_arena_printf(a, "thread '%s' started here", cl_model_entry_name(m, thread));
}

static void report_poll(rctx *c, const cl_event *sleep, const char *fn, const cl_accrec *r,
                        const cl_accrec *w)
{
    const cl_model *m = c->m;
    cl_arena a = { NULL };
    const char *var = r->ev->u.access.name;
    const char *who = writer_label(m, &a, w->thread);
    int by_root = m->threads.v[w->thread].spawn == NULL;
    const char *msg = cl_arena_printf(
        &a, "'%s' polls '%s', which %s writes; wait on a condition variable%s instead of sleeping",
        sleep_name(sleep), var, who, by_root ? " or a semaphore" : " or join the thread");
    cl_related rel[4];
    size_t nrel = 0;
    related_spawn(m, &a, w->thread, rel, &nrel);
    rel[nrel].loc = w->ev->loc;
    rel[nrel++].message = cl_arena_printf(&a, "'%s' written here by %s (in '%s')",
                                          w->ev->u.access.name, who,
                                          cl_model_frame_func(m, w->frame));
    if (r->ev->loc.line != sleep->loc.line || r->ev->loc.file != sleep->loc.file) {
        rel[nrel].loc = r->ev->loc;
        rel[nrel++].message = cl_arena_printf(&a, "'%s' read here by the loop", var);
    }
    if (m->threads.v[r->thread].spawn != NULL && w->thread != r->thread &&
        m->threads.v[w->thread].spawn == NULL)
        related_spawn(m, &a, r->thread, rel, &nrel);
    const char *key = cl_arena_printf(&a, "poll|%s", cl_model_path_display(m, r->path));
    cl_rule_emit(c->ctx, sleep->loc, fn, msg, key, rel, nrel, NULL, 0);
    cl_arena_release(&a);
}

/* A loop `loop` of function `fi` holds the sleep `sleep` (innermost). */
static void check_poll_loop(rctx *c, size_t fi, const cl_node *loop, const cl_event *sleep)
{
    if (was_reported(c, sleep))
        return;
    loopscan ls = { 0, 0, 0 };
    scan_loop(c, loop->cond, 0, &ls);
    for (size_t i = 0; i < loop->nkids; i++)
        scan_loop(c, loop->kids[i], 1, &ls);
    if (ls.work || !(ls.exits || loop->bound != CL_LOOP_INFINITE))
        return;
    ptrset events = { NULL, 0, 0, 0 };
    collect_events(loop, &events);
    cl_idvec in = { NULL, 0, 0 };
    records_in(c, &events, &in);
    const cl_accrec *best_r = NULL, *best_w = NULL;
    for (size_t i = 0; i < in.n && best_r == NULL; i++) {
        const cl_accrec *r = &c->m->accesses.v[in.v[i]];
        if (!(r->ev->u.access.flags & CL_ACC_READ) || skip_access(r))
            continue;
        for (size_t j = first_write(c, r->path);
             j < c->nwrites && strcmp(c->writes[j]->path, r->path) == 0; j++) {
            const cl_accrec *w = c->writes[j];
            if (skip_access(w))
                continue;
            /* Another thread, or another instance of this one writing
             * outside the loop (workers counting arrivals). */
            if (w->thread == r->thread && runs_in(w, &events))
                continue;
            if (!cl_model_may_parallel(c->m, r, w))
                continue;
            best_r = r;
            best_w = w;
            break;
        }
    }
    ptrset_release(&events);
    free(in.v);
    if (best_r == NULL)
        return;
    mark_reported(c, sleep);
    report_poll(c, sleep, c->m->cg.funcs.v[fi].fn->name, best_r, best_w);
}

/* Finds the sleeps of a function and their innermost enclosing loops. */
static void find_poll_loops(rctx *c, size_t fi, const cl_node *n, const cl_node *loop)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        if (loop != NULL && is_sleep(c, n->ev))
            check_poll_loop(c, fi, loop, n->ev);
        return;
    }
    const cl_node *inner = n->kind == CL_N_LOOP ? n : loop;
    find_poll_loops(c, fi, n->cond, inner);
    for (size_t i = 0; i < n->nkids; i++)
        find_poll_loops(c, fi, n->kids[i], inner);
}

/* ---- (a) sleep instead of join --------------------------------------------- */

/* Finds `ev` under `n`; sets *in_loop when a loop encloses it there. */
static int find_event(const cl_node *n, const cl_event *ev, int *in_loop)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT)
        return n->ev == ev;
    int found = find_event(n->cond, ev, in_loop);
    for (size_t i = 0; i < n->nkids && !found; i++)
        found = find_event(n->kids[i], ev, in_loop);
    if (found && n->kind == CL_N_LOOP)
        *in_loop = 1;
    return found;
}

/* Adds to `out` the subtrees that run after `ev` (on some path) within the
 * tree `n`. Returns 1 when `ev` is under `n`. Alternatives of the branch
 * holding `ev` do not run after it; the rest of a loop does. */
static int nodes_after(const cl_node *n, const cl_event *ev, ptrset *out)
{
    if (n == NULL)
        return 0;
    switch (n->kind) {
    case CL_N_EVENT:
        return n->ev == ev;
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids; i++) {
            if (nodes_after(n->kids[i], ev, out)) {
                for (size_t j = i + 1; j < n->nkids; j++)
                    ptrset_add(out, n->kids[j]);
                return 1;
            }
        }
        return 0;
    case CL_N_LOOP:
        if (nodes_after(n->cond, ev, out) ||
            (n->nkids > 0 && nodes_after(n->kids[0], ev, out))) {
            ptrset_add(out, n);
            return 1;
        }
        return 0;
    default:
        if (nodes_after(n->cond, ev, out)) {
            for (size_t i = 0; i < n->nkids; i++)
                ptrset_add(out, n->kids[i]);
            return 1;
        }
        for (size_t i = 0; i < n->nkids; i++)
            if (nodes_after(n->kids[i], ev, out))
                return 1;
        return 0;
    }
}

/* The effective sleep of a call record: walking up out of sleep wrappers.
 * Returns the frame running the effective sleep and sets *ev. */
static const cl_frame *effective_sleep(rctx *c, const cl_callrec *cr, const cl_event **ev)
{
    const cl_frame *f = cr->frame;
    *ev = cr->ev;
    while (f != NULL && f->parent != NULL && f->call != NULL) {
        const fsum *s = summarize(c, f->func);
        if (s->work != NO || !s->sleeps)
            break;
        *ev = f->call;
        f = f->parent;
    }
    return f;
}

static void report_wait(rctx *c, const cl_event *sleep, const char *fn, size_t child,
                        const cl_accrec *r, const cl_accrec *w)
{
    const cl_model *m = c->m;
    cl_arena a = { NULL };
    const char *tname = cl_model_entry_name(m, child);
    const char *msg, *key;
    cl_related rel[3];
    size_t nrel = 0;
    related_spawn(m, &a, child, rel, &nrel);
    if (r != NULL) {
        msg = cl_arena_printf(&a,
                              "'%s' waits for thread '%s' by time, then '%s' reads '%s', which "
                              "the thread writes; join the thread or wait on a condition "
                              "variable instead of sleeping",
                              sleep_name(sleep), tname, cl_model_frame_func(m, r->frame),
                              r->ev->u.access.name);
        rel[nrel].loc = w->ev->loc;
        rel[nrel++].message = cl_arena_printf(&a, "'%s' written here by thread '%s'",
                                              w->ev->u.access.name, tname);
        rel[nrel].loc = r->ev->loc;
        rel[nrel++].message = cl_arena_printf(&a, "'%s' read here after the sleep",
                                              r->ev->u.access.name);
        key = cl_arena_printf(&a, "wait|%s|%s", tname, cl_model_path_display(m, r->path));
    } else {
        msg = cl_arena_printf(&a,
                              "'%s' waits for thread '%s' by time, then 'main' ends the process "
                              "without joining it; join the thread instead of sleeping",
                              sleep_name(sleep), tname);
        key = cl_arena_printf(&a, "exit|%s", tname);
    }
    cl_rule_emit(c->ctx, sleep->loc, fn, msg, key, rel, nrel, NULL, 0);
    cl_arena_release(&a);
}

/* Does anything in the subtrees `nodes` loop, wait or join? */
static int waits_after(rctx *c, ptrset *nodes)
{
    for (size_t i = 0; i < nodes->n; i++) {
        int work = 0, sleeps = 0, waits = 0;
        scan_all(c, nodes->v[i], &work, &sleeps, &waits);
        if (waits)
            return 1;
    }
    return 0;
}

static void check_sleep_call(rctx *c, const cl_callrec *cr)
{
    const cl_model *m = c->m;
    const cl_event *sev;
    const cl_frame *sf = effective_sleep(c, cr, &sev);
    if (sf == NULL || was_reported(c, sev))
        return;
    /* Children started by this thread and still running at the sleep. */
    size_t nkids = 0;
    for (size_t i = 0; i < cr->nlive; i++)
        nkids += m->threads.v[cr->live[i]].creator == cr->thread;
    if (nkids == 0)
        return;
    /* Not in a loop in its function or any caller (periodic loops), and
     * the events after the sleep in each frame up to the thread's entry. */
    ptrset after = { NULL, 0, 0, 0 }, after_ev = { NULL, 0, 0, 0 };
    const cl_event *at = sev;
    const cl_frame *f = sf;
    int ok = 1;
    for (; f != NULL && ok; at = f->call, f = f->parent) {
        const cl_node *body = m->cg.funcs.v[f->func].fn->body;
        int in_loop = 0;
        if (at == NULL || !find_event(body, at, &in_loop) || in_loop)
            ok = 0;
        else
            nodes_after(body, at, &after);
        if (f->call == NULL)
            break;
    }
    if (!ok) {
        ptrset_release(&after);
        return;
    }
    for (size_t i = 0; i < after.n; i++)
        collect_events(after.v[i], &after_ev);
    const char *fn = cl_model_frame_func(m, sf);
    cl_idvec in = { NULL, 0, 0 };
    records_in(c, &after_ev, &in);
    const cl_accrec *best_r = NULL, *best_w = NULL;
    size_t best_t = SIZE_MAX;
    for (size_t i = 0; i < in.n && best_r == NULL; i++) {
        const cl_accrec *r = &m->accesses.v[in.v[i]];
        if (r->thread != cr->thread || !(r->ev->u.access.flags & CL_ACC_READ) ||
            skip_access(r))
            continue;
        for (size_t j = first_write(c, r->path);
             j < c->nwrites && strcmp(c->writes[j]->path, r->path) == 0 && best_r == NULL; j++) {
            const cl_accrec *w = c->writes[j];
            if (skip_access(w))
                continue;
            for (size_t k = 0; k < cr->nlive; k++) {
                size_t t = cr->live[k];
                if (m->threads.v[t].creator != cr->thread || !descends(m, w->thread, t))
                    continue;
                /* Still running at the read: not joined in between. */
                if (!cl_model_may_parallel(m, r, w))
                    continue;
                best_r = r;
                best_w = w;
                best_t = t;
                break;
            }
        }
    }
    free(in.v);
    if (best_r != NULL) {
        mark_reported(c, sev);
        report_wait(c, sev, fn, best_t, best_r, best_w);
    } else {
        /* Exit: the main thread returns from main() after the sleep with
         * nothing that waits in between. */
        const cl_thread *t = &m->threads.v[cr->thread];
        if (t->spawn == NULL && t->entry != SIZE_MAX && t->entry == f->func &&
            strcmp(m->cg.funcs.v[t->entry].fn->name, "main") == 0 && !waits_after(c, &after)) {
            for (size_t k = 0; k < cr->nlive; k++) {
                if (m->threads.v[cr->live[k]].creator == cr->thread) {
                    mark_reported(c, sev);
                    report_wait(c, sev, fn, cr->live[k], NULL, NULL);
                    break;
                }
            }
        }
    }
    ptrset_release(&after);
    ptrset_release(&after_ev);
}

/* ---- driver ---------------------------------------------------------------- */

static void run(const cl_model *m, cl_rule_ctx *ctx)
{
    rctx c;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.ctx = ctx;
    c.fs = cl_xcalloc(m->cg.funcs.n + 1, sizeof *c.fs);
    c.writes = cl_xcalloc(m->accesses.n + 1, sizeof *c.writes);
    for (size_t i = 0; i < m->accesses.n; i++)
        if (m->accesses.v[i].ev->u.access.flags & CL_ACC_WRITE)
            c.writes[c.nwrites++] = &m->accesses.v[i];
    if (c.nwrites > 1)
        qsort(c.writes, c.nwrites, sizeof *c.writes, cmp_path);
    /* (b) poll loops, function by function. */
    for (size_t fi = 0; fi < m->cg.funcs.n; fi++)
        find_poll_loops(&c, fi, m->cg.funcs.v[fi].fn->body, NULL);
    /* (a) sleeps that stand in for a join. */
    for (size_t i = 0; i < m->calls.n; i++)
        if (m->calls.v[i].spec->kind == CL_CK_SLEEP)
            check_sleep_call(&c, &m->calls.v[i]);
    cl_strmap_release(&c.reported);
    cl_arena_release(&c.keys);
    free(c.under);
    free(c.writes);
    free(c.fs);
}

static const char *const cwe[] = { "CWE-662", "CWE-362", NULL };
static const char *const tags[] = { "concurrency", "synchronization", "correctness", NULL };

const cl_rule cl003_sleep_coordination = {
    .id = "CL003",
    .name = "sleep-coordination",
    .short_desc = "A sleep is used to wait for another thread",
    .full_desc =
        "sleep, usleep, nanosleep, clock_nanosleep, thrd_sleep (or a configured sleep "
        "function) stands in for synchronisation: a thread sleeps after starting a child "
        "instead of joining it and then reads what the child writes or returns from main(), "
        "or a loop does nothing but test state another thread writes and sleep. Periodic "
        "work loops and retry backoff that read nothing another thread writes are not "
        "findings.",
    .help_md =
        "## sleep-coordination (CL003)\n\n"
        "A sleep does not order memory or events between threads: \"long enough\" is a guess "
        "that fails on a loaded machine, a slow disk or under a debugger, and a poll loop "
        "wakes up for nothing and adds up to one period of latency.\n\n"
        "```c\n"
        "pthread_create(&loader, NULL, load_dump, path);\n"
        "sleep(2);                      /* \"the loader is done by now\" */\n"
        "printf(\"%u entries\\n\", warm_count);\n\n"
        "while (!ready)                 /* polls a flag the listener sets */\n"
        "    usleep(1000);\n"
        "```\n\n"
        "**Fix** with the tool that expresses the wait:\n\n"
        "- `pthread_join` (or `thrd_join`) when you wait for the thread to finish;\n"
        "- a condition variable with a predicate loop (`while (!ready) "
        "pthread_cond_wait(&cv, &m);`) or a semaphore when you wait for a state change;\n"
        "- `pthread_barrier_wait` when threads wait for each other to start.\n\n"
        "Not flagged: sleeps that pace periodic work, retry backoff reading only locals, and a "
        "sleep followed by `pthread_join` before the result is read. The finding names the "
        "thread waited for (where it starts) and its write that the sleep is hoping to see.",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "5.0",
    .finish = run,
};
