/* decls.c - the top-level walk of a translation unit: function definitions
 * outside system headers (their parameters, a pre-pass over their locals,
 * their bodies), global and static variables, and the functions named in
 * global initializers (callback tables). See lower.h.
 */
#include "frontend/lower.h"

#include <string.h>

#include "util/bytes.h"

/* The locals pre-pass (prepass_visit, before a body is lowered): records
 * every local variable of the function in f->locals, marks those whose
 * address is taken (`&x`, `&x.f`, `&x[i]`), whose accesses are then
 * tracked, and those assigned after their declaration (mark_assigned). */
static void mark_addr_taken(fctx *f, CXCursor operand)
{
    for (;;) {
        operand = fe_strip(operand);
        enum CXCursorKind k = clang_getCursorKind(operand);
        if (k == CXCursor_DeclRefExpr) {
            local_var *lv = fe_find_local(f, clang_getCursorReferenced(operand));
            if (lv != NULL)
                lv->addr_taken = 1;
            return;
        }
        if (k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr)
            return;
        kids ks;
        fe_kids_of(operand, &ks);
        if (ks.n == 0) {
            fe_kids_free(&ks);
            return;
        }
        CXCursor base = ks.v[0];
        fe_kids_free(&ks);
        /* `&p->x` takes the address of what p points to, not of p. */
        if (fe_is_pointer_type(clang_getCursorType(fe_strip(base))))
            return;
        operand = base;
    }
}

/* Marks the local or parameter `lhs` names as reassigned (lower.h), and
 * as no flag (local_var.not_flag) unless `rhs`, the value a plain `=`
 * stores (a null cursor for `++`, `+=`, ...), is an integer constant. */
static void mark_assigned(fctx *f, CXCursor lhs, CXCursor rhs)
{
    lhs = fe_strip(lhs);
    if (clang_getCursorKind(lhs) != CXCursor_DeclRefExpr)
        return;
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(lhs));
    long long v;
    if (lv != NULL) {
        lv->reassigned = 1;
        lv->not_flag |= clang_Cursor_isNull(rhs) || !fe_eval_int(rhs, &v);
    }
}

static enum CXChildVisitResult prepass_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    fctx *f = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_VarDecl && !fe_is_global_var(c)) {
        local_var lv;
        memset(&lv, 0, sizeof lv);
        lv.decl = c;
        lv.name = fe_take(A(f), clang_getCursorSpelling(c));
        lv.param_index = -1;
        lv.copy_param = -1;
        lv.is_pointer = fe_is_pointer_type(clang_getCursorType(c));
        lv.is_union = clang_getCursorKind(clang_getTypeDeclaration(clang_getCanonicalType(
                          clang_getCursorType(c)))) == CXCursor_UnionDecl;
        lv.path = cl_arena_printf(A(f), "L%s#%s@%u", f->fn_usr, lv.name, fe_loc_of(f, c).line);
        /* Local arrays decay to pointers wherever they are used: treat
         * them as address-taken. */
        lv.addr_taken = fe_is_array_type(clang_getCursorType(c));
        CL_VEC_PUSH(&f->locals, lv);
    } else if (k == CXCursor_UnaryOperator) {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n > 0 && op == CXUnaryOperator_AddrOf)
            mark_addr_taken(f, ks.v[0]);
        else if (ks.n > 0 && op >= CXUnaryOperator_PostInc && op <= CXUnaryOperator_PreDec)
            mark_assigned(f, ks.v[0], clang_getNullCursor());
        fe_kids_free(&ks);
    } else if (k == CXCursor_CompoundAssignOperator ||
               (k == CXCursor_BinaryOperator &&
                clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign)) {
        kids ks;
        fe_kids_of(c, &ks);
        if (ks.n == 2)
            mark_assigned(f, ks.v[0], k == CXCursor_BinaryOperator ? ks.v[1] : clang_getNullCursor());
        fe_kids_free(&ks);
    }
    return CXChildVisit_Recurse;
}

/* The CL_FN_CONSTRUCTOR or CL_FN_DESTRUCTOR flag of function `fn`, for
 * `__attribute__((constructor))` or `((destructor))` (or the `__x__`
 * spellings) on this declaration or an earlier one: an attribute child
 * whose tokens name it (libclang shows it as an unexposed attribute);
 * 0 for neither. */
static unsigned ctor_flag(fctx *f, CXCursor fn)
{
    kids ks;
    fe_kids_of(fn, &ks);
    unsigned found = 0;
    for (size_t i = 0; i < ks.n && !found; i++) {
        /* (tokens are costly: only in a file whose text has the word) */
        if (clang_getCursorKind(ks.v[i]) != CXCursor_UnexposedAttr ||
            !fe_file_says_ctor(f, clang_getCursorLocation(ks.v[i])))
            continue;
        static const char *const words[] = { "constructor", "__constructor__", "destructor",
                                             "__destructor__", NULL };
        unsigned w = fe_range_word(f, clang_getCursorExtent(ks.v[i]), words);
        found = w == 0 ? 0 : w <= 2 ? CL_FN_CONSTRUCTOR : CL_FN_DESTRUCTOR;
    }
    fe_kids_free(&ks);
    return found;
}

static void lower_function(fctx *f, CXCursor fn, cl_function *out)
{
    out->usr = fe_take(A(f), clang_getCursorUSR(fn));
    out->name = fe_take(A(f), clang_getCursorSpelling(fn));
    out->loc = fe_loc_of(f, fn);
    if (clang_getCursorLinkage(fn) == CXLinkage_Internal)
        out->flags |= CL_FN_STATIC;
    if (clang_isFunctionTypeVariadic(clang_getCursorType(fn)))
        out->flags |= CL_FN_VARIADIC;
    out->flags |= ctor_flag(f, fn);
    f->fn_usr = out->usr;
    f->fn_decl = fn;
    f->locals.n = 0;
    f->induction.n = 0;
    f->incremented.n = 0;
    f->incremented_known = 0;
    f->shared_members.n = 0;
    f->cur_loop = f->nloops = 0;
    f->labels.n = 0;
    f->elem_results.n = 0;
    f->unlocks = 0;
    f->guards.n = 0;
    f->outcome.call = NULL;
    int np = clang_Cursor_getNumArguments(fn);
    if (np < 0)
        np = 0;
    out->nparams = (size_t)np;
    out->param_names = np ? cl_arena_alloc(A(f), (size_t)np * sizeof *out->param_names) : NULL;
    for (int i = 0; i < np; i++) {
        CXCursor p = clang_Cursor_getArgument(fn, (unsigned)i);
        local_var lv;
        memset(&lv, 0, sizeof lv);
        lv.decl = p;
        lv.name = fe_take(A(f), clang_getCursorSpelling(p));
        lv.param_index = i;
        lv.copy_param = -1;
        lv.is_pointer = fe_is_pointer_type(clang_getCursorType(p));
        lv.path = cl_arena_printf(A(f), "L%s#%s@%u", f->fn_usr, lv.name, fe_loc_of(f, p).line);
        /* A pointer parameter designates the caller's object "P<n>"; a
         * by-value one (a pthread_t handed to a helper that joins it)
         * carries the caller's location it was loaded from. */
        lv.val.kind = lv.is_pointer ? CL_VAL_ADDR : CL_VAL_LOAD;
        lv.val.path = cl_arena_printf(A(f), "%c%d", lv.is_pointer ? 'P' : 'V', i);
        out->param_names[i] = lv.name;
        CL_VEC_PUSH(&f->locals, lv);
    }
    CXCursor body = clang_getNullCursor();
    kids ks;
    fe_kids_of(fn, &ks);
    for (size_t i = 0; i < ks.n; i++)
        if (clang_getCursorKind(ks.v[i]) == CXCursor_CompoundStmt)
            body = ks.v[i];
    fe_kids_free(&ks);
    if (clang_Cursor_isNull(body)) {
        out->body = fe_empty_seq(f, out->loc);
        return;
    }
    clang_visitChildren(body, prepass_visit, f);
    out->body = fe_lower_block(f, body);
}

static unsigned global_flags(CXCursor d)
{
    unsigned fl = 0;
    CXType t = clang_getCursorType(d);
    if (clang_getCursorLinkage(d) == CXLinkage_Internal ||
        clang_getCursorLinkage(d) == CXLinkage_NoLinkage)
        fl |= CL_GV_STATIC;
    if (clang_getCursorTLSKind(d) != CXTLS_None)
        fl |= CL_GV_TLS;
    if (clang_getCanonicalType(t).kind == CXType_Atomic)
        fl |= CL_GV_ATOMIC;
    if (clang_isConstQualifiedType(t))
        fl |= CL_GV_CONST;
    if (clang_isVolatileQualifiedType(t))
        fl |= CL_GV_VOLATILE;
    if (clang_isCursorDefinition(d))
        fl |= CL_GV_DEFINED;
    return fl;
}

typedef struct funcref_ctx {
    fctx *f;
    const char *at;      /* the path being initialized ("G<usr>", then members) */
    const char *field;   /* USR of the member `at` ends in (cl_value.field), or NULL */
    fe_funcref_sink sink;
    void *arg;
    fe_init_sink leaf;   /* fe_init_leaves: each scalar initializer, instead of `sink` */
} funcref_ctx;

static void funcrefs_in(const funcref_ctx *fc, CXCursor c, const char *at, const char *field);

/* The member a designated initializer names (`.fn = f`: libclang shows
 * the designator as a member reference child), or a null cursor. */
static CXCursor designated_member(CXCursor c)
{
    kids ks;
    fe_kids_of(c, &ks);
    CXCursor m = clang_getNullCursor();
    if (ks.n >= 2 && clang_getCursorKind(ks.v[0]) == CXCursor_MemberRef)
        m = clang_getCursorReferenced(ks.v[0]);
    fe_kids_free(&ks);
    return m;
}

/* The initializer list `c` of the object at path `at`: each element's
 * initializer is searched at the element's path (`at[]`) or the member's
 * (`at.name`, by position or by designator), as C11 6.7.9 pairs them. */
static void init_list(const funcref_ctx *fc, CXCursor c, const char *at)
{
    CXType ty = clang_getCanonicalType(clang_getCursorType(c));
    int record = ty.kind == CXType_Record;
    kids fs; /* the record's members, in order */
    fs.v = fs.inl;
    fs.n = 0;
    if (record)
        fe_kids_of(clang_getTypeDeclaration(ty), &fs);
    size_t nf = 0;
    for (size_t i = 0; i < fs.n; i++)
        if (clang_getCursorKind(fs.v[i]) == CXCursor_FieldDecl)
            fs.v[nf++] = fs.v[i];
    kids ks;
    fe_kids_of(c, &ks);
    for (size_t i = 0, next = 0; i < ks.n; i++) {
        const char *sub = at, *field = NULL;
        if (!record) {
            sub = cl_arena_printf(A(fc->f), "%s[]", at);
        } else {
            CXCursor m = designated_member(ks.v[i]);
            if (!clang_Cursor_isNull(m))
                for (size_t k = 0; k < nf; k++)
                    if (clang_equalCursors(fs.v[k], m))
                        next = k;
            if (next < nf) {
                CXString nm = clang_getCursorSpelling(fs.v[next]);
                const char *name = clang_getCString(nm);
                if (name != NULL && name[0] != '\0')
                    sub = cl_arena_printf(A(fc->f), "%s.%s", at, name);
                clang_disposeString(nm);
                field = fe_take(A(fc->f), clang_getCursorUSR(fs.v[next]));
            }
            next++;
        }
        funcrefs_in(fc, ks.v[i], sub, field);
    }
    fe_kids_free(&ks);
    fe_kids_free(&fs);
}

static enum CXChildVisitResult funcref_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    funcref_ctx *fc = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_InitListExpr) {
        init_list(fc, c, fc->at);
        return CXChildVisit_Continue;
    }
    if (k == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(c);
        if (clang_getCursorKind(r) == CXCursor_FunctionDecl) {
            cl_value v = fe_func_value(fc->f, r);
            v.path = fc->at;
            v.field = fc->field != NULL && fc->field[0] != '\0' ? fc->field : NULL;
            fc->sink(fc->arg, c, &v);
        }
    }
    return CXChildVisit_Recurse;
}

/* The function designators in `c` (an initializer, or the declaration
 * holding one), each handed to fc's sink as stored at path `at` or below
 * it. */
static void funcrefs_in(const funcref_ctx *fc, CXCursor c, const char *at, const char *field)
{
    funcref_ctx in = *fc;
    in.at = at;
    in.field = field;
    if (clang_getCursorKind(c) == CXCursor_InitListExpr)
        init_list(&in, c, at);
    else if (in.leaf != NULL && !clang_Cursor_isNull(designated_member(c)))
        funcrefs_in(&in, fe_last_expr_kid(c, NULL), at, field); /* (`.out = &sum`: the value) */
    else if (in.leaf != NULL)
        in.leaf(in.arg, c, at);
    else if (funcref_visit(c, clang_getNullCursor(), &in) == CXChildVisit_Recurse)
        clang_visitChildren(c, funcref_visit, &in);
}

void fe_funcrefs_at(fctx *f, CXCursor init, const char *at, fe_funcref_sink sink, void *arg)
{
    funcref_ctx fc = { f, at, NULL, sink, arg, NULL };
    funcrefs_in(&fc, init, at, NULL);
}

void fe_init_leaves(fctx *f, CXCursor init, const char *at, fe_init_sink sink, void *arg)
{
    funcref_ctx fc = { f, at, NULL, NULL, arg, sink };
    funcrefs_in(&fc, init, at, NULL);
}

/* fe_funcref_sink of a global's initializer: the TU's function table. */
static void tu_funcref(void *arg, CXCursor ref, const cl_value *v)
{
    (void)ref;
    tuctx *t = arg;
    CL_VEC_PUSH(&t->funcrefs, *v);
}

static void record_global(tuctx *t, CXCursor d)
{
    cl_global g;
    memset(&g, 0, sizeof g);
    g.usr = fe_take(A(&t->f), clang_getCursorUSR(d));
    g.name = fe_take(A(&t->f), clang_getCursorSpelling(d));
    g.loc = fe_loc_of(&t->f, d);
    g.flags = global_flags(d);
    /* `struct stats *sp = &stats;`: remember what the pointer designates. */
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (!clang_Cursor_isNull(init) && fe_is_pointer_type(clang_getCursorType(d))) {
        CXCursor si = fe_strip(init);
        if (clang_getCursorKind(si) == CXCursor_UnaryOperator &&
            clang_getCursorUnaryOperatorKind(si) == CXUnaryOperator_AddrOf) {
            cl_value v = fe_eval_value(&t->f, si, NULL);
            if (v.kind == CL_VAL_ADDR && v.path != NULL && v.path[0] == 'G')
                g.init_path = v.path;
        }
    }
    CL_VEC_PUSH(&t->globals, g);
    /* Function designators in initializers (callback tables) are address-
     * taken functions. */
    funcref_ctx fc = { &t->f, cl_arena_printf(A(&t->f), "G%s", g.usr), NULL, tu_funcref, t, NULL };
    clang_visitChildren(d, funcref_visit, &fc);
}

static enum CXChildVisitResult static_local_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_VarDecl && fe_is_global_var(c)) {
        record_global((tuctx *)d, c);
        return CXChildVisit_Continue;
    }
    return CXChildVisit_Recurse;
}

static enum CXChildVisitResult top_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    tuctx *t = d;
    CXSourceLocation l = clang_getCursorLocation(c);
    if (clang_Location_isInSystemHeader(l))
        return CXChildVisit_Continue;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c)) {
        cl_function fn;
        memset(&fn, 0, sizeof fn);
        lower_function(&t->f, c, &fn);
        CL_VEC_PUSH(&t->funcs, fn);
        clang_visitChildren(c, static_local_visit, t);
    } else if (k == CXCursor_VarDecl) {
        record_global(t, c);
    } else if (k == CXCursor_LinkageSpec) {
        return CXChildVisit_Recurse;
    }
    return CXChildVisit_Continue;
}

void fe_lower_decls(tuctx *t)
{
    clang_visitChildren(clang_getTranslationUnitCursor(t->f.cxtu), top_visit, t);
}
