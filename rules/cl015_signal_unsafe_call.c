/* cl015_signal_unsafe_call.c - CL015 signal-unsafe-call: a signal handler
 * that calls a function which is not async-signal-safe.
 *
 * What it finds: a function installed as a signal handler (`signal(sig,
 * h)`, or `sigaction(sig, &sa, ..)` with `sa.sa_handler` or
 * `sa.sa_sigaction` set to `h` by an assignment or an initializer; a
 * handler passed down through a project function's parameter counts at
 * its caller) that reaches, directly or through any depth of project
 * calls (the call graph, tables included), a library function the
 * callspec table knows and does not mark async-signal-safe (POSIX.1-2017
 * XSH 2.4.3): malloc, stdio, syslog, pthread_mutex_lock, exit, ... The
 * signal can arrive while the interrupted code is inside the same
 * function, holding its lock or halfway through its data: the handler
 * deadlocks or corrupts it.
 * Reported at the call in the handler that leads to the unsafe call (one
 * finding per such call, naming the nearest unsafe call it reaches), with
 * the install site and the unsafe call as related locations and the call
 * chain as a thread flow.
 * Not flagged: writes (a volatile sig_atomic_t flag); calls of the
 * async-signal-safe functions (write, _exit, sem_post, ...) and of the
 * pure ones (clocks, errno, atomics); SIG_IGN and SIG_DFL; library
 * functions the table does not know (a third-party library's call may
 * well be safe: silence over noise).
 * Limits: a handler stored in a struct sigaction reached through a
 * pointer other than the call's own argument, or chosen at run time from
 * a table the program fills in, is not found; branches are not
 * interpreted (an unsafe call on a path the handler never takes counts).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "model/model.h"
#include "rule.h"

/* How far a handler passed as a parameter is followed up to its callers. */
enum { PARAM_DEPTH = 4 };

typedef struct evvec { const cl_event **v; size_t n, cap; } evvec;

typedef struct sig_ctx {
    const cl_model *m;
    const cl_callgraph *cg;
    const cl_event **installed; /* per function: the call that installs it as a handler */
    evvec stores, installs;     /* of one body */
} sig_ctx;

/* Appends the events of subtree `n` that `want` accepts to `out`. */
static void collect(const cl_node *n, int (*want)(const sig_ctx *, const cl_event *),
                    const sig_ctx *c, evvec *out)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT && n->ev != NULL && want(c, n->ev))
        CL_VEC_PUSH(out, n->ev);
    collect(n->cond, want, c, out);
    for (size_t k = 0; k < n->nkids; k++)
        collect(n->kids[k], want, c, out);
}

static int is_install(const sig_ctx *c, const cl_event *e)
{
    const cl_callspec *cs = e->kind == CL_EV_CALL ? cl_callgraph_spec(c->cg, e) : NULL;
    return cs != NULL && (cs->flags & CL_CS_SIGNAL_INSTALL);
}

/* A write of a function pointer into a sa_handler or sa_sigaction member. */
static int is_handler_store(const sig_ctx *c, const cl_event *e)
{
    (void)c;
    if (e->kind != CL_EV_ACCESS || e->u.access.stored == NULL)
        return 0;
    const char *dot = strrchr(e->u.access.path, '.');
    return dot != NULL && (strcmp(dot, ".sa_handler") == 0 || strcmp(dot, ".sa_sigaction") == 0);
}

/* Whether a library call is not async-signal-safe. */
static int is_unsafe(const sig_ctx *c, const cl_event *e)
{
    const cl_callspec *cs = e->kind == CL_EV_CALL ? cl_callgraph_spec(c->cg, e) : NULL;
    return cs != NULL && !(cs->flags & (CL_CS_SIGNAL_SAFE | CL_CS_PURE));
}

/* Marks the functions value `v` (in function `f`) designates as handlers
 * installed by `at`: a function, a table's functions, or a parameter's
 * arguments at every call of `f` (up to `depth` callers away). */
static void mark(sig_ctx *c, const cl_value *v, size_t f, const cl_event *at, int depth)
{
    int k = cl_value_param(v);
    if (k >= 0 && depth > 0) {
        const cl_mfunc *mf = &c->cg->funcs.v[f];
        for (size_t i = 0; i < mf->nin; i++) {
            const cl_cg_edge *e = &c->cg->edges.v[mf->in[i]];
            const cl_value *a = cl_call_arg(e->call, k);
            if (a != NULL)
                mark(c, a, e->caller, e->call, depth - 1);
        }
        return;
    }
    size_t one;
    const size_t *fs;
    size_t n = cl_callgraph_values(c->cg, v, &one, &fs);
    for (size_t i = 0; i < n; i++)
        if (c->installed[fs[i]] == NULL)
            c->installed[fs[i]] = at;
}

/* Finds the handlers installed in function `f`. */
static void find_installs(sig_ctx *c, size_t f)
{
    const cl_node *body = c->cg->funcs.v[f].fn->body;
    c->installs.n = c->stores.n = 0;
    collect(body, is_install, c, &c->installs);
    if (c->installs.n > 0)
        collect(body, is_handler_store, c, &c->stores);
    for (size_t i = 0; i < c->installs.n; i++) {
        const cl_event *e = c->installs.v[i];
        const cl_callspec *cs = cl_callgraph_spec(c->cg, e);
        const cl_value *v = cl_call_arg(e, cs->func >= 0 ? cs->func : 1);
        if (v == NULL)
            continue;
        mark(c, v, f, e, PARAM_DEPTH);
        size_t len = v->kind == CL_VAL_ADDR && cs->func < 0 ? strlen(v->path) : 0;
        for (size_t s = 0; len > 0 && s < c->stores.n; s++) {
            const char *p = c->stores.v[s]->u.access.path;
            if (strncmp(p, v->path, len) == 0 && p[len] == '.')
                mark(c, c->stores.v[s]->u.access.stored, f, e, PARAM_DEPTH);
        }
    }
}

/* Reports call `site` of handler `h` leading to unsafe call `bad` in
 * function `g`; via[] holds the call-graph edge that reached each function. */
static void report(sig_ctx *c, cl_rule_ctx *ctx, size_t h, const cl_event *site,
                   const cl_event *bad, size_t g, const size_t *via)
{
    const cl_function *hf = c->cg->funcs.v[h].fn;
    const char *callee = bad->u.call.callee_name, *first = site->u.call.callee_name;
    cl_fb *b = cl_fb_begin(ctx, c->m, site->loc, hf->name);
    const char *fix = "only set a volatile sig_atomic_t flag (or write() to a pipe) in the "
                      "handler and do the work outside it";
    if (site == bad)
        cl_fb_message(b, "signal handler '%s' calls '%s', which is not async-signal-safe: the "
                      "signal may arrive while the program is inside it; %s", hf->name, callee, fix);
    else
        cl_fb_message(b, "signal handler '%s' calls '%s', which calls '%s' (at %s), not "
                      "async-signal-safe: the signal may arrive while the program is inside "
                      "it; %s", hf->name, first, callee, cl_fb_where(b, bad->loc), fix);
    cl_fb_key(b, "sig|%s|%s", hf->name, first);
    cl_fb_related(b, c->installed[h]->loc, "'%s' installed as a signal handler here", hf->name);
    if (site != bad)
        cl_fb_related(b, bad->loc, "'%s' called here", callee);
    /* The chain, from the handler down: collect it bottom-up, then emit. */
    const cl_event *chain[64];
    size_t n = 0;
    for (size_t f = g; f != h && via[f] != SIZE_MAX && n < 63; f = c->cg->edges.v[via[f]].caller)
        chain[n++] = c->cg->edges.v[via[f]].call;
    char who[256];
    snprintf(who, sizeof who, "signal handler '%s'", hf->name);
    cl_fb_flow_begin(b, who);
    for (size_t i = n; i-- > 0;)
        cl_fb_step(b, chain[i]->loc, "calls '%s'", chain[i]->u.call.callee_name);
    cl_fb_step(b, bad->loc, "calls '%s', not async-signal-safe", callee);
    cl_fb_emit(b);
}

/* Walks the call graph from handler `h` breadth-first and reports each of
 * its calls that leads to an unsafe call, with the nearest one. */
static void check_handler(sig_ctx *c, cl_rule_ctx *ctx, size_t h, size_t *via, size_t *queue,
                          unsigned char *seen)
{
    evvec bad = { NULL, 0, 0 }, done = { NULL, 0, 0 };
    size_t head = 0, tail = 0;
    queue[tail++] = h;
    seen[h] = 1;
    via[h] = SIZE_MAX;
    while (head < tail) {
        size_t f = queue[head++];
        const cl_mfunc *mf = &c->cg->funcs.v[f];
        bad.n = 0;
        collect(mf->fn->body, is_unsafe, c, &bad);
        for (size_t i = 0; i < bad.n; i++) {
            const cl_event *site = bad.v[i];
            for (size_t g = f; g != h; g = c->cg->edges.v[via[g]].caller)
                site = c->cg->edges.v[via[g]].call;
            size_t k = 0;
            while (k < done.n && done.v[k] != site)
                k++;
            if (k == done.n) {
                CL_VEC_PUSH(&done, site);
                report(c, ctx, h, site, bad.v[i], f, via);
            }
        }
        for (size_t i = 0; i < mf->nout; i++) {
            size_t g = c->cg->edges.v[mf->out[i]].callee;
            if (!seen[g]) {
                seen[g] = 1;
                via[g] = mf->out[i];
                queue[tail++] = g;
            }
        }
    }
    for (size_t i = 0; i < tail; i++)
        seen[queue[i]] = 0;
    free(bad.v);
    free(done.v);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    size_t n = m->cg.funcs.n;
    sig_ctx c = { m, &m->cg, cl_xcalloc(n + 1, sizeof(const cl_event *)), { NULL, 0, 0 },
                  { NULL, 0, 0 } };
    for (size_t f = 0; f < n; f++)
        find_installs(&c, f);
    size_t *via = cl_xcalloc(n + 1, sizeof *via), *queue = cl_xcalloc(n + 1, sizeof *queue);
    unsigned char *seen = cl_xcalloc(n + 1, 1);
    for (size_t h = 0; h < n; h++)
        if (c.installed[h] != NULL)
            check_handler(&c, ctx, h, via, queue, seen);
    free(via);
    free(queue);
    free(seen);
    free(c.installed);
    free(c.stores.v);
    free(c.installs.v);
}

static const char *const tags[] = { "concurrency", "signal", "reentrancy", NULL };
static const char *const cwe[] = { "CWE-479", "CWE-828", NULL };

const cl_rule cl015_signal_unsafe_call = {
    .id = "CL015",
    .name = "signal-unsafe-call",
    .short_desc = "A signal handler calls a function that is not async-signal-safe",
    .full_desc =
        "A function installed with signal() or sigaction() calls, directly or through "
        "project functions, a library function POSIX does not list as async-signal-safe "
        "(malloc, printf and the rest of stdio, syslog, pthread_mutex_lock, exit, ...). The "
        "signal can interrupt the program inside that same function, holding its lock or "
        "halfway through updating its data: the handler then deadlocks or corrupts it. "
        "Setting a volatile sig_atomic_t flag, write() and _exit() are safe.",
    .help_md =
        "## signal-unsafe-call (CL015)\n\n"
        "A signal handler runs in the middle of whatever the thread was doing. If that was "
        "`malloc` or `fprintf`, their locks are held and their data half-updated; a handler "
        "that calls them again deadlocks or corrupts the heap or the stream:\n\n"
        "```c\n"
        "static void on_term(int sig)\n"
        "{\n"
        "    log_msg(\"signal %d, shutting down\", sig);  /* malloc + fprintf inside */\n"
        "    stop = 1;\n"
        "}\n"
        "```\n\n"
        "**Fix**: in the handler, only set a `volatile sig_atomic_t` flag (or `write()` a "
        "byte to a self-pipe, `sem_post`) and do the logging and cleanup in the main loop "
        "when it sees the flag; end the process with `_exit`, not `exit`. POSIX lists the "
        "functions a handler may call (XSH 2.4.3, `man 7 signal-safety`).\n\n"
        "Library functions the analyzer does not know are not judged; the finding names "
        "the call in the handler and the unsafe call it leads to.",
    .default_level = CL_LEVEL_WARNING,
    .tags = tags,
    .cwe = cwe,
    .precision = "high",
    .security_severity = "5.0",
    .finish = finish,
    .callgraph_only = 1,
};
