/* cl012_stack_escape_to_thread.c - CL012 stack-escape-to-thread: the
 * address of a local variable handed to a thread that may outlive it.
 *
 * What it finds: a spawn whose start argument is the address of a local
 * of a function on the creator's call chain (`pthread_create(&t, 0, fn,
 * &conn_fd)`), where the thread may still run when (a) the spawn sits in a
 * loop and the creator writes that local again (the next accept(), the
 * loop's `i++`), or (b) the function owning the local returns. Either way
 * the thread reads a value meant for another thread, or a dead frame.
 * Why: the thread reads its argument whenever it gets scheduled; the
 * loop-variable address is the classic (every thread sees the last i).
 * How: the model's points: the thread instance is live (not joined on
 * every path) in the creator's write record or the owner's exit record.
 * Not flagged: the creator joins the thread first; the creator waits,
 * after the spawn, on a condition variable, a semaphore or a barrier
 * without a deadline (a handshake: the thread signals once it copied the
 * value); an argument distinct per iteration (`&args[i]`) that the loop
 * does not rewrite; locals of `main`, whose return ends the process.
 * Limits: any untimed wait after the spawn counts as the handshake, even
 * one for something else (silence over noise); a spin on an atomic flag
 * does not count; the owner's frame must be on the spawn's call chain.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "model/model.h"
#include "rule.h"

typedef struct recs { const void **v; size_t n, cap; } recs;

/* The rule's state: the untimed waits (call records) and the exits with
 * children running (exit records) the model recorded. */
typedef struct cl012_state {
    recs waits, exits;
} cl012_state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(cl012_state));
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    (void)m;
    cl012_state *st = ctx->state;
    if (r->nlive > 0)
        CL_VEC_PUSH(&st->waits, (const void *)r);
}

static void on_exit(const cl_model *m, cl_rule_ctx *ctx, const cl_exitrec *r)
{
    (void)m;
    cl012_state *st = ctx->state;
    if (r->nlive > 0)
        CL_VEC_PUSH(&st->exits, (const void *)r);
}

/* The event of `owner`'s body through which point `ev` at `chain` runs:
 * `ev` itself when `chain` is the owner's frame, else the call in the
 * owner that leads to it. NULL when `chain` is not inside that invocation. */
static const cl_event *in_owner(const cl_frame *chain, const cl_event *ev, const cl_frame *owner)
{
    for (const cl_frame *f = chain; f != NULL; ev = f->call, f = f->parent)
        if (cl_frame_find(f, owner) == f)
            return ev;
    return NULL;
}

/* The frame on `t`'s spawn chain whose function owns the local that
 * t->arg_path names ("T<creator>:L<function usr>#..."), or NULL. */
static const cl_frame *owner_frame(const cl_model *m, const cl_thread *t, char *buf, size_t cap)
{
    if (t->arg_path == NULL || t->arg_path[0] != 'T')
        return NULL;
    for (const cl_frame *f = t->spawn_frame; f != NULL; f = f->parent) {
        int n = snprintf(buf, cap, "T%zu:L%s#", t->creator, m->cg.funcs.v[f->func].fn->usr);
        if (n > 0 && (size_t)n < cap && strncmp(t->arg_path, buf, (size_t)n) == 0)
            return f;
    }
    return NULL;
}

/* Does the creator wait, without a deadline, after the spawn of `t` in the
 * owner's invocation while `t` runs (a handshake)? */
static int handshake(const cl012_state *st, const cl_thread *t, const cl_frame *owner,
                     const cl_event *spawn_at)
{
    for (size_t i = 0; i < st->waits.n; i++) {
        const cl_callrec *r = st->waits.v[i];
        const cl_event *at = r->thread == t->creator ? in_owner(r->frame, r->ev, owner) : NULL;
        if (at != NULL && cl_ids_contains(r->live, r->nlive, t->id) &&
            cl_loc_cmp(&at->loc, &spawn_at->loc) > 0)
            return 1;
    }
    return 0;
}

/* Is `path` the object `obj` or a part of it? */
static int within(const char *path, const char *obj)
{
    size_t n = strlen(obj);
    return strncmp(path, obj, n) == 0 && (path[n] == '\0' || path[n] == '.' || path[n] == '[');
}

/* A write of the creator to t's argument object, in the owner's body
 * itself and under no lock, while `t` may run; NULL when there is none.
 * (Writes under a lock or in callees are the object's shared use, CL002's
 * business; an element per instance, `&args[i]`, is not rewritten by the
 * next round's `args[i + 1]`.) */
static const cl_accrec *rewrite(const cl_model *m, const cl_thread *t, const cl_frame *owner)
{
    size_t begin, end;
    cl_model_thread_accesses(m, t->creator, &begin, &end);
    for (const cl_accrec *r = m->accesses.v + begin; r < m->accesses.v + end; r++)
        if ((r->ev->u.access.flags & CL_ACC_WRITE) && r->nmay == 0 &&
            within(r->path, t->arg_path) && cl_ids_contains(r->live, r->nlive, t->id) &&
            cl_frame_find(r->frame, owner) == r->frame)
            return r;
    return NULL;
}

/* The exit of the owner's invocation reached while `t` may run, or NULL. */
static const cl_exitrec *frame_end(const cl012_state *st, const cl_thread *t,
                                   const cl_frame *owner)
{
    for (size_t i = 0; i < st->exits.n; i++) {
        const cl_exitrec *r = st->exits.v[i];
        if (r->thread == t->creator && cl_frame_find(r->frame, owner) == r->frame &&
            cl_ids_contains(r->live, r->nlive, t->id))
            return r;
    }
    return NULL;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const cl_thread *t,
                   const cl_function *fn, cl_loc where, int loop)
{
    const char *worker = cl_model_entry_name(m, t->id);
    const char *var = cl_model_path_display(m, t->arg_path);
    cl_fb *b = cl_fb_begin(ctx, m, t->spawn->loc, cl_model_frame_func(m, t->spawn_frame));
    if (loop)
        cl_fb_message(b, "thread '%s' gets the address of '%s', a local of '%s' that the loop "
                         "writes again while the thread may still read it",
                      worker, var, fn->name);
    else
        cl_fb_message(b, "thread '%s' gets the address of '%s', a local of '%s' that returns "
                         "while the thread may still use it",
                      worker, var, fn->name);
    cl_fb_key(b, "%s|%s", worker, var);
    if (loop)
        cl_fb_related(b, where, "'%s' is written again here", var);
    else
        cl_fb_related(b, where, "'%s' returns here without joining '%s'", fn->name, worker);
    cl_fb_emit(b);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cl012_state *st = ctx->state;
    char buf[512];
    for (const cl_thread *t = m->threads.v; t < m->threads.v + m->threads.n; t++) {
        const cl_frame *owner = t->spawn && t->spawn_frame ? owner_frame(m, t, buf, sizeof buf)
                                                            : NULL;
        const cl_event *spawn_at = owner ? in_owner(t->spawn_frame, t->spawn, owner) : NULL;
        if (spawn_at == NULL || handshake(st, t, owner, spawn_at))
            continue;
        const cl_function *fn = m->cg.funcs.v[owner->func].fn;
        const cl_accrec *w = t->in_loop && !t->arg_per_instance ? rewrite(m, t, owner) : NULL;
        const cl_exitrec *x = w || strcmp(fn->name, "main") == 0 ? NULL
                                                                 : frame_end(st, t, owner);
        if (w != NULL)
            report(m, ctx, t, fn, w->ev->loc, 1);
        else if (x != NULL)
            report(m, ctx, t, fn, x->ret ? x->ret->loc : fn->loc, 0);
    }
    free(st->waits.v);
    free(st->exits.v);
    free(st);
}

#define K(kind) CL_KIND_BIT(CL_CK_##kind)

const cl_rule cl012_stack_escape_to_thread = {
    .id = "CL012",
    .name = "stack-escape-to-thread",
    .short_desc = "The address of a local variable is passed to a thread that may outlive it "
                  "or see it change",
    .full_desc =
        "A thread is started with the address of a local variable of its creator as its "
        "start argument, and the thread may still run when the creator writes that variable "
        "again (the next round of the loop that starts the threads) or when the function "
        "owning the variable returns. The thread then reads another thread's value, or a "
        "dead stack frame. Joining first, or waiting until the thread has copied the value "
        "(a handshake on a condition variable, semaphore or barrier), is correct.",
    .help_md =
        "## stack-escape-to-thread (CL012)\n\n"
        "A thread reads its start argument whenever it gets scheduled, which may be after "
        "the creator has moved on: the next `accept()` overwrote the descriptor, the loop "
        "incremented `i`, or the function returned and its frame holds another call's "
        "data.\n\n"
        "```c\n"
        "for (int i = 0; i < n; i++)\n"
        "    pthread_create(&t[i], NULL, worker, &i); /* every worker may see the same i */\n"
        "```\n\n"
        "**Fix** give each thread its own copy: an element of an array that lives as long "
        "as the threads (`&args[i]`), a heap object the thread frees, or the value itself "
        "cast to a pointer (`(void *)(intptr_t)i`); or wait until the thread has copied "
        "the value (a semaphore it posts), or join it before the variable changes.\n\n"
        "Reported at the spawn, with the write or the return as related location.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "memory-safety", "lifetime"),
    .cwe = CL_STRINGS("CWE-562", "CWE-362"),
    .precision = "high",
    .security_severity = "6.0",
    .points = CL_ON_CALL | CL_ON_EXIT, /* untimed waits (handshakes), exits; writes: finish */
    .call_kinds = K(COND_WAIT) | K(SEM_WAIT) | K(BARRIER_WAIT),
    .begin = begin,
    .on_call = on_call,
    .on_exit = on_exit,
    .finish = finish,
};

#undef K
