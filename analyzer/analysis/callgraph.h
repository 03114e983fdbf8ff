/* callgraph.h - the linked program: functions merged by USR across
 * translation units, the library table for calls to functions without a
 * body, and the call graph with callers and callees.
 *
 * Functions. Every function with a body in a project file, first
 * definition wins; each non-static `main` is its own program (a compile
 * database may hold several executables) and is keyed by its file too.
 *
 * Callees of a call event: the function its USR names; for an indirect
 * call, every function the pointer may hold:
 *   - a function designator held in a local (`fn = handler; fn()`);
 *   - a table: every function named in the initializer of the global or
 *     local the pointer is loaded from (`handlers[i](...)`, a global
 *     function pointer `void (*hook)(void) = f;`);
 *   - a field: every function stored into a field of that name anywhere in
 *     the program (`s->on_message = cb` ... `s->on_message(s)`: points-to
 *     by field name, the usual approximation where no better information
 *     exists; see Milanova et al., "Precise call graphs for C programs with
 *     function pointers", 2004).
 * Calls to functions without a body are classified by the library table
 * (callspec.h) plus configured wrappers.
 *
 * Ownership: the graph borrows the TU summaries (they must outlive it) and
 * owns everything else (its arena).
 */
#ifndef CL_CALLGRAPH_H
#define CL_CALLGRAPH_H

#include <pthread.h>
#include <stddef.h>

#include "analysis/callspec.h"
#include "ir/ir.h"
#include "util/arena.h"
#include "util/intern.h"
#include "util/strmap.h"

/* An edge of the call graph: call event `call` in function `caller` may
 * call `callee` (indices into cg->funcs). */
typedef struct cl_cg_edge {
    size_t caller, callee;
    const cl_event *call;
} cl_cg_edge;

/* A call event's library table entry (NULL: none) and, for a direct
 * call, the function its USR names (SIZE_MAX: none in the program). */
typedef struct cl_call_facts {
    const cl_callspec *spec;
    size_t callee;
} cl_call_facts;

/* A function with a body, merged across TUs. */
typedef struct cl_mfunc {
    const cl_function *fn;
    const cl_tu *tu;
    size_t ncallsites;        /* direct call sites in the program that call it */
    unsigned addr_taken : 1;  /* used as a value anywhere (callback, table) */
    unsigned spawned : 1;     /* named as the start routine of a spawn call */
    /* The programs whose code reaches it (bit i: cg->mains.v[i], bit 63
     * also the later ones): calls and functions named as values, from
     * each main; 0 when none does. */
    uint64_t programs;
    /* Edges out of and into this function: cg->edges.v[i] for i in the
     * index lists (sorted by event order in the caller). */
    size_t nout, nin;
    const size_t *out, *in;
} cl_mfunc;

typedef struct cl_idvec {
    size_t *v;
    size_t n, cap;
} cl_idvec;

/* A function storing its parameter `param` into member `field` (a
 * cl_value.field: `l->cb = cb`). */
typedef struct param_store {
    size_t func, param;
    const char *field;
} param_store;

/* Function `func` stored into the member of table `table` by code of
 * function `site` (SIZE_MAX: a global's initializer). */
typedef struct member_site {
    size_t table, func, site;
} member_site;

typedef struct cl_callgraph {
    cl_arena arena;
    const cl_callspecs *specs;    /* configured wrappers; may be NULL */
    const cl_tu *const *tus;
    size_t ntus;
    struct { cl_mfunc *v; size_t n, cap; } funcs;
    cl_strmap func_by_usr;        /* usr (main: "usr@file", and "usr@file#config"
                                     for a build variant's) -> index; also
                                     "usr@file" for a USR defined in several
                                     TUs */
    size_t tu_keyed;              /* functions other than main keyed "usr@file"
                                     (one USR defined in several TUs) */
    /* Functions that one file defines in several macro configurations
     * (build variants, util/variants.h): "usr\x1ffile" -> index into
     * `variants`, each the function indices of those definitions, one per
     * configuration, the first merged first. */
    cl_strmap variants_of;
    struct { cl_idvec *v; size_t n, cap; } variants;
    size_t variant_usrs;
    struct { size_t *v; size_t n, cap; } mains; /* indices of each main() */
    struct { cl_cg_edge *v; size_t n, cap; } edges;
    cl_strmap global_flags;       /* "G<usr>" -> CL_GV_* merged over declarations */
    /* Function tables: a raw path ("G<usr>", "L<fn>#name@line") or a field
     * key (".name") -> index into `tables`, lists of function indices. */
    cl_strmap table_by_owner;
    struct { cl_idvec *v; size_t n, cap; } tables;
    /* Members of a local or heap object ("L<fn>#args@22[].st") assigned
     * a pointer in its function, and global pointers and members of
     * globals ("G<usr>", "G<usr>.stat") assigned one anywhere (or by
     * their initializer): -> index into `pointees`, the pointee's raw
     * path, NULL when it was assigned two objects or an unknown one
     * (cl_callgraph_pointee). `whole_writes`: the objects (and their
     * members) written whole (a struct copy), whose members may then hold
     * anything. `foreign_fields`: the field keys (".stat") some code
     * stores a pointer into through a pointer it was given (`c->stat =
     * s` in a callee), which may be a global's member. */
    cl_strmap member_pointee;
    struct { const char **v; size_t n, cap; } pointees;
    cl_strmap whole_writes;
    cl_strmap foreign_fields;
    /* Functions that store a parameter into a member, found in pass 1;
     * the functions their callers pass go into the member's table. */
    struct { param_store *v; size_t n, cap; } param_stores;
    /* Functions stored into members (cl_value.field) and by whom; per
     * table, the programs each of its functions was stored by (NULL for
     * tables of no member), parallel to the table's functions. */
    struct { member_site *v; size_t n, cap; } member_sites;
    /* Global objects whose initializers store functions into members:
     * "<struct USR>|<object path>" -> 1 for each, and "<struct USR>" ->
     * how many of that struct type there are (cl_callgraph_member). */
    cl_strmap ops_objects;
    struct { uint64_t **v; size_t n, cap; } table_programs;
    /* What each call event in a body calls, found once at build
     * (cl_callgraph_spec, cl_callgraph_callees): event address -> index
     * into `calls`. Read-only afterwards. */
    cl_blobmap call_of;
    cl_arena call_keys;
    /* With build variants (variant_usrs > 0): the function each function
     * value in a body or a global initializer names, resolved in its TU's
     * configuration (func_named_in): value address -> function index.
     * Read-only afterwards (cl_callgraph_values). */
    cl_blobmap value_of;
    struct { struct cl_call_facts *v; size_t n, cap; } calls;
    /* The tree index (cl_callgraph_parent): set once cl_node.parent and
     * cl_event.node of every body are, on the first query under tree_lock. */
    _Atomic int tree_built;
    pthread_mutex_t tree_lock;
} cl_callgraph;

/* Links `tus` (borrowed; entries NULL or with parsed == 0 are skipped).
 * `specs` (borrowed, may be NULL) adds configured wrapper functions.
 * Returns 0. Cost: linear in the size of the summaries. */
int cl_callgraph_build(cl_callgraph *cg, const cl_tu *const *tus, size_t ntus,
                       const cl_callspecs *specs);

void cl_callgraph_release(cl_callgraph *cg);

/* Index of the function with this USR (may be NULL), or SIZE_MAX. */
size_t cl_callgraph_func(const cl_callgraph *cg, const char *usr);

/* The variable index token `tok` names ("$L<fn usr>#<name>@<line>!N",
 * ir.h "Indexed paths", with or without its '$'): *name (into `tok`) and
 * *len get <name>; returns 0 when `tok` has no such part. */
int cl_token_var(const char *tok, const char **name, size_t *len);

/* Whether index token `tok` (`len` bytes, "$L<fn usr>#<name>@<line>!N",
 * ir.h "Indexed paths") is parameter k of `fn` as the function received
 * it (N = 0: no assignment before). */
int cl_token_is_param(const char *tok, size_t len, const cl_function *fn, size_t k);

/* The function whose parameter, as received, index token `tok` (`len`
 * bytes) is, looked up by the token's USR; SIZE_MAX when the token names
 * a local, an assigned parameter or no function of the program. */
size_t cl_token_param_func(const cl_callgraph *cg, const char *tok, size_t len);

/* The library table's entry for call event `ev` (NULL for non-calls,
 * project functions and unknown library functions; configured wrappers
 * apply only to functions without a body in the project). A call through
 * a pointer whose value is one known library function (cl_call.callee a
 * CL_VAL_FUNC) gets that function's entry. Constant time
 * for the events of the linked bodies (cl_callgraph.call_of); safe to
 * call from several threads once the graph is built. */
const cl_callspec *cl_callgraph_spec(const cl_callgraph *cg, const cl_event *ev);

/* Does call event `ev` never return to its caller: a library call the
 * table marks noreturn (exit, abort, pthread_exit, longjmp,
 * __builtin_unreachable, ...) or a callee declared `_Noreturn` /
 * `__attribute__((noreturn))` (cl_call.noreturn)? */
int cl_callgraph_noreturn(const cl_callgraph *cg, const cl_event *ev);

/* Argument `index` of call event `call` (an argument role of its
 * callspec: obj, func, data, timeout); NULL when `index` is negative or
 * past the call's arguments. */
const cl_value *cl_call_arg(const cl_event *call, int index);

/* The parameter whose value `v` is, unchanged (`&P<k>`: a function pointer
 * or pointer parameter passed on as it is, k < 64), or -1. */
int cl_value_param(const cl_value *v);

/* The functions stored at exactly `path` (a global's member, `Gops.on_msg`,
 * or a local's, `T0:L<usr>.on_done` with the walk's thread qualifier, by
 * an initializer or an assignment; a trailing "->", the pointer loaded
 * from there, is ignored), for a call through a pointer the walk resolved
 * to that path. Returns the count; *out is borrowed. A path that is a
 * whole global (no member) gives 0: see cl_callgraph_values. */
size_t cl_callgraph_stored(const cl_callgraph *cg, const char *path, const size_t **out);

/* The functions ever stored into the member an indirect callee `v` is
 * loaded from (cl_value.field: the struct type and the member, by an
 * initializer, or a caller passing the function to a parameter that a
 * function stores there; not by an assignment in code, `io_u->put =
 * zbd_put`, which holds for the object it names only) by code of a program that
 * reaches function `root` (the walk's entry: a compile database may hold
 * several programs sharing an event loop, redis-server's beforeSleep is
 * not redis-benchmark's), when there are at most `most` of them; 0
 * otherwise (also when `v` has no member). The fallback for a call
 * through a member whose object the walk cannot follow (a pointer kept in
 * a member: `c->ops->update(c)`). *out is allocated in `scratch`.
 * Not on the main thread (`root` a main: 0): its walk is the program's
 * largest, and on redis following these calls there tripled it, past the
 * step budget; the main thread's own calls through such members stay
 * unfollowed. Nor when more than `most` global objects of the member's
 * struct type are initialized with functions (one operations table per
 * implementation, fio's ioengine_ops per engine): the call dispatches on
 * which one the pointer holds, and a member only one of them sets
 * (ioengine_ops.errdetails: sgio's) is not called for the others. */
size_t cl_callgraph_member(const cl_callgraph *cg, const cl_value *v, size_t root, size_t most,
                           cl_arena *scratch, const size_t **out);

/* The object member `path` (`len` bytes of a raw path: a member of a
 * local or heap object, "L<fn>#args@22[].st", no thread qualifier, each
 * subscript "[]") points to, when every assignment to it in the program
 * stores the address of one object that is the same in every execution
 * (a global, or a local or heap object of the same function allocated
 * outside the loop doing the store: `args[i].st = st`), as a raw path
 * ("Hc:@F@main#st@21"); NULL otherwise (never assigned, two objects, an
 * unknown value, a struct copy over it). Null pointers stored do not
 * count. */
const char *cl_callgraph_pointee(const cl_callgraph *cg, const char *path, size_t len);

/* Functions value `v` may designate (a start routine argument, an
 * indirect callee). A function value of a body or a global initializer
 * names the definition built in its TU's configuration (build variants,
 * util/variants.h); a copy of one, the first definition of its USR.
 * Returns the count; *out is borrowed (or `one`). */
size_t cl_callgraph_values(const cl_callgraph *cg, const cl_value *v, size_t *one,
                           const size_t **out);

/* Functions call event `ev` may call (direct or indirect; see the header).
 * Returns the count; *out is borrowed (or `one`). */
size_t cl_callgraph_callees(const cl_callgraph *cg, const cl_event *ev, size_t *one,
                            const size_t **out);

/* Length of the root of a global access path "G<usr>..." (the USR, whose
 * file part may contain '.' and '-': the name starts after the last '@');
 * 0 for other paths. */
size_t cl_path_root_len(const char *path);

/* Structural queries on the statement trees (the first one indexes every
 * body once: linear time and memory in the size of the program).
 * cl_callgraph_parent: the node whose child (or condition) `n` is; NULL at
 * a function body. cl_callgraph_event_node: the CL_N_EVENT node of `ev`
 * (NULL for events the model synthesized). cl_callgraph_enclosing: the
 * innermost node of kind `kind` around `ev` in its function (e.g. the loop
 * around a spawn), or NULL. Not thread-safe on the first call. */
const cl_node *cl_callgraph_parent(const cl_callgraph *cg, const cl_node *n);
const cl_node *cl_callgraph_event_node(const cl_callgraph *cg, const cl_event *ev);
const cl_node *cl_callgraph_enclosing(const cl_callgraph *cg, const cl_event *ev,
                                      cl_node_kind kind);

/* Whether the body of `loop` (a CL_N_LOOP) holds a way out of it: a break
 * of this loop, a return, a goto or a noreturn call. A syntactic scan: it
 * does not interpret control flow (a goto to a label inside still counts). */
int cl_callgraph_can_leave(const cl_callgraph *cg, const cl_node *loop);

/* Length of the variable part of a raw path: a global's "G<usr>" or a
 * local's "L<fn>#name@line" (the owner of a table or a handle); 0 for
 * anything else. */
size_t cl_path_owner_len(const char *path);

/* CL_GV_* flags of the global at the root of `path` merged over all its
 * declarations; 0 for other paths. */
unsigned cl_callgraph_global_flags(const cl_callgraph *cg, const char *path);

/* Carries per-function facts from callees to callers until none grows: a
 * worklist of every function (last first), then of each caller whose fact
 * grew; up(ctx, callee, caller) merges the callee's fact into the caller's
 * along each `in` edge and returns nonzero when the caller's fact grew. The
 * facts must grow monotonically in a finite lattice. */
void cl_callgraph_to_callers(const cl_callgraph *cg, int (*up)(void *ctx, size_t callee,
                                                               size_t caller),
                             void *ctx);

#endif
