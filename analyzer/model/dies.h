/* dies.h - calls that always end the process.
 *
 * A call dies when every function it may call, run with the call's integer
 * constant arguments, ends the process on every path: each path reaches a
 * library call that ends the process (exit, _exit, abort, ...; callspec
 * CL_CS_ENDS_PROCESS) or a call that dies in turn. Branches that test a
 * parameter against a constant (cl_node test_param) follow the argument's
 * value when the call passes a constant (`bug_end(0, 0)` with
 * `if (!by_signal) abort();`). A crash handler (assert, panic) is the usual
 * case: what it does on its way out runs while the process dies, so the
 * thread walk does not walk it (see threads.c).
 */
#ifndef CL_DIES_H
#define CL_DIES_H

#include "analysis/callgraph.h"
#include "util/arena.h"
#include "util/strmap.h"

/* Does call event `call` always end the process? `memo` caches the answer
 * per callee and constant arguments; its keys are allocated in `keys`
 * (both owned by the caller, which must keep `keys` alive as long as
 * `memo`). Conservative: a loop, a switch, a path that may return or jump,
 * an unknown callee or one deeper than a fixed bound does not die. */
int cl_call_dies(const cl_callgraph *cg, const cl_event *call, cl_strmap *memo, cl_arena *keys);

#endif
