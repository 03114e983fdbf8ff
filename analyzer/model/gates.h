/* gates.h - start gates of thread entries: the shape of an entry that
 * takes a lock its creator holds across the spawn, then leaves at once,
 * doing nothing else, where a global tells it to.
 *
 *   static void *probe(void *arg) {
 *       struct probe *p = arg;
 *       pthread_mutex_lock(&p->gate);          // the gate
 *       if (run_state == RUN_CANCELLED) {       // the gate's test
 *           pthread_mutex_unlock(&p->gate);
 *           return NULL;                        // inert exit
 *       }
 *       ...                                     // runs only where the test failed
 *
 * The creator decides by the value the global has when it opens the gate:
 * the thread walk (threads.c) drops such a thread where its creator's
 * path, after opening the gate, finds the test would send it home
 * (all-or-nothing pool starts; fio's idle profiler, which opens its
 * threads' gates with "abort" or "calibration only" set).
 *
 * The scan is syntactic, over the entry's own top-level statements: a
 * lock call (not a trylock) on a path through the first parameter or on a
 * global, then one or more `if`s in a row, each testing a global against
 * an integer constant, with one alternative that releases locks and leaves
 * (a `return` of a constant or of nothing, or a `goto` to a tail that
 * does no work: cl_effects). A later lock at the top level starts another
 * gate (a thread that first calibrates, then waits to be told whether to
 * measure); anything else between the lock and its tests ends the gate, as
 * does work on the side of a test that goes on.
 */
#ifndef CL_MODEL_GATES_H
#define CL_MODEL_GATES_H

#include <stddef.h>

#include "analysis/callgraph.h"
#include "analysis/effects.h"
#include "ir/ir.h"

typedef struct cl_gate {
    /* The lock's access path as the entry spells it ("P0.gate",
     * "P0->.init_lock" or a global "G<usr>..."). */
    const char *lock;
    /* Past the gate the thread runs only where `var op value` holds
     * (`var` a global's path, "G<usr>" or "G<usr>.member"). */
    const char *var;
    cl_test_op op;
    long long value;
    /* The gate's lock is the entry's first lock call: nothing the thread
     * does comes before it. */
    unsigned first : 1;
} cl_gate;

/* The gates of function `func` (an index into cg->funcs), in body order,
 * into *out (heap; the caller frees it). Returns the count (0: none, *out
 * NULL). `fx` answers whether a callee in an exit's tail does work. */
size_t cl_gates_scan(const cl_callgraph *cg, cl_effects *fx, size_t func, cl_gate **out);

/* Whether lock paths `a` and `b` name the same member of the same array
 * once subscripts are ignored ("Gp[$L..!1].gate" and "Gp[$L..!3].gate",
 * a lock taken per element in a spawn loop and released per element in a
 * later loop), except two different constant subscripts ("[0]", "[2]"). */
int cl_gate_same_lock(const char *a, const char *b);

#endif
