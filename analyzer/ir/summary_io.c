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
 *        u8 bound, str induction_var, str exit_index, u8 loop bits (1: do_while, 2: walks_list), i64 trip,
 *        str label,
 *        u32 ncond_vars, x str,
 *        u32 test_call (event number + 1 within the function, 0 none),
 *        u8 test_op, i64 test_value, u32 test_param, str test_global,
 *        str cond_key, str test_var, str test_path, u32 ngtests, ngtests x (str global,
 *        u8 op, i64 value), u8 node bits (1: gtest_alt, 2: test_elem), for
 *        CL_N_SWITCH u8 has_cases [nkids x (u8 kind, i64 lo, i64 hi)], and
 *        for CL_N_EVENT an event
 * event: u8 kind, loc, then an access (str path, str name, u32 flags,
 *        str ipath), a
 *        call (str usr, str name, str ret_var, str ret_path, u8 bits (1: noreturn, 2: discarded),
 *        value callee, u32 nargs, nargs x value) or a
 *        funcref (value)
 * value: u8 kind, str path, str func_usr, str func_name, i64 ival, str name,
 *        u8 bits (1: per_iteration, 2: stack_local, 4: local_index, 8: string),
 *        str ipath, str field
 * loc:   str file, u32 line, u32 col
 * Events are numbered in the order they are written (depth first, cond
 * before kids), which is also the order they are read, so test_call can be
 * resolved once the function has been read.
 */
#include "ir/summary_io.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/bytes.h"
#include "util/intern.h"
#include "util/strmap.h"

static const unsigned char MAGIC[8] = { 'C', 'L', 'S', 'U', 'M', '\r', '\n', 0x1a };
enum { HEADER = 8 + 4 + 8 + 8, MAX_DEPTH = 4096 };
/* The fewest bytes a value takes: u8 kind, four strings, i64, u8 bits. A
 * count of values is checked against it (cl_get_count), so it must not be
 * more than the real size, or a valid summary is rejected. */
enum { VALUE_MIN = 1 + 4 * 4 + 8 + 1 };

/* ---- writing --------------------------------------------------------------- */

typedef struct writer {
    cl_strbuf *out;
    cl_strmap strings;       /* string -> index + 1 */
    struct { const char **v; size_t n, cap; } table;
    /* Pass 1 records the reference of each string in the order written;
     * pass 2 writes the strings in the same order and replays them. */
    struct { uint32_t *v; size_t n, cap; } refs;
    size_t replayed;
    cl_blobmap events;       /* address of an event -> its number, per function */
    cl_arena event_keys;     /* the addresses, as the map's keys, for the whole write */
    size_t nevents;
} writer;

/* Pass 1 collects strings into the table; pass 2 (out != NULL) writes. */
static void put_str(writer *w, const char *s)
{
    if (w->out != NULL) {
        cl_put_u32(w->out, w->refs.v[w->replayed++]);
        return;
    }
    size_t idx = 0;
    if (s != NULL && !cl_strmap_get(&w->strings, s, &idx)) {
        CL_VEC_PUSH(&w->table, s);
        idx = w->table.n;
        cl_strmap_put(&w->strings, s, idx);
    }
    CL_VEC_PUSH(&w->refs, (uint32_t)idx);
}

#define PUT(fn, v)                                                             \
    do {                                                                       \
        if (w->out != NULL)                                                    \
            fn(w->out, (v));                                                   \
    } while (0)

static void put_loc(writer *w, const cl_loc *l)
{
    put_str(w, l->file);
    PUT(cl_put_u32, l->line);
    PUT(cl_put_u32, l->col);
}

static void put_value(writer *w, const cl_value *v)
{
    PUT(cl_put_u8, (unsigned)v->kind);
    put_str(w, v->path);
    put_str(w, v->func_usr);
    put_str(w, v->func_name);
    PUT(cl_put_u64, (uint64_t)v->ival);
    put_str(w, v->name);
    PUT(cl_put_u8, (v->per_iteration ? 1u : 0u) | (v->stack_local ? 2u : 0u) |
                       (v->local_index ? 4u : 0u) | (v->string ? 8u : 0u));
    put_str(w, v->ipath);
    put_str(w, v->field);
}

static void put_event(writer *w, const cl_event *e)
{
    if (w->out != NULL) {
        int added;
        cl_blob_lookup(&w->events, &w->event_keys, &e, sizeof e, &added)->val = ++w->nevents;
    }
    PUT(cl_put_u8, (unsigned)e->kind);
    put_loc(w, &e->loc);
    switch (e->kind) {
    case CL_EV_ACCESS:
        put_str(w, e->u.access.path);
        put_str(w, e->u.access.name);
        PUT(cl_put_u32, e->u.access.flags);
        put_str(w, e->u.access.ipath);
        put_str(w, e->u.access.index_path);
        put_loc(w, &e->u.access.decl);
        PUT(cl_put_u8, e->u.access.stored != NULL);
        if (e->u.access.stored != NULL)
            put_value(w, e->u.access.stored);
        break;
    case CL_EV_CALL:
        put_str(w, e->u.call.callee_usr);
        put_str(w, e->u.call.callee_name);
        put_str(w, e->u.call.ret_var);
        put_str(w, e->u.call.ret_path);
        PUT(cl_put_u8, (e->u.call.noreturn ? 1u : 0u) | (e->u.call.discarded ? 2u : 0u));
        put_value(w, &e->u.call.callee);
        PUT(cl_put_u32, (uint32_t)e->u.call.nargs);
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
    PUT(cl_put_u8, (unsigned)n->kind);
    put_loc(w, &n->loc);
    PUT(cl_put_u8, n->cond != NULL);
    if (n->cond != NULL)
        put_node(w, n->cond);
    PUT(cl_put_u32, (uint32_t)n->nkids);
    for (size_t i = 0; i < n->nkids; i++)
        put_node(w, n->kids[i]);
    PUT(cl_put_u8, (unsigned)n->bound);
    put_str(w, n->x->induction_var);
    put_str(w, n->x->exit_index);
    PUT(cl_put_u8, (n->x->do_while ? 1u : 0u) | (n->x->walks_list ? 2u : 0u));
    PUT(cl_put_u64, (uint64_t)n->x->trip);
    put_str(w, n->x->label);
    PUT(cl_put_u32, (uint32_t)n->ncond_vars);
    for (size_t i = 0; i < n->ncond_vars; i++)
        put_str(w, n->cond_vars[i]);
    size_t ref = 0;
    if (n->x->test_call != NULL && w->out != NULL) {
        const cl_event *t = n->x->test_call;
        const cl_blobent *e = cl_blob_find(&w->events, &t, sizeof t);
        ref = e != NULL ? e->val : 0;
    }
    PUT(cl_put_u32, (uint32_t)ref);
    PUT(cl_put_u8, (unsigned)n->x->test_op);
    PUT(cl_put_u64, (uint64_t)n->x->test_value);
    PUT(cl_put_u32, (uint32_t)n->x->test_param);
    put_str(w, n->x->test_global);
    put_str(w, n->x->cond_key);
    put_str(w, n->x->test_var);
    put_str(w, n->x->test_path);
    PUT(cl_put_u32, (uint32_t)n->x->ngtests);
    for (size_t i = 0; i < n->x->ngtests; i++) {
        put_str(w, n->x->gtests[i].global);
        PUT(cl_put_u8, (unsigned)n->x->gtests[i].op);
        PUT(cl_put_u64, (uint64_t)n->x->gtests[i].value);
    }
    PUT(cl_put_u8, (n->x->gtest_alt ? 1u : 0u) | (n->x->test_elem ? 2u : 0u));
    if (n->kind == CL_N_SWITCH) {
        PUT(cl_put_u8, n->x->cases != NULL ? 1u : 0u);
        for (size_t i = 0; n->x->cases != NULL && i < n->nkids; i++) {
            PUT(cl_put_u8, (unsigned)n->x->cases[i].kind);
            PUT(cl_put_u64, (uint64_t)n->x->cases[i].lo);
            PUT(cl_put_u64, (uint64_t)n->x->cases[i].hi);
        }
    }
    if (n->kind == CL_N_EVENT)
        put_event(w, n->ev);
}

static void forget_events(writer *w)
{
    cl_blob_release(&w->events);
    w->nevents = 0;
}

static void put_tu(writer *w, const cl_tu *tu)
{
    put_str(w, tu->main_file);
    PUT(cl_put_u8, tu->parsed ? 1u : 0u);
    PUT(cl_put_u32, (uint32_t)tu->nincludes);
    for (size_t i = 0; i < tu->nincludes; i++)
        put_str(w, tu->includes[i]);
    PUT(cl_put_u32, (uint32_t)tu->nglobals);
    for (size_t i = 0; i < tu->nglobals; i++) {
        put_str(w, tu->globals[i].usr);
        put_str(w, tu->globals[i].name);
        put_loc(w, &tu->globals[i].loc);
        PUT(cl_put_u32, tu->globals[i].flags);
        put_str(w, tu->globals[i].init_path);
    }
    PUT(cl_put_u32, (uint32_t)tu->ndiags);
    for (size_t i = 0; i < tu->ndiags; i++) {
        PUT(cl_put_u8, (unsigned)tu->diags[i].level);
        put_loc(w, &tu->diags[i].loc);
        put_str(w, tu->diags[i].message);
    }
    PUT(cl_put_u32, (uint32_t)tu->nfuncrefs);
    for (size_t i = 0; i < tu->nfuncrefs; i++)
        put_value(w, &tu->funcrefs[i]);
    PUT(cl_put_u32, (uint32_t)tu->nfuncs);
    for (size_t i = 0; i < tu->nfuncs; i++) {
        const cl_function *fn = &tu->funcs[i];
        put_str(w, fn->usr);
        put_str(w, fn->name);
        put_loc(w, &fn->loc);
        PUT(cl_put_u32, fn->flags);
        PUT(cl_put_u32, (uint32_t)fn->nparams);
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
    cl_put_u32(&payload, (uint32_t)w.table.n);
    for (size_t i = 0; i < w.table.n; i++) {
        size_t n = strlen(w.table.v[i]);
        cl_put_u32(&payload, (uint32_t)n);
        cl_strbuf_addn(&payload, w.table.v[i], n);
    }
    w.out = &payload;
    put_tu(&w, tu);
    cl_strbuf_addn(out, (const char *)MAGIC, sizeof MAGIC);
    cl_put_u32(out, CL_SUMMARY_FORMAT);
    cl_put_u64(out, payload.len);
    cl_put_u64(out, cl_content_hash(payload.s, payload.len));
    cl_strbuf_addn(out, payload.s ? payload.s : "", payload.len);
    cl_strbuf_release(&payload);
    cl_strmap_release(&w.strings);
    free(w.table.v);
    free(w.refs.v);
    forget_events(&w);
    cl_arena_release(&w.event_keys);
}

/* ---- reading --------------------------------------------------------------- */

typedef struct reader {
    cl_reader in;
    cl_tu *tu;
    const char **strings;
    uint32_t nstrings;
    struct { cl_event **v; size_t n, cap; } events;   /* of the current function */
    struct { cl_node *node; uint32_t ref; } *fixups;
    size_t nfixups, capfixups;
    int depth;
} reader;

static const char *get_str(reader *r)
{
    uint32_t ref = cl_get_u32(&r->in);
    if (ref == 0)
        return NULL;
    if (ref > r->nstrings) {
        r->in.bad = 1;
        return NULL;
    }
    return r->strings[ref - 1];
}

static void *alloc_array(reader *r, size_t n, size_t size)
{
    return n ? cl_arena_alloc(&r->tu->arena, n * size) : NULL;
}

static void get_loc(reader *r, cl_loc *l)
{
    l->file = get_str(r);
    l->line = cl_get_u32(&r->in);
    l->col = cl_get_u32(&r->in);
}

static void get_value(reader *r, cl_value *v)
{
    unsigned kind = cl_get_u8(&r->in);
    if (kind > CL_VAL_LOAD)
        r->in.bad = 1;
    v->kind = (cl_value_kind)kind;
    v->path = get_str(r);
    v->func_usr = get_str(r);
    v->func_name = get_str(r);
    v->ival = (long long)cl_get_u64(&r->in);
    v->name = get_str(r);
    unsigned bits = cl_get_u8(&r->in);
    v->per_iteration = bits & 1u;
    v->stack_local = (bits >> 1) & 1u;
    v->local_index = (bits >> 2) & 1u;
    v->string = (bits >> 3) & 1u;
    v->ipath = get_str(r);
    v->field = get_str(r);
}

static cl_event *get_event(reader *r)
{
    cl_event *e = cl_arena_alloc(&r->tu->arena, sizeof *e);
    unsigned kind = cl_get_u8(&r->in);
    get_loc(r, &e->loc);
    switch (kind) {
    case CL_EV_ACCESS:
        e->u.access.path = get_str(r);
        e->u.access.name = get_str(r);
        e->u.access.flags = cl_get_u32(&r->in);
        e->u.access.ipath = get_str(r);
        e->u.access.index_path = get_str(r);
        get_loc(r, &e->u.access.decl);
        if (cl_get_u8(&r->in)) {
            cl_value *sv = cl_arena_alloc(&r->tu->arena, sizeof *sv);
            get_value(r, sv);
            e->u.access.stored = sv;
        }
        break;
    case CL_EV_CALL:
        e->u.call.callee_usr = get_str(r);
        e->u.call.callee_name = get_str(r);
        e->u.call.ret_var = get_str(r);
        e->u.call.ret_path = get_str(r);
        unsigned bits = cl_get_u8(&r->in);
        e->u.call.noreturn = bits & 1u;
        e->u.call.discarded = (bits >> 1) & 1u;
        get_value(r, &e->u.call.callee);
        e->u.call.nargs = cl_get_count(&r->in, VALUE_MIN);
        e->u.call.args = alloc_array(r, e->u.call.nargs, sizeof *e->u.call.args);
        for (size_t i = 0; i < e->u.call.nargs && !r->in.bad; i++)
            get_value(r, &e->u.call.args[i]);
        break;
    case CL_EV_FUNCREF:
        get_value(r, &e->u.funcref);
        break;
    default:
        r->in.bad = 1;
    }
    e->kind = (cl_event_kind)kind;
    CL_VEC_PUSH(&r->events, e);
    return e;
}

/* Reads the case labels of a switch node with `nkids` alternatives (after
 * its kids) into `x`: 1 when they are malformed. */
static int get_cases(reader *r, cl_node_ext *x, size_t nkids)
{
    unsigned has = cl_get_u8(&r->in);
    if (has > 1)
        return 1;
    if (has == 0)
        return 0;
    x->cases = alloc_array(r, nkids, sizeof *x->cases);
    for (size_t i = 0; i < nkids && !r->in.bad; i++) {
        unsigned k = cl_get_u8(&r->in);
        x->cases[i].kind = (cl_case_kind)k;
        x->cases[i].lo = (long long)cl_get_u64(&r->in);
        x->cases[i].hi = (long long)cl_get_u64(&r->in);
        if (k > CL_CASE_DEFAULT)
            return 1;
    }
    return 0;
}

static cl_node *get_node(reader *r)
{
    if (r->in.bad || ++r->depth > MAX_DEPTH) {
        r->in.bad = 1;
        return NULL;
    }
    cl_node *n = cl_arena_alloc(&r->tu->arena, sizeof *n);
    /* (zeroed bytes, padding too: a node whose rare fields are all zero
     * shares cl_node_ext_none) */
    cl_node_ext x;
    memset(&x, 0, sizeof x);
    unsigned kind = cl_get_u8(&r->in);
    if (kind < CL_N_SEQ || kind > CL_N_LABEL)
        r->in.bad = 1;
    n->kind = (cl_node_kind)kind;
    get_loc(r, &n->loc);
    if (cl_get_u8(&r->in))
        n->cond = get_node(r);
    n->nkids = cl_get_count(&r->in, 14);
    n->kids = alloc_array(r, n->nkids, sizeof *n->kids);
    for (size_t i = 0; i < n->nkids && !r->in.bad; i++)
        n->kids[i] = get_node(r);
    unsigned bound = cl_get_u8(&r->in);
    if (bound > CL_LOOP_ONCE)
        r->in.bad = 1;
    n->bound = (cl_loop_bound)bound;
    x.induction_var = get_str(r);
    x.exit_index = get_str(r);
    unsigned loop_bits = cl_get_u8(&r->in);
    if (loop_bits > 3 || (loop_bits != 0 && kind != CL_N_LOOP))
        r->in.bad = 1;
    x.do_while = loop_bits & 1u;
    x.walks_list = (loop_bits >> 1) & 1u;
    x.trip = (long long)cl_get_u64(&r->in);
    /* A label names a LABEL node, always, and a GOTO's target unless the
     * goto is computed; no other node has one. */
    x.label = get_str(r);
    if (kind == CL_N_LABEL ? x.label == NULL : x.label != NULL && kind != CL_N_GOTO)
        r->in.bad = 1;
    n->ncond_vars = cl_get_count(&r->in, 4);
    n->cond_vars = alloc_array(r, n->ncond_vars, sizeof *n->cond_vars);
    for (size_t i = 0; i < n->ncond_vars && !r->in.bad; i++)
        n->cond_vars[i] = get_str(r);
    uint32_t ref = cl_get_u32(&r->in);
    unsigned op = cl_get_u8(&r->in);
    if (op > CL_TEST_GE)
        r->in.bad = 1;
    x.test_op = (cl_test_op)op;
    x.test_value = (long long)cl_get_u64(&r->in);
    uint32_t param = cl_get_u32(&r->in);
    if (param >= 1u << 29)
        r->in.bad = 1;
    x.test_param = param;
    x.test_global = get_str(r);
    x.cond_key = get_str(r);
    x.test_var = get_str(r);
    x.test_path = get_str(r);
    x.ngtests = cl_get_count(&r->in, 13);
    x.gtests = alloc_array(r, x.ngtests, sizeof *x.gtests);
    for (size_t i = 0; i < x.ngtests && !r->in.bad; i++) {
        x.gtests[i].global = get_str(r);
        unsigned gop = cl_get_u8(&r->in);
        if (gop == CL_TEST_NONE || gop > CL_TEST_GE || x.gtests[i].global == NULL)
            r->in.bad = 1;
        x.gtests[i].op = (cl_test_op)gop;
        x.gtests[i].value = (long long)cl_get_u64(&r->in);
    }
    unsigned alt = cl_get_u8(&r->in);
    if (alt > 3 || ((alt & 2u) && ref == 0))
        r->in.bad = 1;
    x.gtest_alt = alt & 1u;
    x.test_elem = (alt & 2u) != 0;
    if (n->kind == CL_N_SWITCH && !r->in.bad && get_cases(r, &x, n->nkids))
        r->in.bad = 1;
    n->x = &cl_node_ext_none;
    if (memcmp(&x, &cl_node_ext_none, sizeof x) != 0)
        *cl_node_ext_of(n, &r->tu->arena) = x;
    if (ref != 0 && !r->in.bad) {
        if (r->nfixups == r->capfixups) {
            r->capfixups = r->capfixups ? r->capfixups * 2 : 16;
            r->fixups = cl_xrealloc(r->fixups, r->capfixups * sizeof *r->fixups);
        }
        r->fixups[r->nfixups].node = n;
        r->fixups[r->nfixups++].ref = ref;
    }
    if (n->kind == CL_N_EVENT && !r->in.bad)
        n->ev = get_event(r);
    r->depth--;
    return n;
}

static void get_tu(reader *r)
{
    cl_tu *tu = r->tu;
    tu->main_file = get_str(r);
    tu->parsed = (int)cl_get_u8(&r->in);
    tu->nincludes = cl_get_count(&r->in, 4);
    tu->includes = alloc_array(r, tu->nincludes, sizeof *tu->includes);
    for (size_t i = 0; i < tu->nincludes && !r->in.bad; i++)
        tu->includes[i] = get_str(r);
    tu->nglobals = cl_get_count(&r->in, 24);
    tu->globals = alloc_array(r, tu->nglobals, sizeof *tu->globals);
    for (size_t i = 0; i < tu->nglobals && !r->in.bad; i++) {
        tu->globals[i].usr = get_str(r);
        tu->globals[i].name = get_str(r);
        get_loc(r, &tu->globals[i].loc);
        tu->globals[i].flags = cl_get_u32(&r->in);
        tu->globals[i].init_path = get_str(r);
    }
    tu->ndiags = cl_get_count(&r->in, 17);
    tu->diags = alloc_array(r, tu->ndiags, sizeof *tu->diags);
    for (size_t i = 0; i < tu->ndiags && !r->in.bad; i++) {
        unsigned level = cl_get_u8(&r->in);
        if (level > CL_DIAG_ERROR)
            r->in.bad = 1;
        tu->diags[i].level = (cl_diag_level)level;
        get_loc(r, &tu->diags[i].loc);
        tu->diags[i].message = get_str(r);
    }
    tu->nfuncrefs = cl_get_count(&r->in, VALUE_MIN);
    tu->funcrefs = alloc_array(r, tu->nfuncrefs, sizeof *tu->funcrefs);
    for (size_t i = 0; i < tu->nfuncrefs && !r->in.bad; i++)
        get_value(r, &tu->funcrefs[i]);
    tu->nfuncs = cl_get_count(&r->in, 28);
    tu->funcs = alloc_array(r, tu->nfuncs, sizeof *tu->funcs);
    for (size_t i = 0; i < tu->nfuncs && !r->in.bad; i++) {
        cl_function *fn = &tu->funcs[i];
        fn->usr = get_str(r);
        fn->name = get_str(r);
        get_loc(r, &fn->loc);
        fn->flags = cl_get_u32(&r->in);
        fn->nparams = cl_get_count(&r->in, 4);
        fn->param_names = alloc_array(r, fn->nparams, sizeof *fn->param_names);
        for (size_t k = 0; k < fn->nparams && !r->in.bad; k++)
            fn->param_names[k] = get_str(r);
        r->events.n = 0;
        r->nfixups = 0;
        fn->body = get_node(r);
        for (size_t k = 0; k < r->nfixups && !r->in.bad; k++) {
            uint32_t ref = r->fixups[k].ref;
            if (ref > r->events.n || r->events.v[ref - 1]->kind != CL_EV_CALL)
                r->in.bad = 1;
            else
                cl_node_ext_of(r->fixups[k].node, &r->tu->arena)->test_call = r->events.v[ref - 1];
        }
        if (fn->usr == NULL || fn->name == NULL || fn->body == NULL)
            r->in.bad = 1;
    }
    if (tu->main_file == NULL)
        r->in.bad = 1;
}

cl_tu *cl_summary_read(const unsigned char *buf, size_t len, size_t *consumed)
{
    if (len < HEADER || memcmp(buf, MAGIC, sizeof MAGIC) != 0)
        return NULL;
    reader r;
    memset(&r, 0, sizeof r);
    r.in.p = buf + sizeof MAGIC;
    r.in.end = buf + len;
    if (cl_get_u32(&r.in) != CL_SUMMARY_FORMAT)
        return NULL;
    uint64_t plen = cl_get_u64(&r.in);
    uint64_t want = cl_get_u64(&r.in);
    if (r.in.bad || plen > (uint64_t)(r.in.end - r.in.p))
        return NULL;
    if (cl_content_hash(r.in.p, (size_t)plen) != want)
        return NULL;
    r.in.end = r.in.p + plen;
    r.tu = cl_xcalloc(1, sizeof *r.tu);
    r.nstrings = (uint32_t)cl_get_count(&r.in, 4);
    r.strings = r.nstrings ? cl_xcalloc(r.nstrings, sizeof *r.strings) : NULL;
    for (uint32_t i = 0; i < r.nstrings && !r.in.bad; i++) {
        uint32_t n = cl_get_u32(&r.in);
        if (!cl_need(&r.in, n))
            break;
        r.strings[i] = cl_arena_strndup(&r.tu->arena, (const char *)r.in.p, n);
        r.in.p += n;
    }
    if (!r.in.bad)
        get_tu(&r);
    if (!r.in.bad && r.in.p != r.in.end)
        r.in.bad = 1;
    free(r.strings);
    free(r.events.v);
    free(r.fixups);
    if (r.in.bad) {
        cl_tu_free(r.tu);
        return NULL;
    }
    if (consumed != NULL)
        *consumed = HEADER + (size_t)plen;
    return r.tu;
}

uint64_t cl_summary_digest(const unsigned char *buf, size_t len)
{
    if (len < HEADER || memcmp(buf, MAGIC, sizeof MAGIC) != 0)
        return 0;
    cl_reader r = { buf + sizeof MAGIC + 4 + 8, buf + len, 0 };
    return cl_get_u64(&r);
}
