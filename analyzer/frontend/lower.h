/* lower.h - shared declarations of the frontend's lowering (private to
 * analyzer/frontend/): the per-TU and per-function context and the
 * functions the lowering files call across. Who owns what:
 *   libclang.c  loading libclang, the function table (libclang.h)
 *   frontend.c  the public API: parse, diagnostics, included files, summary
 *   decls.c     the TU's functions, globals and initializer function tables
 *   stmt.c      statements: the tree, loops, branches, conditions, jumps
 *   expr.c      expressions: events in evaluation order, calls, atomics
 *   access.c    lvalues as access paths, values of rvalues
 *   cursor.c    CXString/children/location/type helpers, tree building,
 *               locals lookup, the recursion bound
 * Every pointer the lowering stores in the summary is owned by the
 * summary's arena (A(f)); cursors never outlive the TU being lowered.
 */
#ifndef CL_FRONTEND_LOWER_H
#define CL_FRONTEND_LOWER_H

#include <stddef.h>

#include "frontend/libclang.h"
#include "ir/ir.h"
#include "util/arena.h"

typedef struct kids {
    CXCursor *v;
    size_t n, cap;
    CXCursor inl[8];
} kids;

typedef struct file_entry {
    CXFile file;
    const char *name;
    int says_ctor;        /* its text has "structor" (con-, de-): 1, 0, or -1 not known yet */
} file_entry;

typedef struct local_var {
    CXCursor decl;
    const char *name;
    const char *path;     /* "L<fn>#name@line" */
    int param_index;      /* >= 0 for parameters */
    int addr_taken;
    /* Its address was stored into a global pointer or a field of a global
     * (`gp = &cell;`, fe_note_publish): from there on in source order its
     * accesses name "<that path>->", the object other functions reach
     * through the pointer (`*gp`, `gp->f`); NULL: its own path. */
    const char *published;
    /* Assigned after its declaration (`=`, `op=`, `++`, `--`), or declared
     * inside a loop (re-initialized each round): two tests of it may see
     * different values (cl_node.test_var). */
    int reassigned;
    int is_pointer;
    /* A union: `val` is the last pointer stored into any of its members,
     * and a pointer member reads it back (`u.in = entry; ... u.out`, the
     * function-pointer conversion of libuv's thread creation). */
    int is_union;
    cl_value val;         /* last value assigned, for pointers and unions */
    /* A pointer initialized by a choice (`lo = a < b ? a : b`) that is
     * never assigned again (has_choice): the conditional operator, and its
     * condition's key (fe_cond_key) at the declaration. A
     * call passing it is lowered as an `if` on that key with one call per
     * arm (stmt.c, lower_choice_call), so two such locals chosen by one
     * condition (`lo`, `hi`) pair their arms. */
    int has_choice;
    CXCursor choice;
    const char *choice_key;
    cl_event *last_call;  /* the call whose result was last stored here */
    unsigned version;     /* assignments to it lowered so far (source order) */
    /* Declared with another local's value as its initializer (`long id =
     * (long)arg;`, casts aside): that local's index token at the time, so
     * that the copy, until it is assigned (version 0), is the same value
     * as a subscript (fe_index_token); NULL otherwise. */
    const char *copy_tok;
    /* Declared with a parameter's value as its initializer, before any
     * assignment to the parameter (`long id = (long)arg;`): that
     * parameter's index; -1 otherwise. Unless the local is assigned or its
     * address taken, a test of it is a test of the parameter
     * (cl_node_ext.test_param). */
    int copy_param;
    /* `val` is the object an allocator returned (fe_note_allocation),
     * allocated in loop `heap_loop` (fctx.cur_loop); `heap_handed` once it
     * was passed to a call that also passes a function (a spawn, a
     * callback registration): from there on, in source order, accesses
     * through the local may meet the thread's. Before, they touch this
     * execution's own object (cl_value.per_iteration). Stored into a
     * field of another local's heap object (fe_note_publish), it is
     * handed over with that object: `heap_owner` is that local's index
     * in fctx.locals plus 1 (0: none). */
    int heap, heap_handed;
    /* The object has been let go of (CL_ACC_FRESH): passed to a call (or
     * an address inside it was), copied to another variable or object,
     * or a label came after its allocation. */
    int heap_escaped;
    unsigned heap_loop;
    size_t heap_owner;
    /* A heap object this invocation took off a structure of a global or
     * a parameter (fe_note_unlink): the value it had there ("Gq_head->"),
     * so that its accesses are also recorded at that place (CL_ACC_TAKEN);
     * NULL otherwise, and once it is published again (fe_note_publish).
     * Meaningful while `heap` is set. */
    const char *taken_from;
    /* fctx.unlocks when the pointer was last assigned: a list head read
     * before an unlock and unlinked after it was read in another critical
     * section, which gives no ownership (fe_note_unlink). */
    unsigned set_at;
    /* A flag that records a call's outcome (`if (pthread_create(..) == 0)
     * started = 1;` ... `if (started)`): declared with the integer
     * constant `flag_init` (flag_known) in loop `flag_loop`, and set to
     * another constant `flag_set` only where `flag_call`'s result
     * `flag_op flag_value` held (fctx.outcome), in that same loop, and
     * set back to `flag_init` only under a test of the flag itself (`if
     * (started) { join; started = 0; }`). `not_flag`: assigned otherwise
     * somewhere in the function (another value, `++`, `+=`, from an
     * expression, the declared value elsewhere), or set under two
     * outcomes. */
    int flag_known, not_flag;
    long long flag_init, flag_set;
    unsigned flag_loop;
    const cl_event *flag_call;
    cl_test_op flag_op;
    long long flag_value;
} local_var;

/* What the code being lowered knows of a call's result: it is reached
 * only where `call`'s result `op value` held (the alternative of an `if`
 * testing it, or the code after an `if` whose other alternative always
 * leaves); call NULL: nothing. */
typedef struct fe_outcome {
    const cl_event *call;
    cl_test_op op;
    long long value;
    const local_var *via; /* the flag the `if` tested, if it tested one */
} fe_outcome;

/* A call's result stored into a field of an array element that the
 * induction variable of loop `loop` (fctx.cur_loop) selects (`args[i].ret
 * = pthread_create(&args[i].thread, ..)`): `path` is the field's access
 * path ("L...#args@8[].ret"), `call` the call; dropped at the next write of
 * that path in source order (fe_record_access). */
typedef struct elem_result {
    const char *path;
    const cl_event *call;
    unsigned loop;
} elem_result;

typedef struct nodevec {
    cl_node **v;
    size_t n, cap;
} nodevec;

typedef struct strvec {
    const char **v;
    size_t n, cap;
} strvec;

typedef struct filevec {
    file_entry *v;
    size_t n, cap;
} filevec;

/* A label statement of the function being lowered and its name in the IR. */
typedef struct label_entry {
    CXSourceLocation where; /* identifies the LabelStmt (see label_name) */
    const char *spelling;
    const char *name;       /* spelling, or "spelling#N" for the Nth label of that spelling */
} label_entry;

typedef struct fctx {
    cl_tu *tu;
    CXTranslationUnit cxtu;
    filevec *files;
    const char *fn_usr;
    CXCursor fn_decl;   /* the function being lowered */
    struct { local_var *v; size_t n, cap; } locals;
    struct { CXCursor *v; size_t n, cap; } induction; /* enclosing for-loop variables */
    /* The cursors of the enclosing loops that walk a list (`for (r = head;
     * r; r = r->next)`, cl_node.walks_list): another node each round. */
    struct { CXCursor *v; size_t n, cap; } list_cursors;
    /* The operands this function increments (`++k`, `k++`, `k += ..`),
     * found on first need (slot counters): `incremented_known` says so. */
    struct { CXCursor *v; size_t n, cap; } incremented;
    int incremented_known;
    /* Pointer members of a round's own element (per_iter lvalues such as
     * `thread[i].param.paramp`) this function has assigned a value that is
     * not the round's own (a parameter, a global's address): raw paths.
     * What a load of one points to is shared by every element, not the
     * round's (lval_value). */
    struct { const char **v; size_t n, cap; } shared_members;
    /* The innermost enclosing loop (1-based in the order loops are met in
     * this function; 0 outside every loop) and the loops met so far. */
    unsigned cur_loop, nloops;
    struct { label_entry *v; size_t n, cap; } labels; /* of this function, as met */
    /* Condition variable collector: names of locals read while lowering a
     * condition. */
    strvec *cond_vars;
    /* Nodes are appended to the children of the SEQ being built. */
    nodevec *seq_kids;
    /* Nesting of the lowering recursion (statements, expressions), bounded
     * by MAX_NESTING so no input can exhaust the stack; `too_deep` is the
     * location of the first construct left out for it. */
    unsigned nesting;
    cl_loc too_deep;
    fe_outcome outcome; /* of the code being lowered (local_var.flag_call) */
    const local_var *flag_tested; /* the flag the last test read (flag_test) */
    struct { elem_result *v; size_t n, cap; } elem_results; /* of this function */
    /* Calls of functions named like an unlock (`pthread_mutex_unlock`,
     * `queue_unlock`) lowered so far in this function (local_var.set_at). */
    unsigned unlocks;
    /* The `if` branches around the statement being lowered, innermost
     * last (fe_note_unlink: an unlink under a test of the head). */
    struct { const cl_node **v; size_t n, cap; } guards;
    /* A case label was lowered below the top level of a switch's body
     * (lower_switch: its alternatives then do not follow the labels). */
    unsigned stray_case : 1;
} fctx;

/* Deeper statements and expressions are left out of the summary (with a
 * warning): about 1.6 KB of stack per level, well inside a thread's 8 MB.
 * clang itself parses a 5,000-deep else-if chain. */
enum { MAX_NESTING = 1000 };

/* A SEQ under construction; fe_seq_begin/fe_seq_end nest like a stack. */
typedef struct seqbuild {
    cl_node *node;
    nodevec kids;
    nodevec *saved;
} seqbuild;
enum { M_READ = 1, M_WRITE = 2, M_ADDR = 4 };

typedef struct lval {
    const char *path;  /* NULL: not a tracked location */
    const char *name;  /* display spelling */
    unsigned flags;    /* CL_ACC_* from the type and the root */
    int per_iter;      /* subscripted by an enclosing loop's induction variable */
    int stack_local;   /* root is a local of this function */
    const char *ipath; /* indexed path (ir.h "Indexed paths"); NULL: `path` */
    const char *index_path; /* cl_access.index_path */
    const char *taken;      /* the path where the object was taken from
                               (local_var.taken_from) with this lvalue's
                               members; NULL: not such an object */
} lval;

typedef struct tuctx {
    fctx f;
    struct { cl_function *v; size_t n, cap; } funcs;
    struct { cl_global *v; size_t n, cap; } globals;
    struct { cl_value *v; size_t n, cap; } funcrefs;
} tuctx;

static inline cl_arena *A(fctx *f)
{
    return &f->tu->arena;
}

/* The writable rare fields of node `n` (cl_node_ext_of), in the summary's
 * arena; NX needs `f` in scope. */
static inline cl_node_ext *NX_of(fctx *f, cl_node *n)
{
    return cl_node_ext_of(n, A(f));
}
#define NX(n) NX_of(f, (n))

/* ---- cursor.c ------------------------------------------------------------ */

/* Copies `s` into arena `a` ("" for a NULL string) and disposes `s`. */
const char *fe_take(cl_arena *a, CXString s);
/* Collects the children of `c` into `k` (released with fe_kids_free). */
void fe_kids_of(CXCursor c, kids *k);
void fe_kids_free(kids *k);
/* The expansion location of `l` / of cursor `c`, file names interned in
 * f->files; line and column 0 (file NULL) for clang's own buffers. */
cl_loc fe_loc_of_location(fctx *f, CXSourceLocation l);
cl_loc fe_loc_of(fctx *f, CXCursor c);
/* Whether the text of the file holding location `l` has "structor" (as
 * in constructor and destructor; remembered per file of the TU): a cheap
 * test before the tokens of an attribute there are read. */
int fe_file_says_ctor(fctx *f, CXSourceLocation l);

/* The first of `words` (NULL-terminated) spelled by an identifier or
 * keyword token of range `r` of the TU, as its 1-based index in `words`;
 * 0 when none is. Tokenizes the range: costly, keep `r` short. */
unsigned fe_range_word(fctx *f, CXSourceRange r, const char *const *words);
/* A zeroed node of `kind` in the arena. */
cl_node *fe_new_node(fctx *f, cl_node_kind kind, cl_loc loc);
/* Starts a SEQ: nodes appended from now on become its children, until
 * fe_seq_end returns it and restores the enclosing builder. */
void fe_seq_begin(fctx *f, seqbuild *b, cl_loc loc);
cl_node *fe_seq_end(fctx *f, seqbuild *b);
/* Appends `n` (may be NULL: nothing) to the SEQ being built. */
void fe_append(fctx *f, cl_node *n);
/* Appends an EVENT node and returns its event, to be filled in. */
cl_event *fe_emit(fctx *f, cl_event_kind kind, cl_loc loc);
/* Marks the heap objects of the locals expression `e` names anywhere in
 * it as let go of (local_var.heap_escaped): `e` is a call argument or the
 * value stored by an assignment or initializer. */
void fe_note_escape(fctx *f, CXCursor e);
/* The local variable or parameter declared by `decl`, or NULL. */
local_var *fe_find_local(fctx *f, CXCursor decl);
/* The local union whose pointer member expression `e` names (`u.out`, not
 * `p->out`), or NULL (local_var.is_union). */
local_var *fe_union_member_local(fctx *f, CXCursor e);
int fe_is_pointer_type(CXType t);
int fe_is_array_type(CXType t);
/* CL_ACC_VOLATILE / CL_ACC_ATOMIC as the type `t` says. */
unsigned fe_type_flags(CXType t);
/* Is `decl` a variable with static storage duration? */
int fe_is_global_var(CXCursor decl);
/* Whether `decl` is a variable of static storage whose type is const and
 * not volatile (`static const bool debug = false;`), defined in this TU
 * with an integer constant initializer: 1 and the value in *out, else 0.
 * Its value never changes, so a test of it is a test of the constant. */
int fe_const_global_value(CXCursor decl, long long *out);
/* The last child of `c` that is an expression (a null cursor when none);
 * *nkids (may be NULL) receives the number of children of any kind. */
CXCursor fe_last_expr_kid(CXCursor c, size_t *nkids);
/* `c` without parentheses and casts. */
CXCursor fe_strip(CXCursor c);
/* Whether expression `e` names variable `var` (a DeclRefExpr to it,
 * through parentheses and casts). */
int fe_names_var(CXCursor e, CXCursor var);
/* The USR of the member expression `e` names (`c->ops->update`, also
 * through one `*`: `(*s->fn)`), in the arena: the struct type and the
 * member (cl_value.field); NULL when `e` is no member expression. */
const char *fe_member_usr(fctx *f, CXCursor e);
/* Stores the integer constant value of `c` in *out: 1, or 0 when `c` is
 * not an integer constant expression, or spans more than EVAL_MAX_BYTES of
 * source (its value is then unknown: this keeps the lowering of a long
 * chain of operators linear). */
enum { EVAL_MAX_BYTES = 1024 };
int fe_eval_int(CXCursor c, long long *out);
/* The recursion bound: fe_enter returns 0 (noting the place) when
 * MAX_NESTING is reached and `c` must be skipped; every fe_enter is paired
 * with a fe_leave. */
int fe_enter(fctx *f, CXCursor c);
void fe_leave(fctx *f);

/* ---- access.c ------------------------------------------------------------ */

/* The local holding the heap object (local_var.heap) that `lv` holds:
 * `lv` itself, or the heap local whose object `lv` was assigned (a copy,
 * `q = p`); NULL when `lv` holds none. Borrowed (fctx.locals). */
local_var *fe_heap_source(fctx *f, local_var *lv);

/* Emits an access event of `lv` (nothing when it is not tracked) with the
 * M_READ / M_WRITE of `mode`, located at `at`, the expression accessed: of
 * struct or union type, the access is to the whole object (CL_ACC_WHOLE).
 * Returns the event, or NULL when none was emitted. */
cl_event *fe_record_access(fctx *f, CXCursor at, const lval *lv, unsigned mode);
/* Notes that the call `rhs` (any expression: nothing unless a call) was
 * stored into `dest`, a field of the array element an enclosing loop's
 * induction variable selects (elem_result); call after fe_record_access
 * wrote `dest`. */
void fe_note_elem_result(fctx *f, CXCursor rhs, const lval *dest);
/* The call whose result the read of `path` at `at` (an access event in
 * condition `cond`, of the element an enclosing loop's induction variable
 * selects) tests, when an earlier loop stored it there (elem_result) and
 * nothing wrote that path since; NULL otherwise. */
const cl_event *fe_elem_result_tested(fctx *f, CXCursor at, const cl_node *cond);
/* Notes local `name` as read by the condition being lowered, if any. */
void fe_note_cond_var(fctx *f, const char *name);
/* The lvalue `c` designates; emits the events of evaluating its parts, but
 * not the access itself. */
lval fe_lower_lvalue(fctx *f, CXCursor c);
/* Evaluates rvalue `c`: emits its events and returns what is known of its
 * value; *as_lval (may be NULL) receives the lvalue read, for names. */
cl_value fe_eval_value(fctx *f, CXCursor c, lval *as_lval);
/* Notes an assignment to `lhs` (++, --, =, op=): when it names a local,
 * its version (local_var.version) moves on. */
void fe_note_write(fctx *f, CXCursor lhs);
/* The access path of `c` when it names a global or a member of one
 * reached with `.` (`server.stats.mode`: "G<usr>.stats.mode"), or with
 * one `->` from a global pointer first (`conf->workers.n`:
 * "G<usr>->.workers.n"), as an access to it is named (in the arena);
 * NULL otherwise. */
const char *fe_global_path(fctx *f, CXCursor c);
/* The identity of condition `c` (cl_node.cond_key) in the arena, or NULL
 * when it reads anything but locals, globals (and members of globals, see
 * fe_global_path), constants and operators. */
const char *fe_cond_key(fctx *f, CXCursor c);
/* The index token of expression `c` when it is a local variable or
 * parameter whose address is never taken: "$<local path>!<version>" (ir.h
 * "Indexed paths"), or the token of the local it was initialized with
 * (local_var.copy_tok) while it keeps that value; NULL otherwise. */
const char *fe_index_token(fctx *f, CXCursor c);
/* The step counters of a loop with body `body`, condition `cond` and
 * increment `inc` (null cursors: none) whose induction variable is `ind`
 * (or the null cursor), at most `max` VarDecl cursors into out[]: locals
 * the body steps by one in a statement of its own (`count++`, `count =
 * count + 1`), writes nowhere else in the body nor in the condition or
 * increment and never takes the address of, that subscript an array
 * before that step, with no `continue` or `goto` between the first such
 * subscript and the step. Each round then subscripts another element, as
 * the induction variable does; the caller treats them as induction
 * variables while it lowers the body (counters.c). Returns how many. */
size_t fe_step_counters(fctx *f, CXCursor body, CXCursor cond, CXCursor inc, CXCursor ind,
                        CXCursor *out, size_t max);

/* Whether `c` (casts aside) is the node an enclosing list walk is at
 * (fctx.list_cursors) or a member of it: `r` or `&r->tid` in `for (r =
 * head; r; r = r->next)`, another object each round. */
int fe_is_list_node(fctx *f, CXCursor c);

/* Whether `c` (casts aside) names the induction variable of an enclosing
 * counting loop. */
int fe_is_induction(fctx *f, CXCursor c);
/* The CL_VAL_FUNC value of function `decl`. */
cl_value fe_func_value(fctx *f, CXCursor decl);
/* Local `lv` was assigned the result of `call` (a CallExpr): when the call
 * allocates (an allocator by name) and `lv` is a pointer, `lv` designates
 * the heap object "H<fn>#name@line" (ir.h) from now on; when the callee,
 * defined in this TU, only returns the address of a global (`return
 * &reg_lock;`, a getter), it designates that global; otherwise nothing is
 * known of its value. */
void fe_note_allocation(fctx *f, local_var *lv, CXCursor call);
/* The value `rhs` was stored into lvalue `dest`: when `rhs` is a local
 * designating a heap object (fe_note_allocation) and `dest` names one
 * object (a global or a field of one, a field of another such heap
 * object; no array element), the local designates "<dest>->" from now
 * on, so that its accesses meet those made through `dest` (the object is
 * published there: `g_cfg = c`, `ctx->job = j`). Published in a global,
 * it counts as handed over; in another heap object, it is handed over
 * with that one. The address of a local variable (`&cell`, an array)
 * stored into a global pointer or a field of a global (`gp = &cell`)
 * publishes the variable the same way (local_var.published). */
void fe_note_publish(fctx *f, CXCursor rhs, const lval *dest);
/* Call `call` (a CallExpr with the lowered arguments args[0..nargs)) of a
 * function defined in this TU whose body stores a parameter into a member
 * of what another parameter points to (`qq->head = it`: a list push
 * helper), that second argument the address of a global (`push(&q,
 * it)`): the caller's heap local passed as the first is published there
 * ("Gq.head->"), as fe_note_publish does for the store itself. The body is
 * searched through libclang, not the lowered IR (the callee may come
 * later in the TU). */
void fe_note_publish_by_call(fctx *f, CXCursor call, const cl_value *args, int nargs);
/* The value `rhs` was stored into lvalue `dest` (spelled `lhs`),
 * unlinking what was there: a local pointer that holds the old value of
 * `dest` (`it = q->head`) designates from now on an object of its own,
 * "H<fn>#name@line" as if it had just been allocated, when `rhs` is read
 * through that local (`q->head = it->next`, the pop of a list) or through
 * `lhs` itself (`q->head = q->head->next`), or is a null pointer
 * (`q->head = NULL`, taking the whole list): the object is off the shared structure, and
 * this execution's to use and free (ownership transfer, as RacerD and
 * the queue idioms of pthread code assume), unless an unlock came between
 * the read of the old value and the unlink (two critical sections: two
 * takers may have read the same head) and no enclosing `if` tests both
 * the location and the local again (`if (q->head == it)`). Not for an array element
 * (which one is unknown) nor when `rhs` is another value (`q->head = n`:
 * a push, the old head stays reachable from `n`). Taken off a global's or
 * a parameter's structure, the local remembers where (taken_from): its
 * accesses are recorded there too (CL_ACC_TAKEN), where they meet what the
 * object's publisher does to it after letting it go. */
void fe_note_unlink(fctx *f, CXCursor lhs, CXCursor rhs, const lval *dest);

/* ---- expr.c --------------------------------------------------------------- */

/* Emits the events of expression `c`, in evaluation order. */
void fe_lower_expr(fctx *f, CXCursor c);
/* Emits the events of call `c` (arguments first); returns the call event. */
cl_event *fe_lower_call(fctx *f, CXCursor c);
/* Emits the events of expression statement `c` (a block's or a label's
 * statement that is an expression): a call whose result the statement
 * drops (`f(x);`, `(void)f(x);`) is marked cl_call.discarded. */
void fe_lower_expr_stmt(fctx *f, CXCursor c);
/* Lowers the expression and statement children of `c`. */
void fe_lower_children(fctx *f, CXCursor c);

/* ---- stmt.c --------------------------------------------------------------- */

/* Lowers statement `c` into the SEQ being built. */
void fe_lower_stmt(fctx *f, CXCursor c);
/* Statement `c` as a SEQ of its own. */
cl_node *fe_lower_block(fctx *f, CXCursor c);
/* An empty SEQ. */
cl_node *fe_empty_seq(fctx *f, cl_loc loc);
/* Condition `c` of `owner` as a SEQ of its events; fills owner->cond_vars. */
cl_node *fe_lower_cond(fctx *f, CXCursor c, cl_node *owner);

/* ---- decls.c -------------------------------------------------------------- */

/* Lowers the functions and records the globals of t->f.cxtu into t. */
void fe_lower_decls(tuctx *t);

/* Receives one function designator `ref` of an initializer and its value,
 * whose path says where it is stored (fe_funcrefs_at). */
typedef void (*fe_funcref_sink)(void *arg, CXCursor ref, const cl_value *v);
/* Receives one scalar initializer `e` of an initializer list and the path
 * of the member or element it initializes (fe_init_leaves). */
typedef void (*fe_init_sink)(void *arg, CXCursor e, const char *at);

/* Hands each function designator in initializer `init` of the object at
 * path `at` to `sink`, with the path of the member or element it
 * initializes (`at.name` by position or designator, `at[]`; C11 6.7.9),
 * paths in A(f). */
void fe_funcrefs_at(fctx *f, CXCursor init, const char *at, fe_funcref_sink sink, void *arg);
/* Hands each scalar initializer in `init` (an initializer list, nested
 * lists included) to `sink` with the path it initializes below `at`,
 * paired with members and elements as fe_funcrefs_at pairs them. */
void fe_init_leaves(fctx *f, CXCursor init, const char *at, fe_init_sink sink, void *arg);
#endif
