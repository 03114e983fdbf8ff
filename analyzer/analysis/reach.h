/* reach.h - which library call kinds code reaches: a function's body and,
 * through the call graph, every project function it may call. For
 * clients that walk or descend only where something of interest (a
 * spawn, a join, a semaphore wait) may happen.
 *
 * Kinds are sets of CL_REACH_BIT(cl_callkind) bits (callspec.h).
 * Ownership: the result arrays are the caller's; the call graph is
 * borrowed. Cost: one pass over every body plus a fixpoint over the call
 * graph's edges (cl_callgraph_to_callers).
 */
#ifndef CL_ANALYSIS_REACH_H
#define CL_ANALYSIS_REACH_H

#include "analysis/callgraph.h"

#define CL_REACH_BIT(k) (1ull << (unsigned)(k))

/* Per function (indexed like cg->funcs, plus one spare entry): the kinds
 * its body calls, directly or through the project functions it may call.
 * A heap array the caller frees; aborts on OOM. */
unsigned long long *cl_reach_new(const cl_callgraph *cg);

/* The kinds subtree `n` calls directly and, with `reach` (from
 * cl_reach_new; NULL: direct calls only), through project calls. */
unsigned long long cl_reach_in(const cl_callgraph *cg, const unsigned long long *reach,
                               const cl_node *n);

#endif
