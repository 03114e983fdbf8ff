/* events.h - code that runs once per request or event: event loops (which
 * loops wait for the next request, and in which library call) and
 * callbacks registered with a library or stored for later calls.
 *
 * Event loop: for(;;)/while (1), or a loop with a run-time condition that
 * calls an event source (CL_CS_EVENT_SOURCE) directly or through project
 * calls. A counting loop is none, nor a walk along a list already built
 * (cl_node.walks_list: one thread per configured service, whose logging
 * helper happens to read a control socket). The source named is the best one the loop
 * reaches (a blocking wait such as accept/recv over a readiness poll), first
 * in tree order among equals.
 * Registration: a function passed to a configured registration function, to
 * a library function that is not a spawn, once or CL_CS_CALLS_BACK routine,
 * or to a project function that neither calls that parameter itself nor
 * stores it in the start block of its spawn (shape.h); its
 * address taken and stored at run time; named in a global initializer of a
 * program without main() (a library's handler table, called by its host)
 * or of a table the program hands to a library function the library
 * table does not know (`serve(&handlers)`; qsort or memcpy of a table calls
 * none of its functions).
 * A table of a program with main() is called by the program itself (a test
 * runner's cases, a module table read at start-up): whether it runs per
 * event is for the call graph to say.
 *
 * Ownership: the query borrows the call graph (it must outlive it).
 * Cost: one pass over every body plus a fixpoint over the call graph's edges.
 */
#ifndef CL_ANALYSIS_EVENTS_H
#define CL_ANALYSIS_EVENTS_H

#include "analysis/callgraph.h"

typedef struct cl_events cl_events;

/* Builds the per-function event sources of `cg`. Never NULL (aborts on OOM);
 * free with cl_events_free. */
cl_events *cl_events_new(const cl_callgraph *cg);
void cl_events_free(cl_events *ev);

/* Whether `loop` (a CL_N_LOOP node) is an event loop; *src (may be NULL)
 * receives its event source, NULL for an endless loop without one.
 * Memoized per loop. */
int cl_events_loop(cl_events *ev, const cl_node *loop, const cl_callspec **src);

/* The innermost event loop around `e` in its function, or NULL. */
const cl_node *cl_events_around(cl_events *ev, const cl_event *e);

/* The first event loop in subtree `n` (a function body; outer loops
 * first, then tree order; loop conditions are not searched) that calls
 * one of the call `kinds` (reach.h bits), directly or through project
 * calls by `reach` (from cl_reach_new); NULL if none. */
const cl_node *cl_events_loop_in(cl_events *ev, const cl_node *n, const unsigned long long *reach,
                                 unsigned long long kinds);

/* Why a function runs as a callback: known 0 (it is not one known), 1 (a
 * registration), 2 (a client's choice: its name matches a configured
 * handler pattern); loc (the registration; file NULL: a global
 * initializer) and api (the registering function's name, NULL when
 * stored). */
typedef struct cl_registration {
    int known;
    cl_loc loc;
    const char *api;
} cl_registration;

/* The first registration of every function (indexed like cg->funcs, plus
 * one spare entry), in order of the bodies and then the global
 * initializers. `configured(ctx, name)` says whether a call's callee is a
 * configured registration function (it then registers any function it is
 * passed). Returns a heap array the caller frees. */
cl_registration *cl_events_registrations(const cl_events *ev,
                                         int (*configured)(const void *ctx, const char *name),
                                         const void *ctx);

/* How `r` (known != 0) makes its function run per event, for messages:
 * "registered with 'api'", "stored as a callback", "registered in a global
 * initializer" or "matches a configured handler pattern". Allocated in
 * `a` (or static). */
const char *cl_events_how(const cl_registration *r, cl_arena *a);

#endif
