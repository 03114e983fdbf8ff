/* cl004_abandoned_worker.c - CL004 abandoned-worker: the blocked-sender leak.
 *
 * What it finds: a function starts a worker thread, waits for its result
 * with a finite deadline (pthread_cond_timedwait, sem_timedwait,
 * poll/select/epoll_wait, mq_timedreceive, pthread_timedjoin_np) and may
 * leave after the deadline (a `return`, or the end of the body) without
 * joining, detaching or cancelling the thread, while the worker hands its
 * result back by an operation that needs the caller: it writes into the
 * caller's stack frame or locks, posts, signals or waits on a sync object
 * there; it waits for an acknowledgement on an object reached from its
 * start argument that the caller would signal or post (a rendezvous); or
 * it sends on a channel that can fill (CL_CS_SEND), directly or in a
 * callee, after the caller waited on a channel (poll/select/epoll_wait,
 * mq_timedreceive). The worker then blocks forever (a thread leaked per
 * timeout) or scribbles over a reused frame. Reported at the abandoning
 * exit, where the fix goes, with the spawn, the wait and the hand-off.
 *
 * How: the caller side asks handles.h which exits of the function that
 * ran the spawn a path reaches with the worker started and not handled
 * (joined, detached, cancelled, given to a project function or returned)
 * after a finite timed wait may have expired ("late": a test of the
 * wait's result where it did not expire, or a successful
 * pthread_timedjoin_np, takes that back); a late exit abandons the worker.
 * A call of a helper that runs such a wait (`await_reply(&p, &deadline)`
 * around pthread_cond_timedwait) stands for the wait, its result for the
 * wait's.
 * The worker side reads the worker thread's own program points (access
 * and call records), naming their objects in the caller's terms along
 * each record's call chain.
 *
 * Not flagged: joining, cancelling or detaching on the timeout path; a
 * heap hand-off the worker never blocks on; exits before any timed wait
 * (thread-leak); `main` (returning ends the process); infinite timeouts.
 *
 * Limits: the spawn and the exits must be in one function, and the timed
 * wait there or in a helper it calls directly;
 * those of handles.h (a handle stored into another object is not followed
 * to a later join through it; a handle passed to a call counts as handled:
 * silence over noise); any send of the worker counts, whether or not the
 * caller was its reader or the descriptor is non-blocking; a hand-off
 * reached through a function pointer in a struct field (`p->ops->send()`)
 * is missed, as the frontend lowers that call as a direct one.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/handles.h"
#include "model/model.h"
#include "rule.h"

/* ---- worker side ------------------------------------------------------------ */

/* How the worker hands back, best evidence first. */
typedef enum hkind { HO_NONE, HO_FRAME_WRITE, HO_FRAME_SYNC, HO_RENDEZVOUS, HO_SEND } hkind;

typedef struct handoff {
    hkind kind;
    const cl_event *ev;
    const cl_frame *frame;    /* the worker's call chain down to it */
    const char *what;         /* message tail: "writes 'rq->res' into ..." */
} handoff;

typedef struct recvec { const cl_callrec **v; size_t n, cap; } recvec;

/* The rule's state (ctx->state): the subscribed call records of each
 * thread (m->threads.n lists), and the finite timed waits among them. */
typedef struct cl004_state {
    recvec *of;
    recvec timed;
} cl004_state;

static int has_prefix(const char *s, const char *p)
{
    return s != NULL && strncmp(s, p, strlen(p)) == 0;
}

/* The object value `v`, used in the worker at `fr`, names in the creator's
 * terms: parameters substituted along the call chain up to the thread
 * entry, whose first parameter is the start argument `root`. NULL for the
 * worker's own locals and values not tracked. */
static const char *chain_path(cl_arena *a, const cl_frame *fr, const cl_value *v, const char *root)
{
    if ((v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD) || v->path == NULL ||
        v->path[0] == 'L' || v->path[0] == 'H' || v->path[0] == 'V')
        return NULL;
    if (v->path[0] != 'P')
        return v->path;
    char *end;
    unsigned long i = strtoul(v->path + 1, &end, 10);
    const char *base = NULL;
    if (fr->call == NULL)
        base = i == 0 ? root : NULL;
    else if (i < fr->call->u.call.nargs)
        base = chain_path(a, fr->parent, &fr->call->u.call.args[i], root);
    return base == NULL || *end == '\0' ? base : cl_arena_printf(a, "%s%s", base, end);
}

/* What call record `r` of a worker hands back by, or HO_NONE. `frame`:
 * the prefix of the creator's stack objects; `root`: the start argument's
 * object; `acks`: the creator signals or posts something. */
static handoff call_handoff(const cl_model *m, cl_arena *a, const cl_callrec *r,
                            const char *frame, const char *root, int acks)
{
    handoff h = { HO_NONE, r->ev, r->frame, NULL };
    cl_callkind k = r->spec->kind;
    const cl_call *c = &r->ev->u.call;
    const char *obj = r->spec->obj >= 0 && (size_t)r->spec->obj < c->nargs
                          ? chain_path(a, r->frame, &c->args[r->spec->obj], root) : NULL;
    int acked = k == CL_CK_COND_WAIT || k == CL_CK_SEM_WAIT || k == CL_CK_BARRIER_WAIT;
    const char *verb = k == CL_CK_LOCK || k == CL_CK_RDLOCK || k == CL_CK_TRYLOCK ? "locks"
                       : k == CL_CK_SEM_POST                                    ? "posts"
                       : k == CL_CK_COND_SIGNAL                                 ? "signals"
                       : acked || k == CL_CK_COND_TIMEDWAIT || k == CL_CK_SEM_TIMEDWAIT
                           ? "waits on" : NULL;
    if (verb != NULL && has_prefix(obj, frame)) {
        h.kind = HO_FRAME_SYNC;
        h.what = cl_arena_printf(a, "%s '%s' in this function's stack frame", verb,
                                 cl_model_path_display(m, obj));
    } else if (acked && acks && has_prefix(obj, root)) {
        h.kind = HO_RENDEZVOUS;
        h.what = cl_arena_printf(a, "waits on '%s' for an acknowledgement nobody will send",
                                 cl_model_path_display(m, obj));
    } else if (k == CL_CK_OTHER && (r->spec->flags & CL_CS_SEND)) {
        h.kind = HO_SEND;
        h.what = cl_arena_printf(a, "blocks in '%s' once nobody reads the other end",
                                 c->callee_name);
    }
    return h;
}

/* How worker `t` hands its result back to function `cf` of its creator. */
static handoff find_handoff(const cl_model *m, const recvec *calls, cl_arena *a,
                            const cl_thread *t, size_t cf)
{
    handoff best = { HO_NONE, NULL, NULL, NULL };
    const char *frame = cl_arena_printf(a, "T%zu:L%s#", t->creator, m->cg.funcs.v[cf].fn->usr);
    size_t begin, end;
    cl_model_thread_accesses(m, t->id, &begin, &end);
    for (const cl_accrec *r = m->accesses.v + begin; r < m->accesses.v + end; r++)
        if ((r->ev->u.access.flags & CL_ACC_WRITE) && has_prefix(r->path, frame) &&
            (best.ev == NULL || cl_loc_cmp(&r->ev->loc, &best.ev->loc) < 0))
            best = (handoff){ HO_FRAME_WRITE, r->ev, r->frame, NULL };
    if (best.kind != HO_NONE) {
        best.what = cl_arena_printf(a, "writes '%s' into this function's stack frame",
                                    best.ev->u.access.name);
        return best;
    }
    /* The start argument's object; one the model does not track (heap) is
     * named after the entry's parameter: "Aarg->.x" shows as 'arg->x'. */
    const cl_function *fn = m->cg.funcs.v[t->entry].fn;
    const char *root = t->arg_path ? t->arg_path
                       : cl_arena_printf(a, "A%s->", fn->nparams && fn->param_names &&
                                                       fn->param_names[0] ? fn->param_names[0]
                                                                          : "arg");
    int acks = 0; /* the creator's function (or a callee) signals or posts */
    for (size_t i = 0; i < calls[t->creator].n; i++) {
        const cl_callrec *r = calls[t->creator].v[i];
        for (const cl_frame *f = r->frame; f != NULL && !acks; f = f->parent)
            acks = f->func == cf &&
                   (r->spec->kind == CL_CK_COND_SIGNAL || r->spec->kind == CL_CK_SEM_POST);
    }
    for (size_t i = 0; i < calls[t->id].n; i++) {
        handoff h = call_handoff(m, a, calls[t->id].v[i], frame, root, acks);
        if (h.kind != HO_NONE && (best.kind == HO_NONE || h.kind < best.kind))
            best = h;
    }
    return best;
}

/* ---- the rule ----------------------------------------------------------------- */

/* Reports late exit `x`, the `nth` (from 1) of the thread's late exits. */
static void report(const cl_model *m, cl_rule_ctx *ctx, const cl_thread *t,
                   const cl_handle_exits *xs, const cl_handle_exit *x, size_t nth,
                   const handoff *h)
{
    const char *handle = xs->handle;
    const cl_function *creator = m->cg.funcs.v[t->spawn_frame->func].fn;
    const char *worker = cl_model_entry_name(m, t->id);
    const char *wait = x->wait->u.call.callee_name;
    cl_loc at = x->ret ? x->ret->loc : creator->loc;
    cl_fb *b = cl_fb_begin(ctx, m, at, creator->name);
    cl_fb_message(b, "'%s' %s after '%s' times out without joining, detaching or cancelling "
                     "thread '%s', which then %s",
                  creator->name, x->ret ? "returns" : "reaches its end", wait, worker, h->what);
    cl_fb_key(b, "%s|%s|%zu", worker, wait, nth);
    cl_fb_spawn_related(b, t->id);
    cl_fb_related(b, x->wait->loc, "'%s' may time out here", wait);
    cl_fb_related(b, h->ev->loc, "'%s' %s", worker, h->what);
    cl_fb_flow_begin(b, cl_model_thread_name(m, t->creator));
    cl_fb_step(b, t->spawn->loc, "starts thread '%s'", worker);
    cl_fb_step(b, x->wait->loc, "'%s' times out", wait);
    cl_fb_step(b, at, "leaves without joining, detaching or cancelling %s%s%s", handle ? "'" : "",
               handle ? cl_model_path_display(m, handle) : "the thread handle", handle ? "'" : "");
    cl_fb_thread_flow(b, t->id, h->frame, h->ev->loc, "%s", h->what);
    cl_fb_emit(b);
}

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    cl004_state *st = cl_xcalloc(1, sizeof *st);
    st->of = cl_xcalloc(m->threads.n + 1, sizeof *st->of);
    ctx->state = st;
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    (void)m;
    cl004_state *st = ctx->state;
    CL_VEC_PUSH(&st->of[r->thread], r);
    if (cl_wait_is_finite(r->spec, r->ev))
        CL_VEC_PUSH(&st->timed, r);
}

/* Whether `t`'s creator ran a timed wait with a finite deadline in the
 * function that started `t`, or in a helper it called (`wait_done(&r,
 * &ts)`: analysis/handles.h takes such a helper for its wait). */
static int waits_with_deadline(const cl004_state *st, const cl_thread *t)
{
    for (size_t i = 0; i < st->timed.n; i++) {
        const cl_frame *f = st->timed.v[i]->frame;
        if (st->timed.v[i]->thread != t->creator)
            continue;
        if (f->func == t->spawn_frame->func ||
            (f->parent != NULL && f->parent->func == t->spawn_frame->func))
            return 1;
    }
    return 0;
}

/* A blocking send is the worker's hand-off only when the creator was the
 * reader: it waited on a channel (poll/select/epoll, a message queue), not
 * on a condition variable, a semaphore or the thread's exit. */
static int waits_on_channel(const cl_model *m, const cl_event *wait)
{
    const cl_callspec *cs = wait ? cl_callgraph_spec(&m->cg, wait) : NULL;
    return cs != NULL && (cs->kind == CL_CK_POLL || cs->kind == CL_CK_MQ_TIMEDRECEIVE);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cl004_state *st = ctx->state;
    cl_arena scratch = { NULL };
    for (const cl_thread *t = m->threads.v; t < m->threads.v + m->threads.n; t++) {
        if (t->spawn == NULL || t->spawn_frame == NULL || t->entry == SIZE_MAX ||
            strcmp(m->cg.funcs.v[t->spawn_frame->func].fn->name, "main") == 0 ||
            !waits_with_deadline(st, t))
            continue; /* (returning from main ends every thread) */
        cl_handle_exits xs;
        cl_handle_exits_find(m, t, &xs);
        handoff h = { HO_NONE, NULL, NULL, NULL };
        size_t nlate = 0;
        for (size_t i = 0; i < xs.n; i++) {
            const cl_handle_exit *x = &xs.v[i];
            if (x->late && nlate++ == 0)
                h = find_handoff(m, st->of, &scratch, t, t->spawn_frame->func);
            if (x->late && h.kind != HO_NONE && (h.kind != HO_SEND || waits_on_channel(m, x->wait)))
                report(m, ctx, t, &xs, x, nlate, &h);
        }
        cl_handle_exits_release(&xs);
    }
    for (size_t i = 0; i < m->threads.n; i++)
        free(st->of[i].v);
    free(st->of);
    free(st->timed.v);
    free(st);
    cl_arena_release(&scratch);
}

#define K(kind) CL_KIND_BIT(CL_CK_##kind)

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
        "The blocked-sender leak: the caller gives up on a worker when a deadline passes, "
        "but the worker does not know. When it finishes it writes into the caller's stack "
        "frame (now some other call's), waits for an acknowledgement nobody sends, or "
        "writes into a pipe or queue nobody drains: a thread leaked per timeout, or "
        "memory corrupted.\n\n"
        "```c\n"
        "struct req rq = {...};                     /* on the caller's stack */\n"
        "pthread_create(&tid, NULL, lookup_main, &rq);\n"
        "if (pthread_cond_timedwait(&rq.cv, &rq.m, &deadline) == ETIMEDOUT)\n"
        "    return -1;                             /* lookup_main still writes rq */\n"
        "```\n\n"
        "**Fix** one of: on the timeout path, cancel the worker (blocked at a cancellation "
        "point such as `recv()` or `write()`) and join it; hand the result back through a "
        "reference-counted heap object the worker never blocks on and detach the worker; "
        "give the channel room for the late reply, or close the reading end so the "
        "worker's write fails.\n\n"
        "Reported at the `return` that abandons the worker, with the spawn, the timed wait "
        "and the worker's blocking hand-off.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "thread-leak", "reliability"),
    .cwe = CL_STRINGS("CWE-404", "CWE-772"),
    .precision = "high",
    .security_severity = "5.5",
    .points = CL_ON_CALL, /* timed waits, acknowledgements, the worker's waits and sends */
    .call_kinds = K(OTHER) | K(TIMEDJOIN) | K(LOCK) | K(RDLOCK) | K(TRYLOCK) | K(COND_WAIT) |
                  K(COND_TIMEDWAIT) | K(COND_SIGNAL) | K(SEM_WAIT) | K(SEM_TIMEDWAIT) |
                  K(SEM_POST) | K(POLL) | K(MQ_TIMEDRECEIVE) | K(BARRIER_WAIT),
    .begin = begin,
    .on_call = on_call,
    .finish = finish,
};

#undef K
