/* cl001_unbounded_thread_spawn.c - CL001 unbounded-thread-spawn: a thread
 * started per request or event with nothing bounding how many are alive.
 *
 * What it finds: a spawn (CL_CK_SPAWN) that runs once per iteration of an
 * event loop or once per call of a request handler (events.h: the innermost
 * event loop around the spawn, in its function or in a caller up to
 * MAX_DEPTH frames; a registered callback or a `handlers` match), with no
 * bound on that path. Each thread costs a stack and a kernel task: under a
 * connection flood pthread_create fails (EAGAIN) or the OOM killer strikes.
 * How: a flow domain (flow.h) walked from each handler and function with an
 * event loop that reach a spawn, descending into calls that may reach a
 * spawn, a semaphore wait or a join (reach.h), or that change a bound
 * (bound.h). Per loop iteration or handler call it carries the spawns not
 * yet joined and what bounds the path (bound.h: a semaphore slot, an
 * admission branch testing a location written on the path or claimed
 * under a lock, `if (!tid) pthread_create(&tid, ...)`). A spawn is reported
 * when still unjoined at the head of its event loop (the branch where the
 * spawn failed drops it) or at the exit of a handler: one finding per
 * spawn, at the spawn, the loop (or registration) and each call from it
 * related; a loop in its own function first, then the nearest calling
 * loop, then a registration. A spawn inside a spawn wrapper (a project
 * function that passes its parameter on as the start routine) is
 * reported at each call that names the routine (`spawn_detached(
 * handle_conn, fd)` in the loop), the wrapper's spawn related: each
 * calling loop is a defect of its own, fixed at its call.
 * Not flagged: pools started by counting loops, a thread started before the
 * loop, fork/join per request, loops that queue work for a pool, start, once,
 * atexit and signal routines, callbacks a project function runs itself.
 * Limits: a call through a parameter has no callees (a project function
 * running its callback in its own loop needs `registration_apis`); any join
 * counts; bound.h's limits (an admission test is not checked against a
 * limit, nor the slot given back); walks stop past MAX_DEPTH frames or
 * MAX_STEPS nodes; spawns no walk reaches are ignored.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/bound.h"
#include "analysis/events.h"
#include "analysis/finding_builder.h"
#include "analysis/flow.h"
#include "analysis/reach.h"
#include "cli/config.h"
#include "model/model.h"
#include "rule.h"

enum { MAX_DEPTH = 6, MAX_STEPS = 400000 };

typedef cl_flow_set set;
typedef struct st {
    set pend;         /* candidates started and not joined */
    set fresh;        /* those of them started in this iteration */
    cl_bound b;       /* what bounds the path (bound.h) */
} st;
typedef struct cand {
    const cl_event *spawn;
    const cl_node *loop;  /* its event loop; NULL: once per call of handler fn[0] */
    size_t depth, *fn;    /* fn[0..depth]: from the loop's function to the spawner */
    const cl_event **via; /* via[k]: the call into fn[k] */
    int confirmed;
} cand;
typedef struct rc {
    const cl_model *m;
    cl_arena arena;
    cl_events *ev;
    cl_bound_ctx *bc;
    unsigned long long *reach; /* per function: the call kinds it reaches (reach.h) */
    cl_registration *reg;      /* per function: why it is a handler */
    size_t root;
    cl_strmap keys;            /* spawn|frame -> cand */
    struct { cand *v; size_t n, cap; } cands;
    struct { set *v; size_t n, cap; } entry; /* pend at each open loop's entry */
} rc;

#define NONE ((set){ NULL, 0 })
#define SPAWNS CL_REACH_BIT(CL_CK_SPAWN)
/* Calls that may bound a spawn: joins and semaphore waits. */
#define BOUNDS (CL_REACH_BIT(CL_CK_JOIN) | CL_REACH_BIT(CL_CK_TIMEDJOIN) | \
                CL_REACH_BIT(CL_CK_SEM_WAIT) | CL_REACH_BIT(CL_CK_SEM_TIMEDWAIT) | \
                CL_REACH_BIT(CL_CK_SEM_TRYWAIT))

static const void *mk(cl_flow *f, st s)
{
    return cl_flow_state(f, &s); /* st is words only: no padding to intern */
}

/* A call into a spawn wrapper is walked for itself (its call in the memo
 * key): each call that names a routine is a candidate of its own. */
static const void *d_enter(cl_flow *f, const cl_flow_frame *caller, const cl_event *call,
                           size_t callee, const cl_flow_frame *outer)
{
    const rc *c = cl_flow_ctx(f);
    (void)caller;
    (void)outer;
    if (c->m->spawn_params[callee] != 0)
        cl_flow_key(f, (uintptr_t)call);
    return NULL;
}

/* Where paths meet: pending spawns of either path; bounds as bound.h joins. */
static const void *d_join(cl_flow *f, const void *pa, const void *pb)
{
    const st *a = pa, *b = pb;
    st r = { cl_flow_set_merge(f, a->pend, b->pend, 1), cl_flow_set_merge(f, a->fresh, b->fresh, 1),
             cl_bound_join(f, &a->b, &b->b) };
    return mk(f, r);
}

static int configured_api(const void *cfg, const char *name)
{
    return cl_config_is_registration_api(cfg, name);
}

/* ---- the domain -------------------------------------------------------------- */

/* The candidate for a spawn `ev` in frame `fr`; SIZE_MAX when it runs
 * neither per event nor per handler call. */
static size_t candidate(rc *c, const cl_flow_frame *fr, const cl_event *ev)
{
    const cl_node *loop = NULL;
    const cl_flow_frame *o = fr;
    char key[32 * (MAX_DEPTH + 2)];
    size_t id = SIZE_MAX, len = (size_t)snprintf(key, sizeof key, "%p", (const void *)ev);
    /* (keyed by the calls that lead here: a frame's address is reused) */
    for (const cl_flow_frame *p = fr; p != NULL && p->call != NULL && len < sizeof key; p = p->parent)
        len += (size_t)snprintf(key + len, sizeof key - len, "|%p", (const void *)p->call);
    if (cl_strmap_get(&c->keys, key, &id))
        return id;
    for (const cl_event *at = ev; o != NULL; at = o->call, o = o->parent)
        if ((loop = cl_events_around(c->ev, at)) != NULL)
            break;
    if (o != NULL || c->reg[c->root].known) {
        cand k = { ev, loop, fr->depth - (o != NULL ? o->depth : 0), NULL, NULL, 0 };
        cl_flow_chain(fr, k.depth + 1, &c->arena, &k.fn, &k.via);
        CL_VEC_PUSH(&c->cands, k);
        id = c->cands.n - 1;
    }
    cl_strmap_put(&c->keys, cl_arena_strdup(&c->arena, key), id);
    return id;
}

/* A write: the bound records it; when it advances the counter a filtering
 * branch of this iteration tested, the spawns since are bounded by it. */
static const void *d_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev, const void *ps)
{
    rc *c = cl_flow_ctx(f);
    st s = *(const st *)ps;
    int counted = s.fresh.n > 0 && cl_bound_counts(c->bc, &s.b, ev);
    if (counted) {
        s.pend = cl_flow_set_merge(f, s.pend, s.fresh, 0);
        s.fresh = NONE;
    }
    return cl_bound_event(c->bc, f, &s.b, fr, ev) || counted ? mk(f, s) : ps;
}

static const void *d_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *ps, int *descend)
{
    rc *c = cl_flow_ctx(f);
    st s = *(const st *)ps;
    const size_t *to;
    size_t id, one, n = 0;
    if (descend != NULL && fr->depth < MAX_DEPTH)
        n = cl_callgraph_callees(&c->m->cg, ev, &one, &to);
    for (size_t i = 0; i < n; i++) /* only where a spawn or a bound may be */
        if ((c->reach[to[i]] & (SPAWNS | BOUNDS)) || cl_bound_touches(c->bc, to[i]))
            return *descend = 1, ps;
    if (cs != NULL && cs->kind == CL_CK_SPAWN) {
        if (!cl_bound_holds(c->bc, &s.b, cl_call_arg(ev, cs->obj)) &&
            (id = candidate(c, fr, ev)) != SIZE_MAX) {
            s.pend = cl_flow_set_add(f, s.pend, id);
            s.fresh = cl_flow_set_add(f, s.fresh, id);
        }
    } else if (cs != NULL && (cs->kind == CL_CK_JOIN || cs->kind == CL_CK_TIMEDJOIN)) {
        s.pend = NONE;
        s.fresh = NONE;
    } else {
        cl_bound_call(&s.b, cs);
    }
    return mk(f, s);
}

static const void *d_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *ps)
{
    rc *c = cl_flow_ctx(f);
    st s = *(const st *)ps;
    if (kid == CL_FLOW_LOOP_BODY && cl_events_loop(c->ev, n, NULL)) {
        /* A fresh iteration: pending spawns carry over. */
        s.b = cl_bound_iteration(c->bc, &s.b, n);
        s.fresh = NONE;
        return mk(f, s);
    }
    if (kid < 0)
        return ps;
    const cl_callspec *tcs = cl_callgraph_spec(&c->m->cg, n->test_call);
    /* The alternative where the spawn failed started no thread. */
    int failed = tcs != NULL && tcs->kind == CL_CK_SPAWN && n->kind == CL_N_BRANCH && kid < 2 &&
                 (kid == 0) != cl_test_holds(n->test_op, n->test_value, 0);
    for (size_t i = 0; failed && i < s.pend.n; i++)
        if (c->cands.v[s.pend.v[i]].spawn == n->test_call)
            s.pend = cl_flow_set_merge(f, s.pend, (set){ &s.pend.v[i--], 1 }, 0);
    cl_bound_branch(c->bc, f, &s.b, fr, n, kid);
    return mk(f, s);
}

/* Leaving a function: its branches no longer filter the caller's path. */
static const void *d_leave(cl_flow *f, const cl_flow_frame *fr, const void **exit)
{
    if (*exit == NULL)
        return NULL;
    st s = *(const st *)*exit;
    cl_bound_leave(f, &s.b, fr->func);
    *exit = mk(f, s);
    return NULL;
}

/* Leaving a loop that is not an event loop: its condition, failed on the
 * way out, filters the path as an `if` that leaves would (`while (nlive >=
 * MAX) pthread_cond_wait(..); nlive++;` waits for a free slot). */
static const void *d_loop_out(cl_flow *f, const cl_flow_frame *fr, const cl_node *n,
                              const void *out)
{
    rc *c = cl_flow_ctx(f);
    if (out == NULL || n->cond == NULL || n->nkids >= 63 || cl_events_loop(c->ev, n, NULL))
        return out;
    st s = *(const st *)out;
    cl_bound_branch(c->bc, f, &s.b, fr, n, (int)n->nkids);
    return mk(f, s);
}

/* After an event loop's fixpoint: its spawns pending at its head (and not
 * at its entry) run once per iteration. */
static void d_loop(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int done,
                   const void *head)
{
    rc *c = cl_flow_ctx(f);
    set pend = head != NULL ? ((const st *)head)->pend : NONE;
    (void)fr;
    if (!done) {
        CL_VEC_PUSH(&c->entry, pend);
        return;
    }
    pend = cl_flow_set_merge(f, pend, c->entry.v[--c->entry.n], 0);
    for (size_t i = 0; cl_flow_publishing(f) && i < pend.n; i++)
        c->cands.v[pend.v[i]].confirmed |= c->cands.v[pend.v[i]].loop == n;
}

/* ---- walks and findings ---------------------------------------------------- */

static void walk_from(rc *c, size_t f)
{
    cl_flow_domain dom = { .state_size = sizeof(st), .ctx = c, .join = d_join, .event = d_event,
                           .call = d_call, .branch = d_branch, .enter = d_enter, .leave = d_leave,
                           .loop = d_loop, .loop_out = d_loop_out };
    cl_flow_opts opts = { MAX_STEPS };
    const st empty = { NONE, NONE, { NONE, NONE, NONE, 0, 0 } };
    cl_flow *w = cl_flow_new(&c->m->cg, &dom, &opts);
    c->root = f;
    const st *out = cl_flow_run(w, f, NULL, 0, cl_flow_state(w, &empty));
    for (size_t i = 0; out != NULL && c->reg[f].known && i < out->pend.n; i++)
        c->cands.v[out->pend.v[i]].confirmed |= c->cands.v[out->pend.v[i]].loop == NULL;
    cl_flow_free(w);
    cl_strmap_release(&c->keys);
}

/* The frame (1..k->depth) of the call on k's chain that names the start
 * routine for a spawn wrapper (`spawn_detached(handle_conn, fd)`: a
 * function argument given for a parameter the callee passes on as a start
 * routine, model.h spawn_params), the nearest to the loop; 0 when the
 * spawn itself names it. */
static size_t wrapper_site(const cl_model *m, const cand *k)
{
    for (size_t d = 1; d <= k->depth; d++) {
        const cl_call *call = &k->via[d]->u.call;
        uint64_t params = m->spawn_params[k->fn[d]];
        for (size_t a = 0; a < call->nargs && a < 64; a++)
            if ((params >> a & 1u) && call->args[a].kind == CL_VAL_FUNC)
                return d;
    }
    return 0;
}

static void report(rc *c, cl_rule_ctx *ctx, const cand *k)
{
    const cl_callgraph *cg = &c->m->cg;
    const cl_callspec *src = NULL;
    const cl_value *rt = cl_call_arg(k->spawn, cl_callgraph_spec(cg, k->spawn)->func);
    const char *routine = rt != NULL && rt->kind == CL_VAL_FUNC ? rt->func_name : NULL;
    const cl_function *spawner = cg->funcs.v[k->fn[k->depth]].fn;
    const cl_function *origin = cg->funcs.v[k->fn[0]].fn;
    const cl_registration *r = &c->reg[k->fn[0]];
    cl_loc rl = r->loc.file != NULL ? r->loc : origin->loc;
    /* Through a spawn wrapper: reported at the call that names the routine
     * (one finding per calling loop, where the fix goes), the wrapper's
     * spawn related. */
    size_t site = routine == NULL ? wrapper_site(c->m, k) : 0;
    const cl_call *sc = site > 0 ? &k->via[site]->u.call : NULL;
    for (size_t a = 0; sc != NULL && a < sc->nargs && a < 64; a++)
        if ((c->m->spawn_params[k->fn[site]] >> a & 1u) && sc->args[a].kind == CL_VAL_FUNC)
            routine = sc->args[a].func_name;
    cl_fb *b = site > 0 ? cl_fb_begin(ctx, c->m, k->via[site]->loc, cg->funcs.v[k->fn[site - 1]].fn->name)
                        : cl_fb_begin(ctx, c->m, k->spawn->loc, spawner->name);
    cl_strbuf msg = { NULL, 0, 0 };
    cl_strbuf_add(&msg, routine ? cl_arena_printf(&c->arena, "thread '%s' started", routine)
                                : "thread started");
    if (site > 0)
        cl_strbuf_addf(&msg, " through '%s'", cg->funcs.v[k->fn[site]].fn->name);
    else if (k->depth > 0)
        cl_strbuf_addf(&msg, " in '%s'", spawner->name);
    if (k->loop == NULL) {
        const char *how = cl_events_how(r, &c->arena);
        cl_strbuf_addf(&msg, " for every call of %s '%s' (%s",
                       r->known == 2 ? "request handler" : "callback", origin->name, how);
        if (r->loc.file != NULL && r->known != 2)
            cl_strbuf_addf(&msg, " at %s", cl_fb_where(b, rl));
        cl_strbuf_add(&msg, ")");
        cl_fb_related(b, rl, "'%s' %s", origin->name, how);
    } else if (cl_events_loop(c->ev, k->loop, &src), src != NULL) {
        cl_strbuf_addf(&msg, " for every '%s' in the loop at %s", src->name,
                       cl_fb_where(b, k->loop->loc));
        cl_fb_related(b, k->loop->loc, "each '%s' in this loop starts a thread", src->name);
    } else {
        cl_strbuf_addf(&msg, " on every iteration of the endless loop at %s",
                       cl_fb_where(b, k->loop->loc));
        cl_fb_related(b, k->loop->loc, "each iteration of this endless loop starts a thread");
    }
    if (k->loop != NULL && k->depth > 0 && site != 1)
        cl_strbuf_addf(&msg, " in '%s'", origin->name);
    for (size_t d = 1; d <= k->depth; d++)
        if (d != site)
            cl_fb_related(b, k->via[d]->loc, "calls '%s'", cg->funcs.v[k->fn[d]].fn->name);
    if (site > 0)
        cl_fb_related(b, k->spawn->loc, "the thread is started here, in '%s'", spawner->name);
    cl_fb_message(b, "%s with no bound on live threads; use a fixed pool or bound the number of "
                     "live threads (counting semaphore, counter under a lock)",
                  cl_strbuf_str(&msg));
    cl_fb_key(b, "spawn|%s", routine ? routine : "?");
    cl_fb_emit(b);
    cl_strbuf_release(&msg);
}

static void run(const cl_model *m, cl_rule_ctx *ctx)
{
    rc c;
    const cl_callgraph *cg = &m->cg;
    memset(&c, 0, sizeof c);
    c.m = m;
    c.ev = cl_events_new(cg);
    c.reg = cl_events_registrations(c.ev, configured_api, ctx->config);
    for (size_t f = 0; f < cg->funcs.n; f++)
        if (!c.reg[f].known && cl_config_is_handler(ctx->config, cg->funcs.v[f].fn->name))
            c.reg[f] = (cl_registration){ 2, cg->funcs.v[f].fn->loc, NULL };
    c.bc = cl_bound_new(cg);
    c.reach = cl_reach_new(cg);
    for (size_t f = 0; f < cg->funcs.n; f++)
        if ((c.reach[f] & SPAWNS) &&
            (c.reg[f].known || cl_events_loop_in(c.ev, cg->funcs.v[f].fn->body, c.reach, SPAWNS)))
            walk_from(&c, f);
    /* Best first: a loop in the spawner, calling loops by distance, then a
     * handler; the finding builder folds the other candidates of a spawn. */
    for (size_t r = 0; r <= MAX_DEPTH + 1; r++)
        for (size_t i = 0; i < c.cands.n; i++)
            if (c.cands.v[i].confirmed &&
                (c.cands.v[i].loop ? c.cands.v[i].depth : MAX_DEPTH + 1) == r)
                report(&c, ctx, &c.cands.v[i]);
    cl_bound_free(c.bc);
    cl_events_free(c.ev);
    free(c.cands.v);
    free(c.entry.v);
    free(c.reach);
    free(c.reg);
    cl_arena_release(&c.arena);
}

static const char *const cwe[] = { "CWE-400", "CWE-770", NULL };
static const char *const tags[] = { "concurrency", "resource-exhaustion", "reliability", NULL };
static const char *const keys[] = { "handlers", "registration_apis", "spawn_functions", NULL };

const cl_rule cl001_unbounded_thread_spawn = {
    .id = "CL001",
    .name = "unbounded-thread-spawn",
    .short_desc = "A thread is started per request or event with no bound on live threads",
    .full_desc =
        "pthread_create or thrd_create runs once per iteration of an accept, receive, event "
        "or endless loop, or once per call of a request handler or registered callback, and "
        "nothing on that path bounds the live threads (no counting semaphore, no counter "
        "checked before the spawn, no join). Counting loops and pools started before the "
        "loop are fine.",
    .help_md =
        "## unbounded-thread-spawn (CL001)\n\n"
        "A server that starts a thread per connection, datagram or request has no upper "
        "bound on its threads: each costs a stack and a kernel task, and a burst of clients "
        "drives `pthread_create` into `EAGAIN` or the process into the OOM killer.\n\n"
        "**Fix**: start a fixed pool before the loop and feed it through a bounded queue; or "
        "take a counting semaphore's slot before the spawn (`sem_post` when the thread "
        "ends); or check and bump a counter under a lock and refuse over the cap:\n\n"
        "```c\n"
        "pthread_mutex_lock(&lock);\n"
        "if (live >= MAX_LIVE) { pthread_mutex_unlock(&lock); close(fd); continue; }\n"
        "live++;\n"
        "pthread_mutex_unlock(&lock);\n"
        "pthread_create(&tid, &detached, serve, arg);   /* serve() does live-- under lock */\n"
        "```\n\n"
        "The finding names the loop (or callback registration) that runs the spawn once per "
        "event, and each call on the way. Configuration: `handlers` (patterns naming request "
        "handlers), `registration_apis` (functions whose callback arguments run per event, "
        "also project functions that call them themselves), `spawn_functions` (thread-"
        "starting wrappers).",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "6.5",
    .config_keys = keys,
    .finish = run,
    .callgraph_only = 1,
};
