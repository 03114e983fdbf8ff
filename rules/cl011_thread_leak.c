/* cl011_thread_leak.c - CL011 thread-leak: a joinable thread whose handle
 * is neither joined nor detached on some path.
 *
 * What it finds: a spawn of a joinable thread (no detached attribute, the
 * thread does not detach itself) where (a) the handle is a local and the
 * creating function returns on some path without joining, detaching,
 * returning or handing on the handle (it goes out of scope; a cancel alone
 * stops the thread and still leaves its stack to a join);
 * (b) the spawn runs in a loop and a later run fails, or another spawn
 * after it fails (`&l->rx` started, then `&l->tx` fails), and the function
 * returns there with the threads already started unhandled (a partial
 * start: the caller sees the failure and never stops them); or (c) the
 * spawn runs again with its one handle while the earlier thread is
 * unhandled (the handle is overwritten). Each such thread keeps its stack
 * and its slot until the process ends. Also the other end of a handle's
 * life: (d) a join or detach of a handle already joined or detached on
 * some path to it, directly or in project calls (a cleanup ladder that
 * joins on the error path and again at the common exit, a shutdown
 * function called twice), with no new spawn into the handle between; (e)
 * a join of a thread started with an attribute object its creator set
 * PTHREAD_CREATE_DETACHED. Both are undefined behaviour: the id may name
 * nothing, or a newer thread.
 * How: handles.h walks the creating function; the model says which
 * threads detach themselves and whether an attribute may be detached; the
 * thread walk marks what each path joined or detached (cl_callrec.again).
 * Not flagged: exits of `main` (the process ends; a handle overwritten
 * there is still reported, for a spawn under no `if`: `if (!started)
 * spawn` starts once, a flag the handle walk does not follow); a handle
 * overwritten by a spawn under a one-shot flag its branch sets and
 * nothing else writes (`if (!started) { started = 1; spawn }`, anywhere);
 * exits
 * after a timed
 * wait expired (CL004's abandoned worker); handles stored in a global,
 * heap or caller's object on a normal exit (joined elsewhere, e.g. by a
 * stop function); a local handle whose value is read elsewhere than in a
 * join, detach, cancel or project call (copied away: `s->tid = tid`);
 * spawns with an attribute when the program sets any attribute detached
 * (precision over recall); a second join or detach under an `if` of its
 * function, or after one that may return (`if (!s->running) return;`: a
 * state the walk does not track may make it run once), or the same
 * statement again in a later round of a loop; for an element (`t[i]`),
 * joins in loops over different ranges; a join in one branch and a detach
 * in the other.
 * Limits: the spawn and the exits must be in one function; a partial
 * start needs the later spawn's result tested directly, and is left to a
 * caller that tests for the exit's own error code (`if (rc == 2)`,
 * caller_tells_code); a handle passed to
 * any project function
 * counts as handled; a second join is seen only through the handle's
 * resolved path (the one the spawn stored it in); a spawn whose result is tested together with
 * something else (`fd >= 0 && pthread_create(..) == 0`) is left alone, as
 * the walk cannot tell its failure side.
 */
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "analysis/handles.h"
#include "analysis/shape.h"
#include "model/model.h"
#include "rule.h"

/* The rule's state: the threads that detach themselves (by id, flags) and
 * whether the program may set an attribute detached. */
typedef struct cl011_state {
    unsigned char *self_detach;
    int detached_attr;
    struct { const cl_exitrec **v; size_t n, cap; } exits; /* with children running */
    /* The attributes set detached (raw path of pthread_attr_setdetachstate's
     * attribute, function, 1: detached, 0: joinable), and the joins that
     * joined a thread (cl_callrec.target) or act on a handle again
     * (cl_callrec.again). */
    struct { const char *attr; size_t func; int detached; } *attrs;
    size_t nattrs, capattrs;
    struct { const cl_callrec **v; size_t n, cap; } joins;
} cl011_state;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    cl011_state *st = cl_xcalloc(1, sizeof *st);
    st->self_detach = cl_xcalloc(m->threads.n + 1, 1);
    ctx->state = st;
}

static int has_attr(const cl_model *m, const cl_event *spawn);

/* The handle thread `t` was started into, for messages. */
static const char *handle_name(const cl_model *m, const cl_thread *t)
{
    const cl_callspec *cs = t->spawn ? cl_callgraph_spec(&m->cg, t->spawn) : NULL;
    const cl_value *v = cs && cs->obj >= 0 && (size_t)cs->obj < t->spawn->u.call.nargs
                            ? &t->spawn->u.call.args[cs->obj] : NULL;
    return v != NULL && v->kind == CL_VAL_ADDR && v->name != NULL ? v->name : "the handle";
}

/* A join or detach of a handle already joined or detached on some path
 * (cl_callrec.again): the second one acts on a thread that is gone, or on
 * whatever thread now has that id. */
static void report_again(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    int join = r->spec->kind == CL_CK_JOIN;
    const char *what = join ? (r->again_detached ? "joined after it was detached"
                                                 : "joined twice")
                            : (r->again_detached ? "detached twice"
                                                 : "detached after it was joined");
    const char *worker = cl_model_entry_name(m, r->again_thread);
    cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, m->cg.funcs.v[r->frame->func].fn->name);
    cl_fb_key(b, "again:%s", worker);
    cl_fb_message(b, "thread '%s' is %s: '%s' may no longer name it, and the call's "
                     "behaviour is undefined",
                  worker, what, handle_name(m, &m->threads.v[r->again_thread]));
    cl_fb_related(b, r->again->loc, "'%s' %s here first",
                  handle_name(m, &m->threads.v[r->again_thread]),
                  r->again_detached ? "detached" : "joined");
    cl_fb_emit(b);
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    (void)m;
    cl011_state *st = ctx->state;
    const cl_call *c = &r->ev->u.call;
    if (r->again != NULL || (r->spec->kind == CL_CK_JOIN && r->target != SIZE_MAX))
        CL_VEC_PUSH(&st->joins, r);
    if (r->spec->kind == CL_CK_DETACH) {
        st->self_detach[r->thread] = 1; /* a detach the thread runs, of itself or another */
    } else if (r->spec->kind == CL_CK_ATTR_SETDETACHSTATE) {
        int detached = r->spec->data < 0 || (size_t)r->spec->data >= c->nargs ||
                       c->args[r->spec->data].kind != CL_VAL_INT ||
                       c->args[r->spec->data].ival != 0; /* PTHREAD_CREATE_JOINABLE */
        st->detached_attr |= detached;
        /* (the attribute is pthread_attr_setdetachstate's first argument) */
        if (c->nargs > 0 && c->args[0].kind == CL_VAL_ADDR && c->args[0].path != NULL) {
            if (st->nattrs == st->capattrs) {
                st->capattrs = st->capattrs ? 2 * st->capattrs : 8;
                st->attrs = cl_xrealloc(st->attrs, st->capattrs * sizeof *st->attrs);
            }
            st->attrs[st->nattrs].attr = c->args[0].path;
            st->attrs[st->nattrs].func = r->frame->func;
            st->attrs[st->nattrs++].detached = detached;
        }
    }
}

/* Whether thread `t` was started with an attribute object its creating
 * function sets detached (and nowhere joinable). */
static int created_detached(const cl_model *m, const cl011_state *st, const cl_thread *t)
{
    const cl_callspec *cs = cl_callgraph_spec(&m->cg, t->spawn);
    int i = cs ? cs->obj + 1 : -1;
    if (t->spawn_frame == NULL || !has_attr(m, t->spawn) ||
        t->spawn->u.call.args[i].kind != CL_VAL_ADDR || t->spawn->u.call.args[i].path == NULL)
        return 0;
    int detached = 0;
    for (size_t k = 0; k < st->nattrs; k++)
        if (st->attrs[k].func == t->spawn_frame->func &&
            strcmp(st->attrs[k].attr, t->spawn->u.call.args[i].path) == 0) {
            if (!st->attrs[k].detached)
                return 0;
            detached = 1;
        }
    return detached;
}

static void on_exit(const cl_model *m, cl_rule_ctx *ctx, const cl_exitrec *r)
{
    (void)m;
    cl011_state *st = ctx->state;
    if (r->nlive > 0)
        CL_VEC_PUSH(&st->exits, r);
}

/* Whether the model agrees that `t` may run at exit `ret` of the function
 * that spawned it (its live set knows conditions tested again: `if (opt)
 * spawn; ... if (opt) join`, and joins in callees). */
static int live_at(const cl011_state *st, const cl_thread *t, const cl_node *ret)
{
    for (size_t i = 0; i < st->exits.n; i++) {
        const cl_exitrec *r = st->exits.v[i];
        if (r->thread == t->creator && r->ret == ret &&
            cl_frame_find(t->spawn_frame, r->frame) == t->spawn_frame &&
            cl_ids_contains(r->live, r->nlive, t->id))
            return 1;
    }
    return 0;
}

/* Whether the spawn passes an attribute object (pthread_create's second
 * argument, between the handle and the start routine). */
static int has_attr(const cl_model *m, const cl_event *spawn)
{
    const cl_callspec *cs = cl_callgraph_spec(&m->cg, spawn);
    int i = cs ? cs->obj + 1 : -1;
    if (cs == NULL || cs->func != cs->obj + 2 || (size_t)i >= spawn->u.call.nargs)
        return 0;
    const cl_value *v = &spawn->u.call.args[i];
    return v->kind != CL_VAL_NULL && !(v->kind == CL_VAL_INT && v->ival == 0);
}

/* Whether spawn `ev` runs in loops only that run one round each (`for (i
 * = 3; i < 4; i++)`, cl_node.trip): it is never run again. */
static int one_round(const cl_model *m, const cl_event *ev)
{
    int loops = 0;
    for (const cl_node *p = cl_callgraph_event_node(&m->cg, ev); p != NULL;
         p = cl_callgraph_parent(&m->cg, p)) {
        if (p->kind == CL_N_LOOP && p->x->trip != 1)
            return 0;
        loops += p->kind == CL_N_LOOP;
    }
    return loops > 0;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const cl_thread *t,
                   const cl_handle_exit *x)
{
    const cl_function *fn = m->cg.funcs.v[t->spawn_frame->func].fn;
    const char *worker = cl_model_entry_name(m, t->id);
    const cl_callspec *cs = cl_callgraph_spec(&m->cg, t->spawn);
    const cl_value *hv = cs && cs->obj >= 0 && (size_t)cs->obj < t->spawn->u.call.nargs
                             ? &t->spawn->u.call.args[cs->obj] : NULL;
    const char *h = hv && hv->kind == CL_VAL_ADDR && hv->name ? hv->name : "the handle";
    cl_fb *b = cl_fb_begin(ctx, m, t->spawn->loc, fn->name);
    cl_fb_key(b, "%s", worker);
    if (x == NULL) {
        cl_fb_message(b, "thread '%s' is neither joined nor detached before the next start "
                         "overwrites its handle '%s'; its resources leak",
                      worker, h);
        cl_fb_related(b, t->spawn->loc, "'%s' is overwritten here on the next round", h);
    } else {
        cl_loc at = x->ret ? x->ret->loc : fn->loc;
        if (x->cancelled)
            cl_fb_message(b, "thread '%s' is cancelled but neither joined nor detached when '%s' "
                             "%s; a cancelled thread keeps its stack until it is joined, and the "
                             "handle is lost",
                          worker, fn->name, x->ret ? "returns" : "reaches its end");
        else
            cl_fb_message(b, "thread '%s' is neither joined nor detached when '%s' %s%s; its "
                             "resources leak",
                          worker, fn->name, x->ret ? "returns" : "reaches its end",
                          x->partial || x->failed_next ? " after a later start failed" : "");
        cl_fb_related(b, at, "'%s' leaves here with '%s' neither joined nor detached",
                      fn->name, h);
    }
    cl_fb_emit(b);
}

/* Joins and detaches of a handle already joined or detached on some path,
 * where the second call is under no `if` in its function (a guard such as
 * `if (s->running)` may be the state that makes it run once, which the
 * walk does not track), and joins of a thread created detached: undefined
 * behaviour, and the thread's end is not waited for. */
static void report_joins(const cl_model *m, cl_rule_ctx *ctx, const cl011_state *st)
{
    for (size_t i = 0; i < st->joins.n; i++) {
        const cl_callrec *r = st->joins.v[i];
        if (r->again != NULL) {
            if (!cl_shape_guarded(m->cg.funcs.v[r->frame->func].fn->body, r->ev))
                report_again(m, ctx, r);
            continue;
        }
        const cl_thread *t = &m->threads.v[r->target];
        if (!created_detached(m, st, t))
            continue;
        const char *worker = cl_model_entry_name(m, t->id);
        cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, m->cg.funcs.v[r->frame->func].fn->name);
        cl_fb_key(b, "detached:%s", worker);
        cl_fb_message(b, "thread '%s' is joined but was created detached: '%s' may no "
                         "longer name it, and the call's behaviour is undefined",
                      worker, handle_name(m, t));
        cl_fb_related(b, t->spawn->loc, "'%s' is started detached here", worker);
        cl_fb_emit(b);
    }
}

typedef struct codetest {
    const cl_event *call;
    long long code;
} codetest;

/* cl_shape_any match: a test of call `call`'s result against `code`
 * exactly (`if (rc == 2)` after `rc = link_start(l)`). */
static int tests_code(const cl_node *n, const void *arg)
{
    const codetest *ct = arg;
    return (n->kind == CL_N_BRANCH || n->kind == CL_N_SWITCH) && n->x->test_call == ct->call &&
           (n->x->test_op == CL_TEST_EQ || n->x->test_op == CL_TEST_NE) && n->x->test_value == ct->code;
}

/* Whether a caller of function `f` tells exit `ret`'s error code apart:
 * `ret` returns a constant and some call site of `f` tests the result
 * against exactly that constant (`if (rc == 2) pthread_join(l->rx, ..)`
 * for the start that failed second). Such a caller handles that partial
 * start on its own; a caller that only tests for failure (`!= 0`) does
 * not. */
static int caller_tells_code(const cl_model *m, size_t f, const cl_node *ret)
{
    if (ret == NULL || ret->x->test_op != CL_TEST_EQ)
        return 0;
    const cl_mfunc *mf = &m->cg.funcs.v[f];
    for (size_t i = 0; i < mf->nin; i++) {
        const cl_cg_edge *e = &m->cg.edges.v[mf->in[i]];
        codetest ct = { e->call, ret->x->test_value };
        if (cl_shape_any(m->cg.funcs.v[e->caller].fn->body, tests_code, &ct))
            return 1;
    }
    return 0;
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cl011_state *st = ctx->state;
    report_joins(m, ctx, st);
    for (const cl_thread *t = m->threads.v; t < m->threads.v + m->threads.n; t++) {
        if (t->spawn == NULL || t->spawn_frame == NULL || t->entry == SIZE_MAX ||
            st->self_detach[t->id] || (st->detached_attr && has_attr(m, t->spawn)))
            continue;
        const cl_function *fn = m->cg.funcs.v[t->spawn_frame->func].fn;
        /* (returning from main ends every thread; overwriting a handle
         * there still loses the earlier threads for its joins) */
        int in_main = strcmp(fn->name, "main") == 0;
        cl_handle_exits xs;
        cl_handle_exits_find(m, t, &xs);
        int local = xs.handle != NULL && xs.handle[0] == 'L';
        if ((local && cl_shape_handle_copied(fn->body, xs.handle)) ||
            cl_shape_compound_test(fn->body, t->spawn)) {
            cl_handle_exits_release(&xs);
            continue;
        }
        const cl_handle_exit *leak = NULL;
        for (size_t i = 0; i < xs.n && leak == NULL && !in_main; i++) {
            if (((local && !xs.v[i].late) ||
                 (xs.v[i].failed_next && xs.v[i].ret &&
                  !caller_tells_code(m, t->spawn_frame->func, xs.v[i].ret)) ||
                 (xs.v[i].partial && xs.v[i].ret &&
                  cl_shape_left_midway(fn->body, t->spawn, xs.v[i].ret))) &&
                live_at(st, t, xs.v[i].ret))
                leak = &xs.v[i];
        }
        /* (in main, only a spawn under no `if`; elsewhere, not one under
         * a one-shot flag its branch sets: `if (!started) { started = 1;
         * spawn }` runs once, a flag the handle walk does not correlate) */
        if (leak != NULL ||
            (xs.overwritten && !one_round(m, t->spawn) &&
             !(in_main && cl_shape_under_branch(&m->cg, t->spawn)) &&
             !cl_shape_sets_tested(&m->cg, t->spawn)))
            report(m, ctx, t, leak);
        cl_handle_exits_release(&xs);
    }
    free(st->self_detach);
    free(st->exits.v);
    free(st->attrs);
    free(st->joins.v);
    free(st);
}

#define K(kind) CL_KIND_BIT(CL_CK_##kind)

const cl_rule cl011_thread_leak = {
    .id = "CL011",
    .name = "thread-leak",
    .short_desc = "A joinable thread is neither joined nor detached on some path",
    .full_desc =
        "A joinable thread (not created with a detached attribute, not detached by itself) "
        "whose handle is neither joined nor detached on some path: the creating function "
        "returns with the handle in a local (also after cancelling the thread: a cancelled "
        "thread keeps its stack until joined), returns on an error path after a later start "
        "failed while the threads already started keep running, or starts another thread "
        "into the same handle. The thread's stack and its slot stay allocated until the "
        "process ends, and nobody stops it. Also a handle joined or detached twice, joined "
        "after a detach (or detached after a join) on some path, and a join of a thread "
        "created with a detached attribute: undefined behaviour, the id may name another "
        "thread by then.",
    .help_md =
        "## thread-leak (CL011)\n\n"
        "A joinable thread that nobody joins keeps its stack and its kernel slot after it "
        "ends (a zombie thread); one started per request exhausts them. The usual places: "
        "an error path after a partial start, and a handle overwritten in a loop.\n\n"
        "```c\n"
        "for (i = 0; i < n; i++)\n"
        "    if (pthread_create(&p->tids[i], NULL, stage_main, p) != 0)\n"
        "        return -1;          /* stages 0..i-1 keep running, never joined */\n"
        "```\n\n"
        "The other end of a handle's life is reported too: a handle joined twice (a "
        "cleanup ladder that joins on the error path and falls through to the common "
        "exit, a shutdown function called twice), detached twice, joined after a detach "
        "or detached after a join, and a join of a thread created with "
        "`PTHREAD_CREATE_DETACHED`.\n\n"
        "**Fix** join (after telling them to stop) the threads already started before "
        "returning on the error path; detach a thread nobody waits for "
        "(`pthread_detach`, or `PTHREAD_CREATE_DETACHED` in its attribute); keep every "
        "handle that a later join needs. Join or detach each thread exactly once: keep a "
        "`running` flag beside the handle and clear it at the join, or give the error "
        "path and the normal exit one cleanup label.\n\n"
        "Leaks are reported at the `pthread_create`/`thrd_create`, with the leaking exit as "
        "related location; a second join or detach at that call, with the first as related "
        "location.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "thread-leak", "reliability"),
    .cwe = CL_STRINGS("CWE-404", "CWE-772"),
    .precision = "high",
    .security_severity = "4.0",
    .points = CL_ON_CALL | CL_ON_EXIT, /* joins, detaches, detached attributes; exits */
    .call_kinds = K(JOIN) | K(DETACH) | K(ATTR_SETDETACHSTATE),
    .begin = begin,
    .on_call = on_call,
    .on_exit = on_exit,
    .finish = finish,
};

#undef K
