/* stmt.c - lowering of statements into the statement tree of ir.h: blocks,
 * declarations, if/switch branches, loops with their bounds and induction
 * variables, conditions (the locals they read, the call result they test),
 * return/break/continue, labels and gotos. See lower.h.
 */
#include "frontend/lower.h"

#include <stdlib.h>
#include <string.h>

#include "util/bytes.h"

cl_node *fe_lower_cond(fctx *f, CXCursor c, cl_node *owner)
{
    seqbuild b;
    strvec vars = { NULL, 0, 0 };
    strvec *prev_vars = f->cond_vars;
    f->cond_vars = &vars;
    fe_seq_begin(f, &b, fe_loc_of(f, c));
    fe_lower_expr(f, c);
    cl_node *n = fe_seq_end(f, &b);
    f->cond_vars = prev_vars;
    if (vars.n > 0) {
        owner->cond_vars = cl_arena_alloc(A(f), vars.n * sizeof *owner->cond_vars);
        memcpy(owner->cond_vars, vars.v, vars.n * sizeof *vars.v);
        owner->ncond_vars = vars.n;
    }
    /* Outer conditions also see the variables (nested lowering). */
    if (f->cond_vars != NULL)
        for (size_t i = 0; i < vars.n; i++)
            CL_VEC_PUSH(f->cond_vars, vars.v[i]);
    free(vars.v);
    return n;
}

/* The call event tested by the condition operand `c`: a call whose event is
 * in `cond` (matched by location), a local last assigned from a call, or
 * an array element's field an earlier loop stored a call's result in
 * (fe_elem_result_tested; *elem set to 1). */
static const cl_event *tested_call(fctx *f, CXCursor c, const cl_node *cond, int *elem)
{
    c = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_MemberRefExpr) {
        const cl_event *e = fe_elem_result_tested(f, c, cond);
        *elem = e != NULL;
        return e;
    }
    if (k == CXCursor_CallExpr && cond != NULL) {
        cl_loc l = fe_loc_of(f, c);
        for (size_t i = 0; i < cond->nkids; i++) {
            const cl_node *n = cond->kids[i];
            if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL && n->ev->loc.line == l.line &&
                n->ev->loc.col == l.col && n->ev->loc.file == l.file)
                return n->ev;
        }
        return NULL;
    }
    if (k == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) {
        /* `(rc = f()) != 0` */
        kids ks;
        fe_kids_of(c, &ks);
        const cl_event *e = ks.n == 2 ? tested_call(f, ks.v[1], cond, elem) : NULL;
        fe_kids_free(&ks);
        return e;
    }
    if (k == CXCursor_DeclRefExpr) {
        local_var *lv = fe_find_local(f, clang_getCursorReferenced(c));
        return lv != NULL ? lv->last_call : NULL;
    }
    return NULL;
}

/* (lower.h) */
const char *fe_global_path(fctx *f, CXCursor c)
{
    c = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(c);
        return fe_is_global_var(d) ? cl_arena_printf(A(f), "G%s", fe_take(A(f), clang_getCursorUSR(d)))
                                   : NULL;
    }
    if (k != CXCursor_MemberRefExpr)
        return NULL;
    kids ks;
    fe_kids_of(c, &ks);
    const char *base = NULL;
    if (ks.n == 1 && !fe_is_pointer_type(clang_getCursorType(ks.v[0]))) {
        base = fe_global_path(f, ks.v[0]);
    } else if (ks.n == 1 && clang_getCursorKind(fe_strip(ks.v[0])) == CXCursor_DeclRefExpr) {
        base = fe_global_path(f, ks.v[0]);
        base = base ? cl_arena_printf(A(f), "%s->", base) : NULL;
    }
    fe_kids_free(&ks);
    return base ? cl_arena_printf(A(f), "%s.%s", base, fe_take(A(f), clang_getCursorSpelling(c)))
                : NULL;
}

/* The expression `c` stands for as a test: the tested value of a branch
 * prediction hint (`__builtin_expect(x, 0)`, glibc's __glibc_unlikely and
 * the likely/unlikely macros built on it), else `c`; without parentheses
 * and casts. */
static CXCursor hinted(CXCursor c)
{
    c = fe_strip(c);
    if (clang_getCursorKind(c) != CXCursor_CallExpr || clang_Cursor_getNumArguments(c) < 2)
        return c;
    CXString name = clang_getCursorSpelling(c);
    const char *s = clang_getCString(name);
    int hint = s != NULL && (strcmp(s, "__builtin_expect") == 0 ||
                             strcmp(s, "__builtin_expect_with_probability") == 0);
    clang_disposeString(name);
    return hint ? fe_strip(clang_Cursor_getArgument(c, 0)) : c;
}

/* The raw path of the read event of `cond` (matched by location) that
 * loads member or pointee `c` (`lk.done`, `c->state`, `*flag`); NULL
 * for any other expression. */
static const char *tested_path(fctx *f, CXCursor c, const cl_node *cond)
{
    c = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (cond == NULL ||
        (k != CXCursor_MemberRefExpr &&
         !(k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref)))
        return NULL;
    cl_loc l = fe_loc_of(f, c);
    for (size_t i = 0; i < cond->nkids; i++) {
        const cl_node *n = cond->kids[i];
        if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_ACCESS && n->ev->loc.line == l.line &&
            n->ev->loc.col == l.col && n->ev->loc.file == l.file &&
            (n->ev->u.access.flags & (CL_ACC_READ | CL_ACC_WRITE)) == CL_ACC_READ)
            return n->ev->u.access.path;
    }
    return NULL;
}

/* Sets node->test_call when the condition operand `c` tests a call result
 * (tested_call) or a flag that records one (*flag: the flag, whose test
 * flag_test turns into one of the call's result) or, failing that, node->test_global when it names a global
 * or a member of one (fe_global_path), node->test_path when it loads
 * another member or a pointee (tested_path), node->test_param when `c` names a
 * parameter, node->test_var when it names a local or parameter whose value
 * does not change (ir.h). Returns 1 when it set one. */
static int set_tested(fctx *f, CXCursor c, cl_node *node, const local_var **flag)
{
    int elem = 0;
    c = hinted(c);
    const cl_event *e = tested_call(f, c, node->cond, &elem);
    *flag = NULL;
    if (e != NULL) {
        NX(node)->test_call = e;
        NX(node)->test_elem = elem != 0;
        return 1;
    }
    NX(node)->test_global = fe_global_path(f, c);
    if (node->x->test_global != NULL)
        return 1;
    NX(node)->test_path = tested_path(f, c, node->cond);
    if (node->x->test_path != NULL)
        return 1;
    c = fe_strip(c);
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return 0;
    CXCursor d = clang_getCursorReferenced(c);
    local_var *lv = fe_find_local(f, d);
    if (lv == NULL)
        return 0;
    if (lv->flag_call != NULL && !lv->not_flag && !lv->addr_taken) {
        NX(node)->test_call = lv->flag_call;
        *flag = lv;
        return 1;
    }
    if (!lv->addr_taken && !lv->reassigned)
        NX(node)->test_var = lv->path;
    if (lv->param_index >= 0 && !lv->reassigned && !lv->addr_taken)
        NX(node)->test_param = (unsigned)lv->param_index + 1;
    else if (lv->copy_param >= 0 && !lv->addr_taken && !lv->reassigned)
        NX(node)->test_param = (unsigned)lv->copy_param + 1;
    return node->x->test_param != 0 || node->x->test_var != NULL;
}

/* Node `n` tests `flag op K` (test_op, test_value) of a flag that
 * records a call's outcome (local_var.flag_call, already in
 * n->test_call): the test of the call's result it stands for, or no test
 * when it holds (or fails) for both values of the flag. */
static void flag_test(fctx *f, cl_node *n, const local_var *flag)
{
    if (flag == NULL)
        return;
    f->flag_tested = flag;
    int on_set = cl_test_holds(n->x->test_op, n->x->test_value, flag->flag_set);
    if (on_set == cl_test_holds(n->x->test_op, n->x->test_value, flag->flag_init)) {
        NX(n)->test_call = NULL;
        NX(n)->test_op = CL_TEST_NONE;
        return;
    }
    NX(n)->test_op = on_set ? flag->flag_op : cl_test_negate(flag->flag_op);
    NX(n)->test_value = flag->flag_value;
}

static void analyze_test(fctx *f, CXCursor c, cl_node *node);

/* Appends to `out` the tests of globals among the operands of the chain
 * of `op` (`&&` or `||`) at `c`. */
static void chain_tests(fctx *f, CXCursor c, enum CXBinaryOperatorKind op, cl_node *out,
                        size_t *cap)
{
    c = fe_strip(c);
    if (clang_getCursorKind(c) == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(c) == op) {
        kids ks;
        fe_kids_of(c, &ks);
        for (size_t i = 0; i < ks.n; i++)
            chain_tests(f, ks.v[i], op, out, cap);
        fe_kids_free(&ks);
        return;
    }
    cl_node one;
    memset(&one, 0, sizeof one);
    cl_node_ext onex = { 0 };
    one.x = &onex;
    analyze_test(f, c, &one);
    if (one.x->test_global == NULL || one.x->test_op == CL_TEST_NONE)
        return;
    if (out->x->ngtests == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        cl_gtest *v = cl_arena_alloc(A(f), ncap * sizeof *v);
        if (out->x->ngtests > 0)
            memcpy(v, out->x->gtests, out->x->ngtests * sizeof *v);
        NX(out)->gtests = v;
        *cap = ncap;
    }
    cl_gtest g = { one.x->test_global, one.x->test_op, one.x->test_value };
    out->x->gtests[NX(out)->ngtests++] = g;
}

/* Fills node->test_* when the condition `c` tests a call result, a
 * parameter, a local or a global against a constant, and node->gtests
 * for a chain of `&&` or `||` (see ir.h). */
static void analyze_test(fctx *f, CXCursor c, cl_node *node)
{
    c = hinted(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    enum CXBinaryOperatorKind op = k == CXCursor_BinaryOperator ? clang_getCursorBinaryOperatorKind(c)
                                                                : CXBinaryOperator_Invalid;
    if (node->kind == CL_N_BRANCH && (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr)) {
        size_t cap = 0;
        chain_tests(f, c, op, node, &cap);
        NX(node)->gtest_alt = op == CXBinaryOperator_LOr;
        return;
    }
    const local_var *flag = NULL;
    if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n == 1 && set_tested(f, ks.v[0], node, &flag)) {
            NX(node)->test_op = CL_TEST_EQ;
            NX(node)->test_value = 0;
            flag_test(f, node, flag);
        } else if (ks.n == 1) {
            /* `!(x > 1)`: the negated test of the comparison inside (a
             * chain inside keeps no test: its operands' tests would need
             * De Morgan). */
            cl_node in;
            memset(&in, 0, sizeof in);
            cl_node_ext inx = { 0 };
            in.x = &inx;
            in.cond = node->cond;
            analyze_test(f, ks.v[0], &in);
            if (in.x->test_op != CL_TEST_NONE) {
                NX(node)->test_call = in.x->test_call;
                NX(node)->test_elem = in.x->test_elem;
                NX(node)->test_global = in.x->test_global;
                NX(node)->test_param = in.x->test_param;
                NX(node)->test_var = in.x->test_var;
                NX(node)->test_path = in.x->test_path;
                NX(node)->test_op = cl_test_negate(in.x->test_op);
                NX(node)->test_value = in.x->test_value;
            }
        }
        fe_kids_free(&ks);
        return;
    }
    if (k == CXCursor_BinaryOperator) {
        if (op < CXBinaryOperator_LT || op > CXBinaryOperator_NE)
            goto truthy;
        kids ks;
        fe_kids_of(c, &ks);
        long long v;
        if (ks.n == 2) {
            for (int side = 0; side < 2; side++) {
                /* A floating operand is no test: the walk takes tests
                 * as ranges of integers (`x > 1` refutes `x < 2`). */
                enum CXTypeKind tk = clang_getCanonicalType(clang_getCursorType(fe_strip(ks.v[side]))).kind;
                if ((tk >= CXType_Float && tk <= CXType_LongDouble) || tk == CXType_Half ||
                    tk == CXType_Float16 || tk == CXType_Float128 || !fe_eval_int(ks.v[1 - side], &v) ||
                    !set_tested(f, ks.v[side], node, &flag))
                    continue;
                static const cl_test_op ops[] = { CL_TEST_LT, CL_TEST_GT, CL_TEST_LE,
                                                  CL_TEST_GE, CL_TEST_EQ, CL_TEST_NE };
                static const cl_test_op mirrored[] = { CL_TEST_GT, CL_TEST_LT, CL_TEST_GE,
                                                       CL_TEST_LE, CL_TEST_EQ, CL_TEST_NE };
                size_t idx = (size_t)(op - CXBinaryOperator_LT);
                NX(node)->test_op = side == 0 ? ops[idx] : mirrored[idx];
                NX(node)->test_value = v;
                flag_test(f, node, flag);
                break;
            }
        }
        fe_kids_free(&ks);
        return;
    }
truthy:
    if (set_tested(f, c, node, &flag)) {
        NX(node)->test_op = CL_TEST_NE;
        NX(node)->test_value = 0;
        flag_test(f, node, flag);
    }
}

cl_node *fe_lower_block(fctx *f, CXCursor c)
{
    seqbuild b;
    fe_seq_begin(f, &b, fe_loc_of(f, c));
    fe_lower_stmt(f, c);
    return fe_seq_end(f, &b);
}

cl_node *fe_empty_seq(fctx *f, cl_loc loc)
{
    return fe_new_node(f, CL_N_SEQ, loc);
}

/* The initializer list `init` of local union `lv` (`union {...} u = {
 * .in = entry };`): its member's pointer value is the union's (see
 * local_var.is_union); every element is evaluated once. */
static void union_init(fctx *f, local_var *lv, CXCursor init)
{
    kids ks;
    fe_kids_of(init, &ks);
    for (size_t i = 0; i < ks.n; i++) {
        /* (a designator, `.in = entry`, holds the member and the value) */
        CXCursor e = fe_last_expr_kid(ks.v[i], NULL);
        if (clang_getCursorKind(ks.v[i]) != CXCursor_UnexposedExpr || clang_Cursor_isNull(e))
            e = ks.v[i];
        cl_value v = fe_eval_value(f, e, NULL);
        if (i == 0 && (v.kind == CL_VAL_ADDR || v.kind == CL_VAL_FUNC))
            lv->val = v;
    }
    fe_kids_free(&ks);
}

/* A local declared with the outcome of a call's test (`int got =
 * pthread_mutex_trylock(&m) == 0;`, `!f()`): a flag set (to 1) exactly
 * where the test held (local_var.flag_call), as an `if` setting it would
 * make it; the call's event is among `calls`, the nodes the initializer
 * was lowered into. */
static void note_outcome_init(fctx *f, local_var *lv, CXCursor s, cl_node **calls, size_t n)
{
    enum CXCursorKind k = clang_getCursorKind(s);
    if (lv->not_flag || lv->addr_taken ||
        !(k == CXCursor_BinaryOperator ||
          (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot)))
        return;
    cl_node cond, probe;
    memset(&cond, 0, sizeof cond);
    memset(&probe, 0, sizeof probe);
    cl_node_ext probex = { 0 };
    cond.x = &cl_node_ext_none;
    probe.x = &probex;
    cond.kids = calls;
    cond.nkids = n;
    probe.cond = &cond;
    analyze_test(f, s, &probe);
    if (probe.x->test_call == NULL || probe.x->test_elem || probe.x->test_op == CL_TEST_NONE)
        return;
    lv->flag_known = 1;
    lv->flag_init = 0;
    lv->flag_set = 1;
    lv->flag_loop = f->cur_loop;
    lv->flag_call = probe.x->test_call;
    lv->flag_op = probe.x->test_op;
    lv->flag_value = probe.x->test_value;
}

/* The funcref events an initializer was lowered into (lower_vardecl). */
typedef struct funcref_events {
    fctx *f;
    cl_node **v;
    size_t n;
} funcref_events;

/* fe_funcref_sink of a local's initializer: the funcref event of `ref`
 * (same location) is stored at v's path. */
static void funcref_event_path(void *arg, CXCursor ref, const cl_value *v)
{
    funcref_events *e = arg;
    cl_loc l = fe_loc_of(e->f, ref);
    for (size_t i = 0; i < e->n; i++) {
        cl_event *ev = e->v[i]->kind == CL_N_EVENT ? e->v[i]->ev : NULL;
        if (ev != NULL && ev->kind == CL_EV_FUNCREF && ev->u.funcref.path == NULL &&
            ev->loc.line == l.line && ev->loc.col == l.col && ev->loc.file == l.file) {
            ev->u.funcref.path = v->path;
            ev->u.funcref.field = v->field;
        }
    }
}

/* Records in local pointer `lv` the choice `s` initializes it with (a
 * conditional operator whose condition has a key, fe_cond_key), unless
 * the local is assigned again or its address is taken
 * (local_var.choice). */
static void note_choice(fctx *f, local_var *lv, CXCursor s)
{
    lv->has_choice = 0;
    if (!lv->is_pointer || lv->reassigned || lv->addr_taken ||
        clang_getCursorKind(s) != CXCursor_ConditionalOperator)
        return;
    kids ks;
    fe_kids_of(s, &ks);
    const char *key = ks.n == 3 ? fe_cond_key(f, ks.v[0]) : NULL;
    fe_kids_free(&ks);
    if (key == NULL)
        return;
    lv->has_choice = 1;
    lv->choice = s;
    lv->choice_key = key;
}

static enum CXChildVisitResult choice_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    void **io = d;
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return CXChildVisit_Recurse;
    local_var *lv = fe_find_local(io[0], clang_getCursorReferenced(c));
    if (lv == NULL || !lv->has_choice)
        return CXChildVisit_Continue;
    io[1] = lv;
    return CXChildVisit_Break;
}

/* The local with a choice (local_var.choice) that an argument of `call`
 * names, or NULL. */
static local_var *choice_arg(fctx *f, CXCursor call)
{
    int nargs = clang_Cursor_getNumArguments(call);
    void *io[2] = { f, NULL };
    for (int i = 0; i < nargs && io[1] == NULL; i++)
        clang_visitChildren(clang_Cursor_getArgument(call, (unsigned)i), choice_visit, io);
    return io[1];
}

/* Lowers statement `call`, which passes local `lv` holding a choice
 * (`pthread_mutex_lock(&lo->mu)` after `lo = a < b ? a : b`), as `if
 * (cond) call with a; else call with b;`, keyed by the choice's condition
 * as at the declaration: the walk's conditional locking pairs it with
 * the other calls on the same choice (`hi = a < b ? b : a`). */
static void lower_choice_call(fctx *f, CXCursor call, local_var *lv)
{
    cl_value saved = lv->val;
    kids ks;
    fe_kids_of(lv->choice, &ks);
    cl_node *br = fe_new_node(f, CL_N_BRANCH, fe_loc_of(f, call));
    NX(br)->cond_key = lv->choice_key;
    br->cond = fe_lower_cond(f, ks.v[0], br);
    br->nkids = 2;
    br->kids = cl_arena_alloc(A(f), 2 * sizeof *br->kids);
    lv->has_choice = 0; /* (each arm: a plain call) */
    unsigned unlocks0 = f->unlocks;
    for (int kid = 0; kid < 2; kid++) {
        f->unlocks = unlocks0;
        lv->val = fe_eval_value(f, ks.v[1 + kid], NULL);
        seqbuild b;
        fe_seq_begin(f, &b, br->loc);
        fe_lower_call(f, call)->u.call.discarded = 1;
        br->kids[kid] = fe_seq_end(f, &b);
    }
    fe_kids_free(&ks);
    lv->has_choice = 1;
    lv->val = saved;
    fe_append(f, br);
}

/* The local whose initializer list pointer_init reads. */
struct pointer_inits {
    fctx *f;
    const local_var *lv;
};

/* fe_init_sink of a local struct's or array's initializer list (`struct
 * job j1 = { data, 4, &result };`): a pointer member or element
 * initialized with an address is written with it, as `j1.out = &result`
 * would be (its `stored` value), so that a thread given the struct finds
 * what the member points to. */
static void pointer_init(void *arg, CXCursor e, const char *at)
{
    struct pointer_inits *pi = arg;
    fctx *f = pi->f;
    CXType t = clang_getCursorType(e);
    CXType pointee = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(t)));
    if (!fe_is_pointer_type(t) || pointee.kind == CXType_FunctionProto || pointee.kind == CXType_FunctionNoProto)
        return;
    cl_value v = fe_eval_value(f, e, NULL);
    if (v.kind != CL_VAL_ADDR || v.path == NULL)
        return;
    const char *name = cl_arena_printf(A(f), "%s%s", pi->lv->name, at + strlen(pi->lv->path));
    lval l = { at, name, 0, 0, 1, NULL, NULL, NULL };
    cl_event *w = fe_record_access(f, e, &l, M_WRITE);
    cl_value *sv = cl_arena_alloc(A(f), sizeof *sv);
    *sv = v;
    sv->field = NULL;
    w->u.access.stored = sv;
}

static void lower_vardecl(fctx *f, CXCursor d)
{
    if (fe_is_global_var(d)) {
        /* Function-scope static: its initializer runs once, at load time. */
        return;
    }
    local_var *lv = fe_find_local(f, d);
    if (lv != NULL && f->cur_loop > 0)
        lv->reassigned = 1; /* initialized again each round */
    CXCursor init = fe_last_expr_kid(d, NULL);
    if (clang_Cursor_isNull(init))
        return;
    CXCursor s = fe_strip(init);
    if (lv != NULL)
        lv->copy_tok = clang_getCursorKind(s) == CXCursor_DeclRefExpr ? fe_index_token(f, s) : NULL;
    const local_var *src = lv != NULL && clang_getCursorKind(s) == CXCursor_DeclRefExpr
                               ? fe_find_local(f, clang_getCursorReferenced(s))
                               : NULL;
    if (src != NULL && src->param_index >= 0 && src->version == 0)
        lv->copy_param = src->param_index;
    if (lv != NULL && fe_eval_int(s, &lv->flag_init)) {
        lv->flag_known = 1;
        lv->flag_loop = f->cur_loop;
    }
    if (lv != NULL)
        note_choice(f, lv, s);
    if (clang_getCursorKind(s) == CXCursor_CallExpr) {
        cl_event *e = fe_lower_call(f, s);
        if (lv != NULL) {
            e->u.call.ret_var = lv->name;
            lv->last_call = e;
            fe_note_allocation(f, lv, s);
        }
        return;
    }
    size_t before = f->seq_kids != NULL ? f->seq_kids->n : 0;
    cl_value v;
    memset(&v, 0, sizeof v);
    if (lv != NULL && lv->is_union && clang_getCursorKind(s) == CXCursor_InitListExpr)
        union_init(f, lv, s);
    else
        v = fe_eval_value(f, init, NULL);
    if (lv != NULL && f->seq_kids != NULL && f->seq_kids->n > before)
        note_outcome_init(f, lv, s, &f->seq_kids->v[before], f->seq_kids->n - before);
    fe_note_escape(f, init);
    if (lv != NULL && lv->is_pointer) {
        lv->val = v;
        lv->heap = 0;
        lv->set_at = f->unlocks;
    }
    /* A local table of functions (`start_fn kinds[] = { a, b }`) or a
     * struct with function members (`struct task t = { 0, done }`): tie
     * the function references to the element or member they initialize,
     * for calls through it (not those already tied to a choice the local
     * takes: `fn = c ? a : b`). */
    if (lv != NULL && f->seq_kids != NULL && f->seq_kids->n > before) {
        funcref_events evs = { f, &f->seq_kids->v[before], f->seq_kids->n - before };
        fe_funcrefs_at(f, init, lv->path, funcref_event_path, &evs);
    }
    if (lv != NULL && lv->addr_taken && clang_getCursorKind(s) == CXCursor_InitListExpr &&
        !clang_isConstQualifiedType(clang_getCursorType(d))) {
        struct pointer_inits pi = { f, lv };
        fe_init_leaves(f, s, lv->path, pointer_init, &pi);
    }
}

/* Classifies the children of a for statement with the header's tokens:
 * libclang omits absent parts, so position decides what a child is. */
static void for_parts(fctx *f, CXCursor c, CXCursor *init, CXCursor *cond,
                      CXCursor *inc, CXCursor *body)
{
    *init = *cond = *inc = *body = clang_getNullCursor();
    CXToken *toks = NULL;
    unsigned ntoks = 0;
    clang_tokenize(f->cxtu, clang_getCursorExtent(c), &toks, &ntoks);
    unsigned semi[2] = { 0, 0 }, close = 0;
    int nsemi = 0, depth = 0;
    for (unsigned i = 0; i < ntoks; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Punctuation)
            continue;
        CXString sp = clang_getTokenSpelling(f->cxtu, toks[i]);
        const char *p = clang_getCString(sp);
        unsigned off;
        clang_getSpellingLocation(clang_getTokenLocation(f->cxtu, toks[i]), NULL, NULL, NULL, &off);
        if (strcmp(p, "(") == 0) {
            depth++;
        } else if (strcmp(p, ")") == 0) {
            if (--depth == 0 && close == 0) {
                close = off;
                clang_disposeString(sp);
                break;
            }
        } else if (strcmp(p, ";") == 0 && depth == 1 && nsemi < 2) {
            semi[nsemi++] = off;
        }
        clang_disposeString(sp);
    }
    clang_disposeTokens(f->cxtu, toks, ntoks);
    kids ks;
    fe_kids_of(c, &ks);
    for (size_t i = 0; i < ks.n; i++) {
        unsigned off;
        clang_getExpansionLocation(clang_getCursorLocation(ks.v[i]), NULL, NULL, NULL, &off);
        CXSourceRange ext = clang_getCursorExtent(ks.v[i]);
        clang_getExpansionLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &off);
        if (nsemi < 2 || close == 0) {
            /* Macro-built header (glibc's FD_ZERO): best effort by count;
             * four children are the four parts in order. */
            CXCursor *part[4] = { init, cond, inc, body };
            if (ks.n == 4)
                *part[i] = ks.v[i];
            else if (i + 1 == ks.n)
                *body = ks.v[i];
            continue;
        }
        if (off < semi[0])
            *init = ks.v[i];
        else if (off < semi[1])
            *cond = ks.v[i];
        else if (off < close)
            *inc = ks.v[i];
        else
            *body = ks.v[i];
    }
    fe_kids_free(&ks);
}

/* The local variable `c` names, also as the operand of `i++`, `--i`
 * (`while (i-- > 0)`); a null cursor otherwise. */
static CXCursor counted_local(fctx *f, CXCursor c)
{
    c = fe_strip(c);
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(c);
        kids ks;
        fe_kids_of(c, &ks);
        CXCursor in = ks.n == 1 && u >= CXUnaryOperator_PostInc && u <= CXUnaryOperator_PreDec
                          ? fe_strip(ks.v[0])
                          : clang_getNullCursor();
        fe_kids_free(&ks);
        c = in;
    }
    if (clang_Cursor_isNull(c) || clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return clang_getNullCursor();
    CXCursor d = clang_getCursorReferenced(c);
    return fe_find_local(f, d) != NULL ? d : clang_getNullCursor();
}

/* The constant `inc`, a for loop's increment, adds to local `ind` each
 * round: `i++`, `++i` (1), `i--` (-1), `i += K`, `i -= K`, also as one
 * operand of a comma (`i++, j++`). Returns 0 when it does not step `ind`
 * by a non-zero constant. */
static int loop_step(CXCursor inc, CXCursor ind, long long *step)
{
    inc = fe_strip(inc);
    enum CXCursorKind k = clang_getCursorKind(inc);
    if (k != CXCursor_UnaryOperator && k != CXCursor_BinaryOperator &&
        k != CXCursor_CompoundAssignOperator)
        return 0;
    kids ks;
    fe_kids_of(inc, &ks);
    int on_ind = ks.n >= 1 && fe_names_var(ks.v[0], ind);
    int ok = 0;
    if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(inc);
        *step = u == CXUnaryOperator_PostInc || u == CXUnaryOperator_PreInc ? 1
              : u == CXUnaryOperator_PostDec || u == CXUnaryOperator_PreDec ? -1 : 0;
        ok = on_ind && ks.n == 1 && *step != 0;
    } else if (ks.n == 2 && clang_getCursorBinaryOperatorKind(inc) == CXBinaryOperator_Comma) {
        ok = loop_step(ks.v[0], ind, step) || loop_step(ks.v[1], ind, step);
    } else if (ks.n == 2 && on_ind && fe_eval_int(ks.v[1], step) && *step != 0) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(inc);
        ok = op == CXBinaryOperator_AddAssign || op == CXBinaryOperator_SubAssign;
        *step = op == CXBinaryOperator_SubAssign ? -*step : *step;
    }
    fe_kids_free(&ks);
    return ok;
}

/* Recognizes `i < N` style conditions: returns the induction variable and
 * whether the other side is a constant. A constant condition makes the loop
 * infinite (non-zero) or, when false, run its body once for a do-while
 * (`do { ... } while (0)`, CL_LOOP_ONCE) and never for the others. In a
 * chain of `&&` every operand bounds the loop: the loop takes the bound of
 * its operand that compares a local with a constant, else of one that
 * compares it with a variable (`i < n && i < MAX`: CL_LOOP_CONST; `i < n
 * && t[i]`: CL_LOOP_COUNTED); *bcond is the comparison it took. `i != n`
 * counts only when `inc` (null outside a for) steps i by a constant (`for
 * (s = slots; s != end; s++)`; not `p != NULL` walking a list). */
static void loop_bound(fctx *f, cl_node *loop, CXCursor cond, CXCursor inc, CXCursor *ind,
                       CXCursor *bcond)
{
    *ind = clang_getNullCursor();
    *bcond = cond;
    if (clang_Cursor_isNull(cond)) {
        loop->bound = CL_LOOP_INFINITE;
        return;
    }
    long long iv;
    CXCursor s = fe_strip(cond);
    if (fe_eval_int(s, &iv)) {
        loop->bound = iv != 0 ? CL_LOOP_INFINITE : loop->x->do_while ? CL_LOOP_ONCE : CL_LOOP_CONST;
        return;
    }
    if (clang_getCursorKind(s) != CXCursor_BinaryOperator)
        return;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    kids ks;
    fe_kids_of(s, &ks);
    if (op == CXBinaryOperator_LAnd) {
        for (size_t i = 0; i < ks.n && loop->bound != CL_LOOP_CONST; i++) {
            cl_node one;
            CXCursor d, b;
            memset(&one, 0, sizeof one);
            cl_node_ext onex = { 0 };
            one.x = &onex;
            loop_bound(f, &one, ks.v[i], inc, &d, &b);
            if (clang_Cursor_isNull(d) || (one.bound != CL_LOOP_CONST && !clang_Cursor_isNull(*ind)))
                continue;
            loop->bound = one.bound;
            NX(loop)->induction_var = one.x->induction_var;
            *ind = d;
            *bcond = b;
        }
    } else if (op >= CXBinaryOperator_LT && op <= CXBinaryOperator_NE && ks.n == 2) {
        for (int side = 0; side < 2; side++) {
            CXCursor d = counted_local(f, ks.v[side]), other = ks.v[1 - side];
            if (clang_Cursor_isNull(d))
                continue;
            long long step;
            if (fe_eval_int(other, &iv))
                loop->bound = CL_LOOP_CONST;
            else if (op != CXBinaryOperator_EQ &&
                     (op != CXBinaryOperator_NE || loop_step(inc, d, &step)))
                loop->bound = CL_LOOP_COUNTED;
            else
                continue;
            *ind = d;
            *bcond = s;
            NX(loop)->induction_var = fe_take(A(f), clang_getCursorSpelling(d));
            break;
        }
    }
    fe_kids_free(&ks);
}

/* The constant `ind` starts at in a for loop's `init` (`i = K`, `int i =
 * K`); 0 when there is none. */
static int start_value(CXCursor init, CXCursor ind, long long *v)
{
    init = fe_strip(init);
    enum CXCursorKind k = clang_getCursorKind(init);
    if (k == CXCursor_DeclStmt) {
        kids ks;
        fe_kids_of(init, &ks);
        int ok = ks.n == 1 && clang_equalCursors(ks.v[0], ind);
        CXCursor e = ok ? fe_last_expr_kid(ks.v[0], NULL) : clang_getNullCursor();
        ok = ok && !clang_Cursor_isNull(e) && fe_eval_int(e, v);
        fe_kids_free(&ks);
        return ok;
    }
    if (k != CXCursor_BinaryOperator ||
        clang_getCursorBinaryOperatorKind(init) != CXBinaryOperator_Assign)
        return 0;
    kids ks;
    fe_kids_of(init, &ks);
    CXCursor lhs = ks.n == 2 ? fe_strip(ks.v[0]) : clang_getNullCursor();
    int ok = ks.n == 2 && clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
             clang_equalCursors(clang_getCursorReferenced(lhs), ind) && fe_eval_int(ks.v[1], v);
    fe_kids_free(&ks);
    return ok;
}

/* Fills loop->trip (ir.h) for `for (init; cond; inc)` with induction
 * variable `ind`: `i < K`, `i <= K`, `K > i`, `i != K`, ... from a constant
 * start, stepping by a constant (loop_step) in the direction of the bound
 * (`i != K` only when the steps meet K). */
static void loop_trip(fctx *f, cl_node *loop, CXCursor init, CXCursor cond, CXCursor inc, CXCursor ind)
{
    long long start, limit, step;
    if (loop->bound != CL_LOOP_CONST || clang_Cursor_isNull(init) || clang_Cursor_isNull(inc) ||
        !start_value(init, ind, &start) || !loop_step(inc, ind, &step))
        return;
    CXCursor s = fe_strip(cond);
    kids ks;
    fe_kids_of(s, &ks);
    int side = -1;
    for (int i = 0; ks.n == 2 && i < 2 && side < 0; i++) {
        CXCursor v = fe_strip(ks.v[i]);
        if (clang_getCursorKind(v) == CXCursor_DeclRefExpr &&
            clang_equalCursors(clang_getCursorReferenced(v), ind) && fe_eval_int(ks.v[1 - i], &limit))
            side = i;
    }
    fe_kids_free(&ks);
    if (side < 0)
        return;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    /* (`K > i` is `i < K`; counting down, `i > K` is counting up to K) */
    if ((side == 1) != (step < 0))
        op = op == CXBinaryOperator_LT ? CXBinaryOperator_GT
           : op == CXBinaryOperator_GT ? CXBinaryOperator_LT
           : op == CXBinaryOperator_LE ? CXBinaryOperator_GE
           : op == CXBinaryOperator_GE ? CXBinaryOperator_LE : op;
    long long dist = step > 0 ? limit - start : start - limit, by = step > 0 ? step : -step;
    long long n = 0;
    if (op == CXBinaryOperator_LT && dist > 0)
        n = (dist + by - 1) / by;
    else if (op == CXBinaryOperator_LE && dist >= 0)
        n = dist / by + 1;
    else if (op == CXBinaryOperator_NE && dist > 0 && dist % by == 0)
        n = dist / by;
    if (n != 0)
        NX(loop)->trip = n;
}

/* Whether loop body `n` may leave the loop other than by its test: a
 * `break` of its own (`nested` 0: not one of a loop or switch inside it)
 * or any `goto`. Then the induction variable may keep a round's value
 * after the loop. */
static int leaves_early(const cl_node *n, int nested)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_GOTO || (n->kind == CL_N_BREAK && !nested))
        return 1;
    int inner = nested || n->kind == CL_N_LOOP || n->kind == CL_N_SWITCH;
    for (size_t i = 0; i < n->nkids; i++)
        if (leaves_early(n->kids[i], inner))
            return 1;
    return 0;
}

/* The variable that `step` advances along a list, `p = p->next` (a member
 * of what it points to), or a null cursor. */
static CXCursor list_step(CXCursor step)
{
    CXCursor none = clang_getNullCursor(), v = none;
    step = fe_strip(step);
    if (clang_getCursorKind(step) != CXCursor_BinaryOperator ||
        clang_getCursorBinaryOperatorKind(step) != CXBinaryOperator_Assign)
        return none;
    kids ks, ms;
    fe_kids_of(step, &ks);
    CXCursor lhs = ks.n == 2 ? fe_strip(ks.v[0]) : none, rhs = ks.n == 2 ? fe_strip(ks.v[1]) : none;
    fe_kids_free(&ks);
    if (clang_getCursorKind(lhs) != CXCursor_DeclRefExpr || clang_getCursorKind(rhs) != CXCursor_MemberRefExpr)
        return none;
    fe_kids_of(rhs, &ms);
    if (ms.n == 1 && fe_names_var(ms.v[0], clang_getCursorReferenced(lhs)))
        v = clang_getCursorReferenced(lhs);
    fe_kids_free(&ms);
    return v;
}

/* Whether condition `cond` tests variable `v` itself (`p`, `p != NULL`,
 * `!p`, and such a test in a chain of `&&`). */
static int tests_var(CXCursor cond, CXCursor v)
{
    cond = fe_strip(cond);
    if (fe_names_var(cond, v))
        return 1;
    enum CXCursorKind k = clang_getCursorKind(cond);
    if (k != CXCursor_BinaryOperator && k != CXCursor_UnaryOperator)
        return 0;
    kids ks;
    fe_kids_of(cond, &ks);
    int yes = 0;
    int chain = k == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(cond) == CXBinaryOperator_LAnd;
    for (size_t i = 0; i < ks.n && !yes; i++)
        yes = chain ? tests_var(ks.v[i], v) : fe_names_var(ks.v[i], v);
    fe_kids_free(&ks);
    return yes;
}

/* The cursor of a loop with these parts that walks a list
 * (cl_node.walks_list): its increment, or else the last statement of its
 * body, is `p = p->m`, and its condition tests `p`; else a null cursor. */
static CXCursor list_cursor(CXCursor cond, CXCursor inc, CXCursor body)
{
    CXCursor step = inc;
    if (clang_Cursor_isNull(step) && clang_getCursorKind(body) == CXCursor_CompoundStmt) {
        kids ks;
        fe_kids_of(body, &ks);
        step = ks.n > 0 ? ks.v[ks.n - 1] : clang_getNullCursor();
        fe_kids_free(&ks);
    }
    CXCursor v = clang_Cursor_isNull(step) ? step : list_step(step);
    return !clang_Cursor_isNull(v) && !clang_Cursor_isNull(cond) && tests_var(cond, v)
               ? v : clang_getNullCursor();
}

static void lower_loop(fctx *f, CXCursor c, enum CXCursorKind k)
{
    cl_node *loop = fe_new_node(f, CL_N_LOOP, fe_loc_of(f, c));
    NX(loop)->do_while = k == CXCursor_DoStmt;
    CXCursor init = clang_getNullCursor(), cond = init, inc = init, body = init;
    if (k == CXCursor_ForStmt) {
        for_parts(f, c, &init, &cond, &inc, &body);
    } else {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n >= 2) {
            if (k == CXCursor_DoStmt) {
                body = ks.v[0];
                cond = ks.v[ks.n - 1];
            } else {
                cond = ks.v[ks.n - 2];
                body = ks.v[ks.n - 1];
            }
        }
        fe_kids_free(&ks);
    }
    if (!clang_Cursor_isNull(init)) {
        if (clang_isStatement(clang_getCursorKind(init)))
            fe_lower_stmt(f, init);
        else
            fe_lower_expr(f, init);
    }
    CXCursor ind, bcond;
    loop_bound(f, loop, cond, inc, &ind, &bcond);
    CXCursor cursor = loop->bound == CL_LOOP_UNKNOWN ? list_cursor(cond, inc, body)
                                                     : clang_getNullCursor();
    NX(loop)->walks_list = !clang_Cursor_isNull(cursor);
    if (!clang_Cursor_isNull(ind))
        loop_trip(f, loop, init, bcond, inc, ind);
    if (!clang_Cursor_isNull(cond)) {
        loop->cond = fe_lower_cond(f, cond, loop);
        analyze_test(f, cond, loop);
    }
    size_t pushed = 0;
    if (!clang_Cursor_isNull(ind)) {
        CL_VEC_PUSH(&f->induction, ind);
        pushed = 1;
    }
    CXCursor counters[4];
    size_t ncounters = clang_Cursor_isNull(body) ? 0 : fe_step_counters(f, body, cond, inc, ind, counters, 4);
    for (size_t i = 0; i < ncounters; i++)
        CL_VEC_PUSH(&f->induction, counters[i]);
    pushed += ncounters;
    if (!clang_Cursor_isNull(cursor))
        CL_VEC_PUSH(&f->list_cursors, cursor);
    /* (`do { ... } while (0)`, a macro's body, runs once: not a loop for
     * the objects allocated around it) */
    unsigned outer_loop = f->cur_loop;
    if (loop->bound != CL_LOOP_ONCE)
        f->cur_loop = ++f->nloops;
    seqbuild b;
    fe_seq_begin(f, &b, fe_loc_of(f, c));
    local_var *iv = clang_Cursor_isNull(ind) ? NULL : fe_find_local(f, ind);
    unsigned before = iv != NULL ? iv->version : 0;
    if (!clang_Cursor_isNull(body))
        fe_lower_stmt(f, body);
    int body_assigns = iv != NULL && iv->version != before;
    if (!clang_Cursor_isNull(inc))
        fe_lower_expr(f, inc);
    cl_node *bodyn = fe_seq_end(f, &b);
    if (iv != NULL && !iv->addr_taken && !body_assigns && !leaves_early(bodyn, 0))
        NX(loop)->exit_index = cl_arena_printf(A(f), "$%s!%u", iv->path, iv->version);
    f->cur_loop = outer_loop;
    f->induction.n -= pushed;
    f->list_cursors.n -= !clang_Cursor_isNull(cursor);
    loop->nkids = 1;
    loop->kids = cl_arena_alloc(A(f), sizeof *loop->kids);
    loop->kids[0] = bodyn;
    fe_append(f, loop);
}

/* The label of case or default statement `s` (a cl_case). */
static cl_case case_label(CXCursor s)
{
    cl_case lab = { CL_CASE_DEFAULT, 0, 0 };
    if (clang_getCursorKind(s) == CXCursor_DefaultStmt)
        return lab;
    kids ck;
    fe_kids_of(s, &ck);
    /* (kids: the value, GNU's upper bound of a range, the statement) */
    lab.kind = ck.n >= 2 && fe_eval_int(ck.v[0], &lab.lo) ? CL_CASE_VALUE : CL_CASE_UNKNOWN;
    lab.hi = lab.lo;
    if (lab.kind == CL_CASE_VALUE && ck.n == 3 && !fe_eval_int(ck.v[1], &lab.hi))
        lab.kind = CL_CASE_UNKNOWN;
    fe_kids_free(&ck);
    return lab;
}

/* The index + 1 of the parameter that the controlling expression `c` of a
 * switch names (through casts and parentheses), or 0. */
static unsigned switched_param(fctx *f, CXCursor c)
{
    c = fe_strip(c);
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return 0;
    const local_var *lv = fe_find_local(f, clang_getCursorReferenced(c));
    return lv != NULL && lv->param_index >= 0 ? (unsigned)lv->param_index + 1 : 0;
}

static void lower_switch(fctx *f, CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    if (ks.n < 2) {
        fe_kids_free(&ks);
        return;
    }
    cl_node *sw = fe_new_node(f, CL_N_SWITCH, fe_loc_of(f, c));
    sw->cond = fe_lower_cond(f, ks.v[ks.n - 2], sw);
    NX(sw)->test_param = switched_param(f, ks.v[ks.n - 2]);
    if (sw->x->test_param == 0)
        NX(sw)->test_global = fe_global_path(f, ks.v[ks.n - 2]);
    CXCursor body = ks.v[ks.n - 1];
    fe_kids_free(&ks);
    nodevec alts = { NULL, 0, 0 };
    struct { cl_case *v; size_t n, cap; } labels = { NULL, 0, 0 };
    int has_default = 0;
    unsigned outer_stray = f->stray_case;
    f->stray_case = 0;
    /* Each case label starts an alternative; statements before the first
     * label are unreachable and dropped. */
    kids bk;
    fe_kids_of(body, &bk);
    seqbuild b;
    int open = 0;
    for (size_t i = 0; i < bk.n; i++) {
        CXCursor s = bk.v[i];
        enum CXCursorKind sk = clang_getCursorKind(s);
        while (sk == CXCursor_CaseStmt || sk == CXCursor_DefaultStmt) {
            if (sk == CXCursor_DefaultStmt)
                has_default = 1;
            if (open)
                CL_VEC_PUSH(&alts, fe_seq_end(f, &b));
            fe_seq_begin(f, &b, fe_loc_of(f, s));
            open = 1;
            CL_VEC_PUSH(&labels, case_label(s));
            kids ck;
            fe_kids_of(s, &ck);
            CXCursor sub = ck.n > 0 ? ck.v[ck.n - 1] : clang_getNullCursor();
            fe_kids_free(&ck);
            if (clang_Cursor_isNull(sub))
                break;
            s = sub;
            sk = clang_getCursorKind(s);
        }
        if (open && sk != CXCursor_CaseStmt && sk != CXCursor_DefaultStmt)
            fe_lower_stmt(f, s);
    }
    if (open)
        CL_VEC_PUSH(&alts, fe_seq_end(f, &b));
    fe_kids_free(&bk);
    if (!has_default) {
        CL_VEC_PUSH(&alts, fe_empty_seq(f, sw->loc));
        cl_case none = { CL_CASE_DEFAULT, 0, 0 };
        CL_VEC_PUSH(&labels, none);
    }
    sw->nkids = alts.n;
    sw->kids = cl_arena_alloc(A(f), alts.n * sizeof *sw->kids);
    memcpy(sw->kids, alts.v, alts.n * sizeof *alts.v);
    free(alts.v);
    if (!f->stray_case && labels.n == alts.n) {
        NX(sw)->cases = cl_arena_alloc(A(f), labels.n * sizeof *sw->x->cases);
        memcpy(sw->x->cases, labels.v, labels.n * sizeof *labels.v);
    }
    free(labels.v);
    f->stray_case = outer_stray;
    fe_append(f, sw);
}

/* The IR name of the label statement `label`: its spelling, made unique
 * within the function. C gives a function one label per spelling, except
 * for GNU local labels (`__label__` in a statement expression or a macro),
 * where each use of the macro declares its own: the second one spelt `out`
 * becomes "out#2". Labels are told apart by the location of their statement,
 * which is the same whether the cursor was reached by the walk or through a
 * goto (clang_equalCursors is not: the two cursors have different
 * parents). */
static const char *label_name(fctx *f, CXCursor label)
{
    CXSourceLocation where = clang_getCursorLocation(label);
    size_t same = 0;
    const char *spelling = fe_take(A(f), clang_getCursorSpelling(label));
    for (size_t i = 0; i < f->labels.n; i++) {
        if (clang_equalLocations(f->labels.v[i].where, where))
            return f->labels.v[i].name;
        same += strcmp(f->labels.v[i].spelling, spelling) == 0;
    }
    label_entry e = { where, spelling,
                      same == 0 ? spelling : cl_arena_printf(A(f), "%s#%zu", spelling, same + 1) };
    CL_VEC_PUSH(&f->labels, e);
    return e.name;
}

/* `goto name`: a GOTO node naming its target label (label_name). */
static void lower_goto(fctx *f, CXCursor c)
{
    cl_node *g = fe_new_node(f, CL_N_GOTO, fe_loc_of(f, c));
    kids ks;
    fe_kids_of(c, &ks);
    for (size_t i = 0; i < ks.n && g->x->label == NULL; i++) {
        if (clang_getCursorKind(ks.v[i]) != CXCursor_LabelRef)
            continue;
        CXCursor target = clang_getCursorReferenced(ks.v[i]);
        if (clang_getCursorKind(target) == CXCursor_LabelStmt)
            NX(g)->label = label_name(f, target);
        else /* a label that is never defined (a parse error) */
            NX(g)->label = fe_take(A(f), clang_getCursorSpelling(ks.v[i]));
    }
    fe_kids_free(&ks);
    fe_append(f, g);
}

/* Whether every path through the lowered statement `n` leaves the
 * enclosing block: it ends in a return, goto, break, continue or a call
 * declared noreturn (`exit`; the last statement of a sequence, or both
 * alternatives of an `if`). */
static int always_leaves(const cl_node *n)
{
    while (n != NULL && n->kind == CL_N_SEQ && n->nkids > 0)
        n = n->kids[n->nkids - 1];
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_BRANCH && n->nkids == 2)
        return always_leaves(n->kids[0]) && always_leaves(n->kids[1]);
    return n->kind == CL_N_RETURN || n->kind == CL_N_GOTO || n->kind == CL_N_BREAK ||
           n->kind == CL_N_CONTINUE ||
           (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL && n->ev->u.call.noreturn);
}

static void lower_stmt_at(fctx *f, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    switch (k) {
    case CXCursor_CompoundStmt: {
        fe_outcome outer = f->outcome; /* (known after an early exit inside only) */
        fe_lower_children(f, c);
        f->outcome = outer;
        return;
    }
    case CXCursor_DeclStmt: {
        kids ks;
        fe_kids_of(c, &ks);
        for (size_t i = 0; i < ks.n; i++)
            if (clang_getCursorKind(ks.v[i]) == CXCursor_VarDecl)
                lower_vardecl(f, ks.v[i]);
        fe_kids_free(&ks);
        return;
    }
    case CXCursor_IfStmt: {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n >= 2) {
            cl_node *br = fe_new_node(f, CL_N_BRANCH, fe_loc_of(f, c));
            /* children: cond, then [, else] */
            CXCursor cond = ks.v[0], then = ks.v[1];
            CXCursor els = ks.n >= 3 ? ks.v[2] : clang_getNullCursor();
            NX(br)->cond_key = fe_cond_key(f, cond);
            br->cond = fe_lower_cond(f, cond, br);
            f->flag_tested = NULL;
            analyze_test(f, cond, br);
            br->nkids = 2;
            br->kids = cl_arena_alloc(A(f), 2 * sizeof *br->kids);
            fe_outcome outer = f->outcome;
            CL_VEC_PUSH(&f->guards, (const cl_node *)br);
            unsigned unlocks0 = f->unlocks, unlocks_after = f->unlocks;
            /* (an element's stored result says nothing of this round's call) */
            for (int kid = 0; kid < 2; kid++) {
                if (br->x->test_call != NULL && !br->x->test_elem) {
                    fe_outcome o = { br->x->test_call, kid == 0 ? br->x->test_op : cl_test_negate(br->x->test_op),
                                     br->x->test_value, f->flag_tested };
                    f->outcome = o;
                }
                CXCursor alt = kid == 0 ? then : els;
                f->unlocks = unlocks0; /* (each alternative from the test on) */
                br->kids[kid] = clang_Cursor_isNull(alt) ? fe_empty_seq(f, br->loc) : fe_lower_block(f, alt);
                f->outcome = outer;
                if (!always_leaves(br->kids[kid]) && f->unlocks > unlocks_after)
                    unlocks_after = f->unlocks; /* (not an unlock on the way out) */
            }
            f->unlocks = unlocks_after;
            f->guards.n--;
            /* `if (pthread_create(..) != 0) return -1;`: what follows in
             * the block runs only where the other alternative did. */
            for (int kid = 0; kid < 2 && br->x->test_call != NULL && !br->x->test_elem; kid++) {
                if (always_leaves(br->kids[kid]) && !always_leaves(br->kids[1 - kid])) {
                    fe_outcome o = { br->x->test_call, kid == 1 ? br->x->test_op : cl_test_negate(br->x->test_op),
                                     br->x->test_value, NULL };
                    f->outcome = o;
                }
            }
            fe_append(f, br);
        }
        fe_kids_free(&ks);
        return;
    }
    case CXCursor_ForStmt:
    case CXCursor_WhileStmt:
    case CXCursor_DoStmt:
        lower_loop(f, c, k);
        return;
    case CXCursor_SwitchStmt:
        lower_switch(f, c);
        return;
    case CXCursor_ReturnStmt: {
        cl_node *r = fe_new_node(f, CL_N_RETURN, fe_loc_of(f, c));
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n > 0)
            r->cond = fe_lower_cond(f, ks.v[0], r);
        long long v;
        if (ks.n > 0 && fe_eval_int(fe_strip(ks.v[0]), &v)) {
            NX(r)->test_value = v;
            NX(r)->test_op = CL_TEST_EQ; /* returns a constant (ir.h) */
        }
        fe_kids_free(&ks);
        fe_append(f, r);
        return;
    }
    case CXCursor_BreakStmt:
        fe_append(f, fe_new_node(f, CL_N_BREAK, fe_loc_of(f, c)));
        return;
    case CXCursor_ContinueStmt:
        fe_append(f, fe_new_node(f, CL_N_CONTINUE, fe_loc_of(f, c)));
        return;
    case CXCursor_GotoStmt:
        lower_goto(f, c);
        return;
    case CXCursor_IndirectGotoStmt:
        fe_append(f, fe_new_node(f, CL_N_GOTO, fe_loc_of(f, c))); /* computed: no label */
        return;
    case CXCursor_LabelStmt: {
        cl_node *l = fe_new_node(f, CL_N_LABEL, fe_loc_of(f, c));
        NX(l)->label = label_name(f, c);
        fe_append(f, l);
        /* Paths that jump here come from before a hand-over or from its
         * failure (`if (pthread_create(...) != 0) goto fail;`, cleanup
         * ladders): heap objects are the function's own again (precision
         * over soundness, see local_var.heap_handed). */
        /* A later goto may come back here with the object let go of
         * (CL_ACC_FRESH ends). */
        for (size_t i = 0; i < f->locals.n; i++) {
            f->locals.v[i].heap_handed = 0;
            f->locals.v[i].heap_escaped = 1;
        }
        fe_lower_children(f, c);
        return;
    }
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        f->stray_case = 1;
        fe_lower_children(f, c);
        return;
    case CXCursor_NullStmt:
        return;
    default:
        if (clang_isExpression(k))
            fe_lower_expr_stmt(f, c);
        else
            fe_lower_children(f, c);
        return;
    }
}

/* See lower.h. */
void fe_lower_expr_stmt(fctx *f, CXCursor c)
{
    CXCursor call = fe_strip(c);
    if (clang_getCursorKind(call) != CXCursor_CallExpr) {
        fe_lower_expr(f, c);
        return;
    }
    if (fe_enter(f, call)) {
        local_var *lv = choice_arg(f, call);
        if (lv != NULL)
            lower_choice_call(f, call, lv);
        else
            fe_lower_call(f, call)->u.call.discarded = 1;
    }
    fe_leave(f);
}

/* lower_stmt_at within the recursion bound (fe_enter/fe_leave). */
void fe_lower_stmt(fctx *f, CXCursor c)
{
    if (fe_enter(f, c))
        lower_stmt_at(f, c);
    fe_leave(f);
}
