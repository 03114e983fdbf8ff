/* summary_io.c - see summary_io.h.
 *
 * Payload layout:
 *   u32 nstrings, then nstrings x (u32 length, bytes); strings are referred
 *     to by index + 1 (0 is NULL)
 *   str main_file, u8 parsed
 *   u32 n, n x str                            includes
 *   u32 n, n x global  (str usr, str name, loc, u32 flags, str init_path)
 *   u32 n, n x diag    (u8 level, loc, str message)
 *   u32 n, n x value                          funcrefs
 *   u32 n, n x function (str usr, str name, loc, u32 flags,
 *                        u32 nparams, nparams x str, node body)
 * node:  u8 kind, loc, u8 has_cond [node cond], u32 nkids, nkids x node,
 *        u8 bound, str induction_var, u32 ncond_vars, x str,
 *        u32 test_call (event number + 1 within the function, 0 none),
 *        u8 test_op, i64 test_value, and for CL_N_EVENT an event
 * event: u8 kind, loc, then an access (str path, str name, u32 flags), a
 *        call (str usr, str name, str ret_var, value callee, u32 nargs,
 *        nargs x value) or a
 *        funcref (value)
 * value: u8 kind, str path, str func_usr, str func_name, i64 ival, u8 bits
 * loc:   str file, u32 line, u32 col
 * Events are numbered in the order they are written (depth first, cond
 * before kids), which is also the order they are read, so test_call can be
 * resolved once the function has been read.
 */
#include "summary_io.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static const unsigned char MAGIC[8] = { 'C', 'L', 'S', 'U', 'M', '\r', '\n', 0x1a };
enum { HEADER = 8 + 4 + 8 + 8, MAX_DEPTH = 4096 };

/* ---- writing --------------------------------------------------------------- */

typedef struct writer {
    cl_strbuf *out;
    cl_strmap strings;       /* string -> index + 1 */
    struct { const char **v; size_t n, cap; } table;
    cl_strmap events;        /* "%p" of an event -> number + 1, per function */
    size_t nevents;
    char key[32];
} writer;

static void put_bytes(cl_strbuf *b, const void *p, size_t n)
{
    cl_strbuf_addn(b, p, n);
}

static void put_u8(cl_strbuf *b, unsigned v)
{
    unsigned char c = (unsigned char)v;
    put_bytes(b, &c, 1);
}

static void put_u32(cl_strbuf *b, uint32_t v)
{
    unsigned char c[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 24) };
    put_bytes(b, c, 4);
}

static void put_u64(cl_strbuf *b, uint64_t v)
{
    put_u32(b, (uint32_t)v);
    put_u32(b, (uint32_t)(v >> 32));
}

/* Pass 1 collects strings into the table; pass 2 (out != NULL) writes. */
static uint32_t str_ref(writer *w, const char *s)
{
    if (s == NULL)
        return 0;
    size_t idx;
    if (!cl_strmap_get(&w->strings, s, &idx)) {
        CL_VEC_PUSH(&w->table, s);
        idx = w->table.n;
        cl_strmap_put(&w->strings, s, idx);
    }
    return (uint32_t)idx;
}

static void put_str(writer *w, const char *s)
{
    uint32_t r = str_ref(w, s);
    if (w->out != NULL)
        put_u32(w->out, r);
}

#define PUT(fn, v)                                                             \
    do {                                                                       \
        if (w->out != NULL)                                                    \
            fn(w->out, (v));                                                   \
    } while (0)

static void put_loc(writer *w, const cl_loc *l)
{
    put_str(w, l->file);
    PUT(put_u32, l->line);
    PUT(put_u32, l->col);
}

static void put_value(writer *w, const cl_value *v)
{
    PUT(put_u8, (unsigned)v->kind);
    put_str(w, v->path);
    put_str(w, v->func_usr);
    put_str(w, v->func_name);
    PUT(put_u64, (uint64_t)v->ival);
    PUT(put_u8, (v->per_iteration ? 1u : 0u) | (v->stack_local ? 2u : 0u));
}

static void put_event(writer *w, const cl_event *e)
{
    snprintf(w->key, sizeof w->key, "%p", (const void *)e);
    cl_strmap_put(&w->events, cl_xstrdup(w->key), ++w->nevents);
    PUT(put_u8, (unsigned)e->kind);
    put_loc(w, &e->loc);
    switch (e->kind) {
    case CL_EV_ACCESS:
        put_str(w, e->u.access.path);
        put_str(w, e->u.access.name);
        PUT(put_u32, e->u.access.flags);
        break;
    case CL_EV_CALL:
        put_str(w, e->u.call.callee_usr);
        put_str(w, e->u.call.callee_name);
        put_str(w, e->u.call.ret_var);
        put_value(w, &e->u.call.callee);
        PUT(put_u32, (uint32_t)e->u.call.nargs);
        for (size_t i = 0; i < e->u.call.nargs; i++)
            put_value(w, &e->u.call.args[i]);
        break;
    case CL_EV_FUNCREF:
        put_value(w, &e->u.funcref);
        break;
    }
}

static void put_node(writer *w, const cl_node *n)
{
    PUT(put_u8, (unsigned)n->kind);
    put_loc(w, &n->loc);
    PUT(put_u8, n->cond != NULL);
    if (n->cond != NULL)
        put_node(w, n->cond);
    PUT(put_u32, (uint32_t)n->nkids);
    for (size_t i = 0; i < n->nkids; i++)
        put_node(w, n->kids[i]);
    PUT(put_u8, (unsigned)n->bound);
    put_str(w, n->induction_var);
    PUT(put_u32, (uint32_t)n->ncond_vars);
    for (size_t i = 0; i < n->ncond_vars; i++)
        put_str(w, n->cond_vars[i]);
    size_t ref = 0;
    if (n->test_call != NULL) {
        snprintf(w->key, sizeof w->key, "%p", (const void *)n->test_call);
        cl_strmap_get(&w->events, w->key, &ref);
    }
    PUT(put_u32, (uint32_t)ref);
    PUT(put_u8, (unsigned)n->test_op);
    PUT(put_u64, (uint64_t)n->test_value);
    if (n->kind == CL_N_EVENT)
        put_event(w, n->ev);
}

static void forget_events(writer *w)
{
    for (size_t i = 0; i < w->events.cap; i++)
        free((char *)w->events.keys[i]);
    cl_strmap_release(&w->events);
    w->nevents = 0;
}

static void put_tu(writer *w, const cl_tu *tu)
{
    put_str(w, tu->main_file);
    PUT(put_u8, tu->parsed ? 1u : 0u);
    PUT(put_u32, (uint32_t)tu->nincludes);
    for (size_t i = 0; i < tu->nincludes; i++)
        put_str(w, tu->includes[i]);
    PUT(put_u32, (uint32_t)tu->nglobals);
    for (size_t i = 0; i < tu->nglobals; i++) {
        put_str(w, tu->globals[i].usr);
        put_str(w, tu->globals[i].name);
        put_loc(w, &tu->globals[i].loc);
        PUT(put_u32, tu->globals[i].flags);
        put_str(w, tu->globals[i].init_path);
    }
    PUT(put_u32, (uint32_t)tu->ndiags);
    for (size_t i = 0; i < tu->ndiags; i++) {
        PUT(put_u8, (unsigned)tu->diags[i].level);
        put_loc(w, &tu->diags[i].loc);
        put_str(w, tu->diags[i].message);
    }
    PUT(put_u32, (uint32_t)tu->nfuncrefs);
    for (size_t i = 0; i < tu->nfuncrefs; i++)
        put_value(w, &tu->funcrefs[i]);
    PUT(put_u32, (uint32_t)tu->nfuncs);
    for (size_t i = 0; i < tu->nfuncs; i++) {
        const cl_function *fn = &tu->funcs[i];
        put_str(w, fn->usr);
        put_str(w, fn->name);
        put_loc(w, &fn->loc);
        PUT(put_u32, fn->flags);
        PUT(put_u32, (uint32_t)fn->nparams);
        for (size_t k = 0; k < fn->nparams; k++)
            put_str(w, fn->param_names[k]);
        put_node(w, fn->body);
        forget_events(w);
    }
}

void cl_summary_write(const cl_tu *tu, cl_strbuf *out)
{
    writer w;
    memset(&w, 0, sizeof w);
    put_tu(&w, tu); /* pass 1: the string table */
    cl_strbuf payload = { NULL, 0, 0 };
    put_u32(&payload, (uint32_t)w.table.n);
    for (size_t i = 0; i < w.table.n; i++) {
        size_t n = strlen(w.table.v[i]);
        put_u32(&payload, (uint32_t)n);
        put_bytes(&payload, w.table.v[i], n);
    }
    w.out = &payload;
    put_tu(&w, tu);
    put_bytes(out, MAGIC, sizeof MAGIC);
    put_u32(out, CL_SUMMARY_FORMAT);
    put_u64(out, payload.len);
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < payload.len; i++) {
        h ^= (unsigned char)payload.s[i];
        h *= 1099511628211ull;
    }
    put_u64(out, h);
    put_bytes(out, payload.s ? payload.s : "", payload.len);
    cl_strbuf_release(&payload);
    cl_strmap_release(&w.strings);
    free(w.table.v);
    forget_events(&w);
}

/* ---- reading --------------------------------------------------------------- */

typedef struct reader {
    const unsigned char *p, *end;
    int bad;
    cl_tu *tu;
    const char **strings;
    uint32_t nstrings;
    struct { cl_event **v; size_t n, cap; } events;   /* of the current function */
    struct { cl_node *node; uint32_t ref; } *fixups;
    size_t nfixups, capfixups;
    int depth;
} reader;

static int need(reader *r, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        return 0;
    }
    return 1;
}

static unsigned get_u8(reader *r)
{
    if (!need(r, 1))
        return 0;
    return *r->p++;
}

static uint32_t get_u32(reader *r)
{
    if (!need(r, 4))
        return 0;
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
                 (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

static uint64_t get_u64(reader *r)
{
    uint64_t lo = get_u32(r);
    return lo | (uint64_t)get_u32(r) << 32;
}

static const char *get_str(reader *r)
{
    uint32_t ref = get_u32(r);
    if (ref == 0)
        return NULL;
    if (ref > r->nstrings) {
        r->bad = 1;
        return NULL;
    }
    return r->strings[ref - 1];
}

/* A count of items that each take at least `min` bytes: rejects counts the
 * remaining input cannot hold before anything is allocated. */
static size_t get_count(reader *r, size_t min)
{
    uint32_t n = get_u32(r);
    if (!r->bad && min > 0 && (size_t)(r->end - r->p) / min < n)
        r->bad = 1;
    return r->bad ? 0 : n;
}

static void *alloc_array(reader *r, size_t n, size_t size)
{
    return n ? cl_arena_alloc(&r->tu->arena, n * size) : NULL;
}

static void get_loc(reader *r, cl_loc *l)
{
    l->file = get_str(r);
    l->line = get_u32(r);
    l->col = get_u32(r);
}

static void get_value(reader *r, cl_value *v)
{
    unsigned kind = get_u8(r);
    if (kind > CL_VAL_LOAD)
        r->bad = 1;
    v->kind = (cl_value_kind)kind;
    v->path = get_str(r);
    v->func_usr = get_str(r);
    v->func_name = get_str(r);
    v->ival = (long long)get_u64(r);
    unsigned bits = get_u8(r);
    v->per_iteration = bits & 1u;
    v->stack_local = (bits >> 1) & 1u;
}

static cl_event *get_event(reader *r)
{
    cl_event *e = cl_arena_alloc(&r->tu->arena, sizeof *e);
    unsigned kind = get_u8(r);
    get_loc(r, &e->loc);
    switch (kind) {
    case CL_EV_ACCESS:
        e->u.access.path = get_str(r);
        e->u.access.name = get_str(r);
        e->u.access.flags = get_u32(r);
        break;
    case CL_EV_CALL:
        e->u.call.callee_usr = get_str(r);
        e->u.call.callee_name = get_str(r);
        e->u.call.ret_var = get_str(r);
        get_value(r, &e->u.call.callee);
        e->u.call.nargs = get_count(r, 30);
        e->u.call.args = alloc_array(r, e->u.call.nargs, sizeof *e->u.call.args);
        for (size_t i = 0; i < e->u.call.nargs && !r->bad; i++)
            get_value(r, &e->u.call.args[i]);
        break;
    case CL_EV_FUNCREF:
        get_value(r, &e->u.funcref);
        break;
    default:
        r->bad = 1;
    }
    e->kind = (cl_event_kind)kind;
    CL_VEC_PUSH(&r->events, e);
    return e;
}

static cl_node *get_node(reader *r)
{
    if (r->bad || ++r->depth > MAX_DEPTH) {
        r->bad = 1;
        return NULL;
    }
    cl_node *n = cl_arena_alloc(&r->tu->arena, sizeof *n);
    unsigned kind = get_u8(r);
    if (kind < CL_N_SEQ || kind > CL_N_SWITCH)
        r->bad = 1;
    n->kind = (cl_node_kind)kind;
    get_loc(r, &n->loc);
    if (get_u8(r))
        n->cond = get_node(r);
    n->nkids = get_count(r, 14);
    n->kids = alloc_array(r, n->nkids, sizeof *n->kids);
    for (size_t i = 0; i < n->nkids && !r->bad; i++)
        n->kids[i] = get_node(r);
    unsigned bound = get_u8(r);
    if (bound > CL_LOOP_COUNTED)
        r->bad = 1;
    n->bound = (cl_loop_bound)bound;
    n->induction_var = get_str(r);
    n->ncond_vars = get_count(r, 4);
    n->cond_vars = alloc_array(r, n->ncond_vars, sizeof *n->cond_vars);
    for (size_t i = 0; i < n->ncond_vars && !r->bad; i++)
        n->cond_vars[i] = get_str(r);
    uint32_t ref = get_u32(r);
    unsigned op = get_u8(r);
    if (op > CL_TEST_GE)
        r->bad = 1;
    n->test_op = (cl_test_op)op;
    n->test_value = (long long)get_u64(r);
    if (ref != 0 && !r->bad) {
        if (r->nfixups == r->capfixups) {
            r->capfixups = r->capfixups ? r->capfixups * 2 : 16;
            r->fixups = cl_xrealloc(r->fixups, r->capfixups * sizeof *r->fixups);
        }
        r->fixups[r->nfixups].node = n;
        r->fixups[r->nfixups++].ref = ref;
    }
    if (n->kind == CL_N_EVENT && !r->bad)
        n->ev = get_event(r);
    r->depth--;
    return n;
}

static void get_tu(reader *r)
{
    cl_tu *tu = r->tu;
    tu->main_file = get_str(r);
    tu->parsed = (int)get_u8(r);
    tu->nincludes = get_count(r, 4);
    tu->includes = alloc_array(r, tu->nincludes, sizeof *tu->includes);
    for (size_t i = 0; i < tu->nincludes && !r->bad; i++)
        tu->includes[i] = get_str(r);
    tu->nglobals = get_count(r, 24);
    tu->globals = alloc_array(r, tu->nglobals, sizeof *tu->globals);
    for (size_t i = 0; i < tu->nglobals && !r->bad; i++) {
        tu->globals[i].usr = get_str(r);
        tu->globals[i].name = get_str(r);
        get_loc(r, &tu->globals[i].loc);
        tu->globals[i].flags = get_u32(r);
        tu->globals[i].init_path = get_str(r);
    }
    tu->ndiags = get_count(r, 17);
    tu->diags = alloc_array(r, tu->ndiags, sizeof *tu->diags);
    for (size_t i = 0; i < tu->ndiags && !r->bad; i++) {
        unsigned level = get_u8(r);
        if (level > CL_DIAG_ERROR)
            r->bad = 1;
        tu->diags[i].level = (cl_diag_level)level;
        get_loc(r, &tu->diags[i].loc);
        tu->diags[i].message = get_str(r);
    }
    tu->nfuncrefs = get_count(r, 30);
    tu->funcrefs = alloc_array(r, tu->nfuncrefs, sizeof *tu->funcrefs);
    for (size_t i = 0; i < tu->nfuncrefs && !r->bad; i++)
        get_value(r, &tu->funcrefs[i]);
    tu->nfuncs = get_count(r, 28);
    tu->funcs = alloc_array(r, tu->nfuncs, sizeof *tu->funcs);
    for (size_t i = 0; i < tu->nfuncs && !r->bad; i++) {
        cl_function *fn = &tu->funcs[i];
        fn->usr = get_str(r);
        fn->name = get_str(r);
        get_loc(r, &fn->loc);
        fn->flags = get_u32(r);
        fn->nparams = get_count(r, 4);
        fn->param_names = alloc_array(r, fn->nparams, sizeof *fn->param_names);
        for (size_t k = 0; k < fn->nparams && !r->bad; k++)
            fn->param_names[k] = get_str(r);
        r->events.n = 0;
        r->nfixups = 0;
        fn->body = get_node(r);
        for (size_t k = 0; k < r->nfixups && !r->bad; k++) {
            uint32_t ref = r->fixups[k].ref;
            if (ref > r->events.n || r->events.v[ref - 1]->kind != CL_EV_CALL)
                r->bad = 1;
            else
                r->fixups[k].node->test_call = r->events.v[ref - 1];
        }
        if (fn->usr == NULL || fn->name == NULL || fn->body == NULL)
            r->bad = 1;
    }
    if (tu->main_file == NULL)
        r->bad = 1;
}

cl_tu *cl_summary_read(const unsigned char *buf, size_t len, size_t *consumed)
{
    if (len < HEADER || memcmp(buf, MAGIC, sizeof MAGIC) != 0)
        return NULL;
    reader r;
    memset(&r, 0, sizeof r);
    r.p = buf + sizeof MAGIC;
    r.end = buf + len;
    if (get_u32(&r) != CL_SUMMARY_FORMAT)
        return NULL;
    uint64_t plen = get_u64(&r);
    uint64_t want = get_u64(&r);
    if (r.bad || plen > (uint64_t)(r.end - r.p))
        return NULL;
    uint64_t h = 1469598103934665603ull;
    for (uint64_t i = 0; i < plen; i++) {
        h ^= r.p[i];
        h *= 1099511628211ull;
    }
    if (h != want)
        return NULL;
    r.end = r.p + plen;
    r.tu = cl_xcalloc(1, sizeof *r.tu);
    r.nstrings = (uint32_t)get_count(&r, 4);
    r.strings = r.nstrings ? cl_xcalloc(r.nstrings, sizeof *r.strings) : NULL;
    for (uint32_t i = 0; i < r.nstrings && !r.bad; i++) {
        uint32_t n = get_u32(&r);
        if (!need(&r, n))
            break;
        r.strings[i] = cl_arena_strndup(&r.tu->arena, (const char *)r.p, n);
        r.p += n;
    }
    if (!r.bad)
        get_tu(&r);
    if (!r.bad && r.p != r.end)
        r.bad = 1;
    free(r.strings);
    free(r.events.v);
    free(r.fixups);
    if (r.bad) {
        cl_tu_free(r.tu);
        return NULL;
    }
    if (consumed != NULL)
        *consumed = HEADER + (size_t)plen;
    return r.tu;
}
