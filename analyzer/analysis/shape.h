/* shape.h - structural questions about function bodies and the call graph
 * that rules ask without a walk: is a call's result tested, does a call
 * run only in some alternative of a branch, do two calls lie in different
 * alternatives of one, does an object have two spellings in one body, may
 * a function call itself.
 *
 * The answers read only the IR trees and the call graph's edges (no flow,
 * no thread model), so they hold on every path and in every context.
 * Ownership: every function borrows its arguments.
 */
#ifndef CL_ANALYSIS_SHAPE_H
#define CL_ANALYSIS_SHAPE_H

#include "analysis/callgraph.h"

/* Start blocks: a spawn's start argument that points to an object the
 * spawning function filled in with the routine to run and its argument,
 * for a trampoline that calls through it (`sb->fn = fn; sb->arg = arg;
 * pthread_create(&t, NULL, trampoline, sb)`; model/threads.c follows it).
 * cl_shape_block_root: whether `v` points to a whole object of its
 * function that can be one (a heap block it allocated or a local:
 * "H<fn>#sb@12", "L<fn>#blk"; not a member or an element).
 * cl_shape_block_member: the member step (".fn") when raw path `path` is
 * a member of the object at raw path `root` ("<root>.fn"), else NULL.
 * cl_shape_block_param: whether body `n` stores its parameter `k` into a
 * function-pointer member of the start block of one of its spawn calls
 * whose start routine calls through that member, outside loops only (it
 * starts the function it is given as a thread; called in a loop, the
 * function is a callback the thread runs per event). Cost: the subtree,
 * twice, and the start routines' bodies. */
int cl_shape_block_root(const cl_value *v);
const char *cl_shape_block_member(const char *root, const char *path);
int cl_shape_block_param(const cl_callgraph *cg, const cl_node *n, size_t k);

/* How start routine body `n` calls through member `member` (".fn") of
 * the block its parameter points to (a callee "P0.fn->"): 0 never, 1
 * only outside loops (the routine the thread runs), -1 inside a loop too
 * (a callback it runs per event: `for (;;) { c = accept(..);
 * d->on_conn(c); }`). Cost: the body. */
int cl_shape_calls_member(const cl_node *n, const char *member);

/* How a spawn wrapper reports its spawn in its result (`if
 * (start_thread(&t, fn, arg) != 0) { cleanup; }` in its caller): `spawn`,
 * its one spawn call (outside loops), and `ok`, the values it returns on
 * the paths where that spawn succeeded (integer constants, or the spawn's
 * own result, 0). A caller's alternative that none of them takes is a
 * path where the wrapper started no thread. */
typedef struct cl_spawn_report {
    const cl_event *spawn; /* NULL: the function reports no spawn */
    size_t nok;
    long long ok[4];
} cl_spawn_report;

/* The report of function body `n` (cl_spawn_report): a spawn call of the
 * library table, the only one, not in a loop; every return reached after
 * it, except in the alternative of a branch on its result where it
 * failed, returns an integer constant or the spawn's result; no label.
 * Otherwise out->spawn is NULL. Cost: the body. */
void cl_shape_spawn_report(const cl_callgraph *cg, const cl_node *n, cl_spawn_report *out);

/* Whether subtree `n` (NULL: none) has a branch or loop that tests the
 * result of call event `ev` (cl_node.test_call). Cost: the subtree. */
int cl_shape_tested(const cl_node *n, const cl_event *ev);

/* Whether call `ev` runs only in some alternative of a branch or switch
 * of its function (its condition aside). Cost: the depth of its node. */
int cl_shape_under_branch(const cl_callgraph *cg, const cl_event *ev);

/* Whether call `ev` runs in an alternative of a branch of its function
 * whose condition reads a location, not a local, that the same
 * alternative writes (`if (!started) { started = 1; spawn(); }`): a
 * one-shot flag, the alternative runs again only if something resets it,
 * and no function of the program (the thread that clears it when done, a
 * reset helper the loop calls) writes the location elsewhere. Locations
 * through a parameter are named after it in a callee, so a reset through
 * a pointer is not seen. Cost: every function body. */
int cl_shape_sets_tested(const cl_callgraph *cg, const cl_event *ev);

/* Whether events `a` and `b` of one function lie in different
 * alternatives of one branch or switch: their nearest common ancestor
 * (among the 64 innermost ancestors of `a`) is one. The two orders of an
 * address-ordered `if (a < b) { lock a; lock b; } else { ... }`. Cost:
 * the product of their depths. */
int cl_shape_split_by_branch(const cl_callgraph *cg, const cl_event *a, const cl_event *b);

/* Whether the object spelled `name` in call arguments of subtree `n`
 * (address values with that name) has two different access paths;
 * `*first` (NULL on entry) receives the first path seen. A pointer the
 * function reassigns (`cur = cur->next` in a hand-over-hand traversal)
 * has several: a walk cannot name the object one way. Cost: the subtree. */
int cl_shape_respelled(const cl_node *n, const char *name, const char **first);

/* Whether function `f` (an index into cg->funcs) may call itself, directly
 * or through others: a depth-first search of the call graph's edges.
 * Cost: the functions and edges reachable from `f`. Aborts on OOM. */
int cl_shape_recursive(const cl_callgraph *cg, size_t f);

/* Whether subtree `n` (NULL: none) or a node inside it (its condition,
 * its kids) satisfies `match` (given `arg`): preorder, stops at the first
 * match. Cost: the subtree. */
int cl_shape_any(const cl_node *n, int (*match)(const cl_node *, const void *), const void *arg);

/* Whether subtree `n` (NULL: none; its callees aside) writes raw path
 * `path`. Cost: the subtree. */
int cl_shape_writes(const cl_node *n, const char *path);

/* Thread handles in a function body `body` (CL011): whether the handle at
 * raw path `handle` is read with no call taking it on that line (`s->tid =
 * tid`: the handle is copied away). */
int cl_shape_handle_copied(const cl_node *body, const char *handle);
/* Whether a loop of `body` holds both the spawn `spawn` and the return
 * node `ret`: the function gives up in the middle of starting threads. */
int cl_shape_left_midway(const cl_node *body, const cl_event *spawn, const cl_node *ret);
/* Whether a node of `body` tests the result of `call` together with
 * something else (`fd >= 0 && pthread_create(..) == 0`): a walk cannot
 * tell the call's failure side. */
int cl_shape_compound_test(const cl_node *body, const cl_event *call);
/* Whether an `if` or `switch` of `body` has `ev` in one of its
 * alternatives, or comes before it (by line) with a `return` inside and
 * tests no call's result (`if (!t->running) return;`): `ev` may run only
 * in some state of the program. */
int cl_shape_guarded(const cl_node *body, const cl_event *ev);

#endif
