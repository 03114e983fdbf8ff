/* counters.c - step counters: locals a loop body steps once per round, so
 * that the element they subscript is another one in each round, as with
 * the loop's induction variable (lower.h, fe_step_counters).
 *
 *   for (j = 0; j < npaths; j++) {
 *       if (!usable(j))
 *           continue;                      (before any use: no slot taken)
 *       strcpy(slot[count].dev, name(j));
 *       pthread_create(&slot[count].id, NULL, fn, &slot[count]);
 *       count = count + 1;                 (the only write of count)
 *   }
 */
#include "frontend/lower.h"

/* The local variable `s` steps by one (`v++`, `++v`, `v += 1`, `v = v +
 * 1`), as its VarDecl cursor; the null cursor otherwise. */
static CXCursor stepped(CXCursor s)
{
    CXCursor none = clang_getNullCursor(), var = none;
    enum CXCursorKind k = clang_getCursorKind(s);
    kids ks;
    fe_kids_of(s, &ks);
    long long one;
    if (k == CXCursor_UnaryOperator && ks.n == 1) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(s);
        if (op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PostInc)
            var = fe_strip(ks.v[0]);
    } else if (k == CXCursor_CompoundAssignOperator && ks.n == 2 &&
               clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_AddAssign &&
               fe_eval_int(fe_strip(ks.v[1]), &one) && one == 1) {
        var = fe_strip(ks.v[0]);
    } else if (k == CXCursor_BinaryOperator && ks.n == 2 &&
               clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Assign) {
        CXCursor rhs = fe_strip(ks.v[1]);
        kids rs;
        fe_kids_of(rhs, &rs);
        if (clang_getCursorKind(rhs) == CXCursor_BinaryOperator &&
            clang_getCursorBinaryOperatorKind(rhs) == CXBinaryOperator_Add && rs.n == 2 &&
            fe_eval_int(fe_strip(rs.v[1]), &one) && one == 1 &&
            clang_getCursorKind(fe_strip(ks.v[0])) == CXCursor_DeclRefExpr &&
            fe_names_var(rs.v[0], clang_getCursorReferenced(fe_strip(ks.v[0]))))
            var = fe_strip(ks.v[0]);
        fe_kids_free(&rs);
    }
    fe_kids_free(&ks);
    if (clang_getCursorKind(var) != CXCursor_DeclRefExpr)
        return none;
    return clang_getCursorReferenced(var);
}

typedef struct scan {
    CXCursor var;
    unsigned writes;    /* assignments, increments and decrements of var */
    unsigned subscripts;/* array subscripts that are var */
    unsigned jumps;     /* `continue` of the loop scanned, any `goto` */
    unsigned address;   /* &var */
    unsigned loops;     /* loops entered (a `continue` inside one is its own) */
} scan;

static enum CXChildVisitResult scan_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    scan *s = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_ForStmt || k == CXCursor_WhileStmt || k == CXCursor_DoStmt) {
        s->loops++;
        clang_visitChildren(c, scan_visit, s);
        s->loops--;
        return CXChildVisit_Continue;
    }
    if ((k == CXCursor_ContinueStmt && s->loops == 0) || k == CXCursor_GotoStmt ||
        k == CXCursor_IndirectGotoStmt)
        s->jumps++;
    kids ks;
    fe_kids_of(c, &ks);
    if (ks.n > 0) {
        int lhs = fe_names_var(ks.v[0], s->var);
        if (k == CXCursor_ArraySubscriptExpr && ks.n == 2 && fe_names_var(ks.v[1], s->var))
            s->subscripts++;
        else if (k == CXCursor_UnaryOperator && lhs) {
            enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
            s->writes += op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PostInc ||
                         op == CXUnaryOperator_PreDec || op == CXUnaryOperator_PostDec;
            s->address += op == CXUnaryOperator_AddrOf;
        } else if ((k == CXCursor_CompoundAssignOperator ||
                    (k == CXCursor_BinaryOperator &&
                     clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign)) &&
                   lhs) {
            s->writes++;
        }
    }
    fe_kids_free(&ks);
    return CXChildVisit_Recurse;
}

/* What cursor `c` and everything below it do with `var`. */
static scan scan_of(CXCursor c, CXCursor var)
{
    scan s = { var, 0, 0, 0, 0, 0 };
    if (!clang_Cursor_isNull(c) && scan_visit(c, c, &s) == CXChildVisit_Recurse)
        clang_visitChildren(c, scan_visit, &s);
    return s;
}


size_t fe_step_counters(fctx *f, CXCursor body, CXCursor cond, CXCursor inc, CXCursor ind,
                        CXCursor *out, size_t max)
{
    size_t n = 0;
    if (clang_getCursorKind(body) != CXCursor_CompoundStmt)
        return 0;
    kids ks;
    fe_kids_of(body, &ks);
    for (size_t i = 0; i < ks.n && n < max; i++) {
        CXCursor var = stepped(fe_strip(ks.v[i]));
        if (clang_Cursor_isNull(var) || (!clang_Cursor_isNull(ind) && clang_equalCursors(var, ind)))
            continue;
        local_var *lv = fe_find_local(f, var);
        if (lv == NULL || lv->addr_taken)
            continue;
        scan in_body = scan_of(body, var);
        if (in_body.writes != 1 || in_body.address || scan_of(cond, var).writes > 0 ||
            scan_of(inc, var).writes > 0)
            continue;
        size_t first = i;
        for (size_t j = 0; j < i && first == i; j++)
            if (scan_of(ks.v[j], var).subscripts > 0)
                first = j;
        int jumps = 0;
        for (size_t j = first; j < i; j++)
            jumps += scan_of(ks.v[j], var).jumps > 0;
        if (first < i && jumps == 0)
            out[n++] = var;
    }
    fe_kids_free(&ks);
    return n;
}
