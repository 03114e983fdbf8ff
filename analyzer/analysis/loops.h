/* loops.h - idle loops, a query on the flow engine (flow.h) and effects.h:
 * which loops of a function do work on an iteration that comes back to
 * their head, and which of them sleep; and the innermost such loop around
 * a program point, up its call chain.
 *
 * Work is what effects.h calls CL_FX_WORK: a write to a non-local object,
 * or a call that works (cl_effects_call). An iteration does work when a
 * path from the loop's head back to it did; paths that leave the loop do
 * not count. Work after a test of local variables only (a two-way branch
 * with no call in its condition) counts only if the same test goes the
 * same way again before the head: `if (have) {...} ... if (have) break;`.
 * A sleep is a call whose effects are CL_FX_SLEEPS without CL_FX_WORK (a
 * library sleep, or a call of sleep wrappers only). Clients: a poll loop
 * (an idle loop that sleeps and can end, CL003), a spin loop (an idle loop
 * that does not sleep).
 *
 *   cl_loops *l = cl_loops_new(&m->cg, fx);
 *   cl_loops_walk(l, func);
 *   size_t n;
 *   cl_loopinfo *v = cl_loops_all(l, &n);
 *   ... v[i].mark = !v[i].work && v[i].sleep;
 *   const cl_loopinfo *li = cl_loops_around(l, rec->ev, rec->frame, is_marked, NULL);
 *   cl_loops_free(l);
 *
 * Limits: two tests of the same locals are assumed to agree (the IR has no
 * polarity or assignments); loops nested deeper than CL_LOOPS_DEPTH in one
 * function count as working, as do loops calling a project function that
 * works anywhere or never returns; a sleep in a callee counts only through
 * a sleep wrapper.
 * Ownership: the query borrows the call graph and the effects context
 * (both must outlive it). Cost: one flow walk per function (no descents).
 */
#ifndef CL_ANALYSIS_LOOPS_H
#define CL_ANALYSIS_LOOPS_H

#include <stddef.h>

#include "analysis/callgraph.h"
#include "analysis/effects.h"
#include "model/model.h"

enum { CL_LOOPS_DEPTH = 8 }; /* loop nesting tracked per function */

/* A loop of a walked function. */
typedef struct cl_loopinfo {
    const cl_node *loop;
    size_t func;              /* the function holding it (index into cg->funcs) */
    const cl_event *sleep;    /* the first sleeping call in its body outside nested
                                 loops, or NULL */
    unsigned work : 1;        /* an iteration that came back to the head did work */
    unsigned mark : 7;        /* free for the client: 0 when recorded */
} cl_loopinfo;

typedef struct cl_loops cl_loops;

/* A query on `cg` using the summaries of `fx` (both borrowed). Never NULL
 * (aborts on OOM); free with cl_loops_free (NULL is fine). */
cl_loops *cl_loops_new(const cl_callgraph *cg, cl_effects *fx);
void cl_loops_free(cl_loops *l);

/* Records the loops of function `func` (index into cg->funcs); a function
 * already walked is not walked again. */
void cl_loops_walk(cl_loops *l, size_t func);

/* The loops recorded so far, in walk order (*n of them). Owned by `l`;
 * valid until the next cl_loops_walk. */
cl_loopinfo *cl_loops_all(cl_loops *l, size_t *n);

/* The innermost recorded loop around `ev` in its function for which
 * keep(ctx, loop) holds, else the same around each call on the chain of
 * `frame` (frame->call, then its parent's, up to the thread entry; frame
 * may be NULL). NULL when there is none. Uses the call graph's tree index. */
cl_loopinfo *cl_loops_around(cl_loops *l, const cl_event *ev, const cl_frame *frame,
                             int (*keep)(void *ctx, const cl_loopinfo *li), void *ctx);

#endif
