/* effects.h - what a path does, a query on the flow engine (flow.h): the
 * effects of a function from its entry (its summary, memoized per
 * function), and what the paths after a point in a thread do, walked up
 * the point's call chain frame by frame.
 *
 * Effects: CL_FX_WORK, a write to a non-local object or a call that works
 * (a library call other than sleeps, locks, unlocks and signals; a project
 * callee that works; a call with no known target); CL_FX_SLEEPS, a sleep;
 * CL_FX_WAITS, a loop, a join, a blocking wait or cancel, pthread_exit;
 * CL_FX_ENDS, a call that ends the process (exit, abort). A function that
 * never returns, or calls itself back, works and waits.
 *
 *   cl_effects *e = cl_effects_new(&m->cg);
 *   if (cl_effects_summary(e, func) & CL_FX_WORK) ...
 *   cl_fx_after a;
 *   cl_effects_after(e, rec->frame, rec->ev, root_main, &a);
 *   if (!a.in_loop && cl_fx_after_has(&a, read->ev)) ...
 *   cl_fx_after_release(&a);
 *   cl_effects_free(e);
 */
#ifndef CL_EFFECTS_H
#define CL_EFFECTS_H

#include <stddef.h>

#include "analysis/callgraph.h"
#include "model/model.h"
#include "util/intern.h"

enum { CL_FX_WORK = 2, CL_FX_SLEEPS = 4, CL_FX_WAITS = 8, CL_FX_ENDS = 16 };

typedef struct cl_effects cl_effects;

/* A query context on `cg` (borrowed; must outlive it). */
cl_effects *cl_effects_new(const cl_callgraph *cg);
void cl_effects_free(cl_effects *e);

/* Whether access event `ev` writes a non-local object (not an 'L' path). */
int cl_effects_shared_write(const cl_event *ev);

/* The effects (CL_FX_*) of call event `ev` with callspec `cs` (NULL for a
 * project or unknown callee: the union of its callees' summaries). */
unsigned cl_effects_call(cl_effects *e, const cl_event *ev, const cl_callspec *cs);

/* The effects of function `func` (index into cg->funcs) from its entry. */
unsigned cl_effects_summary(cl_effects *e, size_t func);

/* What the paths after a point do (project callees by their summaries). */
typedef struct cl_fx_after {
    cl_blobmap seen;          /* reads and calls after the point (cl_fx_after_has) */
    int in_loop;              /* a loop encloses the point in a walked frame, or a
                                 backward goto there brings a path that worked or
                                 waited after the point back to it (the walk stops
                                 at that frame) */
    int ends;                 /* with a `root`: a path after it ends function `root`,
                                 or the process, without waiting first */
} cl_fx_after;

/* Walks the paths after `at`, a call in the innermost function of `frame`,
 * then after each call on the chain (frame->call) up to the thread entry,
 * stopping at a frame where a loop encloses the point. `root`: the
 * function whose ends count (e.g. main() of a root thread), or SIZE_MAX.
 * Fills *out; release it with cl_fx_after_release. */
void cl_effects_after(cl_effects *e, const cl_frame *frame, const cl_event *at, size_t root,
                      cl_fx_after *out);

/* Whether event `ev` (an access or a call) comes after the point. */
int cl_fx_after_has(cl_fx_after *a, const cl_event *ev);
void cl_fx_after_release(cl_fx_after *a);

#endif
