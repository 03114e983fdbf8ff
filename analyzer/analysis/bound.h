/* bound.h - is an action done per request or event bounded on the path
 * that reaches it: a part of a flow domain (flow.h) that a client embeds
 * in its state and updates from its hooks. For rules that ask whether
 * something done once per event (a spawn, an allocation, an enqueue) is
 * limited by an admission check on its path.
 *
 * A cl_bound carries, since the client last started a fresh iteration
 * (cl_bound_iteration):
 *   - sem: a counting semaphore was taken on every path (also in the loop
 *     condition, or in a wrapper the client descends into);
 *   - guards: the branches that filtered the path (not every alternative
 *     of the branch reaches here), each with the shared locations its
 *     condition tests;
 *   - wr: the tested shared locations written on the path;
 *   - claims: shared locations written under a lock inside a filtering
 *     branch of the same function (`if (n < MAX) n++`); a later branch on
 *     a local or on a project function's result (`if (!try_admit())
 *     continue;`) stands for a test of them;
 *   - locks: the depth of locks held.
 * The path is bounded (cl_bound_holds) when the semaphore was taken, or a
 * filtering branch tests a location written on the path (`if (live >= MAX)
 * return; live++`, a one-shot flag) or the action's own object (`if (!tid)
 * pthread_create(&tid, ...)`). A test of an object allocated in this
 * iteration filters nothing (`c = calloc(..); conns = c; if (!c->started)`
 * is always taken): tested locations through such a pointer are dropped.
 *
 * Locations are shared access paths ('G' globals, 'P' through parameters)
 * named by small ids; those some branch condition of the program tests get
 * theirs in cl_bound_new.
 * A write through a parameter of a callee (a setter, `set_state(job,
 * CREATED)`) names the object the call passed, frame by frame up to the
 * walk's entry (a client descends into a setter's caller only for what
 * else it touches: one level of setter is seen, `mark_created(j)` calling
 * `set_state(j, ..)` is not).
 * Limits: an admission test is not checked against a limit, nor the slot
 * given back; a branch on a local after any claim counts as testing it;
 * a test in a callee of what its parameter points to is not rewritten for
 * the caller (only writes are).
 *
 * Ownership: the context borrows the call graph (it must outlive it). The
 * sets of a cl_bound are interned in the client's walk (cl_flow_intern),
 * so a cl_bound is plain words (no padding) the client copies into its
 * interned state; it is valid for the life of that walk.
 */
#ifndef CL_ANALYSIS_BOUND_H
#define CL_ANALYSIS_BOUND_H

#include "analysis/callgraph.h"
#include "analysis/flow.h"

typedef struct cl_bound_ctx cl_bound_ctx;

typedef struct cl_bound {
    cl_flow_set guards;  /* interned guard records (bound.c) */
    cl_flow_set wr;      /* location ids written */
    cl_flow_set claims;  /* location ids claimed */
    long locks;          /* locks held */
    long sem;            /* 1: a semaphore slot was taken on every path */
    cl_flow_set fresh;   /* ids of shared pointers that, on every path, hold an
                          * object allocated in this iteration (`conns = c`
                          * after `c = calloc(..)`) */
} cl_bound;

/* Indexes the locations every branch condition of `cg` (borrowed) tests
 * and what each function's own body touches. Never NULL (aborts on OOM);
 * free with cl_bound_free. Cost: one pass over every body. */
cl_bound_ctx *cl_bound_new(const cl_callgraph *cg);
void cl_bound_free(cl_bound_ctx *bc);

/* Whether the body of function `func` (an index into cg->funcs) itself,
 * not its callees, may change a cl_bound: it takes a lock or writes a
 * global some branch tests. A client that descends only where needed
 * descends into these. */
int cl_bound_touches(const cl_bound_ctx *bc, size_t func);

/* Where two paths meet: locations and claims of either path, the guards
 * passed on both (with the alternatives of both), the fewer locks, a
 * semaphore only when both took one. */
cl_bound cl_bound_join(cl_flow *f, const cl_bound *a, const cl_bound *b);

/* A fresh iteration of `loop` (a CL_N_LOOP): nothing filtered, written or
 * claimed yet; the locks held carry over; sem is set when the loop's
 * condition takes a semaphore slot. */
cl_bound cl_bound_iteration(const cl_bound_ctx *bc, const cl_bound *b, const cl_node *loop);

/* Transfers at access event `ev` in frame `fr` (a write to a shared
 * location is recorded, and claimed under a lock in a filtering branch of
 * the same function). Returns whether *b changed. */
int cl_bound_event(cl_bound_ctx *bc, cl_flow *f, cl_bound *b, const cl_flow_frame *fr,
                   const cl_event *ev);

/* Transfers at a library call with spec `cs` (may be NULL): locks,
 * unlocks, semaphore waits. */
void cl_bound_call(cl_bound *b, const cl_callspec *cs);

/* Refines *b entering alternative `kid` (>= 0) of BRANCH/SWITCH node `n`
 * in frame `fr`: the branch filters the path when its condition tests a
 * shared location (or, after a claim, a local or a project function's
 * result), or a local under a lock. For a LOOP node `n` and kid n->nkids:
 * the path left the loop with its condition false (`while (nlive >= MAX)
 * wait(..)`), which filters it the same way. */
void cl_bound_branch(cl_bound_ctx *bc, cl_flow *f, cl_bound *b, const cl_flow_frame *fr,
                     const cl_node *n, int kid);

/* Leaving function `func`: its branches no longer filter the caller's
 * path; the loops it waited in until their condition failed still do (a
 * helper that returns once a slot is free admits its caller). */
void cl_bound_leave(cl_flow *f, cl_bound *b, size_t func);

/* Whether write event `ev` steps (reads and writes: `n++`, `n += k`) a
 * location that a filtering branch on the path tests, or sets it to what
 * is not zero (a constant other than 0, a pointer other than NULL): the
 * path's own admission counter or one-shot flag, written after the action
 * it admits (`if (started >= MAX) continue; spawn(); started++;`, `if
 * (!started) { spawn(); started = 1; }`, `if (pool == NULL) pool =
 * pool_start();`). An action done on the path since that branch is then
 * bounded too. */
int cl_bound_counts(cl_bound_ctx *bc, const cl_bound *b, const cl_event *ev);

/* Whether the path is bounded for an action on `object` (the value passed
 * as the action's object, e.g. the spawn's handle; may be NULL). */
int cl_bound_holds(cl_bound_ctx *bc, const cl_bound *b, const cl_value *object);

#endif
