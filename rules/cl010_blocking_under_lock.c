/* cl010_blocking_under_lock.c - CL010 blocking-under-lock: a call that can
 * block for long while a mutex is held.
 *
 * What it finds: a library call marked CL_CS_STALLS in the callspec table
 * (sleeps, connect/accept/send/recv and their kin, DNS lookups, fsync and
 * fdatasync, system/popen/waitpid, sem_wait, message queues) reached while
 * the thread must hold a lock (the model's must-lockset, which follows
 * calls: a project function that blocks, at any depth, blocks its
 * caller's critical section); a condition wait that holds another lock
 * than the mutex it waits with; and a join of a thread that takes a held
 * lock (a deadlock; joining a thread that needs none of them is how pools
 * reap workers that said they are done, and quick). Every other thread that needs
 * the lock waits as long: a slow DNS server or a full socket buffer stalls
 * the whole program, and a join or a wait under a lock can deadlock.
 * Reported at the call made in the function that took the lock (the
 * library call itself, or the call of the project function that leads to
 * it), with the lock site and the blocking call as related locations.
 * Not flagged: the down of a semaphore used as a lock (a sem_wait on a
 * binary semaphore, or the condition wait of a semaphore built from a
 * mutex and a condition variable, that every thread posting it also waits
 * on: cl_model_lock_sem_wait), which takes a lock like pthread_mutex_lock
 * (nesting, CL008's business, as CL002 holds it as a lock); a semaphore
 * some thread posts for another to wait on is a signal and still counts.
 * A semaphore no call chain resolves (a connection found through
 * pthread_getspecific) is judged by its class: a lock when every
 * function that posts one also takes it.
 * A condition wait with only its own mutex held (it releases
 * it), also when that mutex is held through a pointer kept in memory
 * under another name (other_name); a send or recv with MSG_DONTWAIT, a waitpid with WNOHANG; calls
 * on a descriptor known to be non-blocking: one a socket() or accept4()
 * with SOCK_NONBLOCK returned, or that fcntl(F_SETFL, O_NONBLOCK or flags
 * not known) or ioctl(FIONBIO)
 * made so, anywhere in the program (cl_call_nonblocking, analysis/nonblock.h). Descriptors are
 * matched by the local, the global, or the member name they are kept in
 * (`c->fd`, `conn->fd` and `srv.fd` alike: a field made non-blocking
 * anywhere counts everywhere), a descriptor passed down to a helper's
 * parameter is followed up the call chain, and one copied from a local
 * into memory (`c.fd = fd`) keeps the local's mark. Code the thread walks never
 * reaches (an __attribute__((constructor)) function) sets nothing.
 * Only locks taken on the call's way count: in a function on its call
 * chain, or in a lock wrapper such a function called (model.h,
 * cl_model_lock_site); and not a lock the thread releases in a function
 * that did not take it (handed_over: redis's module GIL, taken in one
 * event-loop callback and released in another, is the thread's running
 * state, not a critical section).
 * read, write, readv and writev (those the callspec table knows) count on a
 * stream's descriptor: an element of an array that pipe, pipe2 or
 * socketpair filled (`read(fds[0], ..)` after `pipe(fds)`), or a
 * descriptor socket, accept or accept4 returned (cl_nonblock_stream_arg0),
 * unless made non-blocking.
 * Limits: other read and write calls are not flagged (the table cannot
 * tell a file from a socket); poll/select/epoll wait only when their
 * timeout is infinite or a positive constant (a timeval passed by
 * address is not read); a descriptor copied into another variable or returned by a
 * project function loses its non-blocking mark (silence wins: the send is
 * then flagged); locks held only on some paths (may-held) do not count.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/nonblock.h"
#include "model/model.h"
#include "rule.h"

typedef struct state {
    struct { const cl_callrec **v; size_t n, cap; } cands; /* calls under a lock */
    struct { const cl_callrec **v; size_t n, cap; } io;    /* read/write under a lock */
    cl_nonblock nonblock;     /* descriptors made non-blocking */
} state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(state));
}

/* Whether readiness wait `r` (poll, epoll_wait, select, ...) can wait:
 * its timeout is infinite (a NULL timeval, a negative constant) or a
 * positive constant; a zero or unknown timeout (a timeval the call is
 * given the address of) is left alone. */
static int readiness_waits(const cl_callrec *r)
{
    if (r->spec->kind != CL_CK_POLL)
        return 0;
    const cl_value *t = cl_call_arg(r->ev, r->spec->timeout);
    return t != NULL && (t->kind == CL_VAL_NULL || (t->kind == CL_VAL_INT && t->ival != 0));
}

static void on_access(const cl_model *m, cl_rule_ctx *ctx, const cl_accrec *r)
{
    cl_nonblock_copy(&((state *)ctx->state)->nonblock, m, r);
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    state *s = ctx->state;
    int nb = cl_nonblock_note(&s->nonblock, m, r);
    int wait = r->spec->kind == CL_CK_COND_WAIT || r->spec->kind == CL_CK_COND_TIMEDWAIT;
    if (r->nlocks > 0 && nb != CL_NB_CALL && ((r->spec->flags & CL_CS_STALLS) ||
                                             r->spec->kind == CL_CK_SLEEP || wait ||
                                             readiness_waits(r)))
        CL_VEC_PUSH(&s->cands, r);
    const char *n = r->spec->name;
    if (r->nlocks > 0 && r->spec->kind == CL_CK_OTHER &&
        (strcmp(n, "read") == 0 || strcmp(n, "write") == 0 || strcmp(n, "readv") == 0 ||
         strcmp(n, "writev") == 0))
        CL_VEC_PUSH(&s->io, r);
}

/* For a join: the lock call by which the joined thread (or a thread it
 * started) takes `lock`, or NULL. */
static const cl_callrec *joined_takes(const cl_model *m, const cl_callrec *r, size_t lock)
{
    for (size_t i = 0; i < m->calls.n && r->target != SIZE_MAX; i++) {
        const cl_callrec *o = &m->calls.v[i];
        size_t t = o->thread;
        while (t != SIZE_MAX && t != r->target)
            t = m->threads.v[t].creator;
        if (t != SIZE_MAX && o->lock == lock &&
            (o->spec->kind == CL_CK_LOCK || o->spec->kind == CL_CK_RDLOCK))
            return o;
    }
    return NULL;
}

/* Whether held lock `lock` of condition wait `r` may be the wait's own
 * mutex under another name: the wait's mutex is not held there (POSIX
 * requires it to be) and `lock` is the pointee of a pointer kept in
 * memory (`lock(pWtp->pmutUsr)` with pmutUsr set to the queue's `&q->mut`
 * elsewhere: rsyslog's workers wait on q->mut holding it as
 * *pWtp->pmutUsr). */
static int other_name(const cl_model *m, const cl_callrec *r, size_t lock)
{
    for (size_t i = 0; i < r->nlocks; i++)
        if (r->locks[i].lock == r->lock)
            return 0;
    const char *name = lock < m->lock_names.n ? m->lock_names.v[lock] : NULL;
    size_t n = name != NULL ? strlen(name) : 0;
    return n > 2 && strcmp(name + n - 2, "->") == 0;
}

/* Whether `r` holding lock `lock` (r->locks[i]) blocks others: a mutex,
 * not a counting semaphore built from a mutex and a condition variable
 * (model.h sem_locks); for a condition wait not its own mutex (whose
 * identity must be known); for a join, a lock the joined thread takes (a
 * deadlock; joining a thread that needs none of the held locks is how
 * thread pools reap workers that already said they are done). */
static int blocks_others(const cl_model *m, const cl_callrec *r, size_t lock)
{
    cl_callkind k = r->spec->kind;
    if (cl_ids_contains(m->sem_locks.v, m->sem_locks.n, lock))
        return 0;
    if (k == CL_CK_COND_WAIT || k == CL_CK_COND_TIMEDWAIT)
        return r->lock != SIZE_MAX && lock != r->lock && !other_name(m, r, lock);
    return (k != CL_CK_JOIN && k != CL_CK_TIMEDJOIN) || joined_takes(m, r, lock) != NULL;
}

/* Whether frames `a` and `b` are one call chain. */
static int same(const cl_frame *a, const cl_frame *b)
{
    return a != NULL && cl_frame_find(a, b) == a;
}

/* Whether `thread` releases `lock` somewhere in a function that did not
 * take it, directly or through lock wrappers it called, or never releases
 * it on any path the model walked: a lock handed from one callback to
 * another, like an event loop's global lock (redis's module GIL, taken at
 * start-up, released before sleeping in a callback the walk may not
 * reach, taken again after). Such a lock is the thread's running state,
 * not a critical section. */
static int handed_over(const cl_model *m, size_t thread, size_t lock)
{
    int released = 0;
    for (size_t i = 0; i < m->calls.n; i++) {
        const cl_callrec *u = &m->calls.v[i];
        if (u->thread != thread || u->lock != lock || u->spec->kind != CL_CK_UNLOCK)
            continue;
        released = 1;
        int balanced = 0;
        for (size_t j = 0; j < m->calls.n && !balanced; j++) {
            const cl_callrec *o = &m->calls.v[j];
            cl_callkind k = o->spec->kind;
            if (o->thread != thread || o->lock != lock ||
                (k != CL_CK_LOCK && k != CL_CK_RDLOCK && k != CL_CK_TRYLOCK))
                continue;
            balanced = same(u->frame, o->frame) || same(u->frame->parent, o->frame) ||
                       same(u->frame, o->frame->parent) ||
                       same(u->frame->parent, o->frame->parent);
        }
        if (!balanced)
            return 1;
    }
    return !released;
}

/* Reports `r` holding `lock`, taken at `site`. */
static void report(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r, size_t lock,
                   const cl_callrec *site)
{
    /* The call in the function that took the lock (the lock site's, or its
     * caller's for a lock wrapper): r itself, or the call on r's chain
     * made from that function. */
    const cl_frame *holder = cl_frame_find(r->frame, site->frame);
    if (holder == NULL)
        holder = cl_frame_find(r->frame, site->frame->parent);
    const cl_event *at = r->ev;
    const cl_frame *in = r->frame;
    for (const cl_frame *g = r->frame; g != holder && g->parent != NULL; g = g->parent)
        at = g->call, in = g->parent;
    const char *callee = r->ev->u.call.callee_name;
    const cl_value *lv = cl_call_arg(site->ev, site->spec->obj);
    const char *lname = lv != NULL && lv->kind == CL_VAL_ADDR && lv->name != NULL
                            ? lv->name : cl_model_path_display(m, m->lock_names.v[lock]);
    cl_fb *b = cl_fb_begin(ctx, m, at->loc, cl_model_frame_func(m, in));
    if ((r->spec->kind == CL_CK_COND_WAIT || r->spec->kind == CL_CK_COND_TIMEDWAIT) &&
        at == r->ev)
        cl_fb_message(b, "'%s' releases only its own mutex and keeps '%s' held while it waits; "
                      "release '%s' before waiting, or wait with that lock's condition", callee,
                      lname, lname);
    else if (joined_takes(m, r, lock) != NULL)
        cl_fb_message(b, "'%s' waits for thread '%s', which takes '%s', while '%s' is held (a "
                      "deadlock); release '%s' before joining", at->u.call.callee_name,
                      cl_model_entry_name(m, r->target), lname, lname, lname);
    else if (at == r->ev)
        cl_fb_message(b, "'%s' can block for long while '%s' is held; move the call out of the "
                      "critical section", callee, lname);
    else
        cl_fb_message(b, "'%s' can block for long (it calls '%s' at %s) while '%s' is held; move "
                      "the call out of the critical section", at->u.call.callee_name, callee,
                      cl_fb_where(b, r->ev->loc), lname);
    cl_fb_key(b, "block|%s", at->u.call.callee_name); /* one per call, whatever lock */
    cl_fb_related(b, site->ev->loc, "'%s' taken here", lname);
    if (at != r->ev)
        cl_fb_related(b, r->ev->loc, "'%s' blocks here", callee);
    const cl_callrec *j = joined_takes(m, r, lock);
    if (j != NULL)
        cl_fb_related(b, j->ev->loc, "thread '%s' takes '%s' here", cl_model_entry_name(m, j->thread),
                      lname);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "calls '%s' holding '%s'", callee, lname);
    cl_fb_emit(b);
}

/* Reports `r` with the first lock that blocks others and was taken on
 * its way, if any. */
static void judge(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    for (size_t k = 0; k < r->nlocks; k++) {
        size_t lock = r->locks[k].lock;
        const cl_callrec *site = blocks_others(m, r, lock) && !handed_over(m, r->thread, lock)
                                     ? cl_model_lock_site(m, r, lock) : NULL;
        /* The down of a semaphore used as a lock takes a lock: nesting
         * (CL008's), not a wait for another thread. */
        if (site != NULL && cl_model_lock_sem_wait(m, r))
            return;
        if (site != NULL) {
            report(m, ctx, r, lock, site);
            return;
        }
    }
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    state *s = ctx->state;
    for (size_t i = 0; i < s->cands.n; i++) {
        const cl_callrec *r = s->cands.v[i];
        /* A call on a descriptor made non-blocking does not wait. */
        if ((r->spec->flags & CL_CS_STALLS) && r->spec->kind == CL_CK_OTHER &&
            cl_nonblock_arg0(&s->nonblock, m, r))
            continue;
        judge(m, ctx, r);
    }
    /* read and write wait on a pipe's, socket pair's or socket's
     * descriptor (not made non-blocking): the other end may never come */
    for (size_t i = 0; i < s->io.n; i++)
        if (cl_nonblock_stream_arg0(&s->nonblock, m, s->io.v[i]) &&
            !cl_nonblock_arg0(&s->nonblock, m, s->io.v[i]))
            judge(m, ctx, s->io.v[i]);
    free(s->io.v);
    free(s->cands.v);
    cl_nonblock_release(&s->nonblock);
    free(s);
}

const cl_rule cl010_blocking_under_lock = {
    .id = "CL010",
    .name = "blocking-under-lock",
    .short_desc = "A call that can block for long is made while a mutex is held",
    .full_desc =
        "A sleep, a blocking socket call (connect, accept, send, recv), a DNS lookup, fsync, "
        "system/popen/waitpid, sem_wait, or a project function that makes one, runs while "
        "the thread holds a mutex; a condition wait keeps another lock held; or a join waits "
        "for a thread that takes the held lock. "
        "Every thread that needs the lock waits as long, and a join or a wait under a lock "
        "can deadlock. Calls on non-blocking descriptors and MSG_DONTWAIT are not findings.",
    .help_md =
        "## blocking-under-lock (CL010)\n\n"
        "A critical section should be short. A call that waits for the network, a DNS "
        "server, the disk or another thread keeps the lock for as long as that takes, and "
        "every other thread that needs the lock stalls behind it:\n\n"
        "```c\n"
        "pthread_mutex_lock(&c->api_lock);\n"
        "rc = getaddrinfo(c->host, \"1883\", &hints, &c->addrs); /* seconds with a slow DNS */\n"
        "pthread_mutex_unlock(&c->api_lock);\n"
        "```\n\n"
        "**Fix**: move the call out of the critical section: copy what it needs under the "
        "lock, release, make the call, then lock again to publish the result (re-checking "
        "what may have changed). For logging under a lock, format into a buffer under the "
        "lock and write it after. A condition wait releases only its own mutex: release any "
        "other lock before waiting; release a lock the joined thread needs before joining.\n\n"
        "Not flagged: the down of a semaphore used as a lock (a binary semaphore, or one "
        "built from a mutex and a condition variable, that each thread or function posting it "
        "took first): that is lock nesting, not a wait for another thread; a semaphore one "
        "thread posts for another to wait on still counts. A condition wait holding only its "
        "own mutex; send/recv with "
        "MSG_DONTWAIT; waitpid with WNOHANG; descriptors made non-blocking (SOCK_NONBLOCK, fcntl O_NONBLOCK, "
        "ioctl FIONBIO), also in another function (matched by variable or member name, also "
        "after a copy from a local into a member). "
        "read and write count only on a pipe's, socket pair's or socket's descriptor (from "
        "pipe, socketpair, socket, accept): on a regular file they do not wait for anyone.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "performance", "deadlock"),
    .cwe = CL_STRINGS("CWE-833", "CWE-400"),
    .precision = "high",
    .security_severity = "4.0",
    .points = CL_ON_CALL | CL_ON_ACCESS,
    .call_kinds = 0,
    .begin = begin,
    .on_access = on_access,
    .on_call = on_call,
    .finish = finish,
};
