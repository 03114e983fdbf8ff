/* engine_test.c - unit tests of the flow engine (analysis/flow.h) and the
 * call graph's tree queries, on C code parsed by the real frontend.
 *
 * The test domain tracks which marker calls `m(N)` happened: the bits that
 * must have happened on every path to a point (intersected where paths meet)
 * and those that may have (united), plus whether a marker ran inside a
 * loop. The exit state of each function then shows the engine's meaning of
 * goto, do-while(0), break, loops, noreturn calls and descents.
 */
#include <stdint.h>

#include "analysis/callgraph.h"
#include "analysis/effects.h"
#include "analysis/events.h"
#include "analysis/flow.h"
#include "analysis/reach.h"
#include "frontend/frontend.h"
#include "model/model.h"
#include "testutil.h"

typedef struct mstate {
    uint64_t must, may, in_loop;
} mstate;

static const void *m_join(cl_flow *f, const void *a, const void *b)
{
    const mstate *x = a, *y = b;
    mstate r = { x->must & y->must, x->may | y->may, x->in_loop | y->in_loop };
    return cl_flow_state(f, &r);
}

static const void *m_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *spec, const void *st, int *descend)
{
    (void)spec;
    const cl_call *c = &ev->u.call;
    if (c->callee_name != NULL && strcmp(c->callee_name, "m") == 0 && c->nargs == 1 &&
        c->args[0].kind == CL_VAL_INT) {
        mstate s = *(const mstate *)st;
        uint64_t bit = 1ull << (c->args[0].ival & 63);
        s.must |= bit;
        s.may |= bit;
        if (fr->in_loop > 0)
            s.in_loop |= bit;
        return cl_flow_state(f, &s);
    }
    if (descend != NULL)
        *descend = 1;
    return st;
}

static const char *SRC =
    "#include <stdlib.h>\n"
    "#include <sys/socket.h>\n"
    "void m(int);\n"
    "int c(void);\n"
    "void f_goto(int x) { if (x) goto out; m(1); out: m(2); }\n"
    "void f_once(void) { do { m(1); } while (0); m(2); }\n"
    "void f_once_break(int x) { do { if (x) break; m(1); } while (0); m(2); }\n"
    "void f_while(void) { while (c()) { m(1); } m(2); }\n"
    "void f_forever(void) { for (;;) { if (c()) break; m(1); } m(2); }\n"
    "void f_noreturn(int x) { if (x) { m(1); exit(1); } m(2); }\n"
    "void f_back(void) { again: m(1); if (c()) { m(3); goto again; } m(2); }\n"
    "static void sub(void) { m(3); }\n"
    "void f_descend(void) { if (c()) sub(); else sub(); }\n"
    "void f_dowhile(void) { do { m(1); } while (c()); }\n"
    "void f_where(int n) { for (int i = 0; i < n; i++) m(7); do { m(8); } while (0);\n"
    "  while (c()) { switch (n) { case 1: break; } m(10); }\n"
    "  while (c()) { if (n) return; m(11); } }\n"
    "void f_serve(int s) { for (int i = 0; i < 3; i++) m(5); while (c()) { accept(s, 0, 0); m(4); } }\n"
    "static void cb(void) { }\n"
    "void reg(void (*)(void));\n"
    "void f_reg(void) { reg(cb); }\n";

/* Program points carry the resolved lock and thread of their call. */
static const char *THREADS =
    "#include <pthread.h>\n"
    "static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;\n"
    "static int n;\n"
    "static void *work(void *a) { (void)a; pthread_mutex_lock(&mu); n++; pthread_mutex_unlock(&mu); return 0; }\n"
    "int main(void) { pthread_t t; pthread_create(&t, 0, work, 0); pthread_join(t, 0); return n; }\n";

static void test_points(t_ctx *t, cl_frontend *fe, const char *dir)
{
    char *file = write_in(dir, "threads.c", THREADS);
    cl_tu *tu = cl_frontend_summarize(fe, file, NULL, 0);
    CHECK_IN(t, tu != NULL && tu->parsed);
    if (tu == NULL) {
        free(file);
        return;
    }
    const cl_tu *tus[] = { tu };
    cl_model m;
    cl_model_build(&m, tus, 1, NULL, 0);
    CHECK_IN(t, m.threads.n == 2 && m.truncated.n == 0);
    int spawn = 0, join = 0, lock = 0, unlock = 0;
    for (size_t i = 0; i < m.calls.n; i++) {
        const cl_callrec *r = &m.calls.v[i];
        switch (r->spec->kind) {
        case CL_CK_SPAWN: spawn += r->target == 1 && r->thread == 0; break;
        case CL_CK_JOIN: join += r->target == 1 && r->thread == 0; break;
        case CL_CK_LOCK:
            lock += r->lock != SIZE_MAX && r->nlocks == 0 &&
                    strcmp(cl_model_path_display(&m, m.lock_names.v[r->lock]), "mu") == 0;
            break;
        case CL_CK_UNLOCK: unlock += r->lock != SIZE_MAX && r->nlocks == 1; break;
        default: break;
        }
    }
    CHECK_IN(t, spawn == 1 && join == 1 && lock == 1 && unlock == 1);
    /* every function exit of the worker is a point, with no lock held */
    int exits = 0;
    for (size_t i = 0; i < m.exits.n; i++)
        exits += m.exits.v[i].thread == 1 && m.exits.v[i].nlocks == 0;
    CHECK_IN(t, exits >= 1);
    /* the writers index: the worker's write of `n`, none for a made-up path */
    size_t nw = 0, nwrites = 0;
    const char *path = NULL;
    for (size_t i = 0; i < m.accesses.n; i++)
        if ((m.accesses.v[i].ev->u.access.flags & CL_ACC_WRITE) && m.accesses.v[i].thread == 1)
            path = m.accesses.v[i].path;
    for (size_t i = 0; path != NULL && i < m.accesses.n; i++)
        nwrites += (m.accesses.v[i].ev->u.access.flags & CL_ACC_WRITE) &&
                   strcmp(m.accesses.v[i].path, path) == 0;
    const size_t *ws = cl_model_writers(&m, path, &nw);
    CHECK_IN(t, path != NULL && nw == nwrites && nw >= 1 && m.accesses.v[ws[0]].thread == 1);
    for (size_t i = 1; i < nw; i++)
        CHECK_IN(t, ws[i - 1] < ws[i]);
    CHECK_IN(t, cl_model_writers(&m, "no such path", &nw) == NULL && nw == 0);
    /* effects: the worker works, main waits (its join); after the spawn,
     * main joins before it ends, with no loop around */
    cl_effects *e = cl_effects_new(&m.cg);
    const cl_callrec *spawn_rec = NULL, *join_rec = NULL;
    for (size_t i = 0; i < m.calls.n; i++) {
        if (m.calls.v[i].spec->kind == CL_CK_SPAWN)
            spawn_rec = &m.calls.v[i];
        if (m.calls.v[i].spec->kind == CL_CK_JOIN)
            join_rec = &m.calls.v[i];
    }
    CHECK_IN(t, spawn_rec != NULL && join_rec != NULL);
    if (spawn_rec != NULL && join_rec != NULL) {
        size_t main_fn = m.threads.v[0].entry;
        CHECK_IN(t, cl_effects_summary(e, m.threads.v[1].entry) & CL_FX_WORK);
        CHECK_IN(t, cl_effects_summary(e, main_fn) & CL_FX_WAITS);
        cl_fx_after a;
        cl_effects_after(e, spawn_rec->frame, spawn_rec->ev, main_fn, &a);
        CHECK_IN(t, !a.in_loop && !a.ends && cl_fx_after_has(&a, join_rec->ev) &&
                    !cl_fx_after_has(&a, spawn_rec->ev));
        cl_fx_after_release(&a);
    }
    cl_effects_free(e);
    cl_model_release(&m);
    cl_tu_free(tu);
    free(file);
}

typedef struct expect {
    const char *fn;
    uint64_t must, may, in_loop;
} expect;

static const cl_event *find_marker(const cl_node *n, long long v)
{
    if (n == NULL)
        return NULL;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL && n->ev->u.call.nargs == 1 &&
        n->ev->u.call.args[0].kind == CL_VAL_INT && n->ev->u.call.args[0].ival == v)
        return n->ev;
    const cl_event *e = find_marker(n->cond, v);
    for (size_t k = 0; e == NULL && k < n->nkids; k++)
        e = find_marker(n->kids[k], v);
    return e;
}

static int no_api(const void *ctx, const char *name)
{
    (void)ctx;
    (void)name;
    return 0;
}

/* Event loops and registrations: the marker after accept() is in an event
 * loop driven by accept, the one in the counting loop is in none; cb is
 * registered with reg(), f_serve with nothing. */
static void test_events(t_ctx *t, const cl_callgraph *cg)
{
    size_t serve = SIZE_MAX, cb = SIZE_MAX;
    for (size_t k = 0; k < cg->funcs.n; k++) {
        serve = strcmp(cg->funcs.v[k].fn->name, "f_serve") == 0 ? k : serve;
        cb = strcmp(cg->funcs.v[k].fn->name, "cb") == 0 ? k : cb;
    }
    CHECK_IN(t, serve != SIZE_MAX && cb != SIZE_MAX);
    if (serve == SIZE_MAX || cb == SIZE_MAX)
        return;
    cl_events *ev = cl_events_new(cg);
    const cl_node *body = cg->funcs.v[serve].fn->body;
    const cl_event *m4 = find_marker(body, 4), *m5 = find_marker(body, 5);
    const cl_node *loop = m4 != NULL ? cl_events_around(ev, m4) : NULL;
    const cl_callspec *src = NULL;
    CHECK_IN(t, loop != NULL && cl_events_loop(ev, loop, &src) && src != NULL &&
                    strcmp(src->name, "accept") == 0);
    CHECK_IN(t, m5 != NULL && cl_events_around(ev, m5) == NULL);
    cl_registration *reg = cl_events_registrations(ev, no_api, NULL);
    CHECK_IN(t, reg[cb].known && reg[cb].api != NULL && strcmp(reg[cb].api, "reg") == 0);
    CHECK_IN(t, !reg[serve].known);
    cl_arena a = { 0 };
    CHECK_IN(t, strcmp(cl_events_how(&reg[cb], &a), "registered with 'reg'") == 0);
    cl_arena_release(&a);
    /* Call kinds reached: the accept loop is the event loop that calls
     * accept's kind; no loop of f_serve reaches a spawn. */
    unsigned long long *reach = cl_reach_new(cg);
    unsigned long long acc = src != NULL ? CL_REACH_BIT(src->kind) : 0;
    CHECK_IN(t, (reach[serve] & acc) && !(reach[serve] & CL_REACH_BIT(CL_CK_SPAWN)));
    CHECK_IN(t, acc && cl_events_loop_in(ev, body, reach, acc) == loop);
    CHECK_IN(t, cl_events_loop_in(ev, body, reach, CL_REACH_BIT(CL_CK_SPAWN)) == NULL);
    free(reach);
    free(reg);
    cl_events_free(ev);
}

int main(void)
{
    t_ctx *t = t_all();
    char *dir = make_tmpdir("engine_test");
    char *file = write_in(dir, "prog.c", SRC);
    cl_frontend *fe = cl_frontend_new();
    cl_tu *tu = cl_frontend_summarize(fe, file, NULL, 0);
    CHECK_IN(t, tu != NULL && tu->parsed && tu->ndiags == 0);
    if (tu == NULL || !tu->parsed) {
        cl_tu_free(tu);
        cl_frontend_free(fe);
        return t_finish("engine_test", t);
    }
    const cl_tu *tus[] = { tu };
    cl_callgraph cg;
    cl_callgraph_build(&cg, tus, 1, NULL);
    cl_flow_domain dom = { .state_size = sizeof(mstate), .join = m_join, .call = m_call };
    const expect want[] = {
        { "f_goto", 1u << 2, (1u << 1) | (1u << 2), 0 },
        { "f_once", (1u << 1) | (1u << 2), (1u << 1) | (1u << 2), 0 },
        { "f_once_break", 1u << 2, (1u << 1) | (1u << 2), 0 },
        { "f_while", 1u << 2, (1u << 1) | (1u << 2), 1u << 1 },
        { "f_forever", 1u << 2, (1u << 1) | (1u << 2), 1u << 1 },
        { "f_noreturn", 1u << 2, 1u << 2, 0 },
        /* the goto back brings m(3) to the label: the body runs again */
        { "f_back", (1u << 1) | (1u << 2), (1u << 1) | (1u << 2) | (1u << 3), 0 },
        { "f_descend", 1u << 3, 1u << 3, 0 },
        { "f_dowhile", 1u << 1, 1u << 1, 1u << 1 },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        size_t fi = SIZE_MAX;
        for (size_t k = 0; k < cg.funcs.n; k++)
            if (strcmp(cg.funcs.v[k].fn->name, want[i].fn) == 0)
                fi = k;
        CHECK_IN(t, fi != SIZE_MAX);
        if (fi == SIZE_MAX)
            continue;
        cl_flow *f = cl_flow_new(&cg, &dom, NULL);
        mstate zero = { 0, 0, 0 };
        const mstate *out = cl_flow_run(f, fi, NULL, 0, cl_flow_state(f, &zero));
        int ok = out != NULL && out->must == want[i].must && out->may == want[i].may &&
                 out->in_loop == want[i].in_loop;
        if (!ok)
            fprintf(stderr, "%s: must %#llx may %#llx in_loop %#llx\n", want[i].fn,
                    out ? (unsigned long long)out->must : 0ull,
                    out ? (unsigned long long)out->may : 0ull,
                    out ? (unsigned long long)out->in_loop : 0ull);
        CHECK_IN(t, ok);
        const cl_flow_stats *st = cl_flow_get_stats(f);
        if (strcmp(want[i].fn, "f_back") == 0)
            CHECK_IN(t, st->back_gotos == 0 && st->unstable_loops == 0);
        if (strcmp(want[i].fn, "f_descend") == 0)
            CHECK_IN(t, st->descents == 2 && st->memo_hits == 1);
        cl_flow_free(f);
    }
    /* Tree queries: the marker in the counting loop has a loop around it,
     * the one in do-while(0) does not. */
    size_t where = SIZE_MAX;
    for (size_t k = 0; k < cg.funcs.n; k++)
        if (strcmp(cg.funcs.v[k].fn->name, "f_where") == 0)
            where = k;
    CHECK_IN(t, where != SIZE_MAX);
    if (where != SIZE_MAX) {
        const cl_node *body = cg.funcs.v[where].fn->body;
        const cl_event *m7 = find_marker(body, 7), *m8 = find_marker(body, 8);
        CHECK_IN(t, m7 != NULL && m8 != NULL);
        const cl_node *loop = cl_callgraph_enclosing(&cg, m7, CL_N_LOOP);
        CHECK_IN(t, loop != NULL && loop->bound == CL_LOOP_COUNTED);
        CHECK_IN(t, cl_callgraph_enclosing(&cg, m8, CL_N_LOOP) == NULL);
        CHECK_IN(t, cl_callgraph_parent(&cg, body) == NULL);
        /* a switch's break does not leave the loop, a return does */
        const cl_event *m10 = find_marker(body, 10), *m11 = find_marker(body, 11);
        CHECK_IN(t, m10 != NULL && m11 != NULL);
        if (loop != NULL && m10 != NULL && m11 != NULL) {
            CHECK_IN(t, !cl_callgraph_can_leave(&cg, loop) &&
                        !cl_callgraph_can_leave(&cg, cl_callgraph_enclosing(&cg, m10, CL_N_LOOP)) &&
                        cl_callgraph_can_leave(&cg, cl_callgraph_enclosing(&cg, m11, CL_N_LOOP)));
        }
    }
    test_events(t, &cg);
    cl_callgraph_release(&cg);
    cl_tu_free(tu);
    test_points(t, fe, dir);
    cl_frontend_free(fe);
    remove_tree(dir);
    free(file);
    free(dir);
    return t_finish("engine_test", t);
}
