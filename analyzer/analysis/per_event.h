/* per_event.h - actions (library calls of one kind: thread spawns, ...)
 * that run once per request or event with nothing bounding them on their
 * path: a flow domain (flow.h) built from events.h (which loops are event
 * loops, which functions are registered handlers), reach.h (where an
 * action or a bound may be) and bound.h (what bounds a path). For rules
 * about per-event resources (CL001: threads started per connection).
 *
 * The walk starts at each function that reaches an action (reach.h) and
 * is a handler (a registration, events.h) or holds an event loop that
 * reaches one, descending into calls that may reach an action, an undoing
 * call or a semaphore wait, or that change a bound (cl_bound_touches), up
 * to CL_PER_EVENT_MAX_DEPTH frames and 400000 nodes per walk. Per loop iteration
 * or handler call the state carries the actions started and not undone,
 * those started in this iteration, and what bounds the path (bound.h: a
 * semaphore slot, an admission branch testing a location written on the
 * path or claimed under a lock, the action's own object tested: `if
 * (!tid) pthread_create(&tid, ...)`). An action is a candidate when it
 * runs per event: the innermost event loop around it, in its function or
 * around a call on its chain, or else the walk's root is a handler. It is
 * confirmed when still pending at the head of that event loop (and not at
 * its entry), or at the exit of the handler; an undoing call (a join)
 * drops every pending action; the alternative of a branch testing the
 * action's result where it failed drops it; a write that advances a
 * counter a filtering branch of this iteration tested bounds the actions
 * since. Leaving a loop that is not an event loop, its failed condition
 * filters the path as an `if` that leaves would (`while (nlive >= MAX)
 * pthread_cond_wait(..); nlive++;` waits for a free slot); leaving a
 * function, its branches no longer filter the caller's path. A call into
 * a wrapper of the action (`wrappers`) is walked for itself: each call
 * that names what the wrapper passes on is a candidate of its own.
 *
 * Limits: any undoing call counts (not only the action's own object);
 * bound.h's limits; a call through a parameter has no callees; actions no
 * walk reaches are ignored.
 *
 * Ownership: the query borrows the call graph, the events and the
 * registrations; the candidates and their chains live in the result's
 * arena until cl_per_event_release.
 */
#ifndef CL_ANALYSIS_PER_EVENT_H
#define CL_ANALYSIS_PER_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/events.h"
#include "analysis/reach.h"
#include "util/arena.h"

/* What to look for. */
typedef struct cl_per_event_query {
    const cl_callgraph *cg;
    cl_events *ev;
    const cl_registration *reg;  /* per function: why it is a handler (events.h; known 0: none) */
    cl_callkind action;          /* the action's call kind (CL_CK_SPAWN) */
    unsigned long long undo;     /* CL_REACH_BIT of the kinds that undo every pending action */
    const uint64_t *wrappers;    /* per function, nonzero: a wrapper of the action (or NULL) */
} cl_per_event_query;

/* How many frames below a root the walks descend (a candidate's depth is
 * at most this). */
#define CL_PER_EVENT_MAX_DEPTH 6

/* A candidate: an action that runs once per event. */
typedef struct cl_per_event_cand {
    const cl_event *action;
    const cl_node *loop;  /* its event loop; NULL: once per call of handler fn[0] */
    size_t depth, *fn;    /* fn[0..depth]: from the loop's function to the action's */
    const cl_event **via; /* via[k]: the call into fn[k] (k >= 1) */
    int confirmed;        /* nothing bounds it: pending at its loop's head or handler's exit */
} cl_per_event_cand;

/* The candidates of a query, in the order the walks found them. */
typedef struct cl_per_event {
    struct { cl_per_event_cand *v; size_t n, cap; } cands;
    cl_arena arena;
} cl_per_event;

/* Runs query `q` into *out (overwritten). Aborts on OOM. Cost: one pass
 * over every body (reach.h, bound.h), then one memoized walk per root. */
void cl_per_event_find(const cl_per_event_query *q, cl_per_event *out);

/* Frees what cl_per_event_find made. */
void cl_per_event_release(cl_per_event *pe);

#endif
