/* expr.c - lowering of expressions: each expression is flattened into
 * events in evaluation order (left to right, which C leaves unspecified,
 * but order inside one full expression does not matter to any rule): calls
 * with their argument values, assignments (and the local pointers they
 * set), increments, C11/GNU atomic operations, and `?:` as a branch. See
 * lower.h.
 */
#include "frontend/lower.h"

#include <ctype.h>
#include <string.h>

#include "util/bytes.h"

static const char *callee_spelling(fctx *f, CXCursor callee)
{
    callee = fe_strip(callee);
    enum CXCursorKind k = clang_getCursorKind(callee);
    if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr)
        return fe_take(A(f), clang_getCursorSpelling(callee));
    return "(indirect)";
}

/* Does function declaration `decl` say it never returns: a `_Noreturn`
 * or `noreturn` specifier, `[[noreturn]]`, `__attribute__((noreturn))` or
 * `((__noreturn__))`? Looks at the declaration's own tokens (of a
 * definition, those before its name, so the body is not tokenized); an
 * attribute hidden behind a project macro (`NORETURN void die(void)`) is
 * not seen. */
static int declared_noreturn(fctx *f, CXCursor decl)
{
    CXSourceRange ext = clang_getCursorExtent(decl);
    if (clang_isCursorDefinition(decl))
        ext = clang_getRange(clang_getRangeStart(ext), clang_getCursorLocation(decl));
    static const char *const words[] = { "_Noreturn", "noreturn", "__noreturn__", NULL };
    return fe_range_word(f, ext, words) != 0;
}

/* The spelling of the object argument value `v` points to, for messages:
 * `g` for `&g` and for an array `g`, `*p` for a pointer `p`, `buf[]` for
 * `buf + n`; `al` is the lvalue the evaluation read or took the address
 * of. */
static const char *pointee_name(fctx *f, CXCursor arg, const cl_value *v, const lval *al)
{
    if (v->kind != CL_VAL_ADDR || al->name == NULL)
        return NULL;
    CXCursor s = fe_strip(arg);
    enum CXCursorKind k = clang_getCursorKind(s);
    if ((k == CXCursor_UnaryOperator &&
         clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf) ||
        k == CXCursor_BinaryOperator || fe_is_array_type(clang_getCursorType(s)))
        return al->name;
    return cl_arena_printf(A(f), "*%s", al->name);
}

/* Whether `t` is an integer type (a pointer converted to one is a number
 * to the callee: `put((unsigned long)arg)` passes the thread's index). */
static int is_integer_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) || t.kind == CXType_Enum;
}

/* The value of call argument `a` (its events emitted): as fe_eval_value,
 * except that pointer arithmetic (`buf + len`, `p - 1`) is the address of
 * an element of what its pointer operand points to, as `&buf[len]` is
 * ("X[]"): a library call writing at `buf + len` writes buf's elements.
 * *al receives the lvalue read for the pointer operand (for names). */
static cl_value arg_value(fctx *f, CXCursor a, lval *al)
{
    CXCursor s = fe_strip(a);
    enum CXBinaryOperatorKind op = clang_getCursorKind(s) == CXCursor_BinaryOperator
                                       ? clang_getCursorBinaryOperatorKind(s)
                                       : CXBinaryOperator_Invalid;
    if ((op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub) ||
        !fe_is_pointer_type(clang_getCursorType(s)))
        return fe_eval_value(f, a, al);
    kids ks;
    fe_kids_of(s, &ks);
    cl_value v;
    memset(&v, 0, sizeof v);
    if (ks.n == 2) {
        int k = fe_is_pointer_type(clang_getCursorType(ks.v[0])) ? 0 : 1;
        v = fe_eval_value(f, ks.v[k], al);
        fe_lower_expr(f, ks.v[1 - k]);
        size_t n = v.kind == CL_VAL_ADDR ? strlen(v.path) : 0;
        if (n > 0 && !(n >= 2 && strcmp(v.path + n - 2, "[]") == 0))
            v.path = cl_arena_printf(A(f), "%s[]", v.path);
        if (v.kind == CL_VAL_ADDR && al->name != NULL)
            al->name = cl_arena_printf(A(f), "%s[]", al->name);
    } else {
        fe_lower_children(f, s);
    }
    fe_kids_free(&ks);
    return v;
}

/* The canonical kind of what `t` points to; CXType_Invalid when `t` is
 * not a pointer. */
static enum CXTypeKind pointee_kind(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind != CXType_Pointer)
        return CXType_Invalid;
    return clang_getCanonicalType(clang_getPointeeType(t)).kind;
}

/* Is `t` a pointer to a character type (a C string)? */
static int points_to_char(CXType t)
{
    enum CXTypeKind k = pointee_kind(t);
    return k == CXType_Char_S || k == CXType_Char_U || k == CXType_SChar || k == CXType_UChar;
}

static int is_function_pointer(CXType t)
{
    enum CXTypeKind k = pointee_kind(t);
    return k == CXType_FunctionProto || k == CXType_FunctionNoProto;
}

/* Argument `a` of a call that also passes a function (a spawn, a callback
 * registration): when it is a local holding a heap object, or a copy of
 * one (fe_heap_source), the object is handed to that function, which may
 * use it from now on (local_var.heap). */
static void hand_over(fctx *f, CXCursor a)
{
    a = fe_strip(a);
    if (clang_getCursorKind(a) != CXCursor_DeclRefExpr)
        return;
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(a));
    local_var *h = lv != NULL ? fe_heap_source(f, lv) : NULL;
    if (h != NULL)
        h->heap_handed = 1;
}

/* Lowers a call; returns the call event. */
cl_event *fe_lower_call(fctx *f, CXCursor c)
{
    CXCursor ref = clang_getCursorReferenced(c);
    int direct = !clang_Cursor_isNull(ref) &&
                 clang_getCursorKind(ref) == CXCursor_FunctionDecl;
    int nargs = clang_Cursor_getNumArguments(c);
    if (nargs < 0)
        nargs = 0;
    const char *callee_usr = NULL, *callee_name;
    cl_value callee;
    memset(&callee, 0, sizeof callee);
    if (direct) {
        callee_usr = fe_take(A(f), clang_getCursorUSR(ref));
        callee_name = fe_take(A(f), clang_getCursorSpelling(ref));
        f->unlocks += strstr(callee_name, "unlock") != NULL;
    } else {
        kids ks;
        fe_kids_of(c, &ks);
        callee_name = ks.n > 0 ? callee_spelling(f, ks.v[0]) : "(indirect)";
        if (ks.n > 0) {
            callee = fe_eval_value(f, ks.v[0], NULL);
            callee.field = fe_member_usr(f, ks.v[0]);
        }
        fe_kids_free(&ks);
    }
    cl_value *args = nargs ? cl_arena_alloc(A(f), (size_t)nargs * sizeof *args) : NULL;
    int gives_function = 0;
    for (int i = 0; i < nargs; i++) {
        CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);
        lval al;
        args[i] = arg_value(f, a, &al);
        if (args[i].kind == CL_VAL_ADDR && is_integer_type(clang_getCursorType(a)))
            memset(&args[i], 0, sizeof args[i]); /* `f((unsigned long)arg)`: a number */
        args[i].name = pointee_name(f, a, &args[i], &al);
        args[i].string = args[i].kind == CL_VAL_ADDR && points_to_char(clang_getCursorType(a));
        /* (a block handed to free() reaches no other thread: the error
         * path of a constructor that frees its new object and returns
         * leaves the object fresh on the other paths) */
        if (strcmp(callee_name, "free") != 0)
            fe_note_escape(f, a);
        if (args[i].kind == CL_VAL_UNKNOWN) {
            args[i].ipath = fe_index_token(f, a); /* an index the callee may use */
            args[i].per_iteration |= (unsigned)fe_is_induction(f, a);
        }
        args[i].per_iteration |= args[i].kind == CL_VAL_ADDR && fe_is_list_node(f, a);
        gives_function |= args[i].kind == CL_VAL_FUNC || is_function_pointer(clang_getCursorType(a));
    }
    if (gives_function)
        for (int i = 0; i < nargs; i++)
            hand_over(f, clang_Cursor_getArgument(c, (unsigned)i));
    else if (direct && nargs > 1)
        fe_note_publish_by_call(f, c, args, nargs);
    if (direct && nargs > 0 && args[0].kind == CL_VAL_ADDR &&
        (strncmp(callee_name, "__sync_", 7) == 0 || strncmp(callee_name, "__atomic_", 9) == 0)) {
        /* GNU atomic builtins that are calls: an atomic access of *arg0;
         * a test-and-set or compare-and-swap of a constant is the acquire
         * step of a spinlock (CL_ACC_XCHG_CONST). */
        unsigned fl = CL_ACC_ATOMIC;
        int cas = strstr(callee_name, "compare_and_swap") != NULL;
        if ((cas || strstr(callee_name, "test_and_set") != NULL) && nargs > (cas ? 2 : 1) &&
            args[cas ? 2 : 1].kind == CL_VAL_INT)
            fl |= CL_ACC_XCHG_CONST;
        lval l = { args[0].path, callee_name, fl, (int)args[0].per_iteration,
                   (int)args[0].stack_local, args[0].ipath, NULL, NULL };
        fe_record_access(f, c, &l, M_READ | M_WRITE);
    }
    cl_event *e = fe_emit(f, CL_EV_CALL, fe_loc_of(f, c));
    e->u.call.callee_usr = callee_usr;
    e->u.call.callee_name = callee_name;
    e->u.call.nargs = (size_t)nargs;
    e->u.call.args = args;
    e->u.call.callee = callee;
    e->u.call.noreturn = direct && declared_noreturn(f, ref);
    return e;
}

void fe_lower_children(fctx *f, CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    enum CXCursorKind pk = clang_getCursorKind(c);
    int stmts = pk == CXCursor_CompoundStmt || pk == CXCursor_LabelStmt ||
                pk == CXCursor_CaseStmt || pk == CXCursor_DefaultStmt;
    for (size_t i = 0; i < ks.n; i++) {
        enum CXCursorKind k = clang_getCursorKind(ks.v[i]);
        if (clang_isExpression(k) && stmts && !(pk == CXCursor_CaseStmt && i == 0))
            fe_lower_expr_stmt(f, ks.v[i]);
        else if (clang_isExpression(k))
            fe_lower_expr(f, ks.v[i]);
        else if (clang_isStatement(k))
            fe_lower_stmt(f, ks.v[i]);
    }
    fe_kids_free(&ks);
}

/* A constant stored into local `lv` (`started = 1`): where the code is
 * reached only under a call's outcome (fctx.outcome) and the value is
 * not the one `lv` was declared with, `lv` records that outcome
 * (local_var.flag_call); storing the declared value again under a test of
 * the flag keeps it (a reset after the join); anything else makes it no
 * flag. */
static void note_flag(fctx *f, local_var *lv, CXCursor rhs)
{
    long long v;
    const fe_outcome *o = &f->outcome;
    if (lv->not_flag || !lv->flag_known || !fe_eval_int(rhs, &v))
        return;
    if (v == lv->flag_init) {
        lv->not_flag |= lv->flag_call != NULL && o->via != lv;
        return;
    }
    if (o->call == NULL || f->cur_loop != lv->flag_loop || lv->addr_taken ||
        (lv->flag_call != NULL &&
         (lv->flag_call != o->call || lv->flag_op != o->op || lv->flag_value != o->value || lv->flag_set != v))) {
        lv->not_flag = 1;
        return;
    }
    lv->flag_call = o->call;
    lv->flag_op = o->op;
    lv->flag_value = o->value;
    lv->flag_set = v;
}

/* Assignment to a local pointer: remember the value. */
static void assign_local(fctx *f, CXCursor lhs, CXCursor rhs, cl_event **call_out)
{
    CXCursor s = fe_strip(lhs);
    local_var *lv = NULL;
    if (clang_getCursorKind(s) == CXCursor_DeclRefExpr)
        lv = fe_find_local(f, clang_getCursorReferenced(s));
    CXCursor r = fe_strip(rhs);
    if (clang_getCursorKind(r) == CXCursor_CallExpr) {
        cl_event *e = fe_lower_call(f, r);
        if (lv != NULL) {
            e->u.call.ret_var = lv->name;
            lv->last_call = e;
        }
        if (call_out)
            *call_out = e;
        if (lv != NULL)
            fe_note_allocation(f, lv, r);
        return;
    }
    cl_value v = fe_eval_value(f, rhs, NULL);
    fe_note_escape(f, rhs);
    if (lv != NULL && lv->is_pointer) {
        lv->val = v;
        lv->heap = 0;
        lv->set_at = f->unlocks;
    }
    if (lv != NULL)
        note_flag(f, lv, rhs);
}

/* C11 / GNU atomic operations (atomic_load, atomic_store_explicit,
 * atomic_fetch_add, __atomic_load_n, __c11_atomic_*) reach libclang as an
 * UnexposedExpr (clang's AtomicExpr) whose first operand points to the
 * object, followed by the memory order and the value operands. Records the
 * access with CL_ACC_ATOMIC: a load (pointer and order only) reads, an
 * operation of type void (store, init) writes, anything else (exchange,
 * fetch-op, compare-exchange) reads and writes; memory_order_relaxed adds
 * CL_ACC_RELAXED, an exchange or test-and-set of a constant
 * CL_ACC_XCHG_CONST (the spelling names the operation). Returns 1 when `c`
 * was such an operation. Implicit casts (one operand) are rejected before anything
 * costly is done. */
static int lower_atomic_op(fctx *f, CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    size_t nexpr = 0;
    for (size_t i = 0; i < ks.n; i++)
        nexpr += clang_isExpression(clang_getCursorKind(ks.v[i])) != 0;
    int is_atomic = 0;
    char op[48] = "";
    if (nexpr >= 2 && fe_is_pointer_type(clang_getCursorType(ks.v[0]))) {
        CXType pointee = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(ks.v[0])));
        is_atomic = clang_getCanonicalType(pointee).kind == CXType_Atomic;
        /* The operation's spelling (the macro or builtin name, where
         * the expression starts) says what it is, and for plain objects
         * whether it is atomic at all. */
        CXFile file;
        unsigned off;
        size_t size = 0;
        clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(c)), &file, NULL,
                                   NULL, &off);
        const char *text = file ? clang_getFileContents(f->cxtu, file, &size) : NULL;
        size_t n = 0;
        while (text != NULL && off + n < size && n + 1 < sizeof op &&
               (isalnum((unsigned char)text[off + n]) || text[off + n] == '_'))
            n++;
        memcpy(op, text ? text + off : "", n);
        op[n] = '\0';
        if (strncmp(op, "atomic_", 7) == 0 || strncmp(op, "__atomic_", 9) == 0 ||
            strncmp(op, "__c11_atomic_", 13) == 0)
            is_atomic = 1;
    }
    if (!is_atomic) {
        fe_kids_free(&ks);
        return 0;
    }
    lval obj;
    cl_value v = fe_eval_value(f, ks.v[0], &obj);
    /* Operands after the object: the memory order, then the values (a
     * compare-exchange: expected, failure order, desired). */
    cl_value opnd[5];
    size_t nop = 0;
    for (size_t i = 1; i < ks.n; i++)
        if (clang_isExpression(clang_getCursorKind(ks.v[i]))) {
            cl_value x = fe_eval_value(f, ks.v[i], NULL);
            if (nop < 5)
                opnd[nop++] = x;
        }
    unsigned mode = M_READ | M_WRITE;
    if (clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Void)
        mode = M_WRITE;
    else if (nexpr == 2)
        mode = M_READ;
    unsigned fl = CL_ACC_ATOMIC;
    if (nop > 0 && opnd[0].kind == CL_VAL_INT && opnd[0].ival == 0) /* memory_order_relaxed */
        fl |= CL_ACC_RELAXED;
    int cas = strstr(op, "compare_exchange") != NULL;
    if (strstr(op, "test_and_set") != NULL ||
        ((cas || strstr(op, "exchange") != NULL) && nop > (cas ? 3u : 1u) &&
         opnd[cas ? 3 : 1].kind == CL_VAL_INT))
        fl |= CL_ACC_XCHG_CONST;
    if (v.kind == CL_VAL_ADDR) {
        lval l = { v.path, obj.name, fl, (int)v.per_iteration, (int)v.stack_local, v.ipath,
                   NULL, NULL };
        fe_record_access(f, c, &l, mode);
    }
    fe_kids_free(&ks);
    return 1;
}

/* A unary operator `c`: ++/-- read and write their operand, & and * are
 * values (fe_eval_value), the others evaluate their operand. */
static void lower_unary(fctx *f, CXCursor c)
{
    enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
    kids ks;
    fe_kids_of(c, &ks);
    if (ks.n >= 1) {
        if (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
            op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec) {
            lval l = fe_lower_lvalue(f, ks.v[0]);
            fe_record_access(f, c, &l, M_READ | M_WRITE);
            fe_note_write(f, ks.v[0]);
        } else if (op == CXUnaryOperator_AddrOf || op == CXUnaryOperator_Deref) {
            fe_eval_value(f, c, NULL);
        } else {
            fe_lower_expr(f, ks.v[0]);
        }
    }
    fe_kids_free(&ks);
}

/* What find_clear_test looks for: a test `flag == 0` in an argument of a
 * call. */
typedef struct clear_test {
    CXCursor flag;
    int in_call;
    int found;
} clear_test;

static enum CXChildVisitResult find_clear_test(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    clear_test *t = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_CallExpr && !t->in_call) {
        t->in_call = 1;
        clang_visitChildren(c, find_clear_test, t);
        t->in_call = 0;
        return t->found ? CXChildVisit_Break : CXChildVisit_Continue;
    }
    if (t->in_call && k == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_EQ) {
        kids ks;
        fe_kids_of(c, &ks);
        long long v;
        for (size_t i = 0; ks.n == 2 && i < 2 && !t->found; i++) {
            t->found = fe_names_var(ks.v[i], t->flag) && fe_eval_int(ks.v[1 - i], &v) && v == 0;
        }
        fe_kids_free(&ks);
        if (t->found)
            return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Verification benchmarks build a mutex from an atomic step: in a function
 * named CL_ATOMIC_FUNCTION_PREFIX..., `assume(m == 0); m = 1;` acquires
 * the global flag `m` (the step can only run once it is clear) and `m = 0`
 * releases it. Store `c` (left side `lhs`, right side `rhs`, lowered to
 * `l`) of such a step is lowered as well as a pthread_mutex_lock or
 * pthread_mutex_unlock of the flag, so that the model treats the function
 * as a lock wrapper. Without the test of the flag in the step (an `assume`
 * or any other call's argument) a store of a nonzero value takes nothing. */
static void atomic_step_lock(fctx *f, CXCursor c, CXCursor lhs, CXCursor rhs, const lval *l)
{
    long long v;
    CXCursor d = clang_getCursorReferenced(fe_strip(lhs));
    if (l->path == NULL || l->path[0] != 'G' || clang_getCursorKind(fe_strip(lhs)) != CXCursor_DeclRefExpr ||
        !fe_eval_int(rhs, &v))
        return;
    const char *fn = fe_take(A(f), clang_getCursorSpelling(f->fn_decl));
    if (strncmp(fn, CL_ATOMIC_FUNCTION_PREFIX, strlen(CL_ATOMIC_FUNCTION_PREFIX)) != 0)
        return;
    if (v != 0) {
        clear_test t = { d, 0, 0 };
        clang_visitChildren(f->fn_decl, find_clear_test, &t);
        if (!t.found)
            return;
    }
    cl_value *arg = cl_arena_alloc(A(f), sizeof *arg);
    memset(arg, 0, sizeof *arg);
    arg->kind = CL_VAL_ADDR;
    arg->path = l->path;
    arg->ipath = l->ipath;
    arg->name = l->name;
    const char *callee = v != 0 ? "pthread_mutex_lock" : "pthread_mutex_unlock";
    cl_event *e = fe_emit(f, CL_EV_CALL, fe_loc_of(f, c));
    e->u.call.callee_usr = cl_arena_printf(A(f), "c:@F@%s", callee);
    e->u.call.callee_name = callee;
    e->u.call.nargs = 1;
    e->u.call.args = arg;
}

/* The name of the function call `c` calls directly ("" for others). */
static const char *called_name(fctx *f, CXCursor c)
{
    CXCursor d = clang_getCursorReferenced(c);
    if (clang_getCursorKind(c) != CXCursor_CallExpr || clang_Cursor_isNull(d))
        return "";
    return fe_take(A(f), clang_getCursorSpelling(d));
}

/* What find_pipe_fill looks for: a call of pipe, pipe2 or socketpair
 * with an argument naming the array `arr`. */
typedef struct pipe_fill {
    fctx *f;
    CXCursor arr;
    int found;
} pipe_fill;

static enum CXChildVisitResult find_pipe_fill(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    pipe_fill *t = data;
    const char *n = called_name(t->f, c);
    if (strcmp(n, "pipe") != 0 && strcmp(n, "pipe2") != 0 && strcmp(n, "socketpair") != 0)
        return CXChildVisit_Recurse;
    for (int i = 0; i < clang_Cursor_getNumArguments(c) && !t->found; i++) {
        t->found = fe_names_var(clang_Cursor_getArgument(c, (unsigned)i), t->arr);
    }
    return t->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* Whether `rhs` is a descriptor of a wake-up channel (CL_ACC_WAKE_FD):
 * eventfd()'s result, an element of an array this function passes to
 * pipe, pipe2 or socketpair, or a local never assigned after its
 * initializer, one of those (`int efd = eventfd(0, 0); ... w->efd = efd`,
 * the result tested before it is kept). */
static int wake_fd_value(fctx *f, CXCursor rhs)
{
    CXCursor x = fe_strip(rhs);
    if (clang_getCursorKind(x) == CXCursor_CallExpr)
        return strcmp(called_name(f, x), "eventfd") == 0;
    if (clang_getCursorKind(x) == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(x);
        local_var *lv = fe_find_local(f, d);
        CXCursor init = lv != NULL && lv->param_index < 0 && !lv->reassigned && !lv->addr_taken
                            ? clang_Cursor_getVarDeclInitializer(d)
                            : clang_getNullCursor();
        return !clang_Cursor_isNull(init) && clang_getCursorKind(fe_strip(init)) != CXCursor_DeclRefExpr &&
               wake_fd_value(f, init);
    }
    if (clang_getCursorKind(x) != CXCursor_ArraySubscriptExpr)
        return 0;
    kids ks;
    fe_kids_of(x, &ks);
    CXCursor base = ks.n == 2 ? fe_strip(ks.v[0]) : clang_getNullCursor();
    fe_kids_free(&ks);
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
        return 0;
    pipe_fill t = { f, clang_getCursorReferenced(base), 0 };
    clang_visitChildren(f->fn_decl, find_pipe_fill, &t);
    return t.found;
}

static enum CXChildVisitResult call_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) != CXCursor_CallExpr)
        return CXChildVisit_Recurse;
    *(int *)d = 1;
    return CXChildVisit_Break;
}

/* Whether expression `e` calls a function. */
static int has_call(CXCursor e)
{
    int found = clang_getCursorKind(e) == CXCursor_CallExpr;
    if (!found)
        clang_visitChildren(e, call_visit, &found);
    return found;
}

/* `a && b` (`a || b` with `or`) whose right side calls a function, outside
 * a condition (an expression statement, an initializer: lbzip2's `xlock`
 * is `(void)(pthread_mutex_lock(m) && (abort(), 0))`): a BRANCH on `a`
 * that evaluates `b` only in the alternative where it runs, so an abort()
 * there does not end every path. (Conditions keep their flat lowering
 * and their chain of tests, stmt.c.) */
static void lower_short_circuit(fctx *f, CXCursor c, CXCursor a, CXCursor b, int or)
{
    cl_node *br = fe_new_node(f, CL_N_BRANCH, fe_loc_of(f, c));
    NX(br)->cond_key = fe_cond_key(f, a);
    br->cond = fe_lower_cond(f, a, br);
    br->nkids = 2;
    br->kids = cl_arena_alloc(A(f), 2 * sizeof *br->kids);
    for (int i = 0; i < 2; i++) {
        seqbuild sb;
        fe_seq_begin(f, &sb, fe_loc_of(f, i == or ? b : c));
        if (i == or)
            fe_eval_value(f, b, NULL);
        br->kids[i] = fe_seq_end(f, &sb);
    }
    fe_append(f, br);
}

/* For `g = f(..)` (a global, or a member of one, at raw path `path`): the
 * call event of `rhs`, lowered just before, records where its result went
 * (cl_call.ret_path). */
static void note_ret_path(fctx *f, CXCursor rhs, const char *path)
{
    CXCursor r = fe_strip(rhs);
    if (clang_getCursorKind(r) != CXCursor_CallExpr || f->seq_kids == NULL)
        return;
    cl_loc l = fe_loc_of(f, r);
    for (size_t i = f->seq_kids->n; i > 0; i--) {
        cl_node *n = f->seq_kids->v[i - 1];
        if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL && n->ev->loc.line == l.line &&
            n->ev->loc.col == l.col && n->ev->loc.file == l.file) {
            n->ev->u.call.ret_path = path;
            return;
        }
    }
}

/* A binary or compound-assignment operator `c`: an assignment evaluates the
 * right side (a local remembers it, assign_local) and writes the left; a
 * compound assignment reads and writes it; other operators evaluate both
 * operands. */
static void lower_binary(fctx *f, CXCursor c)
{
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
    kids ks;
    fe_kids_of(c, &ks);
    if (ks.n >= 2) {
        if (op == CXBinaryOperator_Assign) {
            CXCursor lhs = fe_strip(ks.v[0]);
            int is_local = clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
                           fe_find_local(f, clang_getCursorReferenced(lhs)) != NULL;
            local_var *u = is_local ? NULL : fe_union_member_local(f, lhs);
            cl_value rv;
            memset(&rv, 0, sizeof rv);
            if (is_local)
                assign_local(f, ks.v[0], ks.v[1], NULL);
            else if (u != NULL)
                rv = u->val = fe_eval_value(f, ks.v[1], NULL);
            else
                rv = fe_eval_value(f, ks.v[1], NULL);
            if (!is_local || u != NULL)
                fe_note_escape(f, ks.v[1]);
            lval l = fe_lower_lvalue(f, ks.v[0]);
            cl_event *w = fe_record_access(f, ks.v[0], &l, M_WRITE);
            fe_note_write(f, ks.v[0]);
            /* (`thread[i].param.paramp = paramp`: every element's member
             * points to the caller's one object) */
            if (l.per_iter && l.path != NULL && l.path[strlen(l.path) - 1] != ']' &&
                rv.kind == CL_VAL_ADDR && !rv.per_iteration && fe_is_pointer_type(clang_getCursorType(lhs)))
                CL_VEC_PUSH(&f->shared_members, l.path);
            if (w != NULL && !is_local && w->u.access.path != NULL && w->u.access.path[0] == 'G')
                note_ret_path(f, ks.v[1], w->u.access.path);
            if (w != NULL && !is_local && wake_fd_value(f, ks.v[1]))
                w->u.access.flags |= CL_ACC_WAKE_FD;
            /* (an integer constant into a global, or into a member of any
             * object: `state = READY`, `w->state = READY`, what a wait
             * loop on the member can see, sync.c) */
            int global_int = w != NULL && rv.kind == CL_VAL_INT && w->u.access.path != NULL &&
                             (w->u.access.path[0] == 'G' || strchr(w->u.access.path, '.') != NULL) &&
                             !fe_is_pointer_type(clang_getCursorType(ks.v[0]));
            /* (a function pointer's value, also written `*cb`, which has
             * function type: what the member being set holds) */
            int fnptr = rv.kind == CL_VAL_FUNC ||
                        (rv.kind == CL_VAL_ADDR &&
                         (is_function_pointer(clang_getCursorType(fe_strip(ks.v[1]))) ||
                          is_function_pointer(clang_getCursorType(ks.v[0]))));
            /* (a local's or a by-value parameter's integer value copied
             * into memory, `c.fd = fd`: which one, the local's token or
             * "V<n>", for the descriptor keys of analysis/nonblock.h) */
            const char *copied = w != NULL && !is_local && rv.kind == CL_VAL_UNKNOWN &&
                                         !fe_is_pointer_type(clang_getCursorType(lhs))
                                     ? fe_index_token(f, ks.v[1])
                                     : NULL;
            int local_copy = copied != NULL ||
                             (w != NULL && !is_local && rv.kind == CL_VAL_LOAD && rv.path != NULL &&
                              rv.path[0] == 'V' && !fe_is_pointer_type(clang_getCursorType(lhs)));
            if (local_copy)
                rv.ipath = copied;
            if (w != NULL && (fnptr || global_int || local_copy ||
                              (!is_local && fe_is_pointer_type(clang_getCursorType(lhs))))) {
                cl_value *sv = cl_arena_alloc(A(f), sizeof *sv);
                *sv = rv;
                sv->field = fnptr ? fe_member_usr(f, ks.v[0]) : NULL;
                w->u.access.stored = sv;
            }
            if (!is_local) {
                fe_note_unlink(f, ks.v[0], ks.v[1], &l);
                fe_note_elem_result(f, ks.v[1], &l);
                fe_note_publish(f, ks.v[1], &l);
                atomic_step_lock(f, c, ks.v[0], ks.v[1], &l);
            }
        } else if (op >= CXBinaryOperator_MulAssign && op <= CXBinaryOperator_OrAssign) {
            fe_eval_value(f, ks.v[1], NULL);
            lval l = fe_lower_lvalue(f, ks.v[0]);
            fe_record_access(f, ks.v[0], &l, M_READ | M_WRITE);
            fe_note_write(f, ks.v[0]);
        } else if ((op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) &&
                   f->cond_vars == NULL && has_call(ks.v[1])) {
            lower_short_circuit(f, c, ks.v[0], ks.v[1], op == CXBinaryOperator_LOr);
        } else {
            fe_eval_value(f, ks.v[0], NULL);
            fe_eval_value(f, ks.v[1], NULL);
        }
    } else {
        fe_lower_children(f, c);
    }
    fe_kids_free(&ks);
}

/* `cond ? a : b`, `c`: a BRANCH on the condition between the two values. */
static void lower_conditional(fctx *f, CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    if (ks.n == 3) {
        cl_node *br = fe_new_node(f, CL_N_BRANCH, fe_loc_of(f, c));
        br->cond = fe_lower_cond(f, ks.v[0], br);
        br->nkids = 2;
        br->kids = cl_arena_alloc(A(f), 2 * sizeof *br->kids);
        for (int i = 0; i < 2; i++) {
            seqbuild b;
            fe_seq_begin(f, &b, fe_loc_of(f, ks.v[1 + i]));
            fe_eval_value(f, ks.v[1 + i], NULL);
            br->kids[i] = fe_seq_end(f, &b);
        }
        fe_append(f, br);
    } else {
        fe_lower_children(f, c);
    }
    fe_kids_free(&ks);
}

/* Emits the events of expression `c` (fe_lower_expr, unbounded). */
static void lower_expr_at(fctx *f, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    switch (k) {
    case CXCursor_UnaryExpr:          /* sizeof / alignof: not evaluated */
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_StringLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_TypeRef:
        return;
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) == CXCursor_FunctionDecl) {
            cl_event *e = fe_emit(f, CL_EV_FUNCREF, fe_loc_of(f, c));
            e->u.funcref = fe_func_value(f, d);
            return;
        }
        fe_eval_value(f, c, NULL);
        return;
    }
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
        fe_eval_value(f, c, NULL);
        return;
    case CXCursor_CallExpr:
        fe_lower_call(f, c);
        return;
    case CXCursor_StmtExpr:
        fe_lower_children(f, c);
        return;
    case CXCursor_UnaryOperator:
        lower_unary(f, c);
        return;
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
        lower_binary(f, c);
        return;
    case CXCursor_ConditionalOperator:
        lower_conditional(f, c);
        return;
    case CXCursor_UnexposedExpr:
        if (!lower_atomic_op(f, c))
            fe_lower_children(f, c);
        return;
    default:
        if (clang_isExpression(k) || k == CXCursor_InitListExpr)
            fe_lower_children(f, c);
        return;
    }
}

/* lower_expr_at within the recursion bound (fe_enter/fe_leave). */
void fe_lower_expr(fctx *f, CXCursor c)
{
    if (fe_enter(f, c))
        lower_expr_at(f, c);
    fe_leave(f);
}
