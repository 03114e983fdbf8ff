/* access.c - lvalues and values: the access path an lvalue designates
 * (ir.h "Access paths"), the access events that read or write it, and the
 * abstract value of an rvalue (an address, a function, a constant, a load)
 * as calls and local pointers carry it. See lower.h.
 *
 * The evaluation is small and flow-insensitive: each local pointer variable
 * remembers the last value assigned to it in source order (`struct s *c =
 * arg` makes `c->x` the path "P0.x"). That is cheap, right for the
 * overwhelmingly common "cast the start argument once" idiom, and where it
 * is wrong it loses an access rather than inventing one.
 */
#include "frontend/lower.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util/bytes.h"

/* Where the volatile-qualified variable or member that lvalue `c` goes
 * through is declared: the innermost one on the way from `c` to its root
 * (`srv->stop`: the member `stop`; `flags[i]`: the array `flags`; `n++`:
 * `n`); a zero
 * location when none is (a cast to a pointer to volatile). Bounded by the
 * expression's depth (at most 32 steps). */
static cl_loc volatile_decl(fctx *f, CXCursor c)
{
    for (int depth = 0; depth < 32; depth++) {
        c = fe_strip(c);
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr) {
            CXCursor d = clang_getCursorReferenced(c);
            if (fe_type_flags(clang_getCursorType(d)) & CL_ACC_VOLATILE)
                return fe_loc_of(f, d);
        }
        enum CXUnaryOperatorKind op = k == CXCursor_UnaryOperator
                                          ? clang_getCursorUnaryOperatorKind(c)
                                          : CXUnaryOperator_Invalid;
        int incdec = op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
                     op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec;
        if (k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr && !incdec)
            break;
        kids ks;
        fe_kids_of(c, &ks);
        CXCursor base = ks.n > 0 ? ks.v[0] : clang_getNullCursor();
        fe_kids_free(&ks);
        if (clang_Cursor_isNull(base))
            break;
        c = base;
    }
    return (cl_loc){ NULL, 0, 0 };
}

cl_event *fe_record_access(fctx *f, CXCursor at, const lval *lv, unsigned mode)
{
    if (lv->path == NULL || (mode & (M_READ | M_WRITE)) == 0)
        return NULL;
    cl_event *e = fe_emit(f, CL_EV_ACCESS, fe_loc_of(f, at));
    e->u.access.path = lv->path;
    e->u.access.name = lv->name;
    e->u.access.index_path = lv->index_path;
    e->u.access.flags = lv->flags | ((mode & M_READ) ? CL_ACC_READ : 0) |
                        ((mode & M_WRITE) ? CL_ACC_WRITE : 0) |
                        (lv->per_iter ? CL_ACC_INDUCTION_INDEX : 0);
    /* Copying a struct or union reads or writes every member of it. */
    if (!(lv->flags & CL_ACC_ATOMIC) &&
        clang_getCanonicalType(clang_getCursorType(at)).kind == CXType_Record)
        e->u.access.flags |= CL_ACC_WHOLE;
    e->u.access.ipath = lv->ipath;
    if (lv->flags & CL_ACC_VOLATILE)
        e->u.access.decl = volatile_decl(f, at);
    for (size_t i = 0; (mode & M_WRITE) && i < f->elem_results.n; i++)
        if (f->elem_results.v[i].call != NULL && strcmp(f->elem_results.v[i].path, lv->path) == 0)
            f->elem_results.v[i].call = NULL; /* written again: no longer the call's result */
    if (lv->taken != NULL) {
        /* The same access where the object was taken from (CL_ACC_TAKEN). */
        cl_event *t = fe_emit(f, CL_EV_ACCESS, e->loc);
        t->u.access = e->u.access;
        t->u.access.path = lv->taken;
        t->u.access.ipath = NULL;
        t->u.access.index_path = NULL;
        t->u.access.flags = (e->u.access.flags & ~(CL_ACC_FRESH | CL_ACC_INDUCTION_INDEX)) |
                            CL_ACC_TAKEN;
    }
    return e;
}

/* The last node of the SEQ being built when it is the event of the call
 * `c` (a CallExpr just lowered); NULL otherwise. */
static const cl_event *call_just_lowered(fctx *f, CXCursor c)
{
    cl_loc l = fe_loc_of(f, c);
    for (size_t i = f->seq_kids != NULL ? f->seq_kids->n : 0; i-- > 0;) {
        const cl_node *n = f->seq_kids->v[i];
        if (n->kind != CL_N_EVENT)
            return NULL;
        if (n->ev->kind == CL_EV_CALL && n->ev->loc.file == l.file && n->ev->loc.line == l.line &&
            n->ev->loc.col == l.col)
            return n->ev;
    }
    return NULL;
}

void fe_note_elem_result(fctx *f, CXCursor rhs, const lval *dest)
{
    rhs = fe_strip(rhs);
    if (!dest->per_iter || dest->path == NULL || f->cur_loop == 0 ||
        clang_getCursorKind(rhs) != CXCursor_CallExpr)
        return;
    const cl_event *call = call_just_lowered(f, rhs);
    if (call == NULL)
        return;
    elem_result r = { dest->path, call, f->cur_loop };
    CL_VEC_PUSH(&f->elem_results, r);
}

const cl_event *fe_elem_result_tested(fctx *f, CXCursor at, const cl_node *cond)
{
    cl_loc l = fe_loc_of(f, fe_strip(at));
    for (size_t i = 0; cond != NULL && i < cond->nkids && f->cur_loop != 0; i++) {
        const cl_event *ev = cond->kids[i]->kind == CL_N_EVENT ? cond->kids[i]->ev : NULL;
        if (ev == NULL || ev->kind != CL_EV_ACCESS || ev->loc.file != l.file ||
            ev->loc.line != l.line || ev->loc.col != l.col ||
            (ev->u.access.flags & (CL_ACC_READ | CL_ACC_INDUCTION_INDEX)) !=
                (CL_ACC_READ | CL_ACC_INDUCTION_INDEX))
            continue;
        for (size_t k = f->elem_results.n; k-- > 0;) {
            const elem_result *r = &f->elem_results.v[k];
            if (r->call != NULL && r->loop != f->cur_loop && strcmp(r->path, ev->u.access.path) == 0)
                return r->call;
        }
    }
    return NULL;
}

void fe_note_write(fctx *f, CXCursor lhs)
{
    lhs = fe_strip(lhs);
    if (clang_getCursorKind(lhs) != CXCursor_DeclRefExpr)
        return;
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(lhs));
    if (lv != NULL)
        lv->version++;
}

/* Appends the identity of condition `c` to `b` (see fe_cond_key);
 * returns 0 when `c` reads something else. */
static int cond_key_add(fctx *f, CXCursor c, cl_strbuf *b, unsigned depth)
{
    c = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    long long iv;
    if (depth > 16)
        return 0;
    if (k == CXCursor_IntegerLiteral || k == CXCursor_CharacterLiteral) {
        if (!fe_eval_int(c, &iv))
            return 0;
        cl_strbuf_addf(b, "%lld", iv);
        return 1;
    }
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(c);
        if (clang_getCursorKind(d) == CXCursor_EnumConstantDecl && fe_eval_int(c, &iv)) {
            cl_strbuf_addf(b, "%lld", iv);
            return 1;
        }
        if (fe_is_global_var(d)) {
            cl_strbuf_addf(b, "{G%s}", fe_take(A(f), clang_getCursorUSR(d)));
            return 1;
        }
        local_var *lv = fe_find_local(f, d);
        if (lv == NULL || lv->addr_taken)
            return 0;
        cl_strbuf_addf(b, "%s!%u", lv->path, lv->version);
        return 1;
    }
    if (k == CXCursor_MemberRefExpr) {
        const char *g = fe_global_path(f, c);
        if (g != NULL)
            cl_strbuf_addf(b, "{%s}", g);
        return g != NULL;
    }
    if (k != CXCursor_UnaryOperator && k != CXCursor_BinaryOperator && k != CXCursor_ParenExpr)
        return 0;
    if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        if (op != CXUnaryOperator_LNot && op != CXUnaryOperator_Minus && op != CXUnaryOperator_Not)
            return 0;
        cl_strbuf_addf(b, "(u%d ", (int)op);
    } else if (k == CXCursor_BinaryOperator) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
        if (op >= CXBinaryOperator_Assign)
            return 0;
        cl_strbuf_addf(b, "(b%d ", (int)op);
    } else {
        cl_strbuf_add(b, "(");
    }
    kids ks;
    fe_kids_of(c, &ks);
    int ok = ks.n > 0;
    for (size_t i = 0; ok && i < ks.n; i++) {
        cl_strbuf_add(b, i ? " " : "");
        ok = cond_key_add(f, ks.v[i], b, depth + 1);
    }
    fe_kids_free(&ks);
    cl_strbuf_add(b, ")");
    return ok;
}

/* The value of `x op y` into *v; 0 when C leaves it undefined (a division
 * by zero, a shift out of range) or `op` is no arithmetic, bitwise,
 * comparison or logical operator. Evaluated as long long. */
static int binary_value(enum CXBinaryOperatorKind op, long long x, long long y, long long *v)
{
    switch (op) {
    case CXBinaryOperator_Mul: *v = (long long)((unsigned long long)x * (unsigned long long)y); return 1;
    case CXBinaryOperator_Div: if (y == 0 || (y == -1 && x == LLONG_MIN)) return 0; *v = x / y; return 1;
    case CXBinaryOperator_Rem: if (y == 0 || (y == -1 && x == LLONG_MIN)) return 0; *v = x % y; return 1;
    case CXBinaryOperator_Add: *v = (long long)((unsigned long long)x + (unsigned long long)y); return 1;
    case CXBinaryOperator_Sub: *v = (long long)((unsigned long long)x - (unsigned long long)y); return 1;
    case CXBinaryOperator_Shl: if (y < 0 || y > 62 || x < 0) return 0; *v = (long long)((unsigned long long)x << y); return 1;
    case CXBinaryOperator_Shr: if (y < 0 || y > 62) return 0; *v = x >> y; return 1;
    case CXBinaryOperator_LT: *v = x < y; return 1;
    case CXBinaryOperator_GT: *v = x > y; return 1;
    case CXBinaryOperator_LE: *v = x <= y; return 1;
    case CXBinaryOperator_GE: *v = x >= y; return 1;
    case CXBinaryOperator_EQ: *v = x == y; return 1;
    case CXBinaryOperator_NE: *v = x != y; return 1;
    case CXBinaryOperator_And: *v = x & y; return 1;
    case CXBinaryOperator_Xor: *v = x ^ y; return 1;
    case CXBinaryOperator_Or: *v = x | y; return 1;
    case CXBinaryOperator_LAnd: *v = x && y; return 1;
    case CXBinaryOperator_LOr: *v = x || y; return 1;
    default: return 0;
    }
}

/* The value of condition `c` when it is a constant of the program: what
 * libclang folds (literals, enumerators, sizeof), const globals with a
 * constant initializer (fe_const_global_value: C does not fold them,
 * `static const bool debug = false; if (debug)`), and the unary and
 * binary operators over those. 1 and the value in *v, else 0. */
static int const_value(CXCursor c, long long *v, unsigned depth)
{
    c = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (depth > 16)
        return 0;
    if (k == CXCursor_DeclRefExpr)
        return fe_const_global_value(clang_getCursorReferenced(c), v) || fe_eval_int(c, v);
    if (k != CXCursor_UnaryOperator && k != CXCursor_BinaryOperator)
        return fe_eval_int(c, v);
    kids ks;
    fe_kids_of(c, &ks);
    long long x = 0, y = 0;
    int ok = ks.n == (k == CXCursor_UnaryOperator ? 1u : 2u) && const_value(ks.v[0], &x, depth + 1) &&
             (ks.n == 1 || const_value(ks.v[1], &y, depth + 1));
    fe_kids_free(&ks);
    if (!ok)
        return 0;
    if (k == CXCursor_BinaryOperator)
        return binary_value(clang_getCursorBinaryOperatorKind(c), x, y, v);
    switch (clang_getCursorUnaryOperatorKind(c)) {
    case CXUnaryOperator_Plus: *v = x; return 1;
    case CXUnaryOperator_Minus: *v = (long long)(0ULL - (unsigned long long)x); return 1;
    case CXUnaryOperator_Not: *v = ~x; return 1;
    case CXUnaryOperator_LNot: *v = !x; return 1;
    default: return 0;
    }
}

const char *fe_cond_key(fctx *f, CXCursor c)
{
    cl_strbuf b = { NULL, 0, 0 };
    /* `!E` tests what `E` tests, the other way round: "~" + E's key. */
    c = fe_strip(c);
    while (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
           clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n != 1) {
            fe_kids_free(&ks);
            break;
        }
        cl_strbuf_add(&b, "~");
        c = fe_strip(ks.v[0]);
        fe_kids_free(&ks);
    }
    long long v;
    if (const_value(c, &v, 0)) {
        cl_strbuf_addf(&b, "%lld", v);
        const char *key = cl_arena_strdup(A(f), cl_strbuf_str(&b));
        cl_strbuf_release(&b);
        return key;
    }
    const char *key = cond_key_add(f, c, &b, 0) ? cl_arena_strdup(A(f), cl_strbuf_str(&b)) : NULL;
    cl_strbuf_release(&b);
    return key;
}

/* The indexed path of `base[idx]` (ir.h "Indexed paths"): `base_ip`, the
 * indexed path of the array, with the subscript spelled out (`base[-idx]`
 * when `negate`: `base - idx`); when the base already ends in a subscript
 * (`p[j]` with `p = &a[i]`: pointer arithmetic within one array), that
 * subscript becomes unknown. */
static const char *subscript_ipath(fctx *f, const char *base_ip, int collapsed, CXCursor idx,
                                   int negate)
{
    if (collapsed) {
        const char *open = strrchr(base_ip, '[');
        size_t n = open ? (size_t)(open - base_ip) : strlen(base_ip);
        return cl_arena_printf(A(f), "%.*s[?]", (int)n, base_ip);
    }
    long long iv;
    if (fe_eval_int(idx, &iv))
        return cl_arena_printf(A(f), "%s[%lld]", base_ip, negate ? -iv : iv);
    const char *tok = negate ? NULL : fe_index_token(f, idx);
    return cl_arena_printf(A(f), "%s[%s]", base_ip, tok ? tok : "?");
}

const char *fe_index_token(fctx *f, CXCursor c)
{
    CXCursor s = fe_strip(c);
    if (clang_getCursorKind(s) != CXCursor_DeclRefExpr)
        return NULL;
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(s));
    if (lv == NULL || lv->addr_taken)
        return NULL;
    if (lv->copy_tok != NULL && lv->version == 0)
        return lv->copy_tok;
    return cl_arena_printf(A(f), "$%s!%u", lv->path, lv->version);
}

/* `path` + `suffix` for an indexed path `ip` (NULL when the path has no
 * subscript: then the result is NULL too). */
static const char *ipath_cat(fctx *f, const char *ip, const char *suffix)
{
    return ip ? cl_arena_printf(A(f), "%s%s", ip, suffix) : NULL;
}

void fe_note_cond_var(fctx *f, const char *name)
{
    if (f->cond_vars != NULL)
        CL_VEC_PUSH(f->cond_vars, name);
}

int fe_is_list_node(fctx *f, CXCursor c)
{
    c = fe_strip(c);
    if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
        kids ks;
        fe_kids_of(c, &ks);
        CXCursor m = ks.n == 1 ? fe_strip(ks.v[0]) : clang_getNullCursor();
        fe_kids_free(&ks);
        if (clang_getCursorKind(m) != CXCursor_MemberRefExpr)
            return 0;
        fe_kids_of(m, &ks);
        c = ks.n == 1 ? fe_strip(ks.v[0]) : clang_getNullCursor();
        fe_kids_free(&ks);
    }
    if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return 0;
    CXCursor d = clang_getCursorReferenced(c);
    for (size_t i = 0; i < f->list_cursors.n; i++)
        if (clang_equalCursors(f->list_cursors.v[i], d))
            return 1;
    return 0;
}

int fe_is_induction(fctx *f, CXCursor idx)
{
    idx = fe_strip(idx);
    if (clang_getCursorKind(idx) != CXCursor_DeclRefExpr)
        return 0;
    CXCursor d = clang_getCursorReferenced(idx);
    for (size_t i = 0; i < f->induction.n; i++)
        if (clang_equalCursors(f->induction.v[i], d))
            return 1;
    return 0;
}

static int same_tokens(fctx *f, CXCursor a, CXCursor b);

/* Collects into f->incremented the operand of every increment in the
 * function (`++k`, `k++`, `k += ..`). */
static enum CXChildVisitResult find_increments(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    fctx *f = data;
    enum CXCursorKind k = clang_getCursorKind(c);
    int inc = 0;
    if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        inc = op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PostInc;
    } else if (k == CXCursor_CompoundAssignOperator) {
        inc = clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_AddAssign;
    }
    if (inc) {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n > 0)
            CL_VEC_PUSH(&f->incremented, fe_strip(ks.v[0]));
        fe_kids_free(&ks);
    }
    return CXChildVisit_Recurse;
}

/* Is subscript `idx` a slot counter: a member (`c->threads_used`) or a
 * global that the function being lowered increments (`thr =
 * &c->threads[c->threads_used]; spawn(thr); ++c->threads_used;`)? Each
 * execution then takes the next element, another one each time, as an
 * induction variable does in a loop (per_iteration): a thread started on
 * it owns its element. Matched by spelling; a call that is never run
 * twice at once is assumed (a creator, not the threads, hands out the
 * slots). */
static int slot_counter(fctx *f, CXCursor idx)
{
    idx = fe_strip(idx);
    enum CXCursorKind k = clang_getCursorKind(idx);
    if (k != CXCursor_MemberRefExpr &&
        !(k == CXCursor_DeclRefExpr && fe_is_global_var(clang_getCursorReferenced(idx))))
        return 0;
    if (!f->incremented_known) {
        clang_visitChildren(f->fn_decl, find_increments, f);
        f->incremented_known = 1;
    }
    for (size_t i = 0; i < f->incremented.n; i++)
        if (same_tokens(f, f->incremented.v[i], idx))
            return 1;
    return 0;
}

/* Is the subscript `idx` a local variable or parameter whose address is
 * never taken (a value private to this execution of the function) and that
 * is not the induction variable of an enclosing loop? */
static int is_local_index(fctx *f, CXCursor idx)
{
    idx = fe_strip(idx);
    if (clang_getCursorKind(idx) != CXCursor_DeclRefExpr)
        return 0;
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(idx));
    /* A loop's induction variable scans the array: every thread running
     * the loop visits the same elements. */
    return lv != NULL && !lv->addr_taken && !fe_is_induction(f, idx);
}

/* The lvalue of `name`, DeclRefExpr `c`: a global (by USR), or a local
 * whose address is taken; other locals are not tracked (but a condition
 * notes that it reads them). */
static lval decl_lvalue(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    CXCursor d = clang_getCursorReferenced(c);
    const char *name = fe_take(A(f), clang_getCursorSpelling(c));
    r.name = name;
    if (fe_is_global_var(d)) {
        r.path = cl_arena_printf(A(f), "G%s", fe_take(A(f), clang_getCursorUSR(d)));
        r.flags = fe_type_flags(clang_getCursorType(d));
        if (clang_getCursorTLSKind(d) != CXTLS_None)
            r.flags |= CL_ACC_TLS;
        if (clang_isConstQualifiedType(clang_getCursorType(d)))
            r.flags |= CL_ACC_CONST;
    } else {
        local_var *lv = fe_find_local(f, d);
        if (lv != NULL) {
            fe_note_cond_var(f, lv->name);
            if (lv->addr_taken) {
                r.path = lv->published ? lv->published : lv->path;
                r.stack_local = lv->published == NULL;
                r.flags = fe_type_flags(clang_getCursorType(d));
            }
        }
    }
    return r;
}

/* Whether the object of heap local `lv` is still this invocation's alone
 * here (CL_ACC_FRESH). */
static int fresh_object(const fctx *f, const local_var *lv)
{
    return lv->heap && !lv->heap_escaped && !lv->heap_handed && lv->heap_owner == 0 &&
           !lv->addr_taken && f->cur_loop == lv->heap_loop;
}

/* The spelling of the first named field of the run of consecutive
 * non-zero-width bit-fields that bit-field `fd` of struct `rec` belongs
 * to; NULL when there is none. */
static const char *bit_run(fctx *f, CXCursor rec, CXCursor fd)
{
    kids ks;
    fe_kids_of(rec, &ks);
    const char *first = NULL, *found = NULL;
    for (size_t i = 0; i < ks.n && found == NULL; i++) {
        CXCursor c = ks.v[i];
        if (clang_getCursorKind(c) != CXCursor_FieldDecl)
            continue;
        if (!clang_Cursor_isBitField(c) || clang_getFieldDeclBitWidth(c) == 0)
            first = NULL; /* a zero-width bit-field or another member ends the run */
        else if (first == NULL || first[0] == '\0')
            first = fe_take(A(f), clang_getCursorSpelling(c)); /* (unnamed: "") */
        if (clang_equalCursors(c, fd))
            found = first;
    }
    fe_kids_free(&ks);
    return found != NULL && found[0] != '\0' ? found : NULL;
}

/* Whether field `fd` is the unnamed member an anonymous struct or union
 * (C11 6.7.2.1p13) is stored as. */
static int anonymous_field(CXCursor fd)
{
    return clang_getCursorKind(fd) == CXCursor_FieldDecl &&
           clang_Cursor_isAnonymousRecordDecl(
               clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(fd))));
}

/* The spelling of the first named member of anonymous record `rec`, looking
 * into the anonymous records it holds; NULL when it has none. Member names
 * of anonymous records belong to the enclosing struct, so this names `rec`
 * in it, the same in every translation unit. */
static const char *first_member(fctx *f, CXCursor rec)
{
    kids ks;
    fe_kids_of(rec, &ks);
    const char *name = NULL;
    for (size_t i = 0; i < ks.n && name == NULL; i++) {
        if (clang_getCursorKind(ks.v[i]) != CXCursor_FieldDecl)
            continue;
        if (anonymous_field(ks.v[i]))
            name = first_member(
                f, clang_getTypeDeclaration(clang_getCanonicalType(clang_getCursorType(ks.v[i]))));
        else
            name = fe_take(A(f), clang_getCursorSpelling(ks.v[i]));
    }
    fe_kids_free(&ks);
    return name != NULL && name[0] != '\0' ? name : NULL;
}

/* The outermost anonymous union among the anonymous records that hold
 * field `fd` inside its named struct; a null cursor when there is none. */
static CXCursor anonymous_union_of(CXCursor fd)
{
    CXCursor u = clang_getNullCursor();
    for (CXCursor p = clang_getCursorSemanticParent(fd); clang_Cursor_isAnonymousRecordDecl(p);
         p = clang_getCursorSemanticParent(p))
        if (clang_getCursorKind(p) == CXCursor_UnionDecl)
            u = p;
    return u;
}

/* The step that member expression `c` (naming `field` of an object of
 * record type `rt`) adds to the path of the object: ".field", but the
 * members that share storage name one location (C11 3.14, 6.7.2.1):
 * a bit-field names the first named field of its run of consecutive
 * non-zero-width bit-fields (`s.a` and `s.b` in `unsigned a : 1, b : 1;`
 * are both ".a"), and a member of a union adds nothing, the union itself
 * (*whole receives CL_ACC_WHOLE: the access overlaps every member, so it
 * meets `u.s.x` as well). A member of an anonymous union in a struct
 * (`struct { union { int i; float f; }; } r;`: `r.f`) names that union by
 * its first member (".i"), whole. */
static const char *member_step(fctx *f, CXCursor c, CXType rt, const char *field, unsigned *whole)
{
    CXCursor rec = clang_getTypeDeclaration(clang_getCanonicalType(rt));
    if (clang_getCursorKind(rec) == CXCursor_UnionDecl) {
        *whole = CL_ACC_WHOLE;
        return "";
    }
    CXCursor fd = clang_getCursorReferenced(c);
    if (clang_getCursorKind(fd) != CXCursor_FieldDecl)
        return cl_arena_printf(A(f), ".%s", field);
    CXCursor u = anonymous_union_of(fd);
    const char *first = clang_Cursor_isNull(u) ? NULL : first_member(f, u);
    if (first != NULL) {
        *whole = CL_ACC_WHOLE;
        return cl_arena_printf(A(f), ".%s", first);
    }
    CXCursor holder = clang_getCursorSemanticParent(fd);
    if (clang_Cursor_isBitField(fd) && clang_getCursorKind(holder) == CXCursor_StructDecl) {
        first = bit_run(f, holder, fd);
        field = first != NULL ? first : field;
    }
    return cl_arena_printf(A(f), ".%s", field);
}

/* The object whose member MemberRefExpr `c` names, past the unnamed
 * members of anonymous records libclang may show between them (`r.x`
 * with `x` in an anonymous struct: the object is `r`). */
static CXCursor member_base(CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    CXCursor base = ks.n >= 1 ? ks.v[0] : clang_getNullCursor();
    fe_kids_free(&ks);
    if (!clang_Cursor_isNull(base) && clang_getCursorKind(base) == CXCursor_MemberRefExpr &&
        anonymous_field(clang_getCursorReferenced(base)))
        return member_base(base);
    return base;
}

/* The lvalue of `base.field` or `base->field`, MemberRefExpr `c`, without
 * the flags of its own type. */
static lval member_lvalue(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    const char *field = fe_take(A(f), clang_getCursorSpelling(c));
    CXCursor base = member_base(c);
    if (!clang_Cursor_isNull(base)) {
        CXType bt = clang_getCursorType(base);
        unsigned whole = 0;
        const char *step = member_step(
            f, c, fe_is_pointer_type(bt) ? clang_getPointeeType(clang_getCanonicalType(bt)) : bt,
            field, &whole);
        if (fe_is_pointer_type(bt)) {
            lval bl;
            CXCursor b = fe_strip(base);
            local_var *hl = clang_getCursorKind(b) == CXCursor_DeclRefExpr
                                ? fe_find_local(f, clang_getCursorReferenced(b))
                                : NULL;
            unsigned fresh = hl != NULL && fresh_object(f, hl) ? CL_ACC_FRESH : 0;
            cl_value v = fe_eval_value(f, base, &bl);
            r.name = cl_arena_printf(A(f), "%s->%s", bl.name ? bl.name : "(expr)", field);
            if (v.kind == CL_VAL_ADDR) {
                r.path = cl_arena_printf(A(f), "%s%s", v.path, step);
                r.ipath = ipath_cat(f, v.ipath, step);
                r.per_iter = v.per_iteration;
                r.stack_local = v.stack_local;
                r.flags = (v.local_index ? CL_ACC_OWN_ELEMENT : 0) | fresh | whole;
                if (hl != NULL && hl->heap && hl->taken_from != NULL)
                    r.taken = cl_arena_printf(A(f), "%s.%s", hl->taken_from, field);
            }
        } else {
            lval bl = fe_lower_lvalue(f, base);
            r.name = cl_arena_printf(A(f), "%s.%s", bl.name ? bl.name : "(expr)", field);
            if (bl.path != NULL) {
                r.path = cl_arena_printf(A(f), "%s%s", bl.path, step);
                r.ipath = ipath_cat(f, bl.ipath, step);
                r.flags = (bl.flags & (CL_ACC_TLS | CL_ACC_CONST | CL_ACC_VOLATILE |
                                       CL_ACC_ATOMIC | CL_ACC_LOCAL_INDEX | CL_ACC_OWN_ELEMENT |
                                       CL_ACC_FRESH)) | whole;
                r.per_iter = bl.per_iter;
                r.stack_local = bl.stack_local;
                r.index_path = bl.index_path;
                r.taken = bl.taken ? cl_arena_printf(A(f), "%s.%s", bl.taken, field) : NULL;
            }
        }
    }
    return r;
}

/* The lvalue of element `base[idx]` (any element: "[]"; `base[-idx]` when
 * `negate`), without the flags of its own type: an array subscript, or the
 * element pointer arithmetic designates (`*(base + idx)` is `base[idx]`). */
static lval element_lvalue(fctx *f, CXCursor base, CXCursor idx, int negate)
{
    lval r = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    CXCursor sb = fe_strip(base);
    lval bl = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    const char *bpath = NULL, *bip = NULL;
    int per_iter = 0, stack_local = 0;
    if (fe_is_array_type(clang_getCursorType(sb))) {
        bl = fe_lower_lvalue(f, sb);
        bpath = bl.path;
        bip = bl.ipath;
        per_iter = bl.per_iter;
        stack_local = bl.stack_local;
    } else {
        cl_value v = fe_eval_value(f, base, &bl);
        if (v.kind == CL_VAL_ADDR) {
            bpath = v.path;
            bip = v.ipath;
            per_iter = v.per_iteration;
            stack_local = v.stack_local;
        }
    }
    cl_value iv = fe_eval_value(f, idx, NULL);
    r.name = cl_arena_printf(A(f), "%s[]", bl.name ? bl.name : "(expr)");
    /* An index read through a pointer (`a->idx`): where from. */
    if (iv.kind == CL_VAL_LOAD && iv.path != NULL &&
        (iv.path[0] == 'P' || strstr(iv.path, "->") != NULL))
        r.index_path = iv.path;
    else
        r.index_path = bl.index_path;
    /* (kept without a path too: a handle in a heap array, `&tids[i]`) */
    r.per_iter = per_iter || fe_is_induction(f, idx) || slot_counter(f, idx);
    if (bpath != NULL) {
        size_t bl_len = strlen(bpath);
        int collapsed = bl_len >= 2 && strcmp(bpath + bl_len - 2, "[]") == 0;
        if (collapsed)
            r.path = bpath;
        else
            r.path = cl_arena_printf(A(f), "%s[]", bpath);
        r.ipath = subscript_ipath(f, bip ? bip : bpath, collapsed, idx, negate);
        r.flags = bl.flags & (CL_ACC_TLS | CL_ACC_CONST | CL_ACC_LOCAL_INDEX | CL_ACC_OWN_ELEMENT |
                              CL_ACC_FRESH);
        if (is_local_index(f, idx))
            r.flags |= CL_ACC_LOCAL_INDEX;
        r.stack_local = stack_local;
    }
    return r;
}

/* The lvalue of `base[idx]`, ArraySubscriptExpr `c` (element_lvalue). */
static lval subscript_lvalue(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    kids ks;
    fe_kids_of(c, &ks);
    if (ks.n >= 2)
        r = element_lvalue(f, ks.v[0], ks.v[1], 0);
    fe_kids_free(&ks);
    return r;
}

static int pointer_arith(CXCursor s, CXCursor *base, CXCursor *idx, int *negate);

/* The lvalue of `*p`, dereference `c`, without the flags of its own type;
 * `*(base + idx)` is `base[idx]`. */
static lval deref_lvalue(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    kids ks;
    fe_kids_of(c, &ks);
    CXCursor base, idx;
    int negate;
    if (ks.n >= 1 && pointer_arith(fe_strip(ks.v[0]), &base, &idx, &negate)) {
        r = element_lvalue(f, base, idx, negate);
    } else if (ks.n >= 1) {
        lval bl;
        cl_value v = fe_eval_value(f, ks.v[0], &bl);
        r.name = cl_arena_printf(A(f), "*%s", bl.name ? bl.name : "(expr)");
        if (v.kind == CL_VAL_ADDR) {
            r.path = v.path;
            r.ipath = v.ipath;
            r.per_iter = v.per_iteration;
            r.stack_local = v.stack_local;
            r.flags = v.local_index ? CL_ACC_OWN_ELEMENT : 0;
        }
    }
    fe_kids_free(&ks);
    return r;
}

/* Whether pointer member `path` of a round's own element was assigned a
 * value shared by every round (fctx.shared_members). */
static int shared_member(const fctx *f, const char *path)
{
    for (size_t i = 0; i < f->shared_members.n; i++)
        if (strcmp(f->shared_members.v[i], path) == 0)
            return 1;
    return 0;
}

/* Computes the lvalue designated by `c`, emitting the events of evaluating
 * its sub-expressions (pointer loads, subscripts) but not the access itself. */
static lval lower_lvalue_at(fctx *f, CXCursor c)
{
    c = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    lval r;
    if (k == CXCursor_DeclRefExpr)
        return decl_lvalue(f, c);
    if (k == CXCursor_MemberRefExpr) {
        r = member_lvalue(f, c);
    } else if (k == CXCursor_ArraySubscriptExpr) {
        r = subscript_lvalue(f, c);
    } else if (k == CXCursor_UnaryOperator &&
               clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref) {
        r = deref_lvalue(f, c);
    } else {
        /* Not an lvalue we track: evaluate it for its events. */
        fe_lower_expr(f, c);
        return (lval){ NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    }
    r.flags |= fe_type_flags(clang_getCursorType(c));
    return r;
}

/* lower_lvalue_at within the recursion bound (fe_enter/fe_leave). */
lval fe_lower_lvalue(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0, NULL, NULL, NULL };
    if (fe_enter(f, c))
        r = lower_lvalue_at(f, c);
    fe_leave(f);
    return r;
}

cl_value fe_func_value(fctx *f, CXCursor decl)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    v.kind = CL_VAL_FUNC;
    v.func_usr = fe_take(A(f), clang_getCursorUSR(decl));
    v.func_name = fe_take(A(f), clang_getCursorSpelling(decl));
    return v;
}

/* The address of lvalue `l` as a value (CL_VAL_UNKNOWN when `l` is not
 * tracked). */
static cl_value lval_address(const lval *l)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    v.per_iteration = (unsigned)l->per_iter;
    if (l->path != NULL) {
        v.kind = CL_VAL_ADDR;
        v.path = l->path;
        v.stack_local = (unsigned)l->stack_local;
        v.local_index = (l->flags & CL_ACC_LOCAL_INDEX) != 0;
        v.ipath = l->ipath;
    }
    return v;
}

/* The value of `&operand`, AddrOf operator `s`: a function, or the address
 * of the lvalue (received by *as_lval when not NULL). */
static cl_value addr_value(fctx *f, CXCursor s, lval *as_lval)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    kids ks;
    fe_kids_of(s, &ks);
    if (ks.n >= 1) {
        CXCursor op = fe_strip(ks.v[0]);
        if (clang_getCursorKind(op) == CXCursor_DeclRefExpr &&
            clang_getCursorKind(clang_getCursorReferenced(op)) == CXCursor_FunctionDecl) {
            fe_kids_free(&ks);
            return fe_func_value(f, clang_getCursorReferenced(op));
        }
        lval l = fe_lower_lvalue(f, ks.v[0]);
        if (as_lval != NULL)
            *as_lval = l;
        v = lval_address(&l);
    }
    fe_kids_free(&ks);
    return v;
}

/* Whether `s` (casts aside) is pointer arithmetic, `base + idx`, `idx +
 * base` or `base - idx` with `base` a pointer or array and `idx` an
 * integer: fills *base, *idx and *negate (1 for `-`). */
static int pointer_arith(CXCursor s, CXCursor *base, CXCursor *idx, int *negate)
{
    if (clang_getCursorKind(s) != CXCursor_BinaryOperator || !fe_is_pointer_type(clang_getCursorType(s)))
        return 0;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    if (op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub)
        return 0;
    kids ks;
    fe_kids_of(s, &ks);
    int ok = ks.n == 2;
    if (ok) {
        CXType t0 = clang_getCursorType(ks.v[0]);
        int first = fe_is_pointer_type(t0) || fe_is_array_type(t0);
        *base = first ? ks.v[0] : ks.v[1];
        *idx = first ? ks.v[1] : ks.v[0];
        *negate = op == CXBinaryOperator_Sub;
        ok = first || !*negate;
    }
    fe_kids_free(&ks);
    return ok;
}

/* The name of the first named field of struct type `rec` at bit offset
 * `bits`; NULL when there is none. */
static const char *field_at(fctx *f, CXType rec, long long bits)
{
    kids ks;
    fe_kids_of(clang_getTypeDeclaration(rec), &ks);
    const char *found = NULL;
    for (size_t i = 0; i < ks.n && found == NULL; i++) {
        if (clang_getCursorKind(ks.v[i]) != CXCursor_FieldDecl)
            continue;
        const char *name = fe_take(A(f), clang_getCursorSpelling(ks.v[i]));
        if (name[0] != '\0' && clang_Type_getOffsetOf(rec, name) == bits)
            found = name;
    }
    fe_kids_free(&ks);
    return found;
}

/* `base - idx` converted to `c`'s type, a pointer to a struct (container_of,
 * list_entry: `(struct item *)((char *)p - offsetof(struct item, node))`):
 * when `base` points to member `m` of an object (its path ends in ".m") and
 * `idx` is the constant offset of `m` in that struct, the value is the
 * address of the enclosing object (the path without ".m"); when `base` is
 * a parameter's pointer ("P<n>"), "P<n>^m"; other bases give an unknown
 * value. *v receives it. Returns 0 (nothing evaluated) when it is no
 * container_of. Only the member's name is
 * compared: a nested designator (`offsetof(struct s, a.b)`) is not
 * followed. */
static int container_of(fctx *f, CXCursor c, CXCursor base, CXCursor idx, cl_value *v)
{
    CXType t = clang_getCanonicalType(clang_getCursorType(c));
    long long off;
    if (t.kind != CXType_Pointer || !fe_eval_int(idx, &off))
        return 0;
    CXType rec = clang_getCanonicalType(clang_getPointeeType(t));
    if (rec.kind != CXType_Record)
        return 0;
    CXCursor sb = fe_strip(base);
    if (!fe_is_pointer_type(clang_getCursorType(sb)) && !fe_is_array_type(clang_getCursorType(sb)))
        return 0;
    lval bl;
    cl_value b = fe_eval_value(f, sb, &bl);
    const char *dot = b.kind == CL_VAL_ADDR && b.path != NULL ? strrchr(b.path, '.') : NULL;
    if (b.kind == CL_VAL_ADDR && b.path != NULL && b.path[0] == 'P' &&
        strspn(b.path + 1, "0123456789") == strlen(b.path + 1)) {
        /* The parameter's object is member `m` of the result: "P<n>^m"
         * (ir.h "Access paths"), resolved against the argument. */
        const char *m = field_at(f, rec, off * 8);
        memset(v, 0, sizeof *v);
        if (m != NULL) {
            v->kind = CL_VAL_ADDR;
            v->path = cl_arena_printf(A(f), "%s^%s", b.path, m);
        }
        return 1;
    }
    if (dot == NULL || strpbrk(dot, "[-") != NULL || dot[1] == '\0' ||
        clang_Type_getOffsetOf(rec, dot + 1) != off * 8) {
        /* (not one we can name: the value is unknown) */
        memset(v, 0, sizeof *v);
        return 1;
    }
    *v = b;
    v->path = cl_arena_printf(A(f), "%.*s", (int)(dot - b.path), b.path);
    const char *idot = b.ipath != NULL ? strrchr(b.ipath, '.') : NULL;
    v->ipath = idot != NULL ? cl_arena_printf(A(f), "%.*s", (int)(idot - b.ipath), b.ipath) : NULL;
    v->name = NULL;
    return 1;
}

/* The value read from local variable `lv` (declared by `d`) at DeclRefExpr
 * `s`: a load of an address-taken scalar (with its access), the address of
 * a local array, or what was last assigned to a pointer. */
/* The value of a pointer that a loop steps through an array (`for (w =
 * pool->slots; w < end; w++)`, `val` the array or element it started at):
 * the element of this round, as `&base[w]` would be (ir.h "Indexed
 * paths": the pointer's own index token stands for the subscript), and
 * another element each round (per_iteration). */
static cl_value walked_element(fctx *f, CXCursor s, const cl_value *val)
{
    cl_value v = *val;
    size_t n = strlen(val->path);
    int collapsed = n >= 2 && strcmp(val->path + n - 2, "[]") == 0;
    if (!collapsed)
        v.path = cl_arena_printf(A(f), "%s[]", val->path);
    v.ipath = subscript_ipath(f, val->ipath ? val->ipath : val->path, collapsed, s, 0);
    v.per_iteration = 1;
    return v;
}

static cl_value local_value(fctx *f, CXCursor s, CXCursor d, local_var *lv, lval *as_lval)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    fe_note_cond_var(f, lv->name);
    if (as_lval != NULL)
        as_lval->name = lv->name;
    const char *own = lv->published ? lv->published : lv->path;
    if (lv->addr_taken && !fe_is_array_type(clang_getCursorType(d))) {
        lval l = { own, lv->name, fe_type_flags(clang_getCursorType(d)), 0, lv->published == NULL,
                   NULL, NULL, NULL };
        fe_record_access(f, s, &l, M_READ);
        if (!lv->is_pointer) {
            v.kind = CL_VAL_LOAD;
            v.path = own;
            v.stack_local = lv->published == NULL;
            return v;
        }
    }
    if (fe_is_array_type(clang_getCursorType(d))) {
        v.kind = CL_VAL_ADDR;
        v.path = own;
        v.stack_local = lv->published == NULL;
        return v;
    }
    const local_var *h = fe_heap_source(f, lv);
    if (h != NULL) {
        /* Read in the loop (or the invocation) that allocated it, before
         * it was handed to another function (under any name: `q = p;
         * pthread_create(.., q)` hands `p`'s object over): each execution
         * of this expression sees its own object, which no thread has
         * yet. */
        v = lv->val;
        int handed = h->heap_handed ||
                     (h->heap_owner > 0 && f->locals.v[h->heap_owner - 1].heap_handed);
        v.per_iteration = f->cur_loop == h->heap_loop && !handed;
        return v;
    }
    if (lv->is_pointer && lv->val.kind == CL_VAL_ADDR && lv->val.path != NULL && fe_is_induction(f, s))
        return walked_element(f, s, &lv->val);
    return lv->val;
}

local_var *fe_heap_source(fctx *f, local_var *lv)
{
    if (lv->heap)
        return lv;
    if (!lv->is_pointer || lv->val.kind != CL_VAL_ADDR || lv->val.path == NULL || lv->val.path[0] != 'H')
        return NULL;
    for (size_t i = 0; i < f->locals.n; i++) {
        local_var *o = &f->locals.v[i];
        if (o->heap && o->val.path != NULL && strcmp(o->val.path, lv->val.path) == 0)
            return o;
    }
    return NULL;
}

/* Whether `call` (a CallExpr) is named like an allocator: malloc,
 * calloc, realloc, aligned_alloc and every project allocator named after
 * them (xmalloc, zmalloc, mosquitto__calloc, MHD_calloc_), strdup and
 * strndup. */
static int allocator_name(fctx *f, CXCursor call)
{
    CXCursor ref = clang_getCursorReferenced(call);
    if (clang_getCursorKind(call) != CXCursor_CallExpr || clang_Cursor_isNull(ref) ||
        clang_getCursorKind(ref) != CXCursor_FunctionDecl)
        return 0;
    const char *name = fe_take(A(f), clang_getCursorSpelling(ref));
    return strstr(name, "alloc") != NULL || strstr(name, "strdup") != NULL ||
           strstr(name, "strndup") != NULL;
}

/* A scan of a constructor's body (constructor). */
typedef struct ctor_scan {
    fctx *f;
    CXCursor obj;  /* the local it returns; null until a return names one */
    int allocs;    /* stores of an allocator's result into obj */
    int bad;
} ctor_scan;

/* Whether `e` is a null pointer constant. */
static int null_constant(CXCursor e)
{
    long long v;
    return fe_eval_int(e, &v) && v == 0;
}

/* Whether `e` is `&obj->m` (or a deeper member of obj). */
static int obj_member_address(CXCursor e, CXCursor obj)
{
    e = fe_strip(e);
    if (clang_getCursorKind(e) != CXCursor_UnaryOperator ||
        clang_getCursorUnaryOperatorKind(e) != CXUnaryOperator_AddrOf)
        return 0;
    CXCursor m = fe_last_expr_kid(e, NULL);
    int through = 0;
    for (m = fe_strip(m); clang_getCursorKind(m) == CXCursor_MemberRefExpr; m = fe_strip(fe_last_expr_kid(m, NULL)))
        through = 1;
    return through && fe_names_var(m, obj);
}

/* Whether call `c` is one of the C library's (declared in a system
 * header), does not start a thread and so keeps no pointer it gets. */
static int library_keeps_nothing(fctx *f, CXCursor c)
{
    CXCursor ref = clang_getCursorReferenced(c);
    if (clang_Cursor_isNull(ref) || !clang_Location_isInSystemHeader(clang_getCursorLocation(ref)))
        return 0;
    const char *name = fe_take(A(f), clang_getCursorSpelling(ref));
    return strstr(name, "create") == NULL;
}

/* Whether the use of local `obj` as the child `k` (0-based) of `parent`
 * keeps the object the constructor's own: a member or element reached
 * through it, a test of it, a store of an allocator's result (counted)
 * or of NULL into it, its return, memset/free of it. */
static int private_use(ctor_scan *s, CXCursor parent, size_t k, const kids *ks)
{
    enum CXCursorKind pk = clang_getCursorKind(parent);
    if (pk == CXCursor_MemberRefExpr || pk == CXCursor_ArraySubscriptExpr || pk == CXCursor_IfStmt ||
        pk == CXCursor_ReturnStmt)
        return 1;
    if (pk == CXCursor_UnaryOperator)
        return clang_getCursorUnaryOperatorKind(parent) != CXUnaryOperator_AddrOf;
    if (pk == CXCursor_CallExpr) {
        CXCursor ref = clang_getCursorReferenced(parent);
        const char *name = clang_Cursor_isNull(ref) ? "" : fe_take(A(s->f), clang_getCursorSpelling(ref));
        return k > 0 && (strcmp(name, "free") == 0 || strcmp(name, "memset") == 0);
    }
    if (pk != CXCursor_BinaryOperator)
        return 0;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(parent);
    if (op == CXBinaryOperator_EQ || op == CXBinaryOperator_NE || op == CXBinaryOperator_LAnd ||
        op == CXBinaryOperator_LOr)
        return 1;
    if (op != CXBinaryOperator_Assign || k != 0 || ks->n != 2)
        return 0;
    CXCursor rhs = fe_strip(ks->v[1]);
    s->allocs += allocator_name(s->f, rhs);
    return allocator_name(s->f, rhs) || null_constant(rhs);
}

/* Checks every use of s->obj under `c` (private_use); a `&obj->m` may
 * only go to the C library (library_keeps_nothing). */
static void scan_uses(ctor_scan *s, CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    for (size_t i = 0; i < ks.n && !s->bad; i++) {
        if (fe_names_var(ks.v[i], s->obj))
            s->bad = !private_use(s, c, i, &ks);
        else if (obj_member_address(ks.v[i], s->obj) &&
                 !(clang_getCursorKind(c) == CXCursor_CallExpr && library_keeps_nothing(s->f, c)))
            s->bad = 1;
        else
            scan_uses(s, ks.v[i]);
    }
    fe_kids_free(&ks);
}

/* Finds the returns under `c`: each must return NULL or one local of
 * the function (s->obj). */
static void scan_returns(ctor_scan *s, CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    if (clang_getCursorKind(c) == CXCursor_ReturnStmt) {
        CXCursor e = ks.n == 1 ? fe_strip(ks.v[0]) : clang_getNullCursor();
        CXCursor d = clang_getCursorKind(e) == CXCursor_DeclRefExpr ? clang_getCursorReferenced(e)
                                                                    : clang_getNullCursor();
        if (clang_Cursor_isNull(e) ||
            (!null_constant(e) && (clang_getCursorKind(d) != CXCursor_VarDecl || fe_is_global_var(d) ||
                                   (!clang_Cursor_isNull(s->obj) && !clang_equalCursors(d, s->obj)))))
            s->bad = 1;
        else if (!null_constant(e))
            s->obj = d;
    }
    for (size_t i = 0; i < ks.n && !s->bad; i++)
        scan_returns(s, ks.v[i]);
    fe_kids_free(&ks);
}

/* Whether `call` calls a constructor defined in this TU: a function of
 * at most 60 lines that returns NULL or one local pointer, which only
 * receives allocators' results (allocator_name) or NULL, and which it
 * only uses privately (private_use: it fills the object's members,
 * initializes its locks, and neither stores the pointer anywhere nor
 * passes it or a member's address to project code). Its result is a new
 * heap object no other thread can reach (`c = counter_new();`). */
static int constructor(fctx *f, CXCursor call)
{
    CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl ||
        clang_equalCursors(def, f->fn_decl))
        return 0;
    unsigned first, last;
    CXSourceRange r = clang_getCursorExtent(def);
    clang_getSpellingLocation(clang_getRangeStart(r), NULL, &first, NULL, NULL);
    clang_getSpellingLocation(clang_getRangeEnd(r), NULL, &last, NULL, NULL);
    if (last < first || last - first > 60)
        return 0;
    ctor_scan s = { f, clang_getNullCursor(), 0, 0 };
    scan_returns(&s, def);
    if (s.bad || clang_Cursor_isNull(s.obj))
        return 0;
    CXCursor init = fe_last_expr_kid(s.obj, NULL);
    if (!clang_Cursor_isNull(init)) {
        init = fe_strip(init);
        s.allocs += allocator_name(f, init);
        s.bad = !allocator_name(f, init) && !null_constant(init);
    }
    if (!s.bad)
        scan_uses(&s, def);
    return !s.bad && s.allocs > 0;
}

/* Does `call` (a CallExpr) return a new heap object? An allocator by
 * its spelling (allocator_name) or a constructor defined in this TU
 * (constructor); its result must be a pointer. */
static int is_allocator(fctx *f, CXCursor call)
{
    return fe_is_pointer_type(clang_getCursorType(call)) &&
           (allocator_name(f, call) || constructor(f, call));
}

static enum CXChildVisitResult escape_all(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    fctx *f = d;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        local_var *lv = fe_find_local(f, clang_getCursorReferenced(c));
        if (lv != NULL && lv->heap)
            lv->heap_escaped = 1;
    }
    return CXChildVisit_Recurse;
}

/* Like escape_all, but a value read out of the object (`p->n`, `*p`,
 * `p[i]`) does not let the object go; its address (`p`, `&p->lock`,
 * `p->inline_array`) does. */
static enum CXChildVisitResult escape_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        if (op == CXUnaryOperator_AddrOf) {
            clang_visitChildren(c, escape_all, d);
            return CXChildVisit_Continue;
        }
        if (op == CXUnaryOperator_Deref)
            return CXChildVisit_Continue;
    }
    if ((k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr) &&
        !fe_is_array_type(clang_getCursorType(c)))
        return CXChildVisit_Continue;
    return escape_all(c, parent, d);
}

void fe_note_escape(fctx *f, CXCursor e)
{
    if (escape_visit(e, clang_getNullCursor(), f) == CXChildVisit_Recurse)
        clang_visitChildren(e, escape_visit, f);
}

/* The value of `call` when its callee is defined in this TU and its body
 * is only `return &g;`, `g` a global variable (a getter that hands out a
 * module's lock or table); CL_VAL_UNKNOWN otherwise. */
static cl_value returned_global_address(fctx *f, CXCursor call)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl)
        return v;
    kids ks, body, ret;
    fe_kids_of(def, &ks);
    CXCursor b = ks.n > 0 ? ks.v[ks.n - 1] : clang_getNullCursor();
    fe_kids_free(&ks);
    if (clang_getCursorKind(b) != CXCursor_CompoundStmt)
        return v;
    fe_kids_of(b, &body);
    CXCursor r = body.n == 1 ? body.v[0] : clang_getNullCursor();
    fe_kids_free(&body);
    if (clang_getCursorKind(r) != CXCursor_ReturnStmt)
        return v;
    fe_kids_of(r, &ret);
    CXCursor e = ret.n == 1 ? fe_strip(ret.v[0]) : clang_getNullCursor();
    fe_kids_free(&ret);
    if (clang_getCursorKind(e) != CXCursor_UnaryOperator ||
        clang_getCursorUnaryOperatorKind(e) != CXUnaryOperator_AddrOf)
        return v;
    fe_kids_of(e, &ret);
    CXCursor g = ret.n == 1 ? fe_strip(ret.v[0]) : clang_getNullCursor();
    fe_kids_free(&ret);
    if (clang_getCursorKind(g) == CXCursor_DeclRefExpr && fe_is_global_var(clang_getCursorReferenced(g)))
        v = fe_eval_value(f, e, NULL);
    return v;
}

void fe_note_allocation(fctx *f, local_var *lv, CXCursor call)
{
    lv->heap = lv->heap_handed = lv->heap_escaped = 0;
    lv->heap_owner = 0;
    lv->taken_from = NULL;
    memset(&lv->val, 0, sizeof lv->val);
    if (lv->is_pointer && !is_allocator(f, call))
        lv->val = returned_global_address(f, call);
    if (!lv->is_pointer || !is_allocator(f, call))
        return;
    lv->heap = 1;
    lv->heap_loop = f->cur_loop;
    lv->val.kind = CL_VAL_ADDR;
    lv->val.path = cl_arena_printf(A(f), "H%s", lv->path + 1);
}

/* The local `rhs` reads through: the variable at the root of a chain of
 * member accesses (`it->next`, `it->link.next`), or NULL. */
static local_var *read_through(fctx *f, CXCursor rhs)
{
    CXCursor c = fe_strip(rhs);
    int through = 0;
    while (clang_getCursorKind(c) == CXCursor_MemberRefExpr) {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n == 0) {
            fe_kids_free(&ks);
            return NULL;
        }
        c = fe_strip(ks.v[0]);
        fe_kids_free(&ks);
        through = 1;
    }
    if (!through || clang_getCursorKind(c) != CXCursor_DeclRefExpr)
        return NULL;
    return fe_find_local(f, clang_getCursorReferenced(c));
}

/* Whether cursors `a` and `b` are spelled with the same tokens. */
static int same_tokens(fctx *f, CXCursor a, CXCursor b)
{
    CXToken *ta = NULL, *tb = NULL;
    unsigned na = 0, nb = 0;
    clang_tokenize(f->cxtu, clang_getCursorExtent(a), &ta, &na);
    clang_tokenize(f->cxtu, clang_getCursorExtent(b), &tb, &nb);
    int same = na > 0 && na == nb;
    for (unsigned i = 0; same && i < na; i++) {
        CXString x = clang_getTokenSpelling(f->cxtu, ta[i]), y = clang_getTokenSpelling(f->cxtu, tb[i]);
        same = strcmp(clang_getCString(x), clang_getCString(y)) == 0;
        clang_disposeString(x);
        clang_disposeString(y);
    }
    if (ta != NULL)
        clang_disposeTokens(f->cxtu, ta, na);
    if (tb != NULL)
        clang_disposeTokens(f->cxtu, tb, nb);
    return same;
}

/* Whether `rhs` reads a member of what lvalue `lhs` points to (`q->head =
 * q->head->next`). */
static int reads_through_itself(fctx *f, CXCursor lhs, CXCursor rhs)
{
    CXCursor c = fe_strip(rhs);
    if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
        return 0;
    kids ks;
    fe_kids_of(c, &ks);
    int same = ks.n > 0 && same_tokens(f, fe_strip(ks.v[0]), fe_strip(lhs));
    fe_kids_free(&ks);
    return same;
}

/* Whether local `lv` holds the value loaded from the location at path
 * `dest` (a pointer loaded from it designates "<dest>->"). */
static int holds_value_of(const local_var *lv, const char *dest)
{
    const char *p = lv->val.path;
    size_t n = strlen(dest);
    return lv->is_pointer && lv->val.kind == CL_VAL_ADDR && p != NULL &&
           strncmp(p, dest, n) == 0 && strcmp(p + n, "->") == 0;
}

/* Whether an enclosing `if` reads the location at `path` and local `lv`
 * in its condition (`if (q->head == it)`: the head re-checked before the
 * unlink). */
static int rechecked(const fctx *f, const local_var *lv, const char *path)
{
    for (size_t i = 0; i < f->guards.n; i++) {
        const cl_node *br = f->guards.v[i], *c = br->cond;
        int reads = 0;
        for (size_t k = 0; c != NULL && k < c->nkids && !reads; k++)
            reads = c->kids[k]->kind == CL_N_EVENT && c->kids[k]->ev->kind == CL_EV_ACCESS &&
                    strcmp(c->kids[k]->ev->u.access.path, path) == 0;
        for (size_t k = 0; reads && k < br->ncond_vars; k++)
            if (strcmp(br->cond_vars[k], lv->name) == 0)
                return 1;
    }
    return 0;
}

void fe_note_unlink(fctx *f, CXCursor lhs, CXCursor rhs, const lval *dest)
{
    if (dest->path == NULL || strstr(dest->path, "[]") != NULL)
        return;
    size_t held = 0;
    for (size_t i = 0; i < f->locals.n; i++)
        held += (size_t)holds_value_of(&f->locals.v[i], dest->path);
    if (held == 0)
        return; /* (most stores: the costly tests below are not needed) */
    local_var *via = read_through(f, rhs);
    long long v = 1;
    /* (every local holding the old value: the new one is null or the next
     * of the old) */
    int all = fe_is_pointer_type(clang_getCursorType(rhs)) &&
              ((fe_eval_int(fe_strip(rhs), &v) && v == 0) || reads_through_itself(f, lhs, rhs));
    for (size_t i = 0; i < f->locals.n; i++) {
        local_var *lv = &f->locals.v[i];
        if ((via != lv && !all) || !holds_value_of(lv, dest->path) ||
            (lv->set_at != f->unlocks && !rechecked(f, lv, dest->path)))
            continue;
        memset(&lv->val, 0, sizeof lv->val);
        lv->heap = 1;
        lv->heap_handed = lv->heap_escaped = 0;
        lv->heap_owner = 0;
        lv->heap_loop = f->cur_loop;
        lv->val.kind = CL_VAL_ADDR;
        lv->val.path = cl_arena_printf(A(f), "H%s", lv->path + 1);
        /* (a global's or a parameter's structure: one other threads share) */
        lv->taken_from = dest->path[0] == 'G' || dest->path[0] == 'P'
                             ? cl_arena_printf(A(f), "%s->", dest->path)
                             : NULL;
    }
}

/* The local variable whose address `rhs` (casts aside) is: `&x`, or an
 * array `x`; NULL otherwise. */
static local_var *address_of_local(fctx *f, CXCursor rhs)
{
    CXCursor x = rhs;
    if (clang_getCursorKind(rhs) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(rhs) == CXUnaryOperator_AddrOf) {
        kids ks;
        fe_kids_of(rhs, &ks);
        x = ks.n == 1 ? fe_strip(ks.v[0]) : clang_getNullCursor();
        fe_kids_free(&ks);
    } else if (!fe_is_array_type(clang_getCursorType(rhs))) {
        return NULL;
    }
    if (clang_getCursorKind(x) != CXCursor_DeclRefExpr)
        return NULL;
    return fe_find_local(f, clang_getCursorReferenced(x));
}

void fe_note_publish(fctx *f, CXCursor rhs, const lval *dest)
{
    rhs = fe_strip(rhs);
    if (dest->path == NULL || strstr(dest->path, "[]") != NULL)
        return;
    local_var *al = address_of_local(f, rhs);
    if (al != NULL && al->addr_taken && dest->path[0] == 'G' && strstr(dest->path, "->") == NULL) {
        al->published = cl_arena_printf(A(f), "%s->", dest->path);
        return;
    }
    if (clang_getCursorKind(rhs) != CXCursor_DeclRefExpr)
        return;
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(rhs));
    if (lv == NULL || !lv->heap)
        return;
    /* (Not into a parameter's object: a list or table insertion helper,
     * `list->tail = node`, links the node into a container whose other
     * nodes the path would then name.) */
    char root = dest->path[0];
    int global = root == 'G' && strstr(dest->path, "->") == NULL;
    int one_object = root == 'H' || global || (root == 'L' && strstr(dest->path, "->") != NULL);
    if (!one_object)
        return;
    lv->val.path = cl_arena_printf(A(f), "%s->", dest->path);
    lv->taken_from = NULL; /* (put back: where it is now is its path) */
    if (global)
        lv->heap_handed = 1;
    /* The local whose object now holds it: "H<fn>#name@line.field". */
    for (size_t i = 0; root == 'H' && i < f->locals.n; i++) {
        const local_var *o = &f->locals.v[i];
        size_t n = strlen(o->path + 1);
        if (o->heap && strncmp(o->path + 1, dest->path + 1, n) == 0 && dest->path[1 + n] == '.')
            lv->heap_owner = i + 1;
    }
}

/* What publish_visit looks for in a callee's body: a store of parameter
 * `k` into a member of what parameter `j` points to; `field` receives the
 * member's name. */
typedef struct push_store {
    fctx *f;
    CXCursor def;
    int j, k;
    const char *field;
} push_store;

/* The index of the parameter of `def` that DeclRefExpr `e` names, or -1. */
static int param_index(CXCursor def, CXCursor e)
{
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        return -1;
    CXCursor d = clang_getCursorReferenced(e);
    int n = clang_Cursor_getNumArguments(def);
    for (int i = 0; i < n; i++)
        if (clang_equalCursors(d, clang_Cursor_getArgument(def, (unsigned)i)))
            return i;
    return -1;
}

static enum CXChildVisitResult publish_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    push_store *ps = d;
    if (clang_getCursorKind(c) != CXCursor_BinaryOperator ||
        clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign)
        return CXChildVisit_Recurse;
    kids ks, lk;
    fe_kids_of(c, &ks);
    CXCursor lhs = ks.n == 2 ? fe_strip(ks.v[0]) : clang_getNullCursor();
    int k = ks.n == 2 ? param_index(ps->def, fe_strip(ks.v[1])) : -1;
    fe_kids_free(&ks);
    if (k != ps->k || clang_getCursorKind(lhs) != CXCursor_MemberRefExpr)
        return CXChildVisit_Continue;
    fe_kids_of(lhs, &lk);
    int through = lk.n == 1 && fe_is_pointer_type(clang_getCursorType(lk.v[0])) &&
                  param_index(ps->def, fe_strip(lk.v[0])) == ps->j;
    fe_kids_free(&lk);
    if (!through)
        return CXChildVisit_Continue;
    ps->field = fe_take(A(ps->f), clang_getCursorSpelling(lhs));
    return CXChildVisit_Break;
}

void fe_note_publish_by_call(fctx *f, CXCursor call, const cl_value *args, int nargs)
{
    CXCursor def = clang_getCursorDefinition(clang_getCursorReferenced(call));
    if (clang_Cursor_isNull(def) || clang_getCursorKind(def) != CXCursor_FunctionDecl)
        return;
    for (int k = 0; k < nargs; k++) {
        CXCursor a = fe_strip(clang_Cursor_getArgument(call, (unsigned)k));
        local_var *lv = clang_getCursorKind(a) == CXCursor_DeclRefExpr
                            ? fe_find_local(f, clang_getCursorReferenced(a))
                            : NULL;
        if (lv == NULL || !lv->heap)
            continue;
        for (int j = 0; j < nargs; j++) {
            const cl_value *q = &args[j];
            if (j == k || q->kind != CL_VAL_ADDR || q->path == NULL || q->path[0] != 'G' ||
                strstr(q->path, "->") != NULL || strstr(q->path, "[]") != NULL)
                continue;
            push_store ps = { f, def, j, k, NULL };
            clang_visitChildren(def, publish_visit, &ps);
            if (ps.field == NULL)
                continue;
            lv->val.path = cl_arena_printf(A(f), "%s.%s->", q->path, ps.field);
            lv->heap_handed = 1;
            lv->taken_from = NULL;
            break;
        }
    }
}

/* The value read from the lvalue `s` (a global, a member, an element, a
 * dereference), with the read access; *as_lval (may be NULL) receives the
 * lvalue. An array or function designator decays to its address. */
/* The value lvalue `l` (of type `t`) holds, as a read of it yields: the
 * address of the first element of an array, the object a pointer points
 * to, else a load of the location. No access is recorded. */
static cl_value lval_value(fctx *f, const lval *l, CXType t)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    if (fe_is_array_type(t) || clang_getCanonicalType(t).kind == CXType_FunctionProto) {
        /* An array decays to a pointer to its first element: no load. */
        if (l->path != NULL) {
            v.kind = CL_VAL_ADDR;
            v.path = l->path;
            v.ipath = l->ipath;
            v.per_iteration = (unsigned)l->per_iter;
            v.stack_local = (unsigned)l->stack_local;
        }
    } else if (l->path != NULL && fe_is_pointer_type(t)) {
        /* The pointer stored at `l`: `jobs[i]` in the spawn loop hands
         * each thread the object its own element points to. */
        v.kind = CL_VAL_ADDR;
        v.path = cl_arena_printf(A(f), "%s->", l->path);
        v.ipath = ipath_cat(f, l->ipath, "->");
        v.per_iteration = (unsigned)l->per_iter && !shared_member(f, l->path);
    } else if (l->path != NULL) {
        v.kind = CL_VAL_LOAD;
        v.path = l->path;
        v.ipath = l->ipath;
        v.per_iteration = (unsigned)l->per_iter;
        v.stack_local = (unsigned)l->stack_local;
    } else {
        v.per_iteration = (unsigned)l->per_iter; /* an untracked handle, `tids[i]` */
    }
    return v;
}

static cl_value read_value(fctx *f, CXCursor s, lval *as_lval)
{
    CXType t = clang_getCursorType(s);
    lval l = fe_lower_lvalue(f, s);
    if (as_lval != NULL)
        *as_lval = l;
    if (!fe_is_array_type(t) && clang_getCanonicalType(t).kind != CXType_FunctionProto)
        fe_record_access(f, s, &l, M_READ);
    return lval_value(f, &l, t);
}

/* The functions `c` chooses from when it is a function designator (`w`,
 * `&w`), a null pointer constant (no function) or a conditional between
 * such (`argc > 1 ? w2 : w1`), pushed on `out`; 0 when it is anything else. */
typedef struct { CXCursor *v; size_t n, cap; } cursors;

static int designated_functions(CXCursor c, cursors *out)
{
    CXCursor s = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(s);
    kids ks;
    fe_kids_of(s, &ks);
    int ok = 0;
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(s);
        ok = clang_getCursorKind(d) == CXCursor_FunctionDecl;
        if (ok)
            CL_VEC_PUSH(out, d);
    } else if (k == CXCursor_UnaryOperator) {
        ok = clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf && ks.n == 1 &&
             designated_functions(ks.v[0], out);
    } else if (k == CXCursor_ConditionalOperator) {
        ok = ks.n == 3 && designated_functions(ks.v[1], out) && designated_functions(ks.v[2], out);
    } else {
        long long iv;
        ok = (k == CXCursor_GNUNullExpr || (fe_eval_int(s, &iv) && iv == 0));
    }
    fe_kids_free(&ks);
    return ok;
}

/* The value of conditional `s` (lowered here) that chooses between
 * functions (designated_functions): each candidate is stored in a
 * temporary of the function, "L<fn>#?<column>@<line>" (a FUNCREF event
 * each), and the value is what the temporary points to, as a call through
 * a local table of functions is (`kinds[i]`: "L...#kinds@6[]->"); so a
 * spawn or a call through the value may start or call any candidate.
 * Returns an unknown value for other conditionals. */
static cl_value function_choice(fctx *f, CXCursor s)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    cursors fns = { NULL, 0, 0 };
    int ok = designated_functions(s, &fns);
    fe_lower_expr(f, s);
    if (ok && fns.n > 0) {
        cl_loc at = fe_loc_of(f, s);
        const char *tmp = cl_arena_printf(A(f), "L%s#?%u@%u", f->fn_usr, at.col, at.line);
        for (size_t i = 0; i < fns.n; i++) {
            cl_event *e = fe_emit(f, CL_EV_FUNCREF, at);
            e->u.funcref = fe_func_value(f, fns.v[i]);
            e->u.funcref.path = tmp;
        }
        v.kind = CL_VAL_ADDR;
        v.path = cl_arena_printf(A(f), "%s->", tmp);
    }
    free(fns.v);
    return v;
}

/* Evaluates `c` as an rvalue: emits its events and returns what we know of
 * the value. If `as_lval` is given it receives the lvalue read (for names). */
static cl_value eval_value_at(fctx *f, CXCursor c, lval *as_lval)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    if (as_lval != NULL) {
        as_lval->path = NULL;
        as_lval->name = NULL;
    }
    CXCursor s = fe_strip(c);
    enum CXCursorKind k = clang_getCursorKind(s);
    CXType t = clang_getCursorType(s);
    if (k == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf)
        return addr_value(f, s, as_lval);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(s);
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk == CXCursor_FunctionDecl)
            return fe_func_value(f, d);
        if (dk == CXCursor_EnumConstantDecl) {
            long long iv;
            if (fe_eval_int(s, &iv)) {
                v.kind = CL_VAL_INT;
                v.ival = iv;
            }
            return v;
        }
        local_var *lv = fe_find_local(f, d);
        if (lv != NULL)
            return local_value(f, s, d, lv, as_lval);
        /* fall through: a global */
    }
    local_var *u = k == CXCursor_MemberRefExpr ? fe_union_member_local(f, s) : NULL;
    if (u != NULL && u->val.kind != CL_VAL_UNKNOWN)
        return u->val;
    if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr ||
        k == CXCursor_ArraySubscriptExpr ||
        (k == CXCursor_UnaryOperator &&
         clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_Deref))
        return read_value(f, s, as_lval);
    if (k == CXCursor_GNUNullExpr) {
        v.kind = CL_VAL_NULL;
        return v;
    }
    CXCursor base, idx;
    int negate;
    if (pointer_arith(s, &base, &idx, &negate)) {
        /* `base + idx` points to `base[idx]` (an enclosing struct for a
         * container_of). */
        if (negate && container_of(f, c, base, idx, &v))
            return v;
        lval l = element_lvalue(f, base, idx, negate);
        if (as_lval != NULL)
            *as_lval = l;
        return lval_address(&l);
    }
    if (k == CXCursor_IntegerLiteral || k == CXCursor_CharacterLiteral) {
        long long iv;
        if (fe_eval_int(s, &iv)) {
            v.kind = iv == 0 && fe_is_pointer_type(clang_getCursorType(c)) ? CL_VAL_NULL : CL_VAL_INT;
            v.ival = iv;
        }
        return v;
    }
    if (k == CXCursor_ConditionalOperator)
        return function_choice(f, s);
    fe_lower_expr(f, s);
    if (k == CXCursor_BinaryOperator &&
        clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Assign) {
        /* `a = b = &x` (multipathd's `vecs = gvecs = init_vecs()`): the
         * value of `b = &x` is what `b` holds now (the right side ran
         * once, in the assignment just lowered): a local's value, or what
         * a read of `b` would yield, with no read recorded */
        kids ks;
        fe_kids_of(s, &ks);
        CXCursor lhs = ks.n == 2 ? fe_strip(ks.v[0]) : clang_getNullCursor();
        if (clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
            fe_find_local(f, clang_getCursorReferenced(lhs)) != NULL) {
            v = eval_value_at(f, lhs, as_lval);
        } else if (ks.n == 2) {
            lval l = fe_lower_lvalue(f, lhs);
            v = lval_value(f, &l, clang_getCursorType(lhs));
        }
        fe_kids_free(&ks);
        return v;
    }
    if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator) {
        long long iv;
        /* Constant expressions such as `-1` or `1000 * 10`. */
        if (clang_getCanonicalType(t).kind != CXType_Pointer && fe_eval_int(s, &iv)) {
            v.kind = CL_VAL_INT;
            v.ival = iv;
        }
    }
    return v;
}

/* eval_value_at within the recursion bound (fe_enter/fe_leave). */
cl_value fe_eval_value(fctx *f, CXCursor c, lval *as_lval)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    if (fe_enter(f, c))
        v = eval_value_at(f, c, as_lval);
    else if (as_lval != NULL)
        memset(as_lval, 0, sizeof *as_lval);
    fe_leave(f);
    return v;
}
