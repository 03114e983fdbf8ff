/* cursor.c - the frontend's small tools over libclang: CXStrings copied
 * into the summary's arena, the children of a cursor, source locations,
 * type predicates, constant evaluation, the statement tree under
 * construction (SEQ builders, nodes, events), the locals of the function
 * being lowered, and the bound on the lowering recursion. See lower.h.
 */
#include "frontend/lower.h"

#include <stdlib.h>
#include <string.h>

#include "util/bytes.h"

/* Copies a CXString into the arena and disposes it. */
const char *fe_take(cl_arena *a, CXString s)
{
    const char *c = clang_getCString(s);
    const char *d = cl_arena_strdup(a, c != NULL ? c : "");
    clang_disposeString(s);
    return d;
}

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    kids *k = d;
    if (k->n == k->cap) {
        size_t cap = k->cap * 2;
        if (k->v == k->inl) {
            k->v = cl_xmalloc(cap * sizeof *k->v);
            memcpy(k->v, k->inl, k->n * sizeof *k->v);
        } else {
            k->v = cl_xrealloc(k->v, cap * sizeof *k->v);
        }
        k->cap = cap;
    }
    k->v[k->n++] = c;
    return CXChildVisit_Continue;
}

void fe_kids_of(CXCursor c, kids *k)
{
    k->v = k->inl;
    k->n = 0;
    k->cap = sizeof k->inl / sizeof k->inl[0];
    clang_visitChildren(c, collect_kid, k);
}

void fe_kids_free(kids *k)
{
    if (k->v != k->inl)
        free(k->v);
}

/* The TU's entry for `file` (added the first time), or NULL for none. */
static file_entry *entry_of(fctx *f, CXFile file)
{
    if (file == NULL)
        return NULL;
    for (size_t i = f->files->n; i-- > 0;)
        if (clang_File_isEqual(f->files->v[i].file, file))
            return &f->files->v[i];
    CXString s = clang_File_tryGetRealPathName(file);
    const char *c = clang_getCString(s);
    const char *name;
    if (c == NULL || c[0] == '\0') {
        clang_disposeString(s);
        name = fe_take(A(f), clang_getFileName(file));
    } else {
        name = fe_take(A(f), s);
    }
    file_entry e = { file, name, -1 };
    CL_VEC_PUSH(f->files, e);
    return &f->files->v[f->files->n - 1];
}

static const char *file_name(fctx *f, CXFile file)
{
    const file_entry *e = entry_of(f, file);
    return e != NULL ? e->name : NULL;
}

int fe_file_says_ctor(fctx *f, CXSourceLocation l)
{
    CXFile file;
    clang_getSpellingLocation(l, &file, NULL, NULL, NULL);
    file_entry *e = entry_of(f, file);
    if (e == NULL)
        return 0;
    if (e->says_ctor < 0) {
        size_t n = 0;
        const char *text = clang_getFileContents(f->cxtu, file, &n);
        static const char word[] = "structor"; /* constructor, destructor */
        e->says_ctor = 0;
        for (size_t i = 0; text != NULL && i + sizeof word - 1 <= n && !e->says_ctor; i++)
            e->says_ctor = text[i] == 's' && memcmp(text + i, word, sizeof word - 1) == 0;
    }
    return e->says_ctor;
}

cl_loc fe_loc_of_location(fctx *f, CXSourceLocation l)
{
    CXFile file;
    unsigned line, col;
    clang_getExpansionLocation(l, &file, &line, &col, NULL);
    cl_loc r = { file_name(f, file), line, col };
    if (r.file == NULL)
        r.line = r.col = 0; /* clang's predefines or a command-line buffer */
    return r;
}

cl_loc fe_loc_of(fctx *f, CXCursor c)
{
    return fe_loc_of_location(f, clang_getCursorLocation(c));
}

cl_node *fe_new_node(fctx *f, cl_node_kind kind, cl_loc loc)
{
    cl_node *n = cl_arena_alloc(A(f), sizeof *n);
    n->kind = kind;
    n->loc = loc;
    n->x = &cl_node_ext_none;
    return n;
}

/* Starts collecting nodes into a new SEQ (nested builders restore the outer
 * one in seq_end). */
void fe_seq_begin(fctx *f, seqbuild *b, cl_loc loc)
{
    b->node = fe_new_node(f, CL_N_SEQ, loc);
    b->kids.v = NULL;
    b->kids.n = b->kids.cap = 0;
    b->saved = f->seq_kids;
    f->seq_kids = &b->kids;
}

cl_node *fe_seq_end(fctx *f, seqbuild *b)
{
    cl_node *n = b->node;
    n->nkids = b->kids.n;
    if (b->kids.n > 0) {
        n->kids = cl_arena_alloc(A(f), b->kids.n * sizeof *n->kids);
        memcpy(n->kids, b->kids.v, b->kids.n * sizeof *n->kids);
    }
    free(b->kids.v);
    f->seq_kids = b->saved;
    return n;
}

void fe_append(fctx *f, cl_node *n)
{
    if (n != NULL && f->seq_kids != NULL)
        CL_VEC_PUSH(f->seq_kids, n);
}

cl_event *fe_emit(fctx *f, cl_event_kind kind, cl_loc loc)
{
    cl_event *e = cl_arena_alloc(A(f), sizeof *e);
    e->kind = kind;
    e->loc = loc;
    cl_node *n = fe_new_node(f, CL_N_EVENT, loc);
    n->ev = e;
    fe_append(f, n);
    return e;
}

local_var *fe_find_local(fctx *f, CXCursor decl)
{
    for (size_t i = 0; i < f->locals.n; i++)
        if (clang_equalCursors(f->locals.v[i].decl, decl))
            return &f->locals.v[i];
    return NULL;
}

local_var *fe_union_member_local(fctx *f, CXCursor e)
{
    e = fe_strip(e);
    if (clang_getCursorKind(e) != CXCursor_MemberRefExpr ||
        !fe_is_pointer_type(clang_getCursorType(e)))
        return NULL;
    kids ks;
    fe_kids_of(e, &ks);
    CXCursor base = ks.n >= 1 ? fe_strip(ks.v[0]) : clang_getNullCursor();
    fe_kids_free(&ks);
    if (clang_getCursorKind(base) != CXCursor_DeclRefExpr)
        return NULL; /* also `p->out`: its base is a pointer expression */
    local_var *lv = fe_find_local(f, clang_getCursorReferenced(base));
    return lv != NULL && lv->is_union ? lv : NULL;
}

int fe_is_pointer_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_Pointer;
}

int fe_is_array_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

unsigned fe_type_flags(CXType t)
{
    unsigned fl = 0;
    if (clang_isVolatileQualifiedType(t))
        fl |= CL_ACC_VOLATILE;
    CXType c = clang_getCanonicalType(t);
    if (c.kind == CXType_Atomic)
        fl |= CL_ACC_ATOMIC;
    if (clang_isVolatileQualifiedType(c))
        fl |= CL_ACC_VOLATILE;
    return fl;
}

/* Is `decl` a variable with static storage duration (global, file-static or
 * function-scope static)? */
int fe_is_global_var(CXCursor decl)
{
    return clang_getCursorKind(decl) == CXCursor_VarDecl &&
           clang_Cursor_hasVarDeclGlobalStorage(decl) == 1;
}

int fe_const_global_value(CXCursor decl, long long *out)
{
    if (!fe_is_global_var(decl))
        return 0;
    CXType t = clang_getCursorType(decl);
    if (!clang_isConstQualifiedType(t) || clang_isVolatileQualifiedType(t))
        return 0;
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def))
        return 0;
    CXCursor init = clang_Cursor_getVarDeclInitializer(def);
    return !clang_Cursor_isNull(init) && fe_eval_int(init, out);
}

CXCursor fe_last_expr_kid(CXCursor c, size_t *nkids)
{
    kids ks;
    fe_kids_of(c, &ks);
    CXCursor last = clang_getNullCursor();
    for (size_t i = 0; i < ks.n; i++)
        if (clang_isExpression(clang_getCursorKind(ks.v[i])))
            last = ks.v[i];
    if (nkids != NULL)
        *nkids = ks.n;
    fe_kids_free(&ks);
    return last;
}

/* Strips parentheses and implicit/explicit casts. */
CXCursor fe_strip(CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
            k != CXCursor_CStyleCastExpr)
            return c;
        size_t n;
        CXCursor next = fe_last_expr_kid(c, &n);
        if (clang_Cursor_isNull(next) || n == 0)
            return c;
        /* An UnexposedExpr with several expression children (e.g. an
         * AtomicExpr) is not a transparent wrapper. */
        if (k == CXCursor_UnexposedExpr && n != 1)
            return c;
        c = next;
    }
}

const char *fe_member_usr(fctx *f, CXCursor e)
{
    e = fe_strip(e);
    if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref) {
        size_t n;
        e = fe_strip(fe_last_expr_kid(e, &n));
    }
    if (clang_getCursorKind(e) != CXCursor_MemberRefExpr)
        return NULL;
    CXCursor d = clang_getCursorReferenced(e);
    if (clang_getCursorKind(d) != CXCursor_FieldDecl)
        return NULL;
    const char *usr = fe_take(A(f), clang_getCursorUSR(d));
    return usr[0] != '\0' ? usr : NULL;
}

int fe_names_var(CXCursor e, CXCursor var)
{
    e = fe_strip(e);
    return clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
           clang_equalCursors(clang_getCursorReferenced(e), var);
}

int fe_eval_int(CXCursor c, long long *out)
{
    /* (libclang evaluates the whole subtree each time: asked at every level
     * of a long `a + b + c ...`, that is quadratic) */
    CXSourceRange ext = clang_getCursorExtent(c);
    unsigned from, to;
    clang_getExpansionLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &from);
    clang_getExpansionLocation(clang_getRangeEnd(ext), NULL, NULL, NULL, &to);
    if (to > from && to - from > EVAL_MAX_BYTES)
        return 0;
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (r == NULL)
        return 0;
    int ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *out = clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

/* Enters one level of the lowering recursion: 0 (and the place noted)
 * when MAX_NESTING is reached, and the construct must be skipped. Every
 * enter is paired with a leave. */
int fe_enter(fctx *f, CXCursor c)
{
    if (++f->nesting <= MAX_NESTING)
        return 1;
    if (f->too_deep.file == NULL)
        f->too_deep = fe_loc_of(f, c);
    return 0;
}

void fe_leave(fctx *f)
{
    f->nesting--;
}

unsigned fe_range_word(fctx *f, CXSourceRange r, const char *const *words)
{
    CXToken *toks = NULL;
    unsigned ntoks = 0;
    clang_tokenize(f->cxtu, r, &toks, &ntoks);
    unsigned found = 0;
    for (unsigned i = 0; i < ntoks && !found; i++) {
        if (clang_getTokenKind(toks[i]) != CXToken_Identifier &&
            clang_getTokenKind(toks[i]) != CXToken_Keyword)
            continue;
        CXString sp = clang_getTokenSpelling(f->cxtu, toks[i]);
        const char *t = clang_getCString(sp);
        for (unsigned k = 0; t != NULL && words[k] != NULL && !found; k++)
            if (strcmp(t, words[k]) == 0)
                found = k + 1;
        clang_disposeString(sp);
    }
    if (toks != NULL)
        clang_disposeTokens(f->cxtu, toks, ntoks);
    return found;
}
