/* frontend.c - lowers a libclang AST into the summary IR of ir.h.
 *
 * The walk is syntax-directed. Statements become tree nodes; expressions are
 * flattened into events in evaluation order (left to right, which C leaves
 * unspecified, but order inside one full expression does not matter to any
 * rule). Lvalues become access paths (see ir.h) through a small abstract
 * evaluation: each local pointer variable remembers the last value assigned
 * to it in source order (`struct s *c = arg` makes `c->x` the path "P0.x").
 * This is flow-insensitive on purpose: it is cheap, it is right for the
 * overwhelmingly common "cast the start argument once" idiom, and where it is
 * wrong it loses an access rather than inventing one.
 */
/* realpath() is XSI; the build defines only _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "frontend/frontend.h"

#include <clang-c/Index.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/bytes.h"
#include "cli/compdb.h"
#include "util/strmap.h"

/* ---- libclang, loaded on first use -------------------------------------- */

/* conc-lint does not link libclang: a run whose summaries all come from the
 * cache never needs it, and loading it (with libLLVM) would cost more than
 * such a run. It is dlopen()ed the first time a TU is parsed, and every
 * clang_* function this file calls is taken from it into the table below.
 * CL_LIBCLANG_FUNCS lists them, and the #defines after load_libclang route
 * each call through the table. The build checks that the two lists agree:
 * a function missing from either one is a compile error or an undefined
 * reference at link time. */
#define CL_LIBCLANG_FUNCS(X)                 \
    X(clang_Cursor_Evaluate)                 \
    X(clang_Cursor_getArgument)              \
    X(clang_Cursor_getNumArguments)          \
    X(clang_Cursor_getVarDeclInitializer)    \
    X(clang_Cursor_hasVarDeclGlobalStorage)  \
    X(clang_Cursor_isNull)                   \
    X(clang_EvalResult_dispose)              \
    X(clang_EvalResult_getAsLongLong)        \
    X(clang_EvalResult_getKind)              \
    X(clang_File_isEqual)                    \
    X(clang_File_tryGetRealPathName)         \
    X(clang_Location_isInSystemHeader)       \
    X(clang_createIndex)                     \
    X(clang_disposeDiagnostic)               \
    X(clang_disposeIndex)                    \
    X(clang_disposeString)                   \
    X(clang_disposeTokens)                   \
    X(clang_disposeTranslationUnit)          \
    X(clang_equalCursors)                    \
    X(clang_equalLocations)                  \
    X(clang_getCString)                      \
    X(clang_getCanonicalType)                \
    X(clang_getCursorBinaryOperatorKind)     \
    X(clang_getCursorExtent)                 \
    X(clang_getCursorKind)                   \
    X(clang_getCursorLinkage)                \
    X(clang_getCursorLocation)               \
    X(clang_getCursorReferenced)             \
    X(clang_getCursorSpelling)               \
    X(clang_getCursorTLSKind)                \
    X(clang_getCursorType)                   \
    X(clang_getCursorUSR)                    \
    X(clang_getCursorUnaryOperatorKind)      \
    X(clang_getDiagnostic)                   \
    X(clang_getDiagnosticLocation)           \
    X(clang_getDiagnosticSeverity)           \
    X(clang_getDiagnosticSpelling)           \
    X(clang_getExpansionLocation)            \
    X(clang_getFileName)                     \
    X(clang_getFileContents)                 \
    X(clang_getInclusions)                   \
    X(clang_getNullCursor)                   \
    X(clang_getNumDiagnostics)               \
    X(clang_getPointeeType)                  \
    X(clang_getRangeStart)                   \
    X(clang_getSpellingLocation)             \
    X(clang_getTokenKind)                    \
    X(clang_getTokenLocation)                \
    X(clang_getTokenSpelling)                \
    X(clang_getTranslationUnitCursor)        \
    X(clang_isConstQualifiedType)            \
    X(clang_isCursorDefinition)              \
    X(clang_isExpression)                    \
    X(clang_isFunctionTypeVariadic)          \
    X(clang_isStatement)                     \
    X(clang_isVolatileQualifiedType)         \
    X(clang_parseTranslationUnit2FullArgv)   \
    X(clang_tokenize)                        \
    X(clang_visitChildren)

static struct {
#define CL_LIBCLANG_SLOT(fn) __typeof__(fn) *fn;
    CL_LIBCLANG_FUNCS(CL_LIBCLANG_SLOT)
#undef CL_LIBCLANG_SLOT
} libclang;

static pthread_once_t libclang_once = PTHREAD_ONCE_INIT;
static char libclang_error[1024]; /* why loading failed; "" when it did not */

/* The libclang to load: $CONC_LINT_LIBCLANG, else the one found at build
 * time. */
static const char *libclang_path(void)
{
    const char *env = getenv("CONC_LINT_LIBCLANG");
    return env != NULL && env[0] != '\0' ? env : CL_LIBCLANG_PATH;
}

_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "a function pointer must fit a void *");

/* Stores the address of function `name` of `lib` in the function pointer at
 * `slot`. Returns 0, or -1 when lib has no such symbol (dlerror() says so). */
static int resolve(void *lib, const char *name, void *slot)
{
    void *sym = dlsym(lib, name);
    if (sym == NULL)
        return -1;
    memcpy(slot, &sym, sizeof sym);
    return 0;
}

/* Fills the table, or libclang_error. Once per process (pthread_once). The
 * library is never closed, not even when it lacks a symbol. */
#define CL_LIBCLANG_RESOLVE(fn) && resolve(lib, #fn, &libclang.fn) == 0
static void load_libclang(void)
{
    const char *path = libclang_path();
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib != NULL CL_LIBCLANG_FUNCS(CL_LIBCLANG_RESOLVE))
        return;
    const char *why = dlerror();
    snprintf(libclang_error, sizeof libclang_error, "cannot load libclang '%s': %s", path,
             why != NULL ? why : "unknown error");
}
#undef CL_LIBCLANG_RESOLVE

/* From here on, a call of clang_xxx calls through libclang.clang_xxx. */
#define clang_Cursor_Evaluate (libclang.clang_Cursor_Evaluate)
#define clang_Cursor_getArgument (libclang.clang_Cursor_getArgument)
#define clang_Cursor_getNumArguments (libclang.clang_Cursor_getNumArguments)
#define clang_Cursor_getVarDeclInitializer (libclang.clang_Cursor_getVarDeclInitializer)
#define clang_Cursor_hasVarDeclGlobalStorage (libclang.clang_Cursor_hasVarDeclGlobalStorage)
#define clang_Cursor_isNull (libclang.clang_Cursor_isNull)
#define clang_EvalResult_dispose (libclang.clang_EvalResult_dispose)
#define clang_EvalResult_getAsLongLong (libclang.clang_EvalResult_getAsLongLong)
#define clang_EvalResult_getKind (libclang.clang_EvalResult_getKind)
#define clang_File_isEqual (libclang.clang_File_isEqual)
#define clang_File_tryGetRealPathName (libclang.clang_File_tryGetRealPathName)
#define clang_Location_isInSystemHeader (libclang.clang_Location_isInSystemHeader)
#define clang_createIndex (libclang.clang_createIndex)
#define clang_disposeDiagnostic (libclang.clang_disposeDiagnostic)
#define clang_disposeIndex (libclang.clang_disposeIndex)
#define clang_disposeString (libclang.clang_disposeString)
#define clang_disposeTokens (libclang.clang_disposeTokens)
#define clang_disposeTranslationUnit (libclang.clang_disposeTranslationUnit)
#define clang_equalCursors (libclang.clang_equalCursors)
#define clang_equalLocations (libclang.clang_equalLocations)
#define clang_getCString (libclang.clang_getCString)
#define clang_getCanonicalType (libclang.clang_getCanonicalType)
#define clang_getCursorBinaryOperatorKind (libclang.clang_getCursorBinaryOperatorKind)
#define clang_getCursorExtent (libclang.clang_getCursorExtent)
#define clang_getCursorKind (libclang.clang_getCursorKind)
#define clang_getCursorLinkage (libclang.clang_getCursorLinkage)
#define clang_getCursorLocation (libclang.clang_getCursorLocation)
#define clang_getCursorReferenced (libclang.clang_getCursorReferenced)
#define clang_getCursorSpelling (libclang.clang_getCursorSpelling)
#define clang_getCursorTLSKind (libclang.clang_getCursorTLSKind)
#define clang_getCursorType (libclang.clang_getCursorType)
#define clang_getCursorUSR (libclang.clang_getCursorUSR)
#define clang_getCursorUnaryOperatorKind (libclang.clang_getCursorUnaryOperatorKind)
#define clang_getDiagnostic (libclang.clang_getDiagnostic)
#define clang_getDiagnosticLocation (libclang.clang_getDiagnosticLocation)
#define clang_getDiagnosticSeverity (libclang.clang_getDiagnosticSeverity)
#define clang_getDiagnosticSpelling (libclang.clang_getDiagnosticSpelling)
#define clang_getExpansionLocation (libclang.clang_getExpansionLocation)
#define clang_getFileName (libclang.clang_getFileName)
#define clang_getFileContents (libclang.clang_getFileContents)
#define clang_getInclusions (libclang.clang_getInclusions)
#define clang_getNullCursor (libclang.clang_getNullCursor)
#define clang_getNumDiagnostics (libclang.clang_getNumDiagnostics)
#define clang_getPointeeType (libclang.clang_getPointeeType)
#define clang_getRangeStart (libclang.clang_getRangeStart)
#define clang_getSpellingLocation (libclang.clang_getSpellingLocation)
#define clang_getTokenKind (libclang.clang_getTokenKind)
#define clang_getTokenLocation (libclang.clang_getTokenLocation)
#define clang_getTokenSpelling (libclang.clang_getTokenSpelling)
#define clang_getTranslationUnitCursor (libclang.clang_getTranslationUnitCursor)
#define clang_isConstQualifiedType (libclang.clang_isConstQualifiedType)
#define clang_isCursorDefinition (libclang.clang_isCursorDefinition)
#define clang_isExpression (libclang.clang_isExpression)
#define clang_isFunctionTypeVariadic (libclang.clang_isFunctionTypeVariadic)
#define clang_isStatement (libclang.clang_isStatement)
#define clang_isVolatileQualifiedType (libclang.clang_isVolatileQualifiedType)
#define clang_parseTranslationUnit2FullArgv (libclang.clang_parseTranslationUnit2FullArgv)
#define clang_tokenize (libclang.clang_tokenize)
#define clang_visitChildren (libclang.clang_visitChildren)

int cl_frontend_load(char *err, size_t errlen)
{
    pthread_once(&libclang_once, load_libclang);
    if (libclang_error[0] == '\0')
        return 0;
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s", libclang_error);
    return -1;
}

static pthread_once_t library_id_once = PTHREAD_ONCE_INIT;
static char library_id[4352];

static void compute_library_id(void)
{
    const char *path = libclang_path();
    char *real = realpath(path, NULL);
    struct stat st;
    if (real != NULL && stat(real, &st) == 0)
        snprintf(library_id, sizeof library_id, "%s %lld %lld.%09ld", real, (long long)st.st_size,
                 (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    else
        snprintf(library_id, sizeof library_id, "%s (missing)", path);
    free(real);
}

const char *cl_frontend_library_id(void)
{
    pthread_once(&library_id_once, compute_library_id);
    return library_id;
}

/* ---- the frontend --------------------------------------------------------- */

struct cl_frontend {
    CXIndex index; /* NULL until the first parse */
};

const char *cl_frontend_resource_dir(void)
{
    const char *env = getenv("CONC_LINT_RESOURCE_DIR");
    return env != NULL && env[0] != '\0' ? env : CL_RESOURCE_DIR;
}

cl_frontend *cl_frontend_new(void)
{
    return cl_xcalloc(1, sizeof(cl_frontend));
}

void cl_frontend_free(cl_frontend *fe)
{
    if (fe == NULL)
        return;
    if (fe->index != NULL)
        clang_disposeIndex(fe->index);
    free(fe);
}

void cl_tu_free(cl_tu *tu)
{
    if (tu == NULL)
        return;
    cl_arena_release(&tu->arena);
    free(tu);
}

/* ---- small helpers ------------------------------------------------------ */

/* Copies a CXString into the arena and disposes it. */
static const char *take(cl_arena *a, CXString s)
{
    const char *c = clang_getCString(s);
    const char *d = cl_arena_strdup(a, c != NULL ? c : "");
    clang_disposeString(s);
    return d;
}

typedef struct kids {
    CXCursor *v;
    size_t n, cap;
    CXCursor inl[8];
} kids;

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

static void kids_of(CXCursor c, kids *k)
{
    k->v = k->inl;
    k->n = 0;
    k->cap = sizeof k->inl / sizeof k->inl[0];
    clang_visitChildren(c, collect_kid, k);
}

static void kids_free(kids *k)
{
    if (k->v != k->inl)
        free(k->v);
}

/* ---- per-TU and per-function context ------------------------------------ */

typedef struct file_entry {
    CXFile file;
    const char *name;
} file_entry;

typedef struct local_var {
    CXCursor decl;
    const char *name;
    const char *path;     /* "L<fn>#name@line" */
    int param_index;      /* >= 0 for parameters */
    int addr_taken;
    int is_pointer;
    cl_value val;         /* last value assigned, for pointers */
    cl_event *last_call;  /* the call whose result was last stored here */
} local_var;

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
    struct { local_var *v; size_t n, cap; } locals;
    struct { CXCursor *v; size_t n, cap; } induction; /* enclosing for-loop variables */
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
} fctx;

/* Deeper statements and expressions are left out of the summary (with a
 * warning): about 1.6 KB of stack per level, well inside a thread's 8 MB.
 * clang itself parses a 5,000-deep else-if chain. */
enum { MAX_NESTING = 1000 };

/* A SEQ under construction; seq_begin/seq_end nest like a stack. */
typedef struct seqbuild {
    cl_node *node;
    nodevec kids;
    nodevec *saved;
} seqbuild;

static cl_arena *A(fctx *f)
{
    return &f->tu->arena;
}

static const char *file_name(fctx *f, CXFile file)
{
    if (file == NULL)
        return NULL;
    for (size_t i = f->files->n; i-- > 0;)
        if (clang_File_isEqual(f->files->v[i].file, file))
            return f->files->v[i].name;
    CXString s = clang_File_tryGetRealPathName(file);
    const char *c = clang_getCString(s);
    const char *name;
    if (c == NULL || c[0] == '\0') {
        clang_disposeString(s);
        name = take(A(f), clang_getFileName(file));
    } else {
        name = take(A(f), s);
    }
    file_entry e = { file, name };
    CL_VEC_PUSH(f->files, e);
    return name;
}

static cl_loc loc_of_location(fctx *f, CXSourceLocation l)
{
    CXFile file;
    unsigned line, col;
    clang_getExpansionLocation(l, &file, &line, &col, NULL);
    cl_loc r = { file_name(f, file), line, col };
    if (r.file == NULL)
        r.line = r.col = 0; /* clang's predefines or a command-line buffer */
    return r;
}

static cl_loc loc_of(fctx *f, CXCursor c)
{
    return loc_of_location(f, clang_getCursorLocation(c));
}

static cl_node *new_node(fctx *f, cl_node_kind kind, cl_loc loc)
{
    cl_node *n = cl_arena_alloc(A(f), sizeof *n);
    n->kind = kind;
    n->loc = loc;
    return n;
}

/* Starts collecting nodes into a new SEQ (nested builders restore the outer
 * one in seq_end). */
static void seq_begin(fctx *f, seqbuild *b, cl_loc loc)
{
    b->node = new_node(f, CL_N_SEQ, loc);
    b->kids.v = NULL;
    b->kids.n = b->kids.cap = 0;
    b->saved = f->seq_kids;
    f->seq_kids = &b->kids;
}

static cl_node *seq_end(fctx *f, seqbuild *b)
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

static void append(fctx *f, cl_node *n)
{
    if (n != NULL && f->seq_kids != NULL)
        CL_VEC_PUSH(f->seq_kids, n);
}

static cl_event *emit(fctx *f, cl_event_kind kind, cl_loc loc)
{
    cl_event *e = cl_arena_alloc(A(f), sizeof *e);
    e->kind = kind;
    e->loc = loc;
    cl_node *n = new_node(f, CL_N_EVENT, loc);
    n->ev = e;
    append(f, n);
    return e;
}

static local_var *find_local(fctx *f, CXCursor decl)
{
    for (size_t i = 0; i < f->locals.n; i++)
        if (clang_equalCursors(f->locals.v[i].decl, decl))
            return &f->locals.v[i];
    return NULL;
}

static int is_pointer_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_Pointer;
}

static int is_array_type(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

static unsigned type_flags(CXType t)
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
static int is_global_var(CXCursor decl)
{
    return clang_getCursorKind(decl) == CXCursor_VarDecl &&
           clang_Cursor_hasVarDeclGlobalStorage(decl) == 1;
}

/* Strips parentheses and implicit/explicit casts. */
static CXCursor strip(CXCursor c)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr &&
            k != CXCursor_CStyleCastExpr)
            return c;
        kids ks;
        kids_of(c, &ks);
        CXCursor next = clang_getNullCursor();
        for (size_t i = 0; i < ks.n; i++)
            if (clang_isExpression(clang_getCursorKind(ks.v[i])))
                next = ks.v[i];
        size_t n = ks.n;
        kids_free(&ks);
        if (clang_Cursor_isNull(next) || n == 0)
            return c;
        /* An UnexposedExpr with several expression children (e.g. an
         * AtomicExpr) is not a transparent wrapper. */
        if (k == CXCursor_UnexposedExpr && n != 1)
            return c;
        c = next;
    }
}

/* ---- expressions -------------------------------------------------------- */

enum { M_READ = 1, M_WRITE = 2, M_ADDR = 4 };

typedef struct lval {
    const char *path;  /* NULL: not a tracked location */
    const char *name;  /* display spelling */
    unsigned flags;    /* CL_ACC_* from the type and the root */
    int per_iter;      /* subscripted by an enclosing loop's induction variable */
    int stack_local;   /* root is a local of this function */
} lval;

static void lower_expr_at(fctx *f, CXCursor c);
static cl_value eval_value_at(fctx *f, CXCursor c, lval *as_lval);
static void lower_stmt_at(fctx *f, CXCursor c);
static lval lower_lvalue_at(fctx *f, CXCursor c);

/* Enters one level of the lowering recursion: 0 (and the place noted)
 * when MAX_NESTING is reached, and the construct must be skipped. Every
 * enter is paired with a leave. */
static int enter(fctx *f, CXCursor c)
{
    if (++f->nesting <= MAX_NESTING)
        return 1;
    if (f->too_deep.file == NULL)
        f->too_deep = loc_of(f, c);
    return 0;
}

static void leave(fctx *f)
{
    f->nesting--;
}

/* The lowering functions, each bounded by enter/leave around its body
 * (the *_at function). */
static void lower_expr(fctx *f, CXCursor c)
{
    if (enter(f, c))
        lower_expr_at(f, c);
    leave(f);
}

static void lower_stmt(fctx *f, CXCursor c)
{
    if (enter(f, c))
        lower_stmt_at(f, c);
    leave(f);
}

static cl_value eval_value(fctx *f, CXCursor c, lval *as_lval)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    if (enter(f, c))
        v = eval_value_at(f, c, as_lval);
    else if (as_lval != NULL)
        memset(as_lval, 0, sizeof *as_lval);
    leave(f);
    return v;
}

static lval lower_lvalue(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0 };
    if (enter(f, c))
        r = lower_lvalue_at(f, c);
    leave(f);
    return r;
}

static void record_access(fctx *f, CXCursor at, const lval *lv, unsigned mode)
{
    if (lv->path == NULL || (mode & (M_READ | M_WRITE)) == 0)
        return;
    cl_event *e = emit(f, CL_EV_ACCESS, loc_of(f, at));
    e->u.access.path = lv->path;
    e->u.access.name = lv->name;
    e->u.access.flags = lv->flags | ((mode & M_READ) ? CL_ACC_READ : 0) |
                        ((mode & M_WRITE) ? CL_ACC_WRITE : 0) |
                        (lv->per_iter ? CL_ACC_INDUCTION_INDEX : 0);
}

static void note_cond_var(fctx *f, const char *name)
{
    if (f->cond_vars != NULL)
        CL_VEC_PUSH(f->cond_vars, name);
}

static int is_induction(fctx *f, CXCursor idx)
{
    idx = strip(idx);
    if (clang_getCursorKind(idx) != CXCursor_DeclRefExpr)
        return 0;
    CXCursor d = clang_getCursorReferenced(idx);
    for (size_t i = 0; i < f->induction.n; i++)
        if (clang_equalCursors(f->induction.v[i], d))
            return 1;
    return 0;
}

/* Is the subscript `idx` a local variable or parameter whose address is
 * never taken (a value private to this execution of the function) and that
 * is not the induction variable of an enclosing loop? */
static int is_local_index(fctx *f, CXCursor idx)
{
    idx = strip(idx);
    if (clang_getCursorKind(idx) != CXCursor_DeclRefExpr)
        return 0;
    local_var *lv = find_local(f, clang_getCursorReferenced(idx));
    /* A loop's induction variable scans the array: every thread running
     * the loop visits the same elements. */
    return lv != NULL && !lv->addr_taken && !is_induction(f, idx);
}

/* Computes the lvalue designated by `c`, emitting the events of evaluating
 * its sub-expressions (pointer loads, subscripts) but not the access itself. */
static lval lower_lvalue_at(fctx *f, CXCursor c)
{
    lval r = { NULL, NULL, 0, 0, 0 };
    c = strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    CXType type = clang_getCursorType(c);
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(c);
        const char *name = take(A(f), clang_getCursorSpelling(c));
        r.name = name;
        if (is_global_var(d)) {
            r.path = cl_arena_printf(A(f), "G%s", take(A(f), clang_getCursorUSR(d)));
            r.flags = type_flags(clang_getCursorType(d));
            if (clang_getCursorTLSKind(d) != CXTLS_None)
                r.flags |= CL_ACC_TLS;
            if (clang_isConstQualifiedType(clang_getCursorType(d)))
                r.flags |= CL_ACC_CONST;
        } else {
            local_var *lv = find_local(f, d);
            if (lv != NULL) {
                note_cond_var(f, lv->name);
                if (lv->addr_taken) {
                    r.path = lv->path;
                    r.stack_local = 1;
                    r.flags = type_flags(clang_getCursorType(d));
                }
            }
        }
        return r;
    }
    if (k == CXCursor_MemberRefExpr) {
        kids ks;
        kids_of(c, &ks);
        const char *field = take(A(f), clang_getCursorSpelling(c));
        if (ks.n >= 1) {
            CXCursor base = ks.v[0];
            CXType bt = clang_getCursorType(base);
            if (is_pointer_type(bt)) {
                lval bl;
                cl_value v = eval_value(f, base, &bl);
                r.name = cl_arena_printf(A(f), "%s->%s", bl.name ? bl.name : "(expr)", field);
                if (v.kind == CL_VAL_ADDR) {
                    r.path = cl_arena_printf(A(f), "%s.%s", v.path, field);
                    r.per_iter = v.per_iteration;
                    r.stack_local = v.stack_local;
                }
            } else {
                lval bl = lower_lvalue(f, base);
                r.name = cl_arena_printf(A(f), "%s.%s", bl.name ? bl.name : "(expr)", field);
                if (bl.path != NULL) {
                    r.path = cl_arena_printf(A(f), "%s.%s", bl.path, field);
                    r.flags = bl.flags & (CL_ACC_TLS | CL_ACC_CONST | CL_ACC_VOLATILE |
                                          CL_ACC_ATOMIC | CL_ACC_LOCAL_INDEX);
                    r.per_iter = bl.per_iter;
                    r.stack_local = bl.stack_local;
                }
            }
        }
        kids_free(&ks);
        r.flags |= type_flags(type);
        return r;
    }
    if (k == CXCursor_ArraySubscriptExpr) {
        kids ks;
        kids_of(c, &ks);
        if (ks.n >= 2) {
            CXCursor base = ks.v[0], idx = ks.v[1];
            CXCursor sb = strip(base);
            lval bl = { NULL, NULL, 0, 0, 0 };
            const char *bpath = NULL;
            int per_iter = 0, stack_local = 0;
            if (is_array_type(clang_getCursorType(sb))) {
                bl = lower_lvalue(f, sb);
                bpath = bl.path;
                per_iter = bl.per_iter;
                stack_local = bl.stack_local;
            } else {
                cl_value v = eval_value(f, base, &bl);
                if (v.kind == CL_VAL_ADDR) {
                    bpath = v.path;
                    per_iter = v.per_iteration;
                    stack_local = v.stack_local;
                }
            }
            lower_expr(f, idx);
            r.name = cl_arena_printf(A(f), "%s[]", bl.name ? bl.name : "(expr)");
            if (bpath != NULL) {
                size_t bl_len = strlen(bpath);
                if (bl_len >= 2 && strcmp(bpath + bl_len - 2, "[]") == 0)
                    r.path = bpath;
                else
                    r.path = cl_arena_printf(A(f), "%s[]", bpath);
                r.flags = bl.flags & (CL_ACC_TLS | CL_ACC_CONST | CL_ACC_LOCAL_INDEX);
                if (is_local_index(f, idx))
                    r.flags |= CL_ACC_LOCAL_INDEX;
                r.per_iter = per_iter || is_induction(f, idx);
                r.stack_local = stack_local;
            }
        }
        kids_free(&ks);
        r.flags |= type_flags(type);
        return r;
    }
    if (k == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref) {
        kids ks;
        kids_of(c, &ks);
        if (ks.n >= 1) {
            lval bl;
            cl_value v = eval_value(f, ks.v[0], &bl);
            r.name = cl_arena_printf(A(f), "*%s", bl.name ? bl.name : "(expr)");
            if (v.kind == CL_VAL_ADDR) {
                r.path = v.path;
                r.per_iter = v.per_iteration;
                r.stack_local = v.stack_local;
            }
        }
        kids_free(&ks);
        r.flags |= type_flags(type);
        return r;
    }
    /* Not an lvalue we track: evaluate it for its events. */
    lower_expr(f, c);
    return r;
}

static const char *callee_spelling(fctx *f, CXCursor callee)
{
    callee = strip(callee);
    enum CXCursorKind k = clang_getCursorKind(callee);
    if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr)
        return take(A(f), clang_getCursorSpelling(callee));
    return "(indirect)";
}

static cl_value func_value(fctx *f, CXCursor decl)
{
    cl_value v;
    memset(&v, 0, sizeof v);
    v.kind = CL_VAL_FUNC;
    v.func_usr = take(A(f), clang_getCursorUSR(decl));
    v.func_name = take(A(f), clang_getCursorSpelling(decl));
    return v;
}

/* Lowers a call; returns the call event. */
static cl_event *lower_call(fctx *f, CXCursor c)
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
        callee_usr = take(A(f), clang_getCursorUSR(ref));
        callee_name = take(A(f), clang_getCursorSpelling(ref));
    } else {
        kids ks;
        kids_of(c, &ks);
        callee_name = ks.n > 0 ? callee_spelling(f, ks.v[0]) : "(indirect)";
        if (ks.n > 0)
            callee = eval_value(f, ks.v[0], NULL);
        kids_free(&ks);
    }
    cl_value *args = nargs ? cl_arena_alloc(A(f), (size_t)nargs * sizeof *args) : NULL;
    for (int i = 0; i < nargs; i++) {
        CXCursor a = clang_Cursor_getArgument(c, (unsigned)i);
        args[i] = eval_value(f, a, NULL);
    }
    if (direct && nargs > 0 && args[0].kind == CL_VAL_ADDR &&
        (strncmp(callee_name, "__sync_", 7) == 0 || strncmp(callee_name, "__atomic_", 9) == 0)) {
        /* GNU atomic builtins that are calls: an atomic access of *arg0. */
        lval l = { args[0].path, callee_name, CL_ACC_ATOMIC, (int)args[0].per_iteration,
                   (int)args[0].stack_local };
        record_access(f, c, &l, M_READ | M_WRITE);
    }
    cl_event *e = emit(f, CL_EV_CALL, loc_of(f, c));
    e->u.call.callee_usr = callee_usr;
    e->u.call.callee_name = callee_name;
    e->u.call.nargs = (size_t)nargs;
    e->u.call.args = args;
    e->u.call.callee = callee;
    return e;
}

static int eval_int(CXCursor c, long long *out)
{
    CXEvalResult r = clang_Cursor_Evaluate(c);
    if (r == NULL)
        return 0;
    int ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *out = clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
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
    CXCursor s = strip(c);
    enum CXCursorKind k = clang_getCursorKind(s);
    CXType t = clang_getCursorType(s);
    if (k == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf) {
        kids ks;
        kids_of(s, &ks);
        if (ks.n >= 1) {
            CXCursor op = strip(ks.v[0]);
            if (clang_getCursorKind(op) == CXCursor_DeclRefExpr &&
                clang_getCursorKind(clang_getCursorReferenced(op)) == CXCursor_FunctionDecl) {
                kids_free(&ks);
                return func_value(f, clang_getCursorReferenced(op));
            }
            lval l = lower_lvalue(f, ks.v[0]);
            if (as_lval != NULL)
                *as_lval = l;
            if (l.path != NULL) {
                v.kind = CL_VAL_ADDR;
                v.path = l.path;
                v.per_iteration = (unsigned)l.per_iter;
                v.stack_local = (unsigned)l.stack_local;
                v.local_index = (l.flags & CL_ACC_LOCAL_INDEX) != 0;
            }
        }
        kids_free(&ks);
        return v;
    }
    if (k == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(s);
        enum CXCursorKind dk = clang_getCursorKind(d);
        if (dk == CXCursor_FunctionDecl)
            return func_value(f, d);
        if (dk == CXCursor_EnumConstantDecl) {
            long long iv;
            if (eval_int(s, &iv)) {
                v.kind = CL_VAL_INT;
                v.ival = iv;
            }
            return v;
        }
        local_var *lv = find_local(f, d);
        if (lv != NULL) {
            note_cond_var(f, lv->name);
            if (as_lval != NULL)
                as_lval->name = lv->name;
            if (lv->addr_taken && !is_array_type(clang_getCursorType(d))) {
                lval l = { lv->path, lv->name, type_flags(clang_getCursorType(d)), 0, 1 };
                record_access(f, s, &l, M_READ);
                if (!lv->is_pointer) {
                    v.kind = CL_VAL_LOAD;
                    v.path = lv->path;
                    v.stack_local = 1;
                    return v;
                }
            }
            if (is_array_type(clang_getCursorType(d))) {
                v.kind = CL_VAL_ADDR;
                v.path = lv->path;
                v.stack_local = 1;
                return v;
            }
            return lv->val;
        }
        /* fall through: a global */
    }
    if (k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr ||
        k == CXCursor_ArraySubscriptExpr ||
        (k == CXCursor_UnaryOperator &&
         clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_Deref)) {
        lval l = lower_lvalue(f, s);
        if (as_lval != NULL)
            *as_lval = l;
        if (is_array_type(t) || clang_getCanonicalType(t).kind == CXType_FunctionProto) {
            /* An array decays to a pointer to its first element: no load. */
            if (l.path != NULL) {
                v.kind = CL_VAL_ADDR;
                v.path = l.path;
                v.per_iteration = (unsigned)l.per_iter;
                v.stack_local = (unsigned)l.stack_local;
            }
            return v;
        }
        record_access(f, s, &l, M_READ);
        if (l.path != NULL && is_pointer_type(t)) {
            /* The pointer stored at `l`: `jobs[i]` in the spawn loop hands
             * each thread the object its own element points to. */
            v.kind = CL_VAL_ADDR;
            v.path = cl_arena_printf(A(f), "%s->", l.path);
            v.per_iteration = (unsigned)l.per_iter;
        } else if (l.path != NULL) {
            v.kind = CL_VAL_LOAD;
            v.path = l.path;
            v.per_iteration = (unsigned)l.per_iter;
            v.stack_local = (unsigned)l.stack_local;
        }
        return v;
    }
    if (k == CXCursor_GNUNullExpr) {
        v.kind = CL_VAL_NULL;
        return v;
    }
    if (k == CXCursor_IntegerLiteral || k == CXCursor_CharacterLiteral) {
        long long iv;
        if (eval_int(s, &iv)) {
            v.kind = iv == 0 && is_pointer_type(clang_getCursorType(c)) ? CL_VAL_NULL : CL_VAL_INT;
            v.ival = iv;
        }
        return v;
    }
    lower_expr(f, s);
    if (k == CXCursor_UnaryOperator || k == CXCursor_BinaryOperator) {
        long long iv;
        /* Constant expressions such as `-1` or `1000 * 10`. */
        if (clang_getCanonicalType(t).kind != CXType_Pointer && eval_int(s, &iv)) {
            v.kind = CL_VAL_INT;
            v.ival = iv;
        }
    }
    return v;
}

static void lower_children(fctx *f, CXCursor c)
{
    kids ks;
    kids_of(c, &ks);
    for (size_t i = 0; i < ks.n; i++) {
        enum CXCursorKind k = clang_getCursorKind(ks.v[i]);
        if (clang_isExpression(k))
            lower_expr(f, ks.v[i]);
        else if (clang_isStatement(k))
            lower_stmt(f, ks.v[i]);
    }
    kids_free(&ks);
}

/* Assignment to a local pointer: remember the value. */
static void assign_local(fctx *f, CXCursor lhs, CXCursor rhs, cl_event **call_out)
{
    CXCursor s = strip(lhs);
    local_var *lv = NULL;
    if (clang_getCursorKind(s) == CXCursor_DeclRefExpr)
        lv = find_local(f, clang_getCursorReferenced(s));
    CXCursor r = strip(rhs);
    if (clang_getCursorKind(r) == CXCursor_CallExpr) {
        cl_event *e = lower_call(f, r);
        if (lv != NULL) {
            e->u.call.ret_var = lv->name;
            lv->last_call = e;
        }
        if (call_out)
            *call_out = e;
        if (lv != NULL)
            memset(&lv->val, 0, sizeof lv->val);
        return;
    }
    cl_value v = eval_value(f, rhs, NULL);
    if (lv != NULL && lv->is_pointer)
        lv->val = v;
}

static cl_node *lower_cond(fctx *f, CXCursor c, cl_node *owner)
{
    seqbuild b;
    strvec vars = { NULL, 0, 0 };
    strvec *prev_vars = f->cond_vars;
    f->cond_vars = &vars;
    seq_begin(f, &b, loc_of(f, c));
    lower_expr(f, c);
    cl_node *n = seq_end(f, &b);
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
 * in `cond` (matched by location), or a local last assigned from a call. */
static const cl_event *tested_call(fctx *f, CXCursor c, const cl_node *cond)
{
    c = strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_CallExpr && cond != NULL) {
        cl_loc l = loc_of(f, c);
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
        kids_of(c, &ks);
        const cl_event *e = ks.n == 2 ? tested_call(f, ks.v[1], cond) : NULL;
        kids_free(&ks);
        return e;
    }
    if (k == CXCursor_DeclRefExpr) {
        local_var *lv = find_local(f, clang_getCursorReferenced(c));
        return lv != NULL ? lv->last_call : NULL;
    }
    return NULL;
}

/* Fills node->test_* when the condition `c` tests a call result against a
 * constant (see ir.h). */
static void analyze_test(fctx *f, CXCursor c, cl_node *node)
{
    c = strip(c);
    enum CXCursorKind k = clang_getCursorKind(c);
    const cl_event *e;
    if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
        kids ks;
        kids_of(c, &ks);
        e = ks.n == 1 ? tested_call(f, ks.v[0], node->cond) : NULL;
        kids_free(&ks);
        if (e != NULL) {
            node->test_call = e;
            node->test_op = CL_TEST_EQ;
            node->test_value = 0;
        }
        return;
    }
    if (k == CXCursor_BinaryOperator) {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
        if (op < CXBinaryOperator_LT || op > CXBinaryOperator_NE)
            goto truthy;
        kids ks;
        kids_of(c, &ks);
        long long v;
        if (ks.n == 2) {
            for (int side = 0; side < 2; side++) {
                e = tested_call(f, ks.v[side], node->cond);
                if (e == NULL || !eval_int(ks.v[1 - side], &v))
                    continue;
                static const cl_test_op ops[] = { CL_TEST_LT, CL_TEST_GT, CL_TEST_LE,
                                                  CL_TEST_GE, CL_TEST_EQ, CL_TEST_NE };
                static const cl_test_op mirrored[] = { CL_TEST_GT, CL_TEST_LT, CL_TEST_GE,
                                                       CL_TEST_LE, CL_TEST_EQ, CL_TEST_NE };
                size_t idx = (size_t)(op - CXBinaryOperator_LT);
                node->test_call = e;
                node->test_op = side == 0 ? ops[idx] : mirrored[idx];
                node->test_value = v;
                break;
            }
        }
        kids_free(&ks);
        return;
    }
truthy:
    e = tested_call(f, c, node->cond);
    if (e != NULL) {
        node->test_call = e;
        node->test_op = CL_TEST_NE;
        node->test_value = 0;
    }
}

/* C11 / GNU atomic operations (atomic_load, atomic_store_explicit,
 * atomic_fetch_add, __atomic_load_n, __c11_atomic_*) reach libclang as an
 * UnexposedExpr (clang's AtomicExpr) whose first operand points to the
 * object, followed by the memory order and the value operands. Records the
 * access with CL_ACC_ATOMIC: a load (pointer and order only) reads, an
 * operation of type void (store, init) writes, anything else (exchange,
 * fetch-op, compare-exchange) reads and writes. Returns 1 when `c` was such
 * an operation. Implicit casts (one operand) are rejected before anything
 * costly is done. */
static int lower_atomic_op(fctx *f, CXCursor c)
{
    kids ks;
    kids_of(c, &ks);
    size_t nexpr = 0;
    for (size_t i = 0; i < ks.n; i++)
        nexpr += clang_isExpression(clang_getCursorKind(ks.v[i])) != 0;
    int is_atomic = 0;
    if (nexpr >= 2 && is_pointer_type(clang_getCursorType(ks.v[0]))) {
        CXType pointee = clang_getPointeeType(clang_getCanonicalType(clang_getCursorType(ks.v[0])));
        is_atomic = clang_getCanonicalType(pointee).kind == CXType_Atomic;
        if (!is_atomic) {
            /* __atomic_* builtins on plain objects: the spelling says it. */
            CXToken *toks = NULL;
            unsigned ntoks = 0;
            clang_tokenize(f->cxtu, clang_getCursorExtent(c), &toks, &ntoks);
            if (ntoks > 0) {
                CXString sp = clang_getTokenSpelling(f->cxtu, toks[0]);
                const char *t = clang_getCString(sp);
                is_atomic = t != NULL && (strncmp(t, "atomic_", 7) == 0 ||
                                          strncmp(t, "__atomic_", 9) == 0 ||
                                          strncmp(t, "__c11_atomic_", 13) == 0);
                clang_disposeString(sp);
            }
            if (toks != NULL)
                clang_disposeTokens(f->cxtu, toks, ntoks);
        }
    }
    if (!is_atomic) {
        kids_free(&ks);
        return 0;
    }
    lval obj;
    cl_value v = eval_value(f, ks.v[0], &obj);
    for (size_t i = 1; i < ks.n; i++)
        if (clang_isExpression(clang_getCursorKind(ks.v[i])))
            eval_value(f, ks.v[i], NULL);
    unsigned mode = M_READ | M_WRITE;
    if (clang_getCanonicalType(clang_getCursorType(c)).kind == CXType_Void)
        mode = M_WRITE;
    else if (nexpr == 2)
        mode = M_READ;
    if (v.kind == CL_VAL_ADDR) {
        lval l = { v.path, obj.name, CL_ACC_ATOMIC, (int)v.per_iteration, (int)v.stack_local };
        record_access(f, c, &l, mode);
    }
    kids_free(&ks);
    return 1;
}

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
            cl_event *e = emit(f, CL_EV_FUNCREF, loc_of(f, c));
            e->u.funcref = func_value(f, d);
            return;
        }
        eval_value(f, c, NULL);
        return;
    }
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr:
        eval_value(f, c, NULL);
        return;
    case CXCursor_CallExpr:
        lower_call(f, c);
        return;
    case CXCursor_StmtExpr:
        lower_children(f, c);
        return;
    case CXCursor_UnaryOperator: {
        enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
        kids ks;
        kids_of(c, &ks);
        if (ks.n >= 1) {
            if (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
                op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec) {
                lval l = lower_lvalue(f, ks.v[0]);
                record_access(f, c, &l, M_READ | M_WRITE);
            } else if (op == CXUnaryOperator_AddrOf || op == CXUnaryOperator_Deref) {
                eval_value(f, c, NULL);
            } else {
                lower_expr(f, ks.v[0]);
            }
        }
        kids_free(&ks);
        return;
    }
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator: {
        enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
        kids ks;
        kids_of(c, &ks);
        if (ks.n >= 2) {
            if (op == CXBinaryOperator_Assign) {
                CXCursor lhs = strip(ks.v[0]);
                int is_local = clang_getCursorKind(lhs) == CXCursor_DeclRefExpr &&
                               find_local(f, clang_getCursorReferenced(lhs)) != NULL;
                if (is_local) {
                    assign_local(f, ks.v[0], ks.v[1], NULL);
                    lval l = lower_lvalue(f, ks.v[0]);
                    record_access(f, ks.v[0], &l, M_WRITE);
                } else {
                    eval_value(f, ks.v[1], NULL);
                    lval l = lower_lvalue(f, ks.v[0]);
                    record_access(f, ks.v[0], &l, M_WRITE);
                }
            } else if (op >= CXBinaryOperator_MulAssign && op <= CXBinaryOperator_OrAssign) {
                eval_value(f, ks.v[1], NULL);
                lval l = lower_lvalue(f, ks.v[0]);
                record_access(f, ks.v[0], &l, M_READ | M_WRITE);
            } else {
                eval_value(f, ks.v[0], NULL);
                eval_value(f, ks.v[1], NULL);
            }
        } else {
            lower_children(f, c);
        }
        kids_free(&ks);
        return;
    }
    case CXCursor_ConditionalOperator: {
        kids ks;
        kids_of(c, &ks);
        if (ks.n == 3) {
            cl_node *br = new_node(f, CL_N_BRANCH, loc_of(f, c));
            br->cond = lower_cond(f, ks.v[0], br);
            br->nkids = 2;
            br->kids = cl_arena_alloc(A(f), 2 * sizeof *br->kids);
            for (int i = 0; i < 2; i++) {
                seqbuild b;
                seq_begin(f, &b, loc_of(f, ks.v[1 + i]));
                eval_value(f, ks.v[1 + i], NULL);
                br->kids[i] = seq_end(f, &b);
            }
            append(f, br);
        } else {
            lower_children(f, c);
        }
        kids_free(&ks);
        return;
    }
    case CXCursor_UnexposedExpr:
        if (!lower_atomic_op(f, c))
            lower_children(f, c);
        return;
    default:
        if (clang_isExpression(k) || k == CXCursor_InitListExpr)
            lower_children(f, c);
        return;
    }
}

/* ---- statements --------------------------------------------------------- */

static cl_node *lower_block(fctx *f, CXCursor c)
{
    seqbuild b;
    seq_begin(f, &b, loc_of(f, c));
    lower_stmt(f, c);
    return seq_end(f, &b);
}

static cl_node *empty_seq(fctx *f, cl_loc loc)
{
    return new_node(f, CL_N_SEQ, loc);
}

static void lower_vardecl(fctx *f, CXCursor d)
{
    if (is_global_var(d)) {
        /* Function-scope static: its initializer runs once, at load time. */
        return;
    }
    local_var *lv = find_local(f, d);
    kids ks;
    kids_of(d, &ks);
    CXCursor init = clang_getNullCursor();
    for (size_t i = 0; i < ks.n; i++)
        if (clang_isExpression(clang_getCursorKind(ks.v[i])))
            init = ks.v[i];
    kids_free(&ks);
    if (clang_Cursor_isNull(init))
        return;
    CXCursor s = strip(init);
    if (clang_getCursorKind(s) == CXCursor_CallExpr) {
        cl_event *e = lower_call(f, s);
        if (lv != NULL) {
            e->u.call.ret_var = lv->name;
            lv->last_call = e;
        }
        return;
    }
    size_t before = f->seq_kids != NULL ? f->seq_kids->n : 0;
    cl_value v = eval_value(f, init, NULL);
    if (lv != NULL && lv->is_pointer)
        lv->val = v;
    /* A local table of functions (`start_fn kinds[] = { a, b }`): tie the
     * function references to the table, for calls through it. */
    for (size_t i = before; lv != NULL && f->seq_kids != NULL && i < f->seq_kids->n; i++) {
        cl_node *n = f->seq_kids->v[i];
        if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_FUNCREF)
            n->ev->u.funcref.path = lv->path;
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
    kids_of(c, &ks);
    for (size_t i = 0; i < ks.n; i++) {
        unsigned off;
        clang_getSpellingLocation(clang_getCursorLocation(ks.v[i]), NULL, NULL, NULL, &off);
        CXSourceRange ext = clang_getCursorExtent(ks.v[i]);
        clang_getSpellingLocation(clang_getRangeStart(ext), NULL, NULL, NULL, &off);
        if (nsemi < 2 || close == 0) {
            /* Macro-built header: best effort by count. */
            if (i + 1 == ks.n)
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
    kids_free(&ks);
}

/* Recognizes `i < N` style conditions: returns the induction variable and
 * whether the other side is a constant. A constant condition makes the loop
 * infinite (non-zero) or, when false, run its body once for a do-while
 * (`do { ... } while (0)`, CL_LOOP_ONCE) and never for the others. */
static void loop_bound(fctx *f, cl_node *loop, CXCursor cond, CXCursor *ind)
{
    *ind = clang_getNullCursor();
    if (clang_Cursor_isNull(cond)) {
        loop->bound = CL_LOOP_INFINITE;
        return;
    }
    long long iv;
    CXCursor s = strip(cond);
    if (eval_int(s, &iv)) {
        loop->bound = iv != 0 ? CL_LOOP_INFINITE : loop->do_while ? CL_LOOP_ONCE : CL_LOOP_CONST;
        return;
    }
    if (clang_getCursorKind(s) != CXCursor_BinaryOperator)
        return;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    if (op < CXBinaryOperator_LT || op > CXBinaryOperator_NE)
        return;
    kids ks;
    kids_of(s, &ks);
    if (ks.n == 2) {
        for (int side = 0; side < 2; side++) {
            CXCursor var = strip(ks.v[side]), other = ks.v[1 - side];
            if (clang_getCursorKind(var) != CXCursor_DeclRefExpr)
                continue;
            CXCursor d = clang_getCursorReferenced(var);
            if (find_local(f, d) == NULL)
                continue;
            if (eval_int(other, &iv))
                loop->bound = CL_LOOP_CONST;
            else if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE)
                loop->bound = CL_LOOP_COUNTED;
            else
                continue;
            *ind = d;
            loop->induction_var = take(A(f), clang_getCursorSpelling(d));
            break;
        }
    }
    kids_free(&ks);
}

static void lower_loop(fctx *f, CXCursor c, enum CXCursorKind k)
{
    cl_node *loop = new_node(f, CL_N_LOOP, loc_of(f, c));
    loop->do_while = k == CXCursor_DoStmt;
    CXCursor init = clang_getNullCursor(), cond = init, inc = init, body = init;
    if (k == CXCursor_ForStmt) {
        for_parts(f, c, &init, &cond, &inc, &body);
    } else {
        kids ks;
        kids_of(c, &ks);
        if (ks.n >= 2) {
            if (k == CXCursor_DoStmt) {
                body = ks.v[0];
                cond = ks.v[ks.n - 1];
            } else {
                cond = ks.v[ks.n - 2];
                body = ks.v[ks.n - 1];
            }
        }
        kids_free(&ks);
    }
    if (!clang_Cursor_isNull(init)) {
        if (clang_isStatement(clang_getCursorKind(init)))
            lower_stmt(f, init);
        else
            lower_expr(f, init);
    }
    CXCursor ind;
    loop_bound(f, loop, cond, &ind);
    if (!clang_Cursor_isNull(cond)) {
        loop->cond = lower_cond(f, cond, loop);
        analyze_test(f, cond, loop);
    }
    int pushed = 0;
    if (!clang_Cursor_isNull(ind)) {
        CL_VEC_PUSH(&f->induction, ind);
        pushed = 1;
    }
    seqbuild b;
    seq_begin(f, &b, loc_of(f, c));
    if (!clang_Cursor_isNull(body))
        lower_stmt(f, body);
    if (!clang_Cursor_isNull(inc))
        lower_expr(f, inc);
    cl_node *bodyn = seq_end(f, &b);
    if (pushed)
        f->induction.n--;
    loop->nkids = 1;
    loop->kids = cl_arena_alloc(A(f), sizeof *loop->kids);
    loop->kids[0] = bodyn;
    append(f, loop);
}

static void lower_switch(fctx *f, CXCursor c)
{
    kids ks;
    kids_of(c, &ks);
    if (ks.n < 2) {
        kids_free(&ks);
        return;
    }
    cl_node *sw = new_node(f, CL_N_SWITCH, loc_of(f, c));
    sw->cond = lower_cond(f, ks.v[ks.n - 2], sw);
    CXCursor body = ks.v[ks.n - 1];
    kids_free(&ks);
    nodevec alts = { NULL, 0, 0 };
    int has_default = 0;
    /* Each case label starts an alternative; statements before the first
     * label are unreachable and dropped. */
    kids bk;
    kids_of(body, &bk);
    seqbuild b;
    int open = 0;
    for (size_t i = 0; i < bk.n; i++) {
        CXCursor s = bk.v[i];
        enum CXCursorKind sk = clang_getCursorKind(s);
        while (sk == CXCursor_CaseStmt || sk == CXCursor_DefaultStmt) {
            if (sk == CXCursor_DefaultStmt)
                has_default = 1;
            if (open)
                CL_VEC_PUSH(&alts, seq_end(f, &b));
            seq_begin(f, &b, loc_of(f, s));
            open = 1;
            kids ck;
            kids_of(s, &ck);
            CXCursor sub = ck.n > 0 ? ck.v[ck.n - 1] : clang_getNullCursor();
            kids_free(&ck);
            if (clang_Cursor_isNull(sub))
                break;
            s = sub;
            sk = clang_getCursorKind(s);
        }
        if (open && sk != CXCursor_CaseStmt && sk != CXCursor_DefaultStmt)
            lower_stmt(f, s);
    }
    if (open)
        CL_VEC_PUSH(&alts, seq_end(f, &b));
    kids_free(&bk);
    if (!has_default)
        CL_VEC_PUSH(&alts, empty_seq(f, sw->loc));
    sw->nkids = alts.n;
    sw->kids = cl_arena_alloc(A(f), alts.n * sizeof *sw->kids);
    memcpy(sw->kids, alts.v, alts.n * sizeof *alts.v);
    free(alts.v);
    append(f, sw);
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
    const char *spelling = take(A(f), clang_getCursorSpelling(label));
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
    cl_node *g = new_node(f, CL_N_GOTO, loc_of(f, c));
    kids ks;
    kids_of(c, &ks);
    for (size_t i = 0; i < ks.n && g->label == NULL; i++) {
        if (clang_getCursorKind(ks.v[i]) != CXCursor_LabelRef)
            continue;
        CXCursor target = clang_getCursorReferenced(ks.v[i]);
        if (clang_getCursorKind(target) == CXCursor_LabelStmt)
            g->label = label_name(f, target);
        else /* a label that is never defined (a parse error) */
            g->label = take(A(f), clang_getCursorSpelling(ks.v[i]));
    }
    kids_free(&ks);
    append(f, g);
}

static void lower_stmt_at(fctx *f, CXCursor c)
{
    enum CXCursorKind k = clang_getCursorKind(c);
    switch (k) {
    case CXCursor_CompoundStmt:
        lower_children(f, c);
        return;
    case CXCursor_DeclStmt: {
        kids ks;
        kids_of(c, &ks);
        for (size_t i = 0; i < ks.n; i++)
            if (clang_getCursorKind(ks.v[i]) == CXCursor_VarDecl)
                lower_vardecl(f, ks.v[i]);
        kids_free(&ks);
        return;
    }
    case CXCursor_IfStmt: {
        kids ks;
        kids_of(c, &ks);
        if (ks.n >= 2) {
            cl_node *br = new_node(f, CL_N_BRANCH, loc_of(f, c));
            /* children: cond, then [, else] */
            CXCursor cond = ks.v[0], then = ks.v[1];
            CXCursor els = ks.n >= 3 ? ks.v[2] : clang_getNullCursor();
            br->cond = lower_cond(f, cond, br);
            analyze_test(f, cond, br);
            br->nkids = 2;
            br->kids = cl_arena_alloc(A(f), 2 * sizeof *br->kids);
            br->kids[0] = lower_block(f, then);
            br->kids[1] = clang_Cursor_isNull(els) ? empty_seq(f, br->loc) : lower_block(f, els);
            append(f, br);
        }
        kids_free(&ks);
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
        cl_node *r = new_node(f, CL_N_RETURN, loc_of(f, c));
        kids ks;
        kids_of(c, &ks);
        if (ks.n > 0)
            r->cond = lower_cond(f, ks.v[0], r);
        kids_free(&ks);
        append(f, r);
        return;
    }
    case CXCursor_BreakStmt:
        append(f, new_node(f, CL_N_BREAK, loc_of(f, c)));
        return;
    case CXCursor_ContinueStmt:
        append(f, new_node(f, CL_N_CONTINUE, loc_of(f, c)));
        return;
    case CXCursor_GotoStmt:
        lower_goto(f, c);
        return;
    case CXCursor_IndirectGotoStmt:
        append(f, new_node(f, CL_N_GOTO, loc_of(f, c))); /* computed: no label */
        return;
    case CXCursor_LabelStmt: {
        cl_node *l = new_node(f, CL_N_LABEL, loc_of(f, c));
        l->label = label_name(f, c);
        append(f, l);
        lower_children(f, c);
        return;
    }
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        lower_children(f, c);
        return;
    case CXCursor_NullStmt:
        return;
    default:
        if (clang_isExpression(k))
            lower_expr(f, c);
        else
            lower_children(f, c);
        return;
    }
}

/* ---- locals pre-pass ------------------------------------------------------ */

static void mark_addr_taken(fctx *f, CXCursor operand)
{
    for (;;) {
        operand = strip(operand);
        enum CXCursorKind k = clang_getCursorKind(operand);
        if (k == CXCursor_DeclRefExpr) {
            local_var *lv = find_local(f, clang_getCursorReferenced(operand));
            if (lv != NULL)
                lv->addr_taken = 1;
            return;
        }
        if (k != CXCursor_MemberRefExpr && k != CXCursor_ArraySubscriptExpr)
            return;
        kids ks;
        kids_of(operand, &ks);
        if (ks.n == 0) {
            kids_free(&ks);
            return;
        }
        CXCursor base = ks.v[0];
        kids_free(&ks);
        /* `&p->x` takes the address of what p points to, not of p. */
        if (is_pointer_type(clang_getCursorType(strip(base))))
            return;
        operand = base;
    }
}

static enum CXChildVisitResult prepass_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    fctx *f = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_VarDecl && !is_global_var(c)) {
        local_var lv;
        memset(&lv, 0, sizeof lv);
        lv.decl = c;
        lv.name = take(A(f), clang_getCursorSpelling(c));
        lv.param_index = -1;
        lv.is_pointer = is_pointer_type(clang_getCursorType(c));
        lv.path = cl_arena_printf(A(f), "L%s#%s@%u", f->fn_usr, lv.name, loc_of(f, c).line);
        /* Local arrays decay to pointers wherever they are used: treat
         * them as address-taken. */
        lv.addr_taken = is_array_type(clang_getCursorType(c));
        CL_VEC_PUSH(&f->locals, lv);
    } else if (k == CXCursor_UnaryOperator &&
               clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf) {
        kids ks;
        kids_of(c, &ks);
        if (ks.n > 0)
            mark_addr_taken(f, ks.v[0]);
        kids_free(&ks);
    }
    return CXChildVisit_Recurse;
}

/* ---- functions and globals ------------------------------------------------ */

static void lower_function(fctx *f, CXCursor fn, cl_function *out)
{
    out->usr = take(A(f), clang_getCursorUSR(fn));
    out->name = take(A(f), clang_getCursorSpelling(fn));
    out->loc = loc_of(f, fn);
    if (clang_getCursorLinkage(fn) == CXLinkage_Internal)
        out->flags |= CL_FN_STATIC;
    if (clang_isFunctionTypeVariadic(clang_getCursorType(fn)))
        out->flags |= CL_FN_VARIADIC;
    f->fn_usr = out->usr;
    f->locals.n = 0;
    f->induction.n = 0;
    f->labels.n = 0;
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
        lv.name = take(A(f), clang_getCursorSpelling(p));
        lv.param_index = i;
        lv.is_pointer = is_pointer_type(clang_getCursorType(p));
        lv.path = cl_arena_printf(A(f), "L%s#%s@%u", f->fn_usr, lv.name, loc_of(f, p).line);
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
    kids_of(fn, &ks);
    for (size_t i = 0; i < ks.n; i++)
        if (clang_getCursorKind(ks.v[i]) == CXCursor_CompoundStmt)
            body = ks.v[i];
    kids_free(&ks);
    if (clang_Cursor_isNull(body)) {
        out->body = empty_seq(f, out->loc);
        return;
    }
    clang_visitChildren(body, prepass_visit, f);
    out->body = lower_block(f, body);
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

typedef struct tuctx {
    fctx f;
    struct { cl_function *v; size_t n, cap; } funcs;
    struct { cl_global *v; size_t n, cap; } globals;
    struct { cl_value *v; size_t n, cap; } funcrefs;
} tuctx;

typedef struct funcref_ctx {
    tuctx *t;
    const char *owner;   /* "G<usr>" of the global being initialized */
} funcref_ctx;

static enum CXChildVisitResult funcref_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    funcref_ctx *fc = d;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(c);
        if (clang_getCursorKind(r) == CXCursor_FunctionDecl) {
            cl_value v = func_value(&fc->t->f, r);
            v.path = fc->owner;
            CL_VEC_PUSH(&fc->t->funcrefs, v);
        }
    }
    return CXChildVisit_Recurse;
}

static void record_global(tuctx *t, CXCursor d)
{
    cl_global g;
    memset(&g, 0, sizeof g);
    g.usr = take(A(&t->f), clang_getCursorUSR(d));
    g.name = take(A(&t->f), clang_getCursorSpelling(d));
    g.loc = loc_of(&t->f, d);
    g.flags = global_flags(d);
    /* `struct stats *sp = &stats;`: remember what the pointer designates. */
    CXCursor init = clang_Cursor_getVarDeclInitializer(d);
    if (!clang_Cursor_isNull(init) && is_pointer_type(clang_getCursorType(d))) {
        CXCursor si = strip(init);
        if (clang_getCursorKind(si) == CXCursor_UnaryOperator &&
            clang_getCursorUnaryOperatorKind(si) == CXUnaryOperator_AddrOf) {
            cl_value v = eval_value(&t->f, si, NULL);
            if (v.kind == CL_VAL_ADDR && v.path != NULL && v.path[0] == 'G')
                g.init_path = v.path;
        }
    }
    CL_VEC_PUSH(&t->globals, g);
    /* Function designators in initializers (callback tables) are address-
     * taken functions. */
    funcref_ctx fc = { t, cl_arena_printf(A(&t->f), "G%s", g.usr) };
    clang_visitChildren(d, funcref_visit, &fc);
}

static enum CXChildVisitResult static_local_visit(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    if (clang_getCursorKind(c) == CXCursor_VarDecl && is_global_var(c)) {
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

typedef struct inclusions {
    fctx *f;
    cl_strmap seen;
    struct { const char **v; size_t n, cap; } files;
    struct { uint64_t *v; size_t n, cap; } hashes;
} inclusions;

/* Records `file` under the name the preprocessor opened it by (made
 * absolute, symlinks kept: a retargeted symlink must count as a change),
 * with the content hash of the very buffer that was parsed. */
static void inclusion_visit(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
    (void)stack;
    (void)depth;
    inclusions *inc = d;
    const char *opened = take(A(inc->f), clang_getFileName(file));
    if (opened == NULL || opened[0] == '\0')
        return;
    char *abs = cl_path_normalize(opened, NULL);
    const char *name = cl_arena_strdup(A(inc->f), abs);
    free(abs);
    if (cl_strmap_get(&inc->seen, name, NULL))
        return;
    cl_strmap_put(&inc->seen, name, 1);
    size_t len = 0;
    const char *buf = clang_getFileContents(inc->f->cxtu, file, &len);
    CL_VEC_PUSH(&inc->files, name);
    CL_VEC_PUSH(&inc->hashes, buf != NULL ? cl_content_hash(buf, len) : 0);
}

/* Records every file the TU read (the main file first), for the summary
 * cache's change detection. */
static void record_includes(fctx *f, CXTranslationUnit cxtu, cl_tu *tu)
{
    inclusions inc;
    memset(&inc, 0, sizeof inc);
    inc.f = f;
    clang_getInclusions(cxtu, inclusion_visit, &inc);
    tu->nincludes = inc.files.n;
    if (inc.files.n > 0) {
        tu->includes = cl_arena_alloc(&tu->arena, inc.files.n * sizeof *tu->includes);
        memcpy(tu->includes, inc.files.v, inc.files.n * sizeof *inc.files.v);
        tu->include_hashes = cl_arena_alloc(&tu->arena, inc.files.n * sizeof *tu->include_hashes);
        memcpy(tu->include_hashes, inc.hashes.v, inc.files.n * sizeof *inc.hashes.v);
    }
    free(inc.files.v);
    free(inc.hashes.v);
    cl_strmap_release(&inc.seen);
}

static const char *error_code_name(enum CXErrorCode e)
{
    switch (e) {
    case CXError_Success: return "success";
    case CXError_Failure: return "libclang failed to parse the file";
    case CXError_Crashed: return "libclang crashed while parsing the file";
    case CXError_InvalidArguments: return "invalid arguments to the parser";
    case CXError_ASTReadError: return "AST read error";
    }
    return "unknown libclang error";
}

#define COPY_VEC(dst, ndst, vec, arena)                                         \
    do {                                                                       \
        (ndst) = (vec).n;                                                      \
        if ((vec).n) {                                                         \
            (dst) = cl_arena_alloc((arena), (vec).n * sizeof *(vec).v);        \
            memcpy((dst), (vec).v, (vec).n * sizeof *(vec).v);                 \
        }                                                                      \
        free((vec).v);                                                         \
    } while (0)

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

cl_tu *cl_frontend_summarize(cl_frontend *fe, const char *file,
                             char *const *args, size_t nargs)
{
    if (fe->index == NULL) {
        if (cl_frontend_load(NULL, 0) != 0)
            return NULL;
        fe->index = clang_createIndex(0, 0);
    }
    double t0 = now_seconds();
    cl_tu *tu = cl_xcalloc(1, sizeof *tu);
    struct timespec started;
    clock_gettime(CLOCK_REALTIME, &started);
    tu->parse_started_ns = (int64_t)started.tv_sec * 1000000000 + started.tv_nsec;
    tu->main_file = cl_arena_strdup(&tu->arena, file);
    size_t argc = nargs + 4;
    const char **argv = cl_xcalloc(argc + 1, sizeof *argv);
    size_t n = 0;
    argv[n++] = "clang";
    argv[n++] = "-resource-dir";
    argv[n++] = cl_frontend_resource_dir();
    for (size_t i = 0; i < nargs; i++)
        argv[n++] = args[i];
    argv[n++] = "-w"; /* warnings are not our business; errors still come */
    CXTranslationUnit cxtu = NULL;
    unsigned opts = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    enum CXErrorCode err = clang_parseTranslationUnit2FullArgv(
        fe->index, file, argv, (int)n, NULL, 0, opts, &cxtu);
    free(argv);
    double t1 = now_seconds();
    tu->parse_seconds = t1 - t0;
    struct { cl_diag *v; size_t n, cap; } diags = { NULL, 0, 0 };
    filevec files = { NULL, 0, 0 };
    tuctx t;
    memset(&t, 0, sizeof t);
    t.f.tu = tu;
    t.f.files = &files;
    if (err != CXError_Success || cxtu == NULL) {
        cl_diag d = { CL_DIAG_ERROR, { tu->main_file, 0, 0 },
                      cl_arena_printf(&tu->arena, "cannot parse: %s", error_code_name(err)) };
        CL_VEC_PUSH(&diags, d);
        COPY_VEC(tu->diags, tu->ndiags, diags, &tu->arena);
        return tu;
    }
    tu->parsed = 1;
    t.f.cxtu = cxtu;
    unsigned nd = clang_getNumDiagnostics(cxtu);
    for (unsigned i = 0; i < nd; i++) {
        CXDiagnostic d = clang_getDiagnostic(cxtu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        if (sev >= CXDiagnostic_Error) {
            cl_diag cd;
            cd.level = CL_DIAG_ERROR;
            cd.loc = loc_of_location(&t.f, clang_getDiagnosticLocation(d));
            cd.message = take(&tu->arena, clang_getDiagnosticSpelling(d));
            CL_VEC_PUSH(&diags, cd);
        }
        clang_disposeDiagnostic(d);
    }
    clang_visitChildren(clang_getTranslationUnitCursor(cxtu), top_visit, &t);
    if (t.f.too_deep.file != NULL) {
        cl_diag d = { CL_DIAG_WARNING, t.f.too_deep,
                      cl_arena_printf(&tu->arena, "code nested more than %d levels deep; the "
                                      "deeper part is not analyzed", MAX_NESTING) };
        CL_VEC_PUSH(&diags, d);
    }
    record_includes(&t.f, cxtu, tu);
    clang_disposeTranslationUnit(cxtu);
    free(t.f.locals.v);
    free(t.f.induction.v);
    free(t.f.labels.v);
    free(files.v);
    COPY_VEC(tu->funcs, tu->nfuncs, t.funcs, &tu->arena);
    COPY_VEC(tu->globals, tu->nglobals, t.globals, &tu->arena);
    COPY_VEC(tu->funcrefs, tu->nfuncrefs, t.funcrefs, &tu->arena);
    COPY_VEC(tu->diags, tu->ndiags, diags, &tu->arena);
    tu->lower_seconds = now_seconds() - t1;
    return tu;
}
