/* cl001_unbounded_thread_spawn.c - CL001 unbounded-thread-spawn: a thread
 * started per request or event with nothing bounding how many are alive.
 *
 * What it finds: a spawn (CL_CK_SPAWN) that runs once per iteration of an
 * event loop or once per call of a request handler (events.h: the innermost
 * event loop around the spawn, in its function or in a caller up to
 * CL_PER_EVENT_MAX_DEPTH frames; a registered callback or a `handlers`
 * match), with no
 * bound on that path. Each thread costs a stack and a kernel task: under a
 * connection flood pthread_create fails (EAGAIN) or the OOM killer strikes.
 * How: per_event.h walks from each handler and function with an event
 * loop that reach a spawn and carries, per loop iteration or handler call,
 * the spawns not yet joined and what bounds the path (bound.h: a semaphore
 * slot, an admission branch testing a location written on the path or
 * claimed under a lock, or one the started routine's own body advances,
 * `if (!tid) pthread_create(&tid, ...)`). A spawn is
 * reported when still unjoined at the head of its event loop (the branch
 * where the spawn failed drops it) or at the exit of a handler: one finding per
 * spawn, at the spawn, the loop (or registration) and each call from it
 * related; a loop in its own function first, then the nearest calling
 * loop, then a registration. A spawn inside a spawn wrapper (a project
 * function that passes its parameter on as the start routine) is
 * reported at each call that names the routine (`spawn_detached(
 * handle_conn, fd)` in the loop), the wrapper's spawn related: each
 * calling loop is a defect of its own, fixed at its call.
 * Not flagged: pools started by counting loops or by walks along a list
 * (`for (s = services; s; s = s->next)`, cl_node.walks_list: even when a
 * logging helper on the way reads a socket), a thread started before the
 * loop, fork/join per request (also a join loop that skips with `continue`
 * the slots the spawn loop skipped), one-shot starts behind a flag or a
 * lazily made object set before or after the spawn (bound.h), loops that
 * queue work for a pool, start, once, atexit and signal routines, callbacks
 * a project function runs itself.
 * Limits: a call through a parameter has no callees (a project function
 * running its callback in its own loop needs `registration_apis`); any join
 * counts; bound.h's limits (an admission test is not checked against a
 * limit, nor the slot given back); walks stop past CL_PER_EVENT_MAX_DEPTH
 * frames or their step budget (per_event.h); spawns no walk reaches are
 * ignored.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/events.h"
#include "analysis/finding_builder.h"
#include "analysis/per_event.h"
#include "cli/config.h"
#include "model/model.h"
#include "rule.h"

typedef cl_per_event_cand cand;

/* The rule's run: the model, the event loops and handlers (events.h), the
 * spawns per event (per_event.h; its arena also holds message strings). */
typedef struct rc {
    const cl_model *m;
    cl_events *ev;
    cl_registration *reg; /* per function: why it is a handler */
    cl_per_event pe;
} rc;

static int configured_api(const void *cfg, const char *name)
{
    return cl_config_is_registration_api(cfg, name);
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
    const cl_value *rt = cl_call_arg(k->action, cl_callgraph_spec(cg, k->action)->func);
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
                        : cl_fb_begin(ctx, c->m, k->action->loc, spawner->name);
    cl_strbuf msg = { NULL, 0, 0 };
    cl_strbuf_add(&msg, routine ? cl_arena_printf(&c->pe.arena, "thread '%s' started", routine)
                                : "thread started");
    if (site > 0)
        cl_strbuf_addf(&msg, " through '%s'", cg->funcs.v[k->fn[site]].fn->name);
    else if (k->depth > 0)
        cl_strbuf_addf(&msg, " in '%s'", spawner->name);
    if (k->loop == NULL) {
        const char *how = cl_events_how(r, &c->pe.arena);
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
        cl_fb_related(b, k->action->loc, "the thread is started here, in '%s'", spawner->name);
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
    /* Spawns per event; joins undo them; a call into a spawn wrapper is a
     * spawn of the routine it names. */
    cl_per_event_query q = { cg, c.ev, c.reg, CL_CK_SPAWN,
                             CL_REACH_BIT(CL_CK_JOIN) | CL_REACH_BIT(CL_CK_TIMEDJOIN),
                             m->spawn_params };
    cl_per_event_find(&q, &c.pe);
    /* Best first: a loop in the spawner, calling loops by distance, then a
     * handler; the finding builder folds the other candidates of a spawn. */
    const size_t last = CL_PER_EVENT_MAX_DEPTH + 1;
    for (size_t r = 0; r <= last; r++)
        for (size_t i = 0; i < c.pe.cands.n; i++)
            if (c.pe.cands.v[i].confirmed &&
                (c.pe.cands.v[i].loop ? c.pe.cands.v[i].depth : last) == r)
                report(&c, ctx, &c.pe.cands.v[i]);
    cl_events_free(c.ev);
    free(c.reg);
    cl_per_event_release(&c.pe);
}

const cl_rule cl001_unbounded_thread_spawn = {
    .id = "CL001",
    .name = "unbounded-thread-spawn",
    .short_desc = "A thread is started per request or event with no bound on live threads",
    .full_desc =
        "pthread_create or thrd_create runs once per iteration of an accept, receive, event "
        "or endless loop, or once per call of a request handler or registered callback, and "
        "nothing on that path bounds the live threads (no counting semaphore, no counter "
        "checked before the spawn, bumped there or by the thread itself when it starts, no "
        "join). Counting loops, walks along a list already "
        "built (one thread per configured service), pools started before the loop, one-shot "
        "starts behind a flag or a lazily made object (`if (!pool) pool = pool_start();`, "
        "set before or after the spawn) and threads joined before the round ends (also by a "
        "join loop that skips the slots the spawn loop skipped) are fine.",
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
    .tags = CL_STRINGS("concurrency", "resource-exhaustion", "reliability"),
    .cwe = CL_STRINGS("CWE-400", "CWE-770"),
    .precision = "high",
    .security_severity = "6.5",
    .config_keys = CL_STRINGS("handlers", "registration_apis", "spawn_functions"),
    .finish = run,
    .callgraph_only = 1,
};
