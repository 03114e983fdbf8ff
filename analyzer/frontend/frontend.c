/* frontend.c - the frontend's public side (frontend.h): a frontend per
 * worker thread, parsing one TU with libclang, its parse diagnostics and the
 * files it read, and the summary assembled from the lowering (decls.c and
 * the files it calls, see lower.h).
 */
#include "frontend/frontend.h"
#include "frontend/locate.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/compdb.h"
#include "frontend/lower.h"
#include "util/bytes.h"
#include "util/strmap.h"
#include "util/clock.h"

/* A file's content hash as one parse read it, and the identity (device,
 * inode, modification time) clang saw the file with then. */
typedef struct hashed_file {
    CXFileUniqueID id;
    uint64_t hash;
} hashed_file;

struct cl_frontend {
    CXIndex index; /* NULL until the first parse */
    /* Content hashes of the files earlier parses read, by absolute name:
     * a TU including a header an earlier TU of this frontend read with the
     * same identity reuses its hash instead of asking libclang for the
     * buffer (a lookup linear in the TU's source locations) and hashing it
     * again. Keys live in `arena`. */
    cl_arena arena;
    cl_strmap hashed;
    struct { hashed_file *v; size_t n, cap; } hashes;
    /* During a parse with an unsaved buffer: its absolute name. Its hash
     * is not kept: the disk file with that identity has other contents. */
    const char *unsaved_name;
};

const char *cl_frontend_resource_dir(void)
{
    return cl_libclang_resource_dir();
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
    cl_strmap_release(&fe->hashed);
    free(fe->hashes.v);
    cl_arena_release(&fe->arena);
    free(fe);
}

const cl_node_ext cl_node_ext_none;

cl_node_ext *cl_node_ext_of(cl_node *n, cl_arena *a)
{
    if (n->x == NULL || n->x == &cl_node_ext_none)
        n->x = cl_arena_alloc(a, sizeof *n->x);
    return (cl_node_ext *)n->x; /* (its own: allocated from `a`) */
}

void cl_tu_free(cl_tu *tu)
{
    if (tu == NULL)
        return;
    cl_arena_release(&tu->arena);
    free(tu);
}

typedef struct inclusions {
    cl_frontend *fe;
    fctx *f;
    cl_strmap seen;
    struct { const char **v; size_t n, cap; } files;
    struct { uint64_t *v; size_t n, cap; } hashes;
} inclusions;

/* The content hash (0 when unknown) of `file`, named `name`, as the parse
 * of `cxtu` that started at `started_ns` (CLOCK_REALTIME) read it:
 * remembered from an earlier TU of `fe` when clang saw the file with the
 * same identity then (within one run a header is read many times; a file
 * edited in between has a new inode or modification time). The
 * modification time has whole seconds, so a file modified less than 2 s
 * before the parse is hashed anew. */
static uint64_t content_hash(cl_frontend *fe, CXTranslationUnit cxtu, CXFile file,
                             const char *name, int64_t started_ns)
{
    CXFileUniqueID id;
    int have_id = clang_getFileUniqueID(file, &id) == 0 &&
                  (int64_t)id.data[2] + 2 < started_ns / 1000000000 &&
                  (fe->unsaved_name == NULL || strcmp(fe->unsaved_name, name) != 0);
    size_t idx;
    if (have_id && cl_strmap_get(&fe->hashed, name, &idx) &&
        memcmp(&fe->hashes.v[idx].id, &id, sizeof id) == 0)
        return fe->hashes.v[idx].hash;
    size_t len = 0;
    const char *buf = clang_getFileContents(cxtu, file, &len);
    uint64_t hash = buf != NULL ? cl_content_hash(buf, len) : 0;
    if (have_id && hash != 0) {
        hashed_file h = { id, hash };
        if (cl_strmap_get(&fe->hashed, name, &idx)) {
            fe->hashes.v[idx] = h;
        } else {
            CL_VEC_PUSH(&fe->hashes, h);
            cl_strmap_put(&fe->hashed, cl_arena_strdup(&fe->arena, name), fe->hashes.n - 1);
        }
    }
    return hash;
}

/* Records `file` under the name the preprocessor opened it by (made
 * absolute, symlinks kept: a retargeted symlink must count as a change),
 * with the content hash of the very buffer that was parsed. */
static void inclusion_visit(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
    (void)stack;
    (void)depth;
    inclusions *inc = d;
    const char *opened = fe_take(A(inc->f), clang_getFileName(file));
    if (opened == NULL || opened[0] == '\0')
        return;
    char *abs = cl_path_normalize(opened, NULL);
    const char *name = cl_arena_strdup(A(inc->f), abs);
    free(abs);
    if (cl_strmap_get(&inc->seen, name, NULL))
        return;
    cl_strmap_put(&inc->seen, name, 1);
    CL_VEC_PUSH(&inc->files, name);
    CL_VEC_PUSH(&inc->hashes, content_hash(inc->fe, inc->f->cxtu, file, name,
                                            inc->f->tu->parse_started_ns));
}

/* Records every file the TU read (the main file first), for the summary
 * cache's change detection. */
static void record_includes(cl_frontend *fe, fctx *f, CXTranslationUnit cxtu, cl_tu *tu)
{
    inclusions inc;
    memset(&inc, 0, sizeof inc);
    inc.fe = fe;
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

cl_tu *cl_frontend_summarize(cl_frontend *fe, const char *file,
                             char *const *args, size_t nargs)
{
    return cl_frontend_summarize_unsaved(fe, file, args, nargs, NULL);
}

cl_tu *cl_frontend_summarize_unsaved(cl_frontend *fe, const char *file, char *const *args,
                                     size_t nargs, const cl_unsaved *unsaved)
{
    if (fe->index == NULL) {
        if (cl_frontend_load(NULL, 0) != 0)
            return NULL;
        fe->index = clang_createIndex(0, 0);
    }
    double t0 = cl_now_seconds();
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
    struct CXUnsavedFile buffer = { NULL, NULL, 0 };
    char *unsaved_abs = NULL;
    if (unsaved != NULL) {
        buffer.Filename = unsaved->file;
        buffer.Contents = unsaved->data;
        buffer.Length = (unsigned long)unsaved->len;
        unsaved_abs = cl_path_normalize(unsaved->file, NULL);
        fe->unsaved_name = unsaved_abs;
    }
    enum CXErrorCode err = clang_parseTranslationUnit2FullArgv(
        fe->index, file, argv, (int)n, unsaved != NULL ? &buffer : NULL, unsaved != NULL, opts,
        &cxtu);
    free(argv);
    double t1 = cl_now_seconds();
    tu->parse_seconds = t1 - t0;
    struct { cl_diag *v; size_t n, cap; } diags = { NULL, 0, 0 };
    filevec files = { NULL, 0, 0 };
    tuctx t;
    memset(&t, 0, sizeof t);
    t.f.tu = tu;
    t.f.files = &files;
    if (err != CXError_Success || cxtu == NULL) {
        /* libclang says only "failure" when it cannot read the file: say why */
        int unreadable = unsaved == NULL && access(file, R_OK) != 0;
        const char *why = unreadable ? strerror(errno) : error_code_name(err);
        cl_diag d = { CL_DIAG_ERROR, { tu->main_file, 0, 0 },
                      cl_arena_printf(&tu->arena, "cannot %s: %s", unreadable ? "read" : "parse", why) };
        CL_VEC_PUSH(&diags, d);
        COPY_VEC(tu->diags, tu->ndiags, diags, &tu->arena);
        fe->unsaved_name = NULL;
        free(unsaved_abs);
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
            cd.loc = fe_loc_of_location(&t.f, clang_getDiagnosticLocation(d));
            cd.message = fe_take(&tu->arena, clang_getDiagnosticSpelling(d));
            CL_VEC_PUSH(&diags, cd);
        }
        clang_disposeDiagnostic(d);
    }
    fe_lower_decls(&t);
    if (t.f.too_deep.file != NULL) {
        cl_diag d = { CL_DIAG_WARNING, t.f.too_deep,
                      cl_arena_printf(&tu->arena, "expression or statement nested more than %d "
                                      "levels deep; the deeper part is not analyzed", MAX_NESTING) };
        CL_VEC_PUSH(&diags, d);
    }
    record_includes(fe, &t.f, cxtu, tu);
    fe->unsaved_name = NULL;
    free(unsaved_abs);
    clang_disposeTranslationUnit(cxtu);
    free(t.f.locals.v);
    free(t.f.induction.v);
    free(t.f.list_cursors.v);
    free(t.f.incremented.v);
    free(t.f.shared_members.v);
    free(t.f.labels.v);
    free(t.f.elem_results.v);
    free(t.f.guards.v);
    free(files.v);
    COPY_VEC(tu->funcs, tu->nfuncs, t.funcs, &tu->arena);
    COPY_VEC(tu->globals, tu->nglobals, t.globals, &tu->arena);
    COPY_VEC(tu->funcrefs, tu->nfuncrefs, t.funcrefs, &tu->arena);
    COPY_VEC(tu->diags, tu->ndiags, diags, &tu->arena);
    tu->lower_seconds = cl_now_seconds() - t1;
    return tu;
}
