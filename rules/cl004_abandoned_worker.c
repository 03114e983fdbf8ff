/* cl004_abandoned_worker.c - CL004 abandoned-worker: the blocked-sender leak.
 *
 * What it finds: a function starts a worker thread (handle `h`), waits for
 * its result with a deadline -- pthread_cond_timedwait, sem_timedwait,
 * poll/select/epoll_wait with a finite timeout (not -1 or NULL),
 * mq_timedreceive, pthread_timedjoin_np -- and has a path after that wait
 * that leaves the function (a `return`, or the end of the body) without
 * pthread_join, pthread_detach or pthread_cancel of `h`, while the worker
 * hands its result back by an operation that needs the caller to still be
 * there:
 *   - it writes into the creator's stack frame (its start argument, or a
 *     pointer stored in it, leads to a local of the creator), or locks,
 *     posts, signals or waits on a mutex / semaphore / condition variable
 *     that lives in that frame;
 *   - it waits for an acknowledgement (pthread_cond_wait, sem_wait,
 *     barrier) on an object reached from its start argument, and the creator
 *     is the side that would signal or post it (a rendezvous);
 *   - it sends on a channel that can fill: a blocking write(), send(),
 *     sendto(), sendmsg(), mq_send() or msgsnd(), directly or in a callee,
 *     and the creator's timed wait was a read-side wait on a channel
 *     (poll/select/epoll_wait, mq_timedreceive).
 * Once the caller has gone, nobody drains the channel, acknowledges, or owns
 * the frame: the worker blocks forever (a leaked thread per timeout, the
 * classic "blocked sender" goroutine leak of Go, in C) or scribbles over
 * whatever stack frame reuses the memory.
 *
 * Why it is reported at the abandoning exit: that `return` is where the fix
 * goes (cancel + join, or a heap hand-off with detach). Related locations:
 * the spawn, the timed wait, the worker's hand-off; one thread flow per
 * thread (creator: spawn -> timed wait -> return; worker: entry -> calls ->
 * hand-off).
 *
 * How: for every thread instance of the model, the function that ran the
 * spawn is walked path-sensitively from the top with a small state per
 * path -- started (S), handled (H: joined, detached, cancelled, or the
 * handle passed on to another function or returned), deadline passed (D) --
 * kept as a set of the 8 combinations, united where paths meet. A branch or
 * loop that tests the spawn's result runs the failure side without S; one
 * that tests the timed wait's result (`== ETIMEDOUT`, `!= 0`, `<= 0`, also
 * through `rc = wait(...); if (rc ...)`) runs the side where the wait cannot
 * have timed out without D, and a successful pthread_timedjoin_np with H.
 * A `return` reached with S, D and not H is an abandoning exit.
 *
 * What it deliberately does not flag: joining, cancelling or detaching on
 * the timeout path (detaching is the fix the design names, with a heap
 * hand-off); a worker that hands back through a heap slot it never blocks on
 * (lock, store, signal, drop a reference); returns before any timed wait
 * (error paths right after the spawn: that is thread-leak, not this rule);
 * a timed wait whose result test shows it succeeded (the normal path);
 * `main` (returning from it ends the process and every thread); infinite
 * timeouts (poll(..., -1), select with a NULL timeval).
 *
 * Limits: the spawn, the timed wait and the exits must be in one function
 * (a timed wait inside a helper the creator calls is not seen); a handle
 * stored into another object by assignment (`obj->tid = tid`) is not
 * tracked, so a later join through that object is not seen (a handle passed
 * to a call is treated as handled, which errs towards silence); `goto` is
 * followed in sequence, like the model does; any blocking send in the worker
 * counts, whether or not the caller was its reader.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rule.h"

/* ---- creator side --------------------------------------------------------- */

enum { ST_S = 1u, ST_H = 2u, ST_D = 4u, ST_BAD = ST_S | ST_D };

/* Set of (S, H, D) combinations reaching a point; bit `c` stands for the
 * combination `c`. Empty = unreachable. `wait` is the timed wait that may
 * have expired on some path (for messages). */
typedef struct cstate {
    unsigned set;
    const cl_event *wait;
} cstate;

static const cstate NONE = { 0, NULL };

typedef struct cjumps {
    cstate brk, cont;
    int is_switch;
} cjumps;

typedef struct cexit {
    const cl_node *ret;       /* NULL: falls off the end of the function */
    const cl_event *wait;
} cexit;

typedef struct cwalk {
    const cl_model *m;
    const cl_thread *t;
    const char *handle;       /* unresolved path of the handle in the creator, or NULL */
    size_t steps;
    struct { cjumps *v; size_t n, cap; } jumps;
    struct { cexit *v; size_t n, cap; } exits;
} cwalk;

enum { MAX_CREATOR_STEPS = 200000, MAX_LOOP_ROUNDS = 10 };

static cstate cjoin(cstate a, cstate b)
{
    cstate r = { a.set | b.set, a.wait ? a.wait : b.wait };
    return r;
}

/* Applies c -> (c & ~clear) | add to every combination. */
static cstate xform(cstate s, unsigned clear, unsigned add)
{
    cstate r = { 0, s.wait };
    for (unsigned c = 0; c < 8; c++)
        if (s.set & (1u << c))
            r.set |= 1u << ((c & ~clear) | add);
    return r;
}

static int has_bad(cstate s)
{
    for (unsigned c = 0; c < 8; c++)
        if ((s.set & (1u << c)) && (c & (ST_S | ST_H | ST_D)) == ST_BAD)
            return 1;
    return 0;
}

/* Is `ev` a wait with a finite deadline? */
static const cl_callspec *timed_wait(const cl_model *m, const cl_event *ev)
{
    const cl_callspec *cs = cl_callgraph_spec(&m->cg, ev);
    if (cs == NULL || !(cs->flags & CL_CS_TIMED))
        return NULL;
    switch (cs->kind) {
    case CL_CK_COND_TIMEDWAIT:
    case CL_CK_SEM_TIMEDWAIT:
    case CL_CK_POLL:
    case CL_CK_MQ_TIMEDRECEIVE:
    case CL_CK_TIMEDJOIN:
        break;
    default:
        return NULL;
    }
    const cl_call *c = &ev->u.call;
    if (cs->timeout >= 0 && (size_t)cs->timeout < c->nargs) {
        const cl_value *v = &c->args[cs->timeout];
        if (v->kind == CL_VAL_NULL || (v->kind == CL_VAL_INT && v->ival < 0))
            return NULL; /* waits forever */
    }
    return cs;
}

/* The result a timed wait returns when its deadline passed, and one it
 * returns on success. */
static long long timeout_result(cl_callkind k)
{
    switch (k) {
    case CL_CK_COND_TIMEDWAIT:
    case CL_CK_TIMEDJOIN:
        return ETIMEDOUT;
    case CL_CK_POLL:
        return 0;
    default:
        return -1; /* sem_timedwait, mq_timedreceive: -1 with errno ETIMEDOUT */
    }
}

/* Is `path` the handle or an object containing it ("w" for "w.tid")? */
static int covers_handle(const char *path, const char *handle)
{
    if (path == NULL || handle == NULL)
        return 0;
    size_t n = strlen(path);
    if (strncmp(path, handle, n) != 0)
        return 0;
    return handle[n] == '\0' || handle[n] == '.' || handle[n] == '[' || handle[n] == '-';
}

static int arg_is_handle(const cwalk *w, const cl_value *v)
{
    if (v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD)
        return w->handle == NULL && v->kind == CL_VAL_UNKNOWN;
    return w->handle == NULL || covers_handle(v->path, w->handle);
}

/* The state on alternative `kid` (0: the test holds) of a branch or loop
 * whose condition tests a call's result. */
static cstate after_test(const cwalk *w, const cl_node *n, int kid, cstate s)
{
    const cl_event *tc = n->test_call;
    if (tc == NULL || s.set == 0)
        return s;
    if (tc == w->t->spawn) {
        int ok = cl_test_holds(n->test_op, n->test_value, 0) == (kid == 0);
        return ok ? s : xform(s, ST_S | ST_H | ST_D, 0); /* no thread was started */
    }
    const cl_callspec *cs = timed_wait(w->m, tc);
    if (cs == NULL && (cs = cl_callgraph_spec(&w->m->cg, tc)) != NULL && cs->kind != CL_CK_TIMEDJOIN)
        cs = NULL; /* pthread_tryjoin_np: success joins, failure is no deadline */
    if (cs == NULL)
        return s;
    int timed_out =
        cl_test_holds(n->test_op, n->test_value, timeout_result(cs->kind)) == (kid == 0);
    if (timed_out)
        return s;
    /* The wait did not expire on this side. */
    unsigned add = 0;
    if (cs->kind == CL_CK_TIMEDJOIN && cs->obj >= 0 && (size_t)cs->obj < tc->u.call.nargs &&
        arg_is_handle(w, &tc->u.call.args[cs->obj]))
        add = ST_H;
    return xform(s, ST_D, add);
}

static cstate cwalk_node(cwalk *w, const cl_node *n, cstate s);

static cstate cwalk_event(cwalk *w, const cl_event *ev, int in_return, cstate s)
{
    if (ev->kind == CL_EV_ACCESS) {
        /* `return tid;` / `return (struct job){..., tid}`: the caller owns it now. */
        if (in_return && w->handle != NULL && (ev->u.access.flags & CL_ACC_READ) &&
            covers_handle(w->handle, ev->u.access.path))
            return xform(s, 0, ST_H);
        return s;
    }
    if (ev->kind != CL_EV_CALL)
        return s;
    if (ev == w->t->spawn)
        return xform(s, ST_S | ST_H | ST_D, ST_S);
    const cl_call *c = &ev->u.call;
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, ev);
    if (cs != NULL) {
        switch (cs->kind) {
        case CL_CK_JOIN:
        case CL_CK_DETACH:
        case CL_CK_CANCEL:
            if (cs->obj >= 0 && (size_t)cs->obj < c->nargs && arg_is_handle(w, &c->args[cs->obj]))
                return xform(s, 0, ST_H);
            return s;
        case CL_CK_NORETURN:
            return NONE;
        default:
            break;
        }
        if (timed_wait(w->m, ev) != NULL) {
            cstate r = xform(s, 0, ST_D);
            for (unsigned k = 0; k < 8; k++)
                if ((s.set & (1u << k)) && (k & (ST_S | ST_H)) == ST_S)
                    r.wait = ev;
            return r;
        }
        return s;
    }
    /* The handle handed to another function (a stop/cleanup helper, a
     * registry): assume it takes care of the thread. */
    for (size_t i = 0; i < c->nargs; i++) {
        const cl_value *v = &c->args[i];
        if ((v->kind == CL_VAL_ADDR || v->kind == CL_VAL_LOAD) && w->handle != NULL &&
            covers_handle(v->path, w->handle))
            return xform(s, 0, ST_H);
    }
    return s;
}

static void add_exit(cwalk *w, const cl_node *ret, cstate s)
{
    if (!has_bad(s))
        return;
    for (size_t i = 0; i < w->exits.n; i++)
        if (w->exits.v[i].ret == ret)
            return;
    cexit e = { ret, s.wait };
    CL_VEC_PUSH(&w->exits, e);
}

static cstate cwalk_cond(cwalk *w, const cl_node *n, int in_return, cstate s)
{
    if (n == NULL || s.set == 0)
        return s;
    if (n->kind == CL_N_EVENT)
        return cwalk_event(w, n->ev, in_return, s);
    if (in_return && n->kind == CL_N_SEQ) {
        for (size_t i = 0; i < n->nkids && s.set; i++)
            s = cwalk_cond(w, n->kids[i], in_return, s);
        return s;
    }
    return cwalk_node(w, n, s);
}

static cstate cwalk_loop(cwalk *w, const cl_node *n, cstate s)
{
    cjumps j = { NONE, NONE, 0 };
    CL_VEC_PUSH(&w->jumps, j);
    size_t depth = w->jumps.n - 1;
    cstate head = s, exit_cond = NONE, iterated = NONE;
    for (int round = 0; round < MAX_LOOP_ROUNDS; round++) {
        cstate c = n->cond ? cwalk_node(w, n->cond, head) : head;
        exit_cond = c;
        cstate body = n->nkids ? cwalk_node(w, n->kids[0], after_test(w, n, 0, c)) : c;
        iterated = cjoin(body, w->jumps.v[depth].cont);
        cstate next = cjoin(s, iterated);
        if (next.set == head.set)
            break;
        head = next;
    }
    cstate out;
    if (n->bound == CL_LOOP_INFINITE)
        out = NONE;
    else if ((n->bound == CL_LOOP_CONST || n->bound == CL_LOOP_COUNTED ||
              n->bound == CL_LOOP_ONCE) && iterated.set)
        out = iterated; /* runs at least once, as in the model */
    else
        out = after_test(w, n, 1, exit_cond);
    out = cjoin(out, w->jumps.v[depth].brk);
    w->jumps.n = depth;
    return out;
}

static cstate cwalk_node(cwalk *w, const cl_node *n, cstate s)
{
    if (n == NULL || s.set == 0)
        return s;
    if (++w->steps > MAX_CREATOR_STEPS)
        return NONE;
    switch (n->kind) {
    case CL_N_SEQ:
        for (size_t i = 0; i < n->nkids && s.set; i++)
            s = cwalk_node(w, n->kids[i], s);
        return s;
    case CL_N_EVENT:
        return cwalk_event(w, n->ev, 0, s);
    case CL_N_BRANCH: {
        cstate c = n->cond ? cwalk_node(w, n->cond, s) : s;
        cstate out = NONE;
        for (size_t i = 0; i < n->nkids; i++) {
            cstate in = n->nkids == 2 ? after_test(w, n, (int)i, c) : c;
            out = cjoin(out, cwalk_node(w, n->kids[i], in));
        }
        return out;
    }
    case CL_N_SWITCH: {
        cstate c = n->cond ? cwalk_node(w, n->cond, s) : s;
        cjumps j = { NONE, NONE, 1 };
        CL_VEC_PUSH(&w->jumps, j);
        size_t depth = w->jumps.n - 1;
        cstate out = NONE;
        for (size_t i = 0; i < n->nkids; i++)
            out = cjoin(out, cwalk_node(w, n->kids[i], c));
        out = cjoin(out, w->jumps.v[depth].brk);
        w->jumps.n = depth;
        return out;
    }
    case CL_N_LOOP:
        return cwalk_loop(w, n, s);
    case CL_N_RETURN:
        add_exit(w, n, cwalk_cond(w, n->cond, 1, s));
        return NONE;
    case CL_N_BREAK:
        if (w->jumps.n > 0) {
            cjumps *j = &w->jumps.v[w->jumps.n - 1];
            j->brk = cjoin(j->brk, s);
        }
        return NONE;
    case CL_N_CONTINUE:
        for (size_t i = w->jumps.n; i-- > 0;) {
            if (!w->jumps.v[i].is_switch) {
                w->jumps.v[i].cont = cjoin(w->jumps.v[i].cont, s);
                break;
            }
        }
        return NONE;
    case CL_N_LABEL:
        return s;
    case CL_N_GOTO:
        return s; /* the label is not tracked: continue in sequence, as the model does */
    }
    return s;
}

/* ---- worker side ----------------------------------------------------------- */

typedef enum hkind {
    HO_NONE = 0,
    HO_FRAME_WRITE, /* best evidence first */
    HO_FRAME_SYNC,
    HO_RENDEZVOUS,
    HO_SEND
} hkind;

enum { MAX_WORKER_DEPTH = 8, MAX_WORKER_STEPS = 200000 };

typedef struct handoff {
    hkind kind;
    const cl_event *ev;
    const char *what;          /* message tail, e.g. "writes 'rq->res' into ..." */
    size_t nchain;
    const cl_event *chain[MAX_WORKER_DEPTH]; /* call events from the entry */
    size_t chain_fn[MAX_WORKER_DEPTH];        /* the function each call enters */
} handoff;

typedef struct wscan {
    const cl_model *m;
    cl_arena *a;
    const char *frame;         /* "T<creator>:L<creator usr>#" */
    const char *arg_root;      /* resolved root of the start argument ("A" if untracked) */
    const char *arg_name;      /* the entry's parameter name, for messages */
    int creator_acks;          /* the creator signals or posts something */
    size_t steps;
    size_t nchain;
    const cl_event *chain[MAX_WORKER_DEPTH];
    size_t chain_fn[MAX_WORKER_DEPTH];
    handoff best;
} wscan;

static int has_prefix(const char *s, const char *p)
{
    return s != NULL && p != NULL && strncmp(s, p, strlen(p)) == 0;
}

static const char *wresolve(wscan *ws, const char *const *bind, size_t nbind, const cl_value *v)
{
    if ((v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD) || v->path == NULL)
        return NULL;
    const char *p = v->path;
    if (p[0] == 'P') {
        char *end;
        unsigned long i = strtoul(p + 1, &end, 10);
        if (i >= nbind || bind[i] == NULL)
            return NULL;
        return *end ? cl_arena_printf(ws->a, "%s%s", bind[i], end) : bind[i];
    }
    if (p[0] == 'L')
        return NULL; /* the worker's own stack */
    return p;
}

static void offer(wscan *ws, hkind kind, const cl_event *ev, const char *what)
{
    if (ws->best.kind != HO_NONE && ws->best.kind <= kind)
        return;
    ws->best.kind = kind;
    ws->best.ev = ev;
    ws->best.what = what;
    ws->best.nchain = ws->nchain;
    memcpy(ws->best.chain, ws->chain, sizeof ws->chain);
    memcpy(ws->best.chain_fn, ws->chain_fn, sizeof ws->chain_fn);
}

static int is_send(const char *name)
{
    static const char *const sends[] = { "mq_send", "msgsnd", "send", "sendmsg", "sendto", "write" };
    for (size_t i = 0; i < sizeof sends / sizeof sends[0]; i++)
        if (strcmp(name, sends[i]) == 0)
            return 1;
    return 0;
}

static void wscan_func(wscan *ws, size_t fidx, const char *const *bind, size_t nbind);

/* A path under the start argument in source terms. When the argument's
 * object is not tracked (heap), the synthetic root "A" is shown as the
 * entry's parameter: "A->.taken" -> "arg->taken". */
static const char *arg_display(wscan *ws, const char *path)
{
    if (strcmp(ws->arg_root, "A") != 0 || path[0] != 'A')
        return cl_model_path_display(ws->m, path);
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_add(&b, ws->arg_name);
    cl_strbuf_add(&b, "->");
    const char *q = path + 1;
    if (*q == '.')
        q++;
    cl_path_add_suffix(&b, q);
    const char *r = cl_arena_strdup(ws->a, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    return r;
}

static void wscan_call(wscan *ws, const cl_event *ev, const char *const *bind, size_t nbind)
{
    const cl_call *c = &ev->u.call;
    const cl_callspec *cs = cl_callgraph_spec(&ws->m->cg, ev);
    if (cs != NULL) {
        const char *obj = NULL;
        if (cs->obj >= 0 && (size_t)cs->obj < c->nargs)
            obj = wresolve(ws, bind, nbind, &c->args[cs->obj]);
        const char *verb = NULL;
        int waits = 0;
        switch (cs->kind) {
        case CL_CK_LOCK: case CL_CK_RDLOCK: case CL_CK_TRYLOCK: verb = "locks"; break;
        case CL_CK_SEM_POST: verb = "posts"; break;
        case CL_CK_COND_SIGNAL: verb = "signals"; break;
        case CL_CK_COND_WAIT: case CL_CK_SEM_WAIT: case CL_CK_BARRIER_WAIT:
            verb = "waits on";
            waits = 1;
            break;
        case CL_CK_COND_TIMEDWAIT: case CL_CK_SEM_TIMEDWAIT: verb = "waits on"; break;
        default: break;
        }
        if (verb != NULL && obj != NULL && has_prefix(obj, ws->frame))
            offer(ws, HO_FRAME_SYNC, ev,
                  cl_arena_printf(ws->a, "%s '%s' in this function's stack frame", verb,
                                  cl_model_path_display(ws->m, obj)));
        else if (waits && ws->creator_acks && obj != NULL && has_prefix(obj, ws->arg_root))
            offer(ws, HO_RENDEZVOUS, ev,
                  cl_arena_printf(ws->a, "waits on '%s' for an acknowledgement nobody will send",
                                  arg_display(ws, obj)));
        else if (cs->kind == CL_CK_OTHER && (cs->flags & CL_CS_BLOCKING) && is_send(cs->name))
            offer(ws, HO_SEND, ev,
                  cl_arena_printf(ws->a, "blocks in '%s' once nobody reads the other end",
                                  c->callee_name));
        return;
    }
    size_t fidx = cl_callgraph_func(&ws->m->cg, c->callee_usr);
    if (fidx == SIZE_MAX || ws->nchain >= MAX_WORKER_DEPTH)
        return;
    for (size_t i = 0; i < ws->nchain; i++)
        if (ws->chain_fn[i] == fidx)
            return; /* recursion */
    size_t nb = ws->m->cg.funcs.v[fidx].fn->nparams;
    const char **cb = nb ? cl_arena_alloc(ws->a, nb * sizeof *cb) : NULL;
    for (size_t i = 0; i < nb && i < c->nargs; i++)
        cb[i] = wresolve(ws, bind, nbind, &c->args[i]);
    ws->chain[ws->nchain] = ev;
    ws->chain_fn[ws->nchain++] = fidx;
    wscan_func(ws, fidx, cb, nb);
    ws->nchain--;
}

static void wscan_node(wscan *ws, const cl_node *n, const char *const *bind, size_t nbind)
{
    if (n == NULL || ++ws->steps > MAX_WORKER_STEPS)
        return;
    if (n->kind == CL_N_EVENT) {
        if (n->ev->kind == CL_EV_CALL)
            wscan_call(ws, n->ev, bind, nbind);
        return;
    }
    wscan_node(ws, n->cond, bind, nbind);
    for (size_t i = 0; i < n->nkids; i++)
        wscan_node(ws, n->kids[i], bind, nbind);
}

static void wscan_func(wscan *ws, size_t fidx, const char *const *bind, size_t nbind)
{
    wscan_node(ws, ws->m->cg.funcs.v[fidx].fn->body, bind, nbind);
}

/* Does the creator function signal or post anything (an acknowledgement)? */
static int signals_something(const cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        const cl_callspec *cs = cl_callgraph_spec(&m->cg, n->ev);
        return cs != NULL && (cs->kind == CL_CK_COND_SIGNAL || cs->kind == CL_CK_SEM_POST);
    }
    if (signals_something(m, n->cond))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (signals_something(m, n->kids[i]))
            return 1;
    return 0;
}

/* How worker `t` hands its result back, or kind HO_NONE. */
static handoff find_handoff(const cl_model *m, cl_arena *a, const cl_thread *t, const char *frame,
                            int creator_acks)
{
    wscan ws;
    memset(&ws, 0, sizeof ws);
    ws.m = m;
    ws.a = a;
    ws.frame = frame;
    ws.arg_root = t->arg_path ? t->arg_path : "A";
    ws.arg_name = "arg";
    ws.creator_acks = creator_acks;
    /* Writes into the frame: the worker's access records (paths resolved). */
    const cl_accrec *wr = NULL;
    size_t begin, end;
    cl_model_thread_accesses(m, t->id, &begin, &end);
    for (size_t i = begin; i < end; i++) {
        const cl_accrec *r = &m->accesses.v[i];
        if (!(r->ev->u.access.flags & CL_ACC_WRITE) || !has_prefix(r->path, frame))
            continue;
        if (wr == NULL || cl_loc_cmp(&r->ev->loc, &wr->ev->loc) < 0)
            wr = r;
    }
    if (wr != NULL) {
        ws.best.kind = HO_FRAME_WRITE;
        ws.best.ev = wr->ev;
        ws.best.what = cl_arena_printf(a, "writes '%s' into this function's stack frame",
                                       wr->ev->u.access.name);
        size_t n = cl_frame_ncalls(wr->frame);
        if (n <= MAX_WORKER_DEPTH) {
            ws.best.nchain = n;
            for (const cl_frame *f = wr->frame; f != NULL && f->call != NULL; f = f->parent) {
                n--;
                ws.best.chain[n] = f->call;
                ws.best.chain_fn[n] = f->func;
            }
        }
        return ws.best;
    }
    const cl_function *fn = m->cg.funcs.v[t->entry].fn;
    if (fn->nparams > 0 && fn->param_names != NULL && fn->param_names[0] != NULL)
        ws.arg_name = fn->param_names[0];
    const char **bind = fn->nparams ? cl_arena_alloc(a, fn->nparams * sizeof *bind) : NULL;
    if (fn->nparams)
        bind[0] = ws.arg_root;
    wscan_func(&ws, t->entry, bind, fn->nparams);
    return ws.best;
}

/* ---- reporting -------------------------------------------------------------- */

static void report(const cl_model *m, cl_rule_ctx *ctx, cl_arena *a, const cl_thread *t,
                   const cl_function *creator, const char *hpath, const cexit *x, size_t ordinal,
                   const handoff *h)
{
    const char *worker = cl_model_entry_name(m, t->id);
    const char *wait_name = x->wait ? x->wait->u.call.callee_name : "the timed wait";
    const char *handle = hpath ? cl_model_path_display(m, hpath) : "the thread handle";
    cl_loc at = x->ret ? x->ret->loc : creator->loc;
    const char *msg = cl_arena_printf(
        a, "'%s' %s after '%s' times out without joining, detaching or cancelling thread '%s', "
           "which then %s",
        creator->name, x->ret ? "returns" : "reaches its end", wait_name, worker, h->what);

    cl_related rel[3];
    size_t nrel = 0;
    rel[nrel].loc = t->spawn->loc;
    rel[nrel++].message = cl_arena_printf(a, "thread '%s' started here", worker);
    if (x->wait != NULL) {
        rel[nrel].loc = x->wait->loc;
        rel[nrel++].message = cl_arena_printf(a, "'%s' may time out here", wait_name);
    }
    rel[nrel].loc = h->ev->loc;
    rel[nrel++].message = cl_arena_printf(a, "'%s' %s", worker, h->what);

    cl_thread_flow flows[2];
    cl_flow_step *cs = cl_arena_alloc(a, 3 * sizeof *cs);
    size_t nc = 0;
    cs[nc].loc = t->spawn->loc;
    cs[nc++].message = cl_arena_printf(a, "starts thread '%s'", worker);
    if (x->wait != NULL) {
        cs[nc].loc = x->wait->loc;
        cs[nc++].message = cl_arena_printf(a, "'%s' times out", wait_name);
    }
    cs[nc].loc = at;
    cs[nc++].message = cl_arena_printf(a, "leaves without joining, detaching or cancelling %s%s%s",
                                       hpath ? "'" : "", handle, hpath ? "'" : "");
    flows[0].thread = cl_model_thread_name(m, t->creator);
    flows[0].nsteps = nc;
    flows[0].steps = cs;

    cl_flow_step *ws = cl_arena_alloc(a, (h->nchain + 2) * sizeof *ws);
    size_t nw = 0;
    ws[nw].loc = m->cg.funcs.v[t->entry].fn->loc;
    ws[nw++].message = cl_arena_printf(a, "thread '%s' starts", worker);
    for (size_t i = 0; i < h->nchain; i++) {
        ws[nw].loc = h->chain[i]->loc;
        ws[nw++].message = cl_arena_printf(a, "calls '%s'", m->cg.funcs.v[h->chain_fn[i]].fn->name);
    }
    ws[nw].loc = h->ev->loc;
    ws[nw++].message = h->what;
    flows[1].thread = cl_model_thread_name(m, t->id);
    flows[1].nsteps = nw;
    flows[1].steps = ws;

    const char *key = cl_arena_printf(a, "%s|%s|%zu", worker, wait_name, ordinal);
    cl_rule_emit(ctx, at, creator->name, msg, key, rel, nrel, flows, 2);
}

/* A blocking send is the worker's hand-off only when the creator was the
 * reader: it waited on a channel (poll/select/epoll, a message queue), not
 * on a condition variable, a semaphore or the thread's exit. */
static int waits_on_channel(const cl_model *m, const cl_event *wait)
{
    const cl_callspec *cs = wait ? cl_callgraph_spec(&m->cg, wait) : NULL;
    return cs != NULL && (cs->kind == CL_CK_POLL || cs->kind == CL_CK_MQ_TIMEDRECEIVE);
}

static void run(const cl_model *m, cl_rule_ctx *ctx)
{
    cl_arena scratch = { NULL };
    cl_strmap done = { NULL, NULL, 0, 0 }; /* "%p|%p" of (exit, spawn) reported */
    for (size_t ti = 0; ti < m->threads.n; ti++) {
        const cl_thread *t = &m->threads.v[ti];
        if (t->spawn == NULL || t->spawn_frame == NULL || t->entry == SIZE_MAX ||
            t->spawn_frame->func >= m->cg.funcs.n)
            continue;
        const cl_function *creator = m->cg.funcs.v[t->spawn_frame->func].fn;
        if (strcmp(creator->name, "main") == 0)
            continue; /* returning from main ends every thread */
        const cl_callspec *scs = cl_callgraph_spec(&m->cg, t->spawn);
        cwalk w;
        memset(&w, 0, sizeof w);
        w.m = m;
        w.t = t;
        if (scs != NULL && scs->obj >= 0 && (size_t)scs->obj < t->spawn->u.call.nargs &&
            t->spawn->u.call.args[scs->obj].kind == CL_VAL_ADDR)
            w.handle = t->spawn->u.call.args[scs->obj].path;
        cstate start = { 1u, NULL };  /* the combination "nothing yet" */
        cstate end = cwalk_node(&w, creator->body, start);
        add_exit(&w, NULL, end);
        if (w.exits.n > 0) {
            const char *frame = cl_arena_printf(&scratch, "T%zu:L%s#", t->creator, creator->usr);
            handoff h = find_handoff(m, &scratch, t, frame, signals_something(m, creator->body));
            for (size_t i = 0; h.kind != HO_NONE && i < w.exits.n; i++) {
                if (h.kind == HO_SEND && !waits_on_channel(m, w.exits.v[i].wait))
                    continue;
                char key[48];
                snprintf(key, sizeof key, "%p|%p", (const void *)w.exits.v[i].ret,
                         (const void *)t->spawn);
                if (cl_strmap_get(&done, key, NULL))
                    continue;
                cl_strmap_put(&done, cl_arena_strdup(&scratch, key), 1);
                report(m, ctx, &scratch, t, creator, w.handle, &w.exits.v[i], i + 1, &h);
            }
        }
        free(w.jumps.v);
        free(w.exits.v);
    }
    cl_strmap_release(&done);
    cl_arena_release(&scratch);
}

static const char *const tags[] = { "concurrency", "thread-leak", "reliability", NULL };

const cl_rule cl004_abandoned_worker = {
    .id = "CL004",
    .name = "abandoned-worker",
    .short_desc = "A worker thread is abandoned after a timed wait while it still hands its "
                  "result back by a blocking operation",
    .full_desc =
        "A function starts a worker thread and waits for its result with a deadline "
        "(pthread_cond_timedwait, sem_timedwait, poll/select/epoll_wait with a finite "
        "timeout, mq_timedreceive, pthread_timedjoin_np), then leaves on a path after the "
        "deadline without joining, detaching or cancelling the thread, while the worker "
        "hands its result back by writing into the function's stack frame, by waiting for "
        "an acknowledgement, or by sending on a channel that can fill. The worker then "
        "blocks forever or writes into a dead stack frame.",
    .help_md =
        "## abandoned-worker (CL004)\n\n"
        "The blocked-sender leak: the caller gives up waiting for a worker when a deadline "
        "passes, but the worker does not know that. When it finishes it writes into the "
        "caller's stack frame (which now belongs to some other call), waits for an "
        "acknowledgement nobody sends, or writes into a pipe or queue nobody drains: a "
        "thread is leaked per timeout, or memory is corrupted.\n\n"
        "```c\n"
        "struct req rq = {...};                     /* on the caller's stack */\n"
        "pthread_create(&tid, NULL, lookup_main, &rq);\n"
        "if (pthread_cond_timedwait(&rq.cv, &rq.m, &deadline) == ETIMEDOUT)\n"
        "    return -1;                             /* lookup_main still writes rq */\n"
        "```\n\n"
        "**Fix** one of:\n\n"
        "- on the timeout path, cancel the worker (it must be at a cancellation point, "
        "e.g. blocked in `recv()` or `write()`) and join it before returning;\n"
        "- hand the result back through a heap object with a reference count (or an "
        "`abandoned` flag under its lock), detach the worker on timeout, and let the last "
        "side out free it; the worker must never block on the hand-off;\n"
        "- give the channel room for the late reply, or close the reading end so the "
        "worker's write fails instead of blocking.\n\n"
        "The finding is reported at the `return` that abandons the worker and names the "
        "spawn, the timed wait, and the worker's blocking hand-off.",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .finish = run,
};
