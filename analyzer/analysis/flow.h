/* flow.h - the flow engine: one walker over the IR for the model and every
 * rule (docs/architecture.md, "The engine").
 *
 * A client plugs an abstract domain into the walker: an entry state, a
 * transfer function at each event, a refinement at each branch, a join
 * where paths meet, and hooks at calls and function exits. The walker owns
 * the meaning of control flow, the same for every client:
 *   - SEQ runs its children in order; BRANCH and SWITCH run one
 *     alternative each and join the results (the client may refine the
 *     state entering each alternative, e.g. "trylock succeeded here"); an
 *     `if` that tests an integer constant (`if (1)`, what glibc's
 *     pthread_cleanup_pop(1) expands to; a const global with a constant
 *     initializer, `if (!debug)`) runs only the alternative taken;
 *     alternatives are walked in order, except that a branch on the
 *     result of setjmp walks the one where it returned 0 first, so a
 *     client can enter the other in the state of the longjmps seen;
 *   - LOOP iterates to a fixpoint (at most CL_FLOW_LOOP_ROUNDS rounds,
 *     then the last round is taken as it is and the loop is counted as
 *     unstable); the loop's events are published only on its last round;
 *     `for(;;)`/`while (1)` leave only through `break`, `return` or `goto`;
 *     counting loops (CL_LOOP_CONST, CL_LOOP_COUNTED) are taken to run at
 *     least once; `do { } while (0)` (CL_LOOP_ONCE) is not a loop: its body
 *     runs once and `break`/`continue` leave it; a do-while runs its body
 *     before the first test;
 *   - `break` and `continue` go to the innermost loop (or switch, for
 *     `break`); `return` ends the path and its state reaches the function
 *     exit; `goto L` carries its state to the label L later in the
 *     function; a goto back to an earlier label (a retry written with a
 *     label) carries its state back to the label: when that adds to what
 *     reached the label, the body runs once more (both runs published; a
 *     third would-be run is counted as an unstable loop); a computed goto
 *     ends the path, and is counted;
 *   - calls: a call to a library function (or any function without a body
 *     in the project) is the client's transfer, except that the client may
 *     descend into the routine of a pthread_once/call_once; a call to project code is
 *     either a transfer too or, when the client asks, a descent into every
 *     function the call graph says it may call (direct, or through
 *     function pointers stored in tables and globals), with the results
 *     joined; calls the library table marks noreturn (exit, abort,
 *     pthread_exit, longjmp, ...) end the path after the client saw them;
 *   - descents are memoized per walk by (callee, the client's frame key,
 *     whether a loop encloses the call, entry state), so a function is
 *     walked once per distinct calling context; a recursive call (the
 *     callee is already on the stack) is walked from the join of its state
 *     and the state the innermost invocation of the callee on the stack
 *     was entered in (an over-approximation of both), so the contexts of a
 *     recursion climb the lattice and soon meet one on the stack; a call
 *     whose context is one on the stack is taken to change nothing.
 *
 * States are immutable and interned by the walk (cl_flow_state): equal
 * states are the same pointer, so equality is pointer equality and memo
 * keys are words. NULL is the unreachable state (bottom). A client makes a
 * new state by copying the bytes of the old one, changing them and
 * interning the result; sets inside a state must themselves be interned
 * (cl_flow_intern) so that equal sets have equal bytes.
 *
 * Budget: a walk has a step budget (cl_flow_opts.max_steps). When it runs
 * out, the walk does not stop: from then on it no longer descends into
 * calls and runs every loop once, so the rest of each function on the
 * stack is still walked, and cl_flow_truncated() says the walk was cut.
 * The caller reports that (SARIF toolExecutionNotifications, --stats);
 * nothing is dropped in silence. Call depth is bounded the same way
 * (CL_FLOW_MAX_DEPTH: deeper calls are transfers, counted in
 * cl_flow_stats.depth_cuts, which the caller reports too).
 *
 * Cost: linear in the size of the walked bodies times the number of
 * distinct (callee, frame key, state) contexts, times at most
 * CL_FLOW_LOOP_ROUNDS per loop nesting level.
 *
 * Threads: one walk is used by one thread at a time; separate walks share
 * nothing but the read-only program.
 */
#ifndef CL_FLOW_H
#define CL_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/callgraph.h"
#include "analysis/callspec.h"
#include "ir/ir.h"
#include "util/arena.h"

enum {
    CL_FLOW_LOOP_ROUNDS = 3, /* fixpoint rounds before a loop counts as unstable */
    CL_FLOW_MAX_DEPTH = 128, /* frames below the walk's entry */
    /* A call through a member the walk cannot follow to its object calls
     * the functions stored into that member of that struct type anywhere
     * (cl_callgraph_member), when there are at most this many: more is a
     * dispatch table (redis's `cmd->proc`, hundreds of commands), whose
     * every call would descend into all of them. */
    CL_FLOW_MEMBER_CALLEES = 2
};

typedef struct cl_flow cl_flow;

/* One function invocation on the walk's stack. */
typedef struct cl_flow_frame cl_flow_frame;
struct cl_flow_frame {
    const cl_flow_frame *parent; /* NULL at the walk's entry */
    const cl_event *call;        /* the call in the parent; NULL at the entry */
    size_t func;                 /* index into the call graph's functions */
    const void *data;            /* the client's per-invocation data (e.g.
                                    parameter bindings); from `enter` */
    unsigned in_loop;            /* loops enclosing the current point of this
                                    frame, in this and every caller frame */
    unsigned depth;              /* frames above this one (0 at the entry) */
};

/* Where a branch refinement applies (cl_flow_domain.branch). */
enum {
    CL_FLOW_LOOP_BODY = -1, /* entering a loop's body (its condition held) */
    CL_FLOW_LOOP_EXIT = -2  /* leaving a loop because its condition failed */
};

/* A handler a dispatch runs (cl_flow_domain.handlers): the function, the
 * client's token for it, and the state it starts from (NULL: the
 * dispatch's; the client's own, e.g. what the event that wakes it
 * acquires). */
typedef struct cl_flow_handler {
    size_t func;
    size_t token;
    const void *entry;
} cl_flow_handler;

typedef struct cl_flow_domain {
    size_t state_size;      /* bytes of one state, > 0 */
    void *ctx;              /* the client's context, passed back as cl_flow_ctx() */
    /* Join of two reachable states where paths meet (both interned; the
     * result interned). Required. */
    const void *(*join)(cl_flow *f, const void *a, const void *b);
    /* Transfer at an access or function-reference event. NULL: identity. */
    const void *(*event)(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                         const void *st);
    /* Transfer at a call. `spec` is the library table's entry for the
     * callee (NULL for project functions and unknown library functions).
     * Return the state after the call, or set *descend to walk the callees
     * the call graph knows (then the return value is ignored). `descend` is
     * NULL when there is nothing to descend into: a library call (other
     * than pthread_once/call_once, whose routine is the callee), no known
     * callee, the depth bound or the exhausted budget; the return value is
     * then the state after the call (NULL: the path ends there, as after
     * a noreturn call). NULL hook: calls are identity. */
    const void *(*call)(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                        const cl_callspec *spec, const void *st, int *descend);
    /* Refines the state entering alternative `kid` of BRANCH/SWITCH node
     * `n` (after its condition ran), or a loop's body / exit (kid
     * CL_FLOW_LOOP_BODY / CL_FLOW_LOOP_EXIT); a NULL result: the
     * alternative cannot run on this path. NULL hook: identity. */
    const void *(*branch)(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                          const void *st);
    /* Before descending into `callee` from `caller` at `call`: returns the
     * callee frame's data (living as long as the walk, e.g. allocated in
     * cl_flow_scratch) and appends to the
     * memo key, with cl_flow_key, every word the data depends on. `outer`
     * is the innermost frame of `callee` already on the stack (a recursive
     * call), else NULL: the client widens its data against outer->data
     * (e.g. binds a parameter to what the outer invocation bound it to)
     * so that a recursion meets a context on the stack. NULL hook: frames
     * carry no data. */
    const void *(*enter)(cl_flow *f, const cl_flow_frame *caller, const cl_event *call,
                         size_t callee, const cl_flow_frame *outer);
    /* Right after `enter`, when the memo answered the call (nothing is
     * walked): `data`, what that `enter` returned, is never used, and the
     * client may take back what it allocated for it. NULL: nothing. */
    void (*discard)(cl_flow *f, const void *data);
    /* The path a function pointer's value `path` (a parameter's object:
     * "P0->.fn->") names in the frame `fr`, in terms of globals (as the
     * client binds parameters, e.g. to the thread's argument), or NULL;
     * the engine looks the callees of a call through it up again there
     * when the call graph found none (cl_flow_values). NULL: none. */
    const char *(*resolve)(cl_flow *f, const cl_flow_frame *fr, const char *path);
    /* At each `return` (node `ret`) and at the end of a body (`ret` NULL),
     * on published passes only. NULL: nothing. */
    void (*on_exit)(cl_flow *f, const cl_flow_frame *fr, const cl_node *ret, const void *st);
    /* When a function's walk is complete: may change the exit state (e.g.
     * forget threads joined on some path) and returns a summary pointer
     * the walk keeps with the memo entry. NULL: exit state unchanged. */
    const void *(*leave)(cl_flow *f, const cl_flow_frame *fr, const void **exit_state);
    /* After a descent into a callee returned (or a memo hit), in the
     * caller: `summary` is what `leave` returned for that walk. NULL:
     * nothing. */
    void (*returned)(cl_flow *f, const cl_flow_frame *caller, const cl_event *call,
                     size_t callee, const void *summary);
    /* At a loop's entry (`done` 0, `head` the entry state) and after its
     * fixpoint (`done` 1, `head` the state at the loop head on the last
     * round). Not called for CL_LOOP_ONCE, nor for a memoized loop. NULL:
     * nothing. */
    void (*loop)(cl_flow *f, const cl_flow_frame *fr, const cl_node *loop, int done,
                 const void *head);
    /* The state leaving a loop by any way (its condition failed, or a
     * `break`: the join of those), before it goes on; not called for
     * CL_LOOP_ONCE. Returns the refined state (e.g. "the spin loop took
     * its lock"). NULL hook: identity. */
    const void *(*loop_out)(cl_flow *f, const cl_flow_frame *fr, const cl_node *loop,
                            const void *out);
    /* The state a `break` out of a loop, a `continue` or a `goto` carries
     * to its target (before it is joined there). NULL hook: identity. */
    const void *(*jump)(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, const void *st);
    /* Speculative publishing of a loop's first round. Most loops are
     * stable at once (the state after one round, joined with the entry,
     * is the entry), and then the first round is the last: with this hook
     * the engine publishes the first round (`what` CL_FLOW_SPEC_BEGIN
     * before it), then says CL_FLOW_SPEC_KEEP when it was stable (what it
     * published stands, and the loop is not walked again) or
     * CL_FLOW_SPEC_UNDO when not: the client then removes every program
     * point it published since the matching BEGIN, and the engine goes on
     * with unpublished fixpoint rounds and a published last round. Pairs
     * nest like the loops; an UNDO also covers what inner pairs kept.
     * Only publishing (program points) may depend on cl_flow_publishing;
     * states must not. NULL hook: no speculation (every loop's fixpoint
     * rounds are unpublished and its last round is walked again). */
    void (*speculate)(cl_flow *f, int what);
    /* At a call the library table marks as an event loop's dispatch
     * (CL_CK_EV_DISPATCH), after `call`: the handlers that loop runs, from
     * state `st`, as *out (n entries, the client's until its next call of
     * this hook). The engine walks them as calls of the dispatch, again
     * and again from the join of the states they leave (a loop: one
     * handler at a time, in any order, any number of times) until neither
     * the state nor the number of handlers changes, at most
     * CL_FLOW_LOOP_ROUNDS rounds; the state after the dispatch is that
     * join. While `enter` runs for handler i, cl_flow_handler() is its
     * token, so that the client binds the handler's parameters. NULL
     * hook: a dispatch runs nothing. */
    size_t (*handlers)(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev, const void *st,
                       const cl_flow_handler **out);
} cl_flow_domain;

enum { CL_FLOW_SPEC_BEGIN, CL_FLOW_SPEC_KEEP, CL_FLOW_SPEC_UNDO };

typedef struct cl_flow_opts {
    size_t max_steps;       /* step budget of the walk; 0: no limit */
} cl_flow_opts;

/* Walk statistics, for --stats and notifications. */
typedef struct cl_flow_stats {
    size_t steps;           /* nodes visited */
    size_t descents;        /* function bodies walked */
    size_t memo_hits;
    size_t unstable_loops;  /* loops cut at CL_FLOW_LOOP_ROUNDS */
    size_t back_gotos;      /* computed gotos (path ended) */
    size_t depth_cuts;      /* calls not descended: CL_FLOW_MAX_DEPTH */
    size_t budget_cuts;     /* calls not descended: step budget exhausted */
} cl_flow_stats;

/* Makes a walk over the program `cg` (borrowed; must outlive the walk)
 * with domain `dom` (copied). Never fails (aborts on OOM). Free with
 * cl_flow_free. */
cl_flow *cl_flow_new(const cl_callgraph *cg, const cl_flow_domain *dom, const cl_flow_opts *opts);

/* Releases the walk and every state, key and scratch allocation it made.
 * `f` may be NULL. */
void cl_flow_free(cl_flow *f);

/* Walks the body of function `func` (an index into cg) from state `entry`
 * (interned, or NULL) with frame data `data` (borrowed), as an entry of
 * the walk (no parent frame; `in_loop` loops enclose it). Returns the
 * state at the function's exit (joined over its returns and its end),
 * after `leave`; NULL when no path leaves it. */
const void *cl_flow_run(cl_flow *f, size_t func, const void *data, unsigned in_loop,
                        const void *entry);

/* The interned copy of a state of the domain's state_size bytes: equal
 * bytes give the same pointer for the life of the walk. */
const void *cl_flow_state(cl_flow *f, const void *bytes);

/* The interned copy of any byte string (sets inside states); NULL for
 * len 0. */
const void *cl_flow_intern(cl_flow *f, const void *bytes, size_t len);

/* A set of words inside a state (ids, interned pointers): sorted, without
 * duplicates, interned by the walk, so equal sets have equal pointers and
 * a state holding one stays comparable as bytes. {NULL, 0} is empty. */
typedef struct cl_flow_set {
    const uintptr_t *v;
    size_t n;
} cl_flow_set;

/* a | b when `keep` is 1, a \ b when it is 0; interned. O(|a| + |b|). */
cl_flow_set cl_flow_set_merge(cl_flow *f, cl_flow_set a, cl_flow_set b, int keep);

/* a | {x}, interned. */
cl_flow_set cl_flow_set_add(cl_flow *f, cl_flow_set a, uintptr_t x);

/* Whether x is in s. O(log |s|). */
int cl_flow_set_has(cl_flow_set s, uintptr_t x);

/* The functions value `v`, seen in frame `fr`, may designate; *out is
 * borrowed (or `one`). A parameter passed on unchanged (`&P<k>`: a
 * callback handed down) is the argument its caller's call gave for it, up
 * the frames, so a call through a callback parameter, or a pthread_once
 * routine a wrapper forwards, goes to the function this invocation was
 * given (cl_callgraph_values for what is left). The walk uses it for such
 * calls. Limit: the engine's memo key of a call does not hold the
 * callbacks it passes (keying them all cost knot 3.2M steps and cut its
 * main walk); a client adds those that matter to it in `enter` (the thread
 * walk: callbacks that may start threads). Otherwise a second call of one
 * function with another callback, from the same state, reuses the first's
 * result. */
size_t cl_flow_values(const cl_flow *f, const cl_flow_frame *fr, const cl_value *v, size_t *one,
                      const size_t **out);

/* Sets the values the walk's entry function is given for its parameters
 * (`args`, `n` of them; borrowed until the next call; NULL: none) for the
 * cl_flow_run calls that follow. A call through such a parameter (passed
 * on unchanged, at any depth) then goes to the function its value
 * designates (cl_flow_values): a thread's start routine that calls the
 * function it was given as its argument (`pthread_create(&t, NULL,
 * trampoline, (void *)worker)`). Only function values are used. */
void cl_flow_entry_args(cl_flow *f, const cl_value *args, size_t n);

/* Sets the functions the walk's entry function reaches through the
 * function pointers at raw paths paths[0..n) ("P0.fn->": a member of the
 * object its parameter points to) for the cl_flow_run calls that follow:
 * a call in the entry function (not in its callees) whose callee is one
 * of those pointers goes to funcs[i] (a CL_VAL_FUNC). A thread's start
 * routine that runs what its creator stored in a start block
 * (`sb->fn(sb->arg)`, cl_thread.block). Both arrays are borrowed until
 * the next call; NULL paths: none. */
void cl_flow_entry_calls(cl_flow *f, const char *const *paths, const cl_value *const *funcs,
                         size_t n);

/* Appends a word to the memo key being built (only inside `enter`). */
void cl_flow_key(cl_flow *f, uintptr_t word);

/* The walk's scratch arena: released with the walk. */
cl_arena *cl_flow_scratch(cl_flow *f);

/* The domain's ctx. */
void *cl_flow_ctx(const cl_flow *f);

/* Whether events are published now: 0 on a loop's fixpoint rounds before
 * the last, except a first round published speculatively
 * (cl_flow_domain.speculate); clients record program points and findings
 * only when 1. */
int cl_flow_publishing(const cl_flow *f);

/* The innermost loop enclosing the current point in the current function
 * (NULL outside loops); valid inside hooks. */
const cl_node *cl_flow_loop(const cl_flow *f);

/* Whether the step budget ran out at some point of this walk. */
int cl_flow_truncated(const cl_flow *f);

/* The walk's counters. */
const cl_flow_stats *cl_flow_get_stats(const cl_flow *f);

/* The indirect calls the walk met (with a call hook) whose callee it
 * resolved to no function at all: the walk went on past them as past a
 * library call, blind to what the callee does. Each call event once, in
 * the order first met; *n gets the count. The array belongs to the walk
 * (valid until the next call into it or cl_flow_free). */
const cl_event *const *cl_flow_unresolved_calls(const cl_flow *f, size_t *n);

/* Copies the innermost `n` frames of the chain ending at `fr` (n at most
 * fr->depth + 1) into arena `a`, for clients that keep a point's call
 * chain past the walk (frames live only during it): (*funcs)[0..n) the
 * functions, outermost first; (*calls)[k] the call into (*funcs)[k] (NULL
 * for the walk's entry). Aborts on OOM. */
void cl_flow_chain(const cl_flow_frame *fr, size_t n, cl_arena *a, size_t **funcs,
                   const cl_event ***calls);

/* The call graph the walk runs over. */
const cl_callgraph *cl_flow_graph(const cl_flow *f);

/* The state frame `fr`'s body was entered in (for a recursive call, the
 * join it was walked from; NULL: unreachable). Valid while the frame is
 * (during the walk), for clients that keep facts relative to a
 * function's entry (RELAY's relative locksets). */
const void *cl_flow_entry_state(const cl_flow_frame *fr);

/* Inside the `enter` hook of a handler a dispatch runs: that handler's
 * token (cl_flow_handler); SIZE_MAX in every other `enter`. */
size_t cl_flow_handler_token(const cl_flow *f);

#endif
