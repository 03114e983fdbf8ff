/* cl015_signal_unsafe_call.c - CL015 signal-unsafe-call: a signal handler
 * that calls a function which is not async-signal-safe.
 *
 * What it finds: a function installed as a signal handler (`signal(sig,
 * h)`; `sigaction(sig, &sa, ..)` with `sa.sa_handler` or `sa.sa_sigaction`
 * set to `h` by an assignment or an initializer; a handler passed down
 * through a wrapper's parameter counts at the wrapper's callers) that
 * reaches, through any depth of project calls (the call graph, tables
 * included), a library function the callspec table knows and does not
 * mark async-signal-safe (POSIX.1-2017 XSH 2.4.3) nor pure: malloc,
 * stdio, syslog, pthread_mutex_lock, exit, ... The signal can arrive
 * while the program is inside that function, holding its lock or halfway
 * through its data: the handler deadlocks or corrupts it.
 * Reported at the handler's call that leads to it (one finding per such
 * call, naming the nearest unsafe call), with the install site and the
 * unsafe call as related locations and the call chain as a flow.
 * Not flagged: writes (a volatile sig_atomic_t flag); write, _exit and
 * the rest of POSIX's list; SIG_IGN, SIG_DFL; library functions the table
 * does not know (silence over noise); an unlock (its lock is the finding);
 * the branch a constant argument rules out in a callee (`cleanup(1)`).
 * Limits: a struct sigaction filled through another pointer is missed. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "model/model.h"
#include "rule.h"
#include "util/intern.h"

enum { PARAM_DEPTH = 4 }; /* how far a handler parameter is followed to callers */

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

/* Whether `e` is a library call with one of the callspec `flags` (none
 * of them when `without`). */
static int lib_call(const sig_ctx *c, const cl_event *e, unsigned flags, int without)
{
    const cl_callspec *cs = e->kind == CL_EV_CALL ? cl_callgraph_spec(c->cg, e) : NULL;
    return cs != NULL && ((cs->flags & flags) != 0) != without;
}

static int is_install(const sig_ctx *c, const cl_event *e)
{
    return lib_call(c, e, CL_CS_SIGNAL_INSTALL, 0);
}

/* A write of a function pointer into a sa_handler or sa_sigaction member
 * (by the spelled name: the members are in a union, whose members the
 * path does not name, ir.h "Access paths"). */
static int is_handler_store(const sig_ctx *c, const cl_event *e)
{
    (void)c;
    if (e->kind != CL_EV_ACCESS || e->u.access.stored == NULL || e->u.access.name == NULL)
        return 0;
    const char *n = e->u.access.name, *m = n + strlen(n);
    while (m > n && (isalnum((unsigned char)m[-1]) || m[-1] == '_'))
        m--;
    return m > n && (m[-1] == '.' || m[-1] == '>') &&
           (strcmp(m, "sa_handler") == 0 || strcmp(m, "sa_sigaction") == 0);
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

/* A function reached from a handler with the integer constants its call
 * passed to its first parameters (a bit per parameter in `known`). */
enum { NCONST = 8 };
typedef struct reached {
    size_t func, from;          /* from: the item whose call reached it (SIZE_MAX: the handler) */
    const cl_event *call;
    unsigned known;
    long long val[NCONST];
} reached;

typedef struct hwalk {
    sig_ctx *c;
    cl_rule_ctx *ctx;
    struct { reached *v; size_t n, cap; } q;
    cl_blobmap seen;            /* reached items without `from` and `call` */
    cl_arena keys;
    evvec done;                 /* the handler's calls already reported */
} hwalk;

/* Queues `func` reached by `call` from item `from`, unless reached so already. */
static void push(hwalk *w, size_t func, size_t from, const cl_event *call)
{
    reached r;
    memset(&r, 0, sizeof r); /* padding too: the struct is a map key */
    r.func = func;
    for (size_t k = 0; call != NULL && k < call->u.call.nargs && k < NCONST; k++)
        if (call->u.call.args[k].kind == CL_VAL_INT) {
            r.known |= 1u << k;
            r.val[k] = call->u.call.args[k].ival;
        }
    int added;
    cl_blob_lookup(&w->seen, &w->keys, &r, sizeof r, &added);
    r.from = from, r.call = call;
    if (added)
        CL_VEC_PUSH(&w->q, r);
}

/* Reports unsafe call `bad` reached in item `i`: at the handler's call
 * that leads to it, once per callee of the handler (three dbgprintf calls
 * are one finding), with the chain as a flow. */
static void report(hwalk *w, size_t i, const cl_event *bad)
{
    const cl_event *chain[64];
    size_t n = 0;
    for (size_t j = i; w->q.v[j].from != SIZE_MAX && n < 64; j = w->q.v[j].from)
        chain[n++] = w->q.v[j].call;
    const cl_event *site = n > 0 ? chain[n - 1] : bad;
    for (size_t k = 0; k < w->done.n; k++) /* one finding per callee of the handler */
        if (strcmp(w->done.v[k]->u.call.callee_name, site->u.call.callee_name) == 0)
            return;
    CL_VEC_PUSH(&w->done, site);
    sig_ctx *c = w->c;
    size_t h = w->q.v[0].func;
    const char *hname = c->cg->funcs.v[h].fn->name, *callee = bad->u.call.callee_name;
    cl_fb *b = cl_fb_begin(w->ctx, c->m, site->loc, hname);
    const char *fix = "only set a volatile sig_atomic_t flag (or write() to a pipe) in the "
                      "handler and do the work outside it";
    if (site == bad)
        cl_fb_message(b, "signal handler '%s' calls '%s', which is not async-signal-safe: the "
                      "signal may arrive while the program is inside it; %s", hname, callee, fix);
    else
        cl_fb_message(b, "signal handler '%s' calls '%s', which calls '%s' (at %s), not "
                      "async-signal-safe: the signal may arrive while the program is inside "
                      "it; %s", hname, site->u.call.callee_name, callee, cl_fb_where(b, bad->loc), fix);
    cl_fb_key(b, "sig|%s|%s", hname, site->u.call.callee_name);
    cl_fb_related(b, c->installed[h]->loc, "'%s' installed as a signal handler here", hname);
    if (site != bad)
        cl_fb_related(b, bad->loc, "'%s' called here", callee);
    char who[256];
    snprintf(who, sizeof who, "signal handler '%s'", hname);
    cl_fb_flow_begin(b, who);
    for (size_t k = n; k-- > 0;)
        cl_fb_step(b, chain[k]->loc, "calls '%s'", chain[k]->u.call.callee_name);
    cl_fb_step(b, bad->loc, "calls '%s', not async-signal-safe", callee);
    cl_fb_emit(b);
}

/* Walks subtree `n` of item `i`'s function: reports its unsafe calls and
 * queues the project functions it calls. */
static void visit(hwalk *w, size_t i, const cl_node *n)
{
    if (n == NULL)
        return;
    const cl_event *e = n->kind == CL_N_EVENT ? n->ev : NULL;
    if (e != NULL && e->kind == CL_EV_CALL) {
        const cl_callspec *cs = cl_callgraph_spec(w->c->cg, e);
        if (cs != NULL && cs->kind != CL_CK_UNLOCK && /* the lock before it is the finding */
            lib_call(w->c, e, CL_CS_SIGNAL_SAFE | CL_CS_PURE, 1)) {
            report(w, i, e);
        } else if (cs == NULL) {
            size_t one;
            const size_t *fs;
            size_t nf = cl_callgraph_callees(w->c->cg, e, &one, &fs);
            for (size_t k = 0; k < nf; k++)
                push(w, fs[k], i, e);
        }
        return;
    }
    visit(w, i, n->cond);
    unsigned p = n->kind == CL_N_BRANCH && n->nkids == 2 ? n->x->test_param : 0;
    int only = p > 0 && p <= NCONST && (w->q.v[i].known >> (p - 1) & 1u)
                   ? !cl_test_holds(n->x->test_op, n->x->test_value, w->q.v[i].val[p - 1]) : -1;
    for (size_t k = 0; k < n->nkids; k++)
        if (only < 0 || (size_t)only == k)
            visit(w, i, n->kids[k]);
}

/* Walks the call graph from handler `h` breadth-first, each function once
 * per set of constant arguments, and reports each of the handler's calls
 * that leads to an unsafe call, with the nearest one. */
static void check_handler(sig_ctx *c, cl_rule_ctx *ctx, size_t h)
{
    hwalk w;
    memset(&w, 0, sizeof w);
    w.c = c;
    w.ctx = ctx;
    push(&w, h, SIZE_MAX, NULL);
    for (size_t i = 0; i < w.q.n; i++)
        visit(&w, i, c->cg->funcs.v[w.q.v[i].func].fn->body);
    free(w.q.v);
    free(w.done.v);
    cl_blob_release(&w.seen);
    cl_arena_release(&w.keys);
}

static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    size_t n = m->cg.funcs.n;
    sig_ctx c = { m, &m->cg, cl_xcalloc(n + 1, sizeof(const cl_event *)), { NULL, 0, 0 },
                  { NULL, 0, 0 } };
    for (size_t f = 0; f < n; f++)
        find_installs(&c, f);
    for (size_t h = 0; h < n; h++)
        if (c.installed[h] != NULL)
            check_handler(&c, ctx, h);
    free(c.installed);
    free(c.stores.v);
    free(c.installs.v);
}

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
        "static void on_term(int sig) { log_msg(\"signal %d\", sig); stop = 1; } /* malloc */\n"
        "```\n\n"
        "**Fix**: in the handler, only set a `volatile sig_atomic_t` flag (or `write()` a "
        "byte to a self-pipe, `sem_post`) and do the logging and cleanup in the main loop "
        "when it sees the flag; end the process with `_exit`, not `exit`. POSIX lists the "
        "functions a handler may call (XSH 2.4.3, `man 7 signal-safety`).\n\n"
        "Library functions the analyzer does not know are not judged.",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "signal", "reentrancy"),
    .cwe = CL_STRINGS("CWE-479", "CWE-828"),
    .precision = "high",
    .security_severity = "5.0",
    .finish = finish,
    .callgraph_only = 1,
};
