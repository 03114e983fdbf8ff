/* gates.c - start gates of thread entries (gates.h). */
#include "model/gates.h"

#include <stdlib.h>
#include <string.h>

#include "analysis/callspec.h"
#include "model/model.h"

/* The lock path of call event `ev` when it takes a lock (not a trylock),
 * else NULL. */
static const char *lock_taken(const cl_callgraph *cg, const cl_event *ev)
{
    const cl_callspec *cs = cl_callgraph_spec(cg, ev);
    if (cs == NULL || cs->kind != CL_CK_LOCK)
        return NULL;
    const cl_value *v = cl_call_arg(ev, cs->obj);
    if (v == NULL || v->kind != CL_VAL_ADDR || v->path == NULL)
        return NULL;
    return v->path[0] == 'G' || strncmp(v->path, "P0", 2) == 0 ? v->path : NULL;
}

/* Whether event `ev` does nothing another thread could see: an access to
 * a local, a release of a lock, a call whose callees do no work. */
static int quiet_event(const cl_callgraph *cg, cl_effects *fx, const cl_event *ev)
{
    if (ev->kind == CL_EV_ACCESS)
        return ev->u.access.path != NULL && ev->u.access.path[0] == 'L';
    if (ev->kind != CL_EV_CALL)
        return 1;
    const cl_callspec *cs = cl_callgraph_spec(cg, ev);
    if (cs != NULL && cs->kind == CL_CK_UNLOCK)
        return 1;
    return !(cl_effects_call(fx, ev, cs) & (CL_FX_WORK | CL_FX_ENDS));
}

/* Whether tree `n` only has quiet events (no branch, loop or jump). */
static int quiet_tree(const cl_callgraph *cg, cl_effects *fx, const cl_node *n)
{
    if (n == NULL)
        return 1;
    if (n->kind == CL_N_EVENT)
        return quiet_event(cg, fx, n->ev);
    if (n->kind != CL_N_SEQ)
        return 0;
    for (size_t i = 0; i < n->nkids; i++)
        if (!quiet_tree(cg, fx, n->kids[i]))
            return 0;
    return 1;
}

/* Whether the top-level statements of `body` from the one after label
 * `label` to the function's end are quiet, ending in a return. */
static int quiet_tail(const cl_callgraph *cg, cl_effects *fx, const cl_node *body, const char *label)
{
    size_t i = 0;
    while (i < body->nkids && !(body->kids[i]->kind == CL_N_LABEL && body->kids[i]->x->label != NULL &&
                                strcmp(body->kids[i]->x->label, label) == 0))
        i++;
    for (i++; i < body->nkids; i++) {
        const cl_node *k = body->kids[i];
        if (k->kind == CL_N_RETURN)
            return quiet_tree(cg, fx, k->cond);
        if (k->kind != CL_N_LABEL && !quiet_tree(cg, fx, k))
            return 0;
    }
    return 0;
}

/* Whether alternative `alt` leaves the thread doing nothing: quiet
 * statements, then a return or a goto to a quiet tail of `body`. */
static int inert_exit(const cl_callgraph *cg, cl_effects *fx, const cl_node *body, const cl_node *alt)
{
    if (alt->kind != CL_N_SEQ || alt->nkids == 0)
        return 0;
    for (size_t i = 0; i + 1 < alt->nkids; i++)
        if (!quiet_tree(cg, fx, alt->kids[i]))
            return 0;
    const cl_node *last = alt->kids[alt->nkids - 1];
    if (last->kind == CL_N_RETURN)
        return quiet_tree(cg, fx, last->cond);
    return last->kind == CL_N_GOTO && last->x->label != NULL && quiet_tail(cg, fx, body, last->x->label);
}

size_t cl_gates_scan(const cl_callgraph *cg, cl_effects *fx, size_t func, cl_gate **out)
{
    const cl_node *body = cg->funcs.v[func].fn->body;
    *out = NULL;
    if (body == NULL || body->kind != CL_N_SEQ)
        return 0;
    size_t n = 0, cap = 0;
    const char *lock = NULL;
    int first = 0, busy = 0;
    for (size_t i = 0; i < body->nkids; i++) {
        const cl_node *k = body->kids[i];
        const char *taken = k->kind == CL_N_EVENT && k->ev->kind == CL_EV_CALL ? lock_taken(cg, k->ev) : NULL;
        if (taken != NULL) {
            lock = taken;
            first = !busy;
            busy = 1;
            continue;
        }
        int inert = -1;
        if (lock != NULL && k->kind == CL_N_BRANCH && k->nkids == 2 && k->x->test_global != NULL &&
            k->x->test_op != CL_TEST_NONE) {
            int a = inert_exit(cg, fx, body, k->kids[0]), b = inert_exit(cg, fx, body, k->kids[1]);
            inert = a != b ? a : -1;
        }
        if (inert < 0) {
            lock = NULL;
            busy |= !quiet_tree(cg, fx, k);
            continue;
        }
        const char *gate = lock;
        /* (work on the side that goes on ends the gate's tests: a later
         * test comes after that work) */
        if (!quiet_tree(cg, fx, k->kids[inert ? 1 : 0]))
            lock = NULL;
        if (n == cap) {
            cap = cap ? 2 * cap : 4;
            cl_gate *v = realloc(*out, cap * sizeof *v);
            if (v == NULL)
                abort();
            *out = v;
        }
        /* The thread goes on in the other alternative: where the test
         * fails when the then-branch is the exit, else where it holds. */
        cl_gate g = { gate, k->x->test_global, inert ? cl_test_negate(k->x->test_op) : k->x->test_op,
                      k->x->test_value, (unsigned)first };
        (*out)[n++] = g;
    }
    return n;
}

int cl_gate_same_lock(const char *a, const char *b)
{
    const char *pa = a, *pb = b;
    while (*pa != '\0' && *pb != '\0') {
        if (*pa != *pb)
            return 0;
        if (*pa == '[') {
            pa = strchr(pa, ']');
            pb = strchr(pb, ']');
            if (pa == NULL || pb == NULL)
                return 0;
            continue;
        }
        pa++, pb++;
    }
    /* (two constant elements must be the same one) */
    return *pa == *pb && !cl_path_distinct_elements(a, b);
}
