/* ir.h - the per-translation-unit summary: what the frontend extracts from one
 * TU and what the link phase consumes.
 *
 * A summary holds, for every function whose body is in a project file, a
 * structured statement tree (sequence, branch, loop, exits) whose leaves are
 * events: memory accesses, calls and function references. The frontend does
 * not interpret calls: `pthread_mutex_lock(&s->m)` is a call event with its
 * argument values, and the program model (model.h) classifies it at link
 * time. That keeps a summary independent of the configuration, so it can be
 * cached and sharded per TU.
 *
 * Access paths. Every memory location is named by a string:
 *   root   "G<usr>"          a global or static variable, by USR
 *          "L<fn usr>#<name>" a local variable of a function (address taken)
 *          "H<fn usr>#<name>" the heap object a local pointer received from
 *                            an allocator (`j = malloc(...)`): `j->state`
 *                            is "H...#j@12.state"
 *          "P<n>"            the object parameter n points to (0-based);
 *                            substituted by the link phase with the argument
 *          "V<n>"            (values only) the caller's location whose value
 *                            was passed to by-value parameter n
 *   suffix ".field"          a struct member; a bit-field names the first
 *                            named field of its run of consecutive
 *                            non-zero-width bit-fields (one memory
 *                            location, C11 3.14); a union member adds no
 *                            step (the access is to the union, with
 *                            CL_ACC_WHOLE)
 *          "[]"              an array element (index not tracked); pointer
 *                            arithmetic `*(p + i)` is `p[i]`
 *          "->"              a dereference of the pointer stored at the path
 *          "^m"              (only right after "P<n>") the struct whose
 *                            member `m` the parameter points to (container_of
 *                            on a parameter): the link phase drops ".m" from
 *                            the argument's path, or leaves the path untracked
 * e.g. `arg->stats.count` with `arg` parameter 0 is "P0.stats.count", and
 * `lru_head->prev` is "Gc:@lru_head->.prev". Accesses whose root is not one
 * of these (locals whose address never escapes, heap objects reached through
 * locals of unknown origin) are not recorded.
 *
 * Ownership: every pointer inside a summary is owned by the summary's arena
 * (arena.h) and lives until cl_tu_free(). Lines and columns are 1-based;
 * columns count bytes, as libclang reports them.
 */
#ifndef CL_IR_H
#define CL_IR_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/* Bumped whenever the layout or meaning of a summary changes; cached
 * summaries carry it. */
#define CL_IR_VERSION 39

/* Verification benchmarks (SV-COMP): a function whose name starts with
 * this runs as one atomic step (model/threads.c; the frontend lowers the
 * mutex such steps build, expr.c atomic_step_lock). */
#define CL_ATOMIC_FUNCTION_PREFIX "__VERIFIER_atomic_"

typedef struct cl_loc {
    const char *file; /* path as given to / resolved by the parser; NULL if unknown */
    uint32_t line;    /* 1-based */
    uint32_t col;     /* 1-based, bytes */
} cl_loc;

/* An abstract value, as passed to a call or spawned thread. */
typedef enum cl_value_kind {
    CL_VAL_UNKNOWN = 0, /* anything we do not track */
    CL_VAL_ADDR,        /* a pointer to the object named by `path` */
    CL_VAL_FUNC,        /* a function designator / pointer: `func_usr` */
    CL_VAL_INT,         /* an integer constant: `ival` */
    CL_VAL_NULL,        /* a null pointer constant */
    CL_VAL_LOAD         /* a non-pointer value loaded from the location `path`
                           (e.g. the pthread_t passed to pthread_join) */
} cl_value_kind;

typedef struct cl_value {
    cl_value_kind kind;
    /* CL_VAL_ADDR: each execution of the expression yields a distinct
     * object: the path subscripts an array with the induction variable of
     * an enclosing loop (`&slots[i]` inside `for (i...)`), or it is a heap
     * object a local received from an allocator in the same loop iteration
     * (outside loops, the same invocation) and has not yet handed to a
     * function (`j = malloc(...); j->id = i; pthread_create(..., j)`). Also
     * set on CL_VAL_LOAD and on an untracked value (CL_VAL_UNKNOWN)
     * subscripted by an induction variable (`tids[i]`, `&tids[i]`), or
     * that is the induction variable itself (`(void *)(long)i`: a
     * distinct integer each round). */
    unsigned per_iteration : 1;
    /* CL_VAL_ADDR / CL_VAL_LOAD: the object is a local of the function
     * making the call (its stack frame). */
    unsigned stack_local : 1;
    /* CL_VAL_ADDR: the path subscripts an array with a local variable of the
     * caller (`&slots[i]`, `i` claimed from a shared counter): each execution
     * of the call, in each thread, passes its own element, as CL002 assumes
     * of a statement indexing with a local (CL_ACC_LOCAL_INDEX). */
    unsigned local_index : 1;
    /* CL_VAL_ADDR: the argument's type points to a character type (a
     * string, what printf's %s reads); `void *` and other pointers (%p)
     * do not. */
    unsigned string : 1;
    const char *path;     /* CL_VAL_ADDR: access path of the pointee;
                             CL_VAL_LOAD: access path of the location read */
    const char *func_usr; /* CL_VAL_FUNC */
    const char *func_name;/* CL_VAL_FUNC: spelling, for messages */
    long long ival;       /* CL_VAL_INT */
    /* CL_VAL_ADDR: the source spelling of the object pointed to, for
     * messages (`g` for `&g` or an array `g`, `s->buf`, `*p` for a pointer
     * `p`); NULL when there is none. */
    const char *name;
    /* CL_VAL_ADDR / CL_VAL_LOAD: the path with its subscripts spelled out
     * (the indexed path, see "Indexed paths" below); NULL when it is
     * `path`. CL_VAL_UNKNOWN: the value of a local variable as a subscript
     * ("$<local path>!N"), so that a callee indexing with its parameter
     * names the caller's element; NULL otherwise. */
    const char *ipath;
    /* A function pointer's member: the USR of the member declaration
     * (`c:@S@ops@FI@update`: the struct type and the member) an indirect
     * call's callee is loaded from (`c->ops->update(c)`), or that a
     * function (a funcref event or initializer, an assignment's `stored`
     * value) is stored into; NULL otherwise. The call graph pairs the two
     * when the walk cannot follow the object (callgraph.h). */
    const char *field;
} cl_value;

typedef enum cl_event_kind {
    CL_EV_ACCESS = 1, /* a read or write of a tracked location */
    CL_EV_CALL,       /* a call, direct or indirect */
    CL_EV_FUNCREF     /* a function designator used as a value (not called) */
} cl_event_kind;

enum {
    CL_ACC_READ = 1u << 0,
    CL_ACC_WRITE = 1u << 1,
    CL_ACC_ATOMIC = 1u << 2,   /* the lvalue has _Atomic type */
    CL_ACC_VOLATILE = 1u << 3, /* the lvalue is volatile-qualified */
    CL_ACC_TLS = 1u << 4,      /* the root variable is _Thread_local / __thread */
    CL_ACC_CONST = 1u << 5,    /* the root variable is const: never written */
    /* An array subscript on the path is indexed by a local variable or
     * parameter that is not an enclosing loop's induction variable
     * (`out[i]`, `i` claimed earlier): different executions of this statement in
     * different threads usually touch different elements (a partitioned
     * array, a slot claimed from a counter). */
    CL_ACC_LOCAL_INDEX = 1u << 6,
    /* An array subscript on the path is the induction variable of an
     * enclosing counting loop (`slot[i]` in `for (i...)`), or the path goes
     * through a value with per_iteration (this execution's own object). */
    CL_ACC_INDUCTION_INDEX = 1u << 7,
    /* An atomic operation with memory_order_relaxed: atomic, but it orders
     * nothing (it cannot take or release a lock built from atomics). */
    CL_ACC_RELAXED = 1u << 8,
    /* An atomic exchange, compare-exchange or test-and-set that stores a
     * constant (`atomic_exchange(&l, 1)`, `__sync_bool_compare_and_swap(&l,
     * 0, 1)`): the acquire step of a lock built from atomics when a loop
     * repeats it (model/threads.c), unlike a fetch-add counter. */
    CL_ACC_XCHG_CONST = 1u << 9,
    /* The access covers the whole object at the path, every member and
     * element under it: a copy of a struct or union (`struct cfg c =
     * shared;`, `shared = c;`; set by the frontend), or a library call's
     * memset, memcpy, free, read of a buffer (callspec.h; set by the link
     * phase). */
    CL_ACC_WHOLE = 1u << 10,
    /* The path goes through a pointer to an element picked with a local
     * index (`me = &workers[id]; me->count++`, cl_value.local_index): the
     * element this execution claimed, its own in each thread instance. */
    CL_ACC_OWN_ELEMENT = 1u << 11,
    /* The path goes through a local holding a heap object this invocation
     * (this round of the loop that allocated it) has just allocated and
     * not yet let go of: not passed to any call, not copied anywhere, not
     * behind a label a later goto may come back to. No other thread can
     * reach the object yet, so the access races with nothing (the
     * constructor's `p->limit = n;` before it starts p's threads). */
    CL_ACC_FRESH = 1u << 12,
    /* A second record of an access through a local holding a heap object
     * this invocation took off a shared structure (`it = q->head; q->head
     * = it->next;`), at the path of the place it was taken from
     * ("Gq.head->.prio" beside "H<fn>#it@7.prio"): it meets the accesses
     * the thread that put the object there makes after publishing it
     * (`q->head = it; unlock; it->prio = 1;`). Two taken records are two
     * owners' own objects, never the same (analysis/races.c). */
    CL_ACC_TAKEN = 1u << 13,
    /* A write that stores a descriptor only threads of the program can
     * make readable: the result of eventfd(), or an element of the array
     * pipe(), pipe2() or socketpair() filled in the same function
     * (`w->wake_rd = fds[0]`). A wake-up through it orders (model/sync.c). */
    CL_ACC_WAKE_FD = 1u << 14
};

/* Indexed paths. An access path names every element of an array "[]";
 * the indexed path (cl_access.ipath, cl_value.ipath) spells each subscript
 * out, for lock identity (the lock `m[3]` is not the lock `m[4]`):
 *   "[3]"            an integer constant index
 *   "[$L<fn usr>#i@line!N]"  local variable or parameter `i` (declared
 *                    at `line`) of function <fn usr>, address never taken,
 *                    after N assignments to it in source order: the same
 *                    N is the same value; a local initialized with another
 *                    one (`long id = (long)arg;`) has that one's token
 *                    until it is assigned
 *   "[?]"            anything else
 * It has the same steps as the access path otherwise. */

typedef struct cl_access {
    const char *path; /* access path, see above */
    const char *name; /* source spelling for messages, e.g. "stats.bytes_out" */
    unsigned flags;   /* CL_ACC_* */
    const char *ipath;/* indexed path (see above); NULL when it is `path` */
    /* An array subscript on the path takes its index from memory reached
     * through a pointer (`sums[a->idx]`): where it was loaded from
     * ("P0.idx"); NULL otherwise. An index read from a thread's own
     * object picks that thread's own element. */
    const char *index_path;
    /* CL_ACC_VOLATILE: where the volatile-qualified variable or member the
     * access goes through is declared (`volatile int stop;`), the same
     * location for every object of a struct type; file NULL when the
     * volatile comes from elsewhere (a cast, a pointer to volatile). */
    cl_loc decl;
    /* A write by an assignment of a function pointer (`sa.sa_handler =
     * on_term`, `o->cb = fn` with `fn` a parameter): the value stored, a
     * CL_VAL_FUNC or a pointer (`&P1`); of any other pointer into
     * anything but a local variable (`args[i].st = st`): the value
     * stored, CL_VAL_UNKNOWN when it is not known; of an integer constant
     * to a global or to a member of any object (`threaded = 1`, `w->state
     * = READY`): a CL_VAL_INT; NULL
     * for other writes and reads. The call graph's tables (functions
     * stored in members) and its member pointees (cl_callgraph_pointee)
     * come from it; rules read it (CL015: the handler a struct sigaction
     * carries). */
    const cl_value *stored;
} cl_access;

typedef struct cl_call {
    const char *callee_usr;  /* NULL for an indirect call */
    const char *callee_name; /* spelling; for an indirect call the callee expression */
    uint32_t nargs;
    /* The callee's declaration says it never returns (`_Noreturn`,
     * `noreturn`, `__attribute__((noreturn))`). */
    unsigned noreturn : 1;
    /* The call is a whole expression statement, possibly cast to void
     * (`pthread_mutex_trylock(&m);`): its result is not used. */
    unsigned discarded : 1;
    cl_value *args;          /* nargs values */
    /* The call's result is stored into local `ret_var` (`rc = f()` or
     * `int rc = f()`); NULL otherwise. */
    const char *ret_var;
    /* The call's result is stored into the global (or the member of one)
     * at raw access path `ret_path` (`src_thread = xcreate(fn)`: a thread
     * handle given back by value); NULL otherwise. */
    const char *ret_path;
    /* Indirect calls: the value of the callee expression (CL_VAL_FUNC when
     * it is known, CL_VAL_ADDR for a function pointer loaded from memory). */
    cl_value callee;
} cl_call;

typedef struct cl_node cl_node;

typedef struct cl_event {
    cl_event_kind kind;
    cl_loc loc;
    /* The CL_N_EVENT node that holds the event: not serialized, set by the
     * link phase (cl_callgraph_event_node, which see); NULL before. */
    const cl_node *node;
    union {
        cl_access access;
        cl_call call;
        cl_value funcref; /* kind CL_VAL_FUNC */
    } u;
} cl_event;

/* Statement tree. */
typedef enum cl_node_kind {
    CL_N_SEQ = 1, /* children run in order */
    CL_N_EVENT,   /* leaf: `ev` */
    CL_N_BRANCH,  /* `cond` runs, then exactly one of `kids` (if/else, switch,
                     ?:, &&/||); an `if` without else has an empty SEQ as its
                     second alternative */
    CL_N_LOOP,    /* `cond` and `kids[0]` (the body) run zero or more times */
    CL_N_RETURN,  /* leaves the function; `cond` holds the returned expression */
    CL_N_BREAK,   /* leaves the innermost loop or switch */
    CL_N_CONTINUE,/* next iteration of the innermost loop */
    CL_N_GOTO,    /* jumps to the CL_N_LABEL named `label` in the same
                     function; `label` is NULL for a computed goto (`goto *p`) */
    CL_N_SWITCH,  /* `cond` runs, then one of `kids` (one per case label, plus
                     an empty one when there is no default); a BREAK inside
                     an alternative leaves the switch */
    CL_N_LABEL    /* a label statement `label:`; its statement follows it in
                     the enclosing SEQ (the label node has no kids) */
} cl_node_kind;

typedef enum cl_loop_bound {
    CL_LOOP_UNKNOWN = 0, /* condition depends on run-time data */
    CL_LOOP_INFINITE,    /* for(;;), while(1), do..while(1) */
    CL_LOOP_CONST,       /* compares an induction variable with a constant */
    CL_LOOP_COUNTED,     /* compares an induction variable with a variable
                            (`i < n`): bounded, the bound known at entry */
    CL_LOOP_ONCE         /* `do { ... } while (0)`: the body runs exactly once
                            (macro bodies, error ladders); not a loop, but
                            `break` and `continue` leave it */
} cl_loop_bound;

typedef enum cl_test_op {
    CL_TEST_NONE = 0, CL_TEST_EQ, CL_TEST_NE, CL_TEST_LT, CL_TEST_LE, CL_TEST_GT, CL_TEST_GE
} cl_test_op;

/* Does `x op v` hold, for the comparison `op` a branch applies to a call's
 * result and the constant `v` (cl_node test_op/test_value)? CL_TEST_NONE
 * gives 0. E.g. cl_test_holds(op, v, 0): does the tested alternative run
 * when the call returned 0 (success for trylock and friends)? */
static inline int cl_test_holds(cl_test_op op, long long v, long long x)
{
    switch (op) {
    case CL_TEST_EQ: return x == v;
    case CL_TEST_NE: return x != v;
    case CL_TEST_LT: return x < v;
    case CL_TEST_LE: return x <= v;
    case CL_TEST_GT: return x > v;
    case CL_TEST_GE: return x >= v;
    case CL_TEST_NONE: break;
    }
    return 0;
}

/* The test that holds where `x op K` fails: `x != K` for `x == K`,
 * `x >= K` for `x < K`; CL_TEST_NONE for CL_TEST_NONE (the frontend's
 * `!(x > 1)`, the thread walk's failed alternatives). */
static inline cl_test_op cl_test_negate(cl_test_op op)
{
    switch (op) {
    case CL_TEST_EQ: return CL_TEST_NE;
    case CL_TEST_NE: return CL_TEST_EQ;
    case CL_TEST_LT: return CL_TEST_GE;
    case CL_TEST_LE: return CL_TEST_GT;
    case CL_TEST_GT: return CL_TEST_LE;
    case CL_TEST_GE: return CL_TEST_LT;
    case CL_TEST_NONE: break;
    }
    return CL_TEST_NONE;
}

/* A test of a global (or a member of one) against an integer constant,
 * one operand of a condition's `&&` or `||` chain (cl_node.gtests). */
typedef struct cl_gtest {
    const char *global;   /* its access path: "G<usr>", "G<usr>.member..." */
    cl_test_op op;        /* `global op value` is the operand's value */
    long long value;
} cl_gtest;

/* The label that starts an alternative of a switch (cl_node.cases). */
typedef enum cl_case_kind {
    CL_CASE_UNKNOWN = 0, /* a value that is not an integer constant */
    CL_CASE_VALUE,       /* `case lo:`, or GNU `case lo ... hi:` */
    CL_CASE_DEFAULT      /* `default:`, or the empty alternative added when
                            there is none: runs when no case matches */
} cl_case_kind;

typedef struct cl_case {
    cl_case_kind kind;
    long long lo, hi;    /* CL_CASE_VALUE: the values lo..hi (lo == hi for one) */
} cl_case;

/* The fields of a cl_node that few nodes use (cl_node.x). */
typedef struct cl_node_ext {
    /* CL_N_LOOP */
    const char *induction_var; /* `i` of `for (i = 0; i < N; i++)` (CONST and
                                  COUNTED loops), or NULL */
    /* CL_N_LOOP with an induction variable that only its header assigns
     * (not the body): the index token a subscript by it has right after
     * the loop (see "Indexed paths" below), the value that ended the loop,
     * which no round had (`for (i = 0; i < n - 1; i++) start(&w[i]);
     * run(&w[i]);`); NULL otherwise. */
    const char *exit_index;
    /* CL_N_LOOP: the number of rounds of a counting loop whose induction
     * variable starts at a constant, is compared with a constant and
     * steps by ++ or -- (`for (i = 1; i < 4; i++)`: 3); 0 when unknown. */
    long long trip;
    /* CL_N_LABEL: the label's name; CL_N_GOTO: the target's name (NULL for
     * a computed goto). Names are unique within a function. */
    const char *label;
    /* BRANCH of an `if` and LOOP: when the condition tests the result of a
     * call against an integer constant -- `f() == K`, `f() < 0`, `!f()`
     * (== 0), `f()` (!= 0), or the same through a local last assigned from
     * the call (`rc = f(); if (rc != 0)`) -- that call event (possibly from
     * an earlier statement), and the test: kids[0] (the then-branch, or the
     * loop body) runs when `result test_op test_value` holds. */
    const cl_event *test_call;
    long long test_value;
    cl_test_op test_op;
    /* (RETURN: test_op CL_TEST_EQ when the returned expression is the
     * integer constant test_value, `return 0;`; CL_TEST_NONE otherwise.) */
    /* CL_N_LOOP: */
    unsigned do_while : 1;     /* `do body while (cond)`: the body runs before
                                  the first test of `cond` */
    unsigned walks_list : 1;   /* the loop advances a cursor through a member
                                  of the object it points to (`for (s = head;
                                  s; s = s->next)`, or a `while` whose body
                                  ends so): its rounds are the elements of a
                                  list already built, not events waited for */
    /* With a test_call: the condition reads the result that call stored,
     * in an earlier loop, into a field of an array element (`args[i].ret
     * = pthread_create(&args[i].thread, ..)`), at the element this loop's
     * induction variable selects (`if (args[i].ret == 0) join`): the test
     * is about the call of the round that filled that element, not about
     * every round's. */
    unsigned test_elem : 1;
    /* BRANCH of an `if` without a test_call: when the condition tests a
     * parameter of the function against an integer constant (`!p`, `p`,
     * `p == K`, `K < p`), the parameter's index + 1 (0: none), with the
     * test in test_op/test_value: kids[0] runs when `p test_op test_value`
     * holds. The parameter is taken to hold its argument's value there.
     * SWITCH: when the controlling expression is a parameter, its index
     * + 1 (the alternative its value selects: `cases`). Below 2^29. */
    unsigned test_param : 29;
    /* SWITCH: the label of each alternative (nkids entries, in source
     * order); NULL when the body has case labels nested below its top
     * level (`switch (x) { case 0: if (y) { case 1: ... } }`), where the
     * alternatives do not follow the labels. An alternative that does not
     * end in a jump falls through into the next one. */
    cl_case *cases;
    /* BRANCH of an `if` without a test_call or test_param: when the
     * condition tests a global, or a member of one reached with `.` only
     * (`server.mode`), against an integer constant (`g == K`, `!g`), its
     * access path ("G<usr>", "G<usr>.mode"), with the test in
     * test_op/test_value; else NULL. SWITCH without a test_param: the
     * path of the global the controlling expression names that way
     * (`switch (cfg.mode)`; the alternative its value selects: `cases`). */
    const char *test_global;
    /* BRANCH of an `if` whose condition is a chain of `&&` (or of `||`):
     * its operands that test a global as test_global does (`a && g == K
     * && !h`: g == K, h == 0). With `&&` (gtest_alt 0) the then-branch runs
     * only where every one holds; with `||` (gtest_alt 1) the else-branch
     * runs only where every one fails. ngtests is 0 otherwise. */
    uint32_t ngtests;
    unsigned gtest_alt : 1;
    cl_gtest *gtests;
    /* BRANCH of an `if`: the condition's identity when it reads only
     * locals (address never taken), globals, constants and operators:
     * its shape with each local's assignment count in source order
     * ("(b15 L...#n@3!2 0)"), so that two ifs with equal keys test the
     * same value unless a global in it was written in between (the
     * paths of globals and of members of globals appear in the key as
     * "{G<usr>}", "{G<usr>.member}"); a leading "~" per
     * `!` around the whole condition (`if (!c)` is `if (c)` with the
     * alternatives swapped); NULL otherwise. */
    const char *cond_key;
    /* BRANCH of an `if` whose condition tests a local variable or a
     * parameter (test_op/test_value as above) that the function never
     * assigns after its declaration, never takes the address of, and does
     * not declare inside a loop: its path ("L<fn>#name@line"). Two tests
     * of it in one invocation see the same value; else NULL.
     * NEEDSWORK: cond_key (conditional locking) also names a condition
     * that did not change; the thread walk's spawn/join correlation could
     * key its facts by it and this field could go (cond_key counts
     * assignments per source position, so a local assigned later in a
     * loop keeps its key; test_var refuses any reassigned local). */
    const char *test_var;
    /* BRANCH of an `if` and LOOP, without a test_call, test_param or
     * test_global: when the condition tests a member or a pointee
     * (`!lk.done`, `c->state != DONE`, `*flag`) against an integer
     * constant, the raw access path of that read (an event of `cond`:
     * "P0.state", "L<fn>#lk@32.done"), with the test in
     * test_op/test_value; else NULL. */
    const char *test_path;
} cl_node_ext;

struct cl_node {
    cl_node_kind kind;
    /* CL_N_LOOP */
    cl_loop_bound bound;
    cl_loc loc;           /* start of the statement */
    cl_event *ev;         /* CL_N_EVENT */
    cl_node *cond;        /* BRANCH / SWITCH / LOOP / RETURN: a SEQ of the condition's events, or NULL */
    /* The node whose child (or condition) this one is: not serialized, set
     * by the link phase (cl_callgraph_parent, which see); NULL before and
     * at a function body. */
    const cl_node *parent;
    /* (Counts are 32-bit and 4-byte fields side by side: a program has
     * millions of nodes, all in memory during the link.) */
    uint32_t nkids;
    /* BRANCH / SWITCH / LOOP / RETURN: local variables (and parameters) read by `cond` */
    uint32_t ncond_vars;
    cl_node **kids;
    const char **cond_vars;
    /* The fields few nodes use (tests, loop facts, labels, switch cases):
     * never NULL; nodes that use none share cl_node_ext_none. Writers go
     * through cl_node_ext_of. */
    const cl_node_ext *x;
};

enum {
    CL_FN_STATIC = 1u << 0,     /* internal linkage */
    CL_FN_VARIADIC = 1u << 1,
    CL_FN_ADDR_TAKEN = 1u << 2, /* referenced as a value somewhere in this TU */
    CL_FN_CONSTRUCTOR = 1u << 3, /* __attribute__((constructor)): runs before main */
    CL_FN_DESTRUCTOR = 1u << 4   /* __attribute__((destructor)): runs after main returns */
};

typedef struct cl_function {
    const char *usr;
    const char *name;
    cl_loc loc;           /* location of the name in the definition */
    unsigned flags;       /* CL_FN_* */
    size_t nparams;
    const char **param_names;
    cl_node *body;        /* SEQ */
} cl_function;

enum {
    CL_GV_STATIC = 1u << 0,   /* internal linkage or function-scope static */
    CL_GV_TLS = 1u << 1,
    CL_GV_ATOMIC = 1u << 2,
    CL_GV_CONST = 1u << 3,
    CL_GV_VOLATILE = 1u << 4,
    CL_GV_DEFINED = 1u << 5   /* a definition, not only a declaration */
};

typedef struct cl_global {
    const char *usr;
    const char *name;
    cl_loc loc;
    unsigned flags;          /* CL_GV_* */
    /* A pointer initialized with the address of a global (`*sp = &stats`):
     * the pointee's access path; NULL otherwise. */
    const char *init_path;
} cl_global;

typedef enum cl_diag_level { CL_DIAG_NOTE, CL_DIAG_WARNING, CL_DIAG_ERROR } cl_diag_level;

typedef struct cl_diag {
    cl_diag_level level;
    cl_loc loc;
    const char *message;
} cl_diag;

/* The summary of one translation unit. */
typedef struct cl_tu {
    cl_arena arena;
    const char *main_file;  /* the TU's source file */
    int parsed;             /* 0 when libclang produced no AST at all */
    size_t nfuncs, nglobals, ndiags, nfuncrefs;
    cl_function *funcs;     /* definitions in project files, in source order */
    cl_global *globals;     /* file-scope and function-scope statics seen */
    cl_diag *diags;         /* parse errors (and fatal problems) */
    cl_value *funcrefs;     /* functions referenced from global initializers;
                               `path` is the global's "G<usr>" (a dispatch table) */
    size_t nincludes;
    const char **includes;  /* every file the TU read, main file first (the
                               summary cache checks them for changes) */
    /* Not serialized (only the run that parsed the TU has them): */
    uint64_t *include_hashes; /* content hash (cl_content_hash) of each of
                               `includes` as parsed, 0 when unknown */
    int64_t parse_started_ns; /* CLOCK_REALTIME when the parse started */
    double parse_seconds;   /* wall time in libclang's parser */
    double lower_seconds;   /* wall time lowering the AST into this summary */
    unsigned config;        /* the macro configuration of the database entry
                               it summarizes (cl_compile_cmd.config and
                               .macros, borrowed), set before the link */
    const char *macros;
} cl_tu;

/* The extension every node without its rare fields shares: all zero. */
extern const cl_node_ext cl_node_ext_none;

/* The writable extension of node `n`: its own, or a new zeroed one from
 * `a` (set as n->x) while it has cl_node_ext_none. Never NULL. */
cl_node_ext *cl_node_ext_of(cl_node *n, cl_arena *a);

/* Releases everything the summary owns (its arena). `tu` may be NULL. */
void cl_tu_free(cl_tu *tu);

#endif
