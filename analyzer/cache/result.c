/* result.c - see result.h. */
#include "cache/result.h"

#include <stdlib.h>
#include <string.h>

#include "util/bytes.h"
#include "rule.h"

static const char MAGIC[8] = { 'C', 'L', 'R', 'E', 'S', '\r', '\n', 0x1a };
enum { HEADER = 8 + 4 + 8 + 8 };

uint64_t cl_result_key(uint64_t build_id, const uint64_t *digests, size_t n, const char *settings)
{
    uint64_t h = cl_fnv1a64(CL_FNV_OFFSET, &build_id, sizeof build_id);
    unsigned fmt = CL_RESULT_FORMAT;
    h = cl_fnv1a64(h, &fmt, sizeof fmt);
    uint64_t count = n;
    h = cl_fnv1a64(h, &count, sizeof count);
    h = cl_fnv1a64(h, digests, n * sizeof *digests);
    return cl_fnv1a64(h, settings, strlen(settings));
}

static void put_loc(cl_strbuf *b, const cl_loc *l)
{
    cl_put_str(b, l->file);
    cl_put_u32(b, l->line);
    cl_put_u32(b, l->col);
}

static void put_step(cl_strbuf *b, const cl_loc *l, const char *message)
{
    put_loc(b, l);
    cl_put_str(b, message);
}

void cl_result_write(const cl_findings *fs, const cl_result_stats *st, const cl_tu *const *tus,
                     size_t ntus, cl_strbuf *out)
{
    cl_strbuf p = { NULL, 0, 0 };
    cl_put_u64(&p, st->functions);
    cl_put_u64(&p, st->threads);
    cl_put_u64(&p, st->accesses);
    cl_put_u64(&p, st->truncated);
    cl_put_u64(&p, st->spawn_sites);
    cl_put_u64(&p, st->resolved_sites);
    cl_put_u64(&p, st->unresolved_calls);
    cl_put_u32(&p, (uint32_t)ntus);
    for (size_t i = 0; i < ntus; i++) {
        cl_put_str(&p, tus[i]->main_file);
        cl_put_u8(&p, tus[i]->parsed ? 1u : 0u);
        cl_put_u32(&p, (uint32_t)tus[i]->ndiags);
        for (size_t k = 0; k < tus[i]->ndiags; k++) {
            cl_put_u8(&p, (unsigned)tus[i]->diags[k].level);
            put_step(&p, &tus[i]->diags[k].loc, tus[i]->diags[k].message);
        }
    }
    cl_put_u32(&p, (uint32_t)fs->list.n);
    for (size_t i = 0; i < fs->list.n; i++) {
        const cl_finding *f = &fs->list.v[i];
        cl_put_str(&p, f->rule->id);
        cl_put_u8(&p, (unsigned)f->level);
        put_loc(&p, &f->loc);
        cl_put_str(&p, f->function);
        cl_put_str(&p, f->message);
        cl_put_str(&p, f->key);
        cl_put_u32(&p, (uint32_t)f->nrelated);
        for (size_t k = 0; k < f->nrelated; k++)
            put_step(&p, &f->related[k].loc, f->related[k].message);
        cl_put_u32(&p, (uint32_t)f->nflows);
        for (size_t k = 0; k < f->nflows; k++) {
            cl_put_str(&p, f->flows[k].thread);
            cl_put_u32(&p, (uint32_t)f->flows[k].nsteps);
            for (size_t s = 0; s < f->flows[k].nsteps; s++)
                put_step(&p, &f->flows[k].steps[s].loc, f->flows[k].steps[s].message);
        }
    }
    cl_strbuf_addn(out, MAGIC, sizeof MAGIC);
    cl_put_u32(out, CL_RESULT_FORMAT);
    cl_put_u64(out, p.len);
    cl_put_u64(out, cl_content_hash(p.s, p.len));
    cl_strbuf_addn(out, p.s ? p.s : "", p.len);
    cl_strbuf_release(&p);
}

static void get_loc(cl_reader *r, cl_arena *a, cl_loc *l)
{
    l->file = cl_get_str(r, a);
    l->line = cl_get_u32(r);
    l->col = cl_get_u32(r);
}

/* Reads one finding into `f` (strings and arrays in `a`). */
static void get_finding(cl_reader *r, cl_arena *a, cl_finding *f)
{
    memset(f, 0, sizeof *f);
    const char *id = cl_get_str(r, a);
    f->rule = id != NULL ? cl_rule_find(id, &f->rule_index) : NULL;
    unsigned level = cl_get_u8(r);
    if (f->rule == NULL || level < CL_LEVEL_NOTE || level > CL_LEVEL_ERROR)
        r->bad = 1;
    f->level = (cl_level)level;
    get_loc(r, a, &f->loc);
    f->function = cl_get_str(r, a);
    f->message = cl_get_str(r, a);
    f->key = cl_get_str(r, a);
    f->nrelated = cl_get_count(r, 16);
    f->related = f->nrelated ? cl_arena_alloc(a, f->nrelated * sizeof *f->related) : NULL;
    for (size_t k = 0; k < f->nrelated && !r->bad; k++) {
        get_loc(r, a, &f->related[k].loc);
        f->related[k].message = cl_get_str(r, a);
    }
    f->nflows = cl_get_count(r, 8);
    f->flows = f->nflows ? cl_arena_alloc(a, f->nflows * sizeof *f->flows) : NULL;
    for (size_t k = 0; k < f->nflows && !r->bad; k++) {
        cl_thread_flow *fl = &f->flows[k];
        fl->thread = cl_get_str(r, a);
        fl->nsteps = cl_get_count(r, 16);
        fl->steps = fl->nsteps ? cl_arena_alloc(a, fl->nsteps * sizeof *fl->steps) : NULL;
        for (size_t s = 0; s < fl->nsteps && !r->bad; s++) {
            get_loc(r, a, &fl->steps[s].loc);
            fl->steps[s].message = cl_get_str(r, a);
        }
    }
    if (f->message == NULL || f->loc.file == NULL)
        r->bad = 1;
}

/* One TU outcome as a summary without functions; NULL when r->bad. */
static cl_tu *get_outcome(cl_reader *r)
{
    cl_tu *tu = cl_xcalloc(1, sizeof *tu);
    tu->main_file = cl_get_str(r, &tu->arena);
    tu->parsed = (int)cl_get_u8(r);
    tu->ndiags = cl_get_count(r, 17);
    tu->diags = tu->ndiags ? cl_arena_alloc(&tu->arena, tu->ndiags * sizeof *tu->diags) : NULL;
    for (size_t k = 0; k < tu->ndiags && !r->bad; k++) {
        unsigned level = cl_get_u8(r);
        if (level > CL_DIAG_ERROR)
            r->bad = 1;
        tu->diags[k].level = (cl_diag_level)level;
        get_loc(r, &tu->arena, &tu->diags[k].loc);
        tu->diags[k].message = cl_get_str(r, &tu->arena);
    }
    if (tu->main_file == NULL)
        r->bad = 1;
    if (r->bad) {
        cl_tu_free(tu);
        return NULL;
    }
    return tu;
}

int cl_result_read(const unsigned char *buf, size_t len, cl_findings *fs, cl_result_stats *st,
                   cl_tu **outcomes, size_t ntus)
{
    if (len < HEADER || memcmp(buf, MAGIC, sizeof MAGIC) != 0)
        return -1;
    cl_reader r = { buf + sizeof MAGIC, buf + len, 0 };
    if (cl_get_u32(&r) != CL_RESULT_FORMAT)
        return -1;
    uint64_t plen = cl_get_u64(&r);
    uint64_t want = cl_get_u64(&r);
    if (r.bad || plen != (uint64_t)(r.end - r.p) ||
        cl_content_hash(r.p, (size_t)plen) != want)
        return -1;
    st->functions = cl_get_u64(&r);
    st->threads = cl_get_u64(&r);
    st->accesses = cl_get_u64(&r);
    st->truncated = cl_get_u64(&r);
    st->spawn_sites = cl_get_u64(&r);
    st->resolved_sites = cl_get_u64(&r);
    st->unresolved_calls = cl_get_u64(&r);
    cl_tu **got = cl_xcalloc(ntus + 1, sizeof *got);
    if (cl_get_count(&r, 9) != ntus)
        r.bad = 1;
    for (size_t i = 0; i < ntus && !r.bad; i++)
        got[i] = get_outcome(&r);
    size_t n = cl_get_count(&r, 30);
    for (size_t i = 0; i < n && !r.bad; i++) {
        cl_finding f;
        get_finding(&r, &fs->arena, &f);
        if (!r.bad)
            cl_findings_add(fs, &f);
    }
    if (r.bad || r.p != r.end) {
        for (size_t i = 0; i < ntus; i++)
            cl_tu_free(got[i]);
        free(got);
        cl_findings_release(fs);
        memset(fs, 0, sizeof *fs);
        return -1;
    }
    memcpy(outcomes, got, ntus * sizeof *got);
    free(got);
    return 0;
}
