/* finding_builder.c - see finding_builder.h. */
#include "analysis/finding_builder.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "report/finding.h"

struct cl_fb {
    cl_rule_ctx *ctx;
    const cl_model *m;
    cl_arena *a;              /* the findings arena */
    cl_finding f;
    struct { cl_related *v; size_t n, cap; } related;
    struct { cl_thread_flow *v; size_t n, cap; } flows;
    struct { cl_flow_step *v; size_t n, cap; } steps; /* of the last flow */
};

static cl_loc copy_loc(cl_arena *a, cl_loc loc)
{
    loc.file = cl_arena_strdup(a, loc.file);
    return loc;
}

cl_fb *cl_fb_begin(cl_rule_ctx *ctx, const cl_model *m, cl_loc at, const char *function)
{
    cl_fb *b = cl_xcalloc(1, sizeof *b);
    b->ctx = ctx;
    b->m = m;
    b->a = &ctx->out->arena;
    b->f.rule = ctx->rule;
    b->f.rule_index = ctx->rule_index;
    b->f.level = ctx->level;
    b->f.loc = copy_loc(b->a, at);
    b->f.function = cl_arena_strdup(b->a, function);
    b->f.message = "";
    return b;
}

void cl_fb_message(cl_fb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    b->f.message = cl_arena_vprintf(b->a, fmt, ap);
    va_end(ap);
}

void cl_fb_key(cl_fb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    b->f.key = cl_arena_vprintf(b->a, fmt, ap);
    va_end(ap);
}

static void add_related(cl_fb *b, cl_loc loc, const char *msg)
{
    cl_related r = { copy_loc(b->a, loc), msg };
    CL_VEC_PUSH(&b->related, r);
}

void cl_fb_related(cl_fb *b, cl_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_related(b, loc, cl_arena_vprintf(b->a, fmt, ap));
    va_end(ap);
}

void cl_fb_spawn_related(cl_fb *b, size_t thread)
{
    const cl_thread *t = &b->m->threads.v[thread];
    if (t->spawn == NULL)
        return;
    const char *msg = cl_arena_printf(b->a, "thread '%s' started here",
                                      cl_model_entry_name(b->m, thread));
    for (size_t i = 0; i < b->related.n; i++)
        if (cl_loc_cmp(&b->related.v[i].loc, &t->site->loc) == 0 &&
            strcmp(b->related.v[i].message, msg) == 0)
            return;
    add_related(b, t->site->loc, msg);
}

/* Closes the flow being built, if any. */
static void end_flow(cl_fb *b)
{
    if (b->flows.n == 0 || b->steps.n == 0)
        return;
    cl_thread_flow *fl = &b->flows.v[b->flows.n - 1];
    if (fl->steps != NULL)
        return;
    fl->nsteps = b->steps.n;
    fl->steps = cl_arena_alloc(b->a, b->steps.n * sizeof *fl->steps);
    memcpy(fl->steps, b->steps.v, b->steps.n * sizeof *fl->steps);
    b->steps.n = 0;
}

void cl_fb_flow_begin(cl_fb *b, const char *thread_name)
{
    end_flow(b);
    cl_thread_flow fl = { cl_arena_strdup(b->a, thread_name), 0, NULL };
    CL_VEC_PUSH(&b->flows, fl);
    b->steps.n = 0;
}

static void add_step(cl_fb *b, cl_loc loc, const char *msg)
{
    cl_flow_step s = { copy_loc(b->a, loc), msg };
    CL_VEC_PUSH(&b->steps, s);
}

void cl_fb_step(cl_fb *b, cl_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_step(b, loc, cl_arena_vprintf(b->a, fmt, ap));
    va_end(ap);
}

/* The calls of a frame chain, outermost first. */
static void add_calls(cl_fb *b, const cl_frame *frame)
{
    size_t n = cl_frame_ncalls(frame), at = b->steps.n;
    for (size_t i = 0; i < n; i++)
        add_step(b, frame->call->loc, ""); /* placeholders, filled below */
    for (const cl_frame *f = frame; f != NULL && f->call != NULL; f = f->parent) {
        cl_flow_step *s = &b->steps.v[at + --n];
        s->loc = copy_loc(b->a, f->call->loc);
        s->message = cl_arena_printf(b->a, "calls '%s'", cl_model_frame_func(b->m, f));
    }
}

void cl_fb_thread_flow(cl_fb *b, size_t thread, const cl_frame *frame, cl_loc at,
                       const char *fmt, ...)
{
    cl_fb_flow_begin(b, cl_model_thread_name(b->m, thread));
    const cl_thread *t = &b->m->threads.v[thread];
    if (t->spawn != NULL) {
        add_calls(b, t->spawn_frame);
        cl_fb_step(b, t->spawn->loc, "thread '%s' starts here", cl_model_entry_name(b->m, thread));
    }
    add_calls(b, frame);
    va_list ap;
    va_start(ap, fmt);
    add_step(b, at, cl_arena_vprintf(b->a, fmt, ap));
    va_end(ap);
}

const char *cl_fb_where(cl_fb *b, cl_loc loc)
{
    if (loc.file != NULL && b->f.loc.file != NULL && strcmp(loc.file, b->f.loc.file) != 0)
        return cl_arena_printf(b->a, "%s:%u", cl_base_name(loc.file), loc.line);
    return cl_arena_printf(b->a, "line %u", loc.line);
}

void cl_fb_emit(cl_fb *b)
{
    end_flow(b);
    cl_rule_ctx *ctx = b->ctx;
    if (ctx->level != CL_LEVEL_NONE && cl_findings_first(ctx->out, ctx->rule, b->f.loc, b->f.key)) {
        cl_arena *a = b->a;
        if (b->related.n > 0) {
            b->f.related = cl_arena_alloc(a, b->related.n * sizeof *b->f.related);
            memcpy(b->f.related, b->related.v, b->related.n * sizeof *b->f.related);
            b->f.nrelated = b->related.n;
        }
        if (b->flows.n > 0) {
            b->f.flows = cl_arena_alloc(a, b->flows.n * sizeof *b->f.flows);
            memcpy(b->f.flows, b->flows.v, b->flows.n * sizeof *b->f.flows);
            b->f.nflows = b->flows.n;
        }
        cl_findings_add(ctx->out, &b->f);
    }
    free(b->related.v);
    free(b->flows.v);
    free(b->steps.v);
    free(b);
}
