/* diagnostics.c - see diagnostics.h. */
#include "lsp/diagnostics.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "rule.h"
#include "util/arena.h"

/* The source files read while building one set, for line text. */
typedef struct source_text {
    char *path, *text;  /* text NULL: unreadable */
    size_t len;
} source_text;

typedef struct texts {
    source_text *v;
    size_t n, cap;
} texts;

/* Line `line` (1-based) of `path`: its start and length (without the
 * newline) into *start and *len; 0 when the file cannot be read or is
 * shorter. */
static int line_of(texts *t, const char *path, unsigned line, const char **start, size_t *len)
{
    size_t k = 0;
    while (k < t->n && strcmp(t->v[k].path, path) != 0)
        k++;
    if (k == t->n) {
        char why[128];
        char *text = NULL;
        size_t n = 0;
        if (cl_read_file(path, CL_STDIN_MAX_BYTES, &text, &n, why, sizeof why) != 0)
            text = NULL;
        source_text st = { cl_xstrdup(path), text, n };
        CL_VEC_PUSH(t, st);
    }
    const char *p = t->v[k].text, *end = p + t->v[k].len;
    if (p == NULL || line == 0)
        return 0;
    for (unsigned l = 1; l < line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            return 0;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *start = p;
    *len = (size_t)((nl != NULL ? nl : end) - p);
    if (*len > 0 && p[*len - 1] == '\r')
        (*len)--;
    return 1;
}

static void texts_release(texts *t)
{
    for (size_t k = 0; k < t->n; k++) {
        free(t->v[k].path);
        free(t->v[k].text);
    }
    free(t->v);
}

unsigned cl_lsp_character(const char *line, size_t len, unsigned col, cl_lsp_encoding enc)
{
    size_t bytes = col > 0 ? col - 1 : 0;
    if (bytes > len)
        bytes = len;
    if (enc == CL_LSP_UTF8)
        return (unsigned)bytes;
    unsigned units = 0;
    for (size_t i = 0; i < bytes; i++) {
        unsigned char c = (unsigned char)line[i];
        if ((c & 0xC0) != 0x80)
            units += c >= 0xF0 ? 2 : 1;
    }
    return units;
}

static int ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* An LSP Range for `loc`: from its column to the end of the identifier
 * there (one character when there is none), on its line. */
static cJSON *range_of(texts *t, const char *path, cl_loc loc, cl_lsp_encoding enc,
                       unsigned *start_char)
{
    unsigned line = loc.line > 0 ? loc.line - 1 : 0;
    unsigned from = loc.col > 0 ? loc.col - 1 : 0, to = from + 1;
    const char *text;
    size_t len;
    if (line_of(t, path, loc.line, &text, &len)) {
        size_t b = loc.col > 0 ? loc.col - 1 : 0, e = b;
        while (e < len && ident_char(text[e]))
            e++;
        if (e == b && e < len)
            e++;
        from = cl_lsp_character(text, len, (unsigned)b + 1, enc);
        to = cl_lsp_character(text, len, (unsigned)e + 1, enc);
    }
    *start_char = from;
    cJSON *r = cJSON_CreateObject();
    cJSON *s = cJSON_AddObjectToObject(r, "start");
    cJSON_AddNumberToObject(s, "line", line);
    cJSON_AddNumberToObject(s, "character", from);
    cJSON *e = cJSON_AddObjectToObject(r, "end");
    cJSON_AddNumberToObject(e, "line", line);
    cJSON_AddNumberToObject(e, "character", to);
    return r;
}

/* The entry of `path` in `set`, made when missing. */
static cl_lsp_file_diags *file_entry(cl_lsp_diag_set *set, const char *path)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i].path, path) == 0)
            return &set->v[i];
    cl_lsp_file_diags blank;
    memset(&blank, 0, sizeof blank);
    blank.path = cl_xstrdup(path);
    blank.diags = cJSON_CreateArray();
    CL_VEC_PUSH(set, blank);
    return &set->v[set->n - 1];
}

const cl_lsp_file_diags *cl_lsp_diags_find(const cl_lsp_diag_set *set, const char *path)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->v[i].path, path) == 0)
            return &set->v[i];
    return NULL;
}

/* A Location: the file's URI and the range of `loc`. */
static cJSON *location(texts *t, const char *path, cl_loc loc, cl_lsp_encoding enc)
{
    unsigned ignored;
    cJSON *l = cJSON_CreateObject();
    char *uri = cl_lsp_path_to_uri(path);
    cJSON_AddStringToObject(l, "uri", uri);
    free(uri);
    cJSON_AddItemToObject(l, "range", range_of(t, path, loc, enc, &ignored));
    return l;
}

/* What building one set needs at hand. */
typedef struct builder {
    cl_lsp_diag_set *set;
    texts t;
    cl_lsp_encoding enc;
} builder;

/* Adds a diagnostic at `loc` in `path` and returns it; with a `rule`, its
 * code and link, and an anchor for the suppression of finding `f`. */
static cJSON *add_diag(builder *b, const char *path, cl_loc loc, int severity, const char *message,
                       const cl_finding *f, const char *finding_path)
{
    cl_lsp_file_diags *fd = file_entry(b->set, path);
    cJSON *d = cJSON_CreateObject();
    unsigned start;
    cJSON_AddItemToObject(d, "range", range_of(&b->t, path, loc, b->enc, &start));
    cJSON_AddNumberToObject(d, "severity", severity);
    if (f != NULL) {
        cJSON_AddStringToObject(d, "code", f->rule->id);
        cJSON *cd = cJSON_AddObjectToObject(d, "codeDescription");
        cJSON_AddStringToObject(cd, "href", CL_RULES_DOC_URI);
        cl_lsp_anchor a = { loc.line > 0 ? loc.line - 1 : 0, start, cl_xstrdup(f->rule->id),
                            cl_xstrdup(finding_path), f->loc.line };
        CL_VEC_PUSH(&fd->anchors, a);
    }
    cJSON_AddStringToObject(d, "source", "conc-lint");
    cJSON_AddItemToObject(d, "message", cl_report_json_string(message));
    cJSON_AddItemToArray(fd->diags, d);
    return d;
}

static int severity_of(cl_level level)
{
    return level == CL_LEVEL_ERROR ? 1 : level == CL_LEVEL_WARNING ? 2 : 3;
}

/* One finding: its diagnostic, and one in each other file of a related
 * location. */
static void add_finding(builder *b, const cl_finding *f)
{
    char *path = cl_report_abspath(f->loc.file);
    if (path == NULL)
        return;
    cJSON *d = add_diag(b, path, f->loc, severity_of(f->level), f->message, f, path);
    cJSON *rel = cJSON_AddArrayToObject(d, "relatedInformation");
    char *base = NULL;
    for (size_t k = 0; k < f->nrelated; k++) {
        const cl_related *r = &f->related[k];
        char *rpath = cl_report_abspath(r->loc.file);
        if (rpath == NULL)
            continue;
        cJSON *ri = cJSON_CreateObject();
        cJSON_AddItemToObject(ri, "location", location(&b->t, rpath, r->loc, b->enc));
        cJSON_AddItemToObject(ri, "message", cl_report_json_string(r->message ? r->message : ""));
        cJSON_AddItemToArray(rel, ri);
        if (strcmp(rpath, path) != 0) {
            if (base == NULL)
                base = cl_xstrdup(cl_base_name(path));
            cl_strbuf msg = { NULL, 0, 0 };
            cl_strbuf_addf(&msg, "%s: part of %s at %s:%u: %s",
                           r->message ? r->message : "related location", f->rule->id, base,
                           f->loc.line, f->message);
            cJSON *back = add_diag(b, rpath, r->loc, 3, msg.s, f, path);
            cl_strbuf_release(&msg);
            cJSON *bri = cJSON_CreateObject();
            cJSON_AddItemToObject(bri, "location", location(&b->t, path, f->loc, b->enc));
            cJSON_AddItemToObject(bri, "message", cl_report_json_string(f->message));
            cJSON_AddItemToArray(cJSON_AddArrayToObject(back, "relatedInformation"), bri);
        }
        free(rpath);
    }
    free(base);
    free(path);
}

/* A parse diagnostic of an open document, once per file, line, column and
 * message (a header's error comes from every TU that includes it). */
static void add_parse_diag(builder *b, const cl_notification *n, const cl_lsp_docs *docs)
{
    char *path = n->loc.file != NULL && n->loc.line > 0 ? cl_report_abspath(n->loc.file) : NULL;
    if (path == NULL || cl_lsp_docs_find_path(docs, path) == NULL) {
        free(path);
        return;
    }
    int severity = n->level == CL_DIAG_ERROR ? 1 : n->level == CL_DIAG_WARNING ? 2 : 3;
    unsigned start;
    cJSON *probe = range_of(&b->t, path, n->loc, b->enc, &start);
    const cl_lsp_file_diags *fd = cl_lsp_diags_find(b->set, path);
    const cJSON *d;
    int seen = 0;
    if (fd != NULL)
        cJSON_ArrayForEach(d, fd->diags) {
            const cJSON *m = cJSON_GetObjectItemCaseSensitive(d, "message");
            seen = seen || (cJSON_Compare(cJSON_GetObjectItemCaseSensitive(d, "range"), probe, 1) &&
                            cJSON_IsString(m) && strcmp(m->valuestring, n->message) == 0);
        }
    cJSON_Delete(probe);
    if (!seen)
        add_diag(b, path, n->loc, severity, n->message, NULL, NULL);
    free(path);
}

/* Whether `path` is the file of one of the run's TUs. */
static int is_tu(const cl_run_output *out, const char *path)
{
    for (size_t i = 0; i < out->ntus; i++)
        if (strcmp(out->tus[i].file, path) == 0)
            return 1;
    return 0;
}

void cl_lsp_diags_build(cl_lsp_diag_set *set, const cl_run_output *out, const cl_lsp_docs *docs,
                        cl_lsp_encoding enc)
{
    builder b = { set, { NULL, 0, 0 }, enc };
    for (size_t i = 0; i < out->findings->list.n; i++)
        if (!out->findings->list.v[i].suppressed)
            add_finding(&b, &out->findings->list.v[i]);
    for (size_t i = 0; i < out->nnotes; i++)
        add_parse_diag(&b, &out->notes[i], docs);
    for (size_t i = 0; i < docs->n; i++) {
        const char *path = docs->v[i].path;
        size_t len = path != NULL ? strlen(path) : 0;
        if (len < 2 || strcmp(path + len - 2, ".c") != 0 || is_tu(out, path))
            continue;
        cl_loc top = { path, 1, 1 };
        add_diag(&b, path, top, 3,
                 "this file is not in the compile database: conc-lint analyzes the program the "
                 "database describes, and reports here only what other files' translation units "
                 "find in it",
                 NULL, NULL);
    }
    for (size_t i = 0; i < set->n; i++)
        set->v[i].text = cJSON_PrintUnformatted(set->v[i].diags);
    texts_release(&b.t);
}

void cl_lsp_diags_release(cl_lsp_diag_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        cl_lsp_file_diags *fd = &set->v[i];
        for (size_t k = 0; k < fd->anchors.n; k++) {
            free(fd->anchors.v[k].rule);
            free(fd->anchors.v[k].file);
        }
        free(fd->anchors.v);
        free(fd->path);
        cJSON_Delete(fd->diags);
        cJSON_free(fd->text);
    }
    free(set->v);
    memset(set, 0, sizeof *set);
}
