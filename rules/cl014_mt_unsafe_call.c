/* cl014_mt_unsafe_call.c - CL014 mt-unsafe-call: a function that is not
 * thread-safe called where another thread may call it, or a function
 * sharing its static state, at the same time.
 *
 * What it finds: a call of a function the callspec table marks
 * CL_CS_MT_UNSAFE (POSIX.1-2017 XSH 2.9.1: strtok, localtime, rand,
 * strerror, getpwnam, inet_ntoa, ...) that may run in parallel with
 * another call touching the same static state: the same call in another
 * instance of a thread, another call of the function, or a call of a
 * function of the same state group (localtime and gmtime share one
 * struct tm; getenv reads what setenv changes). The second call
 * overwrites the first one's result, or its position (strtok), before
 * the first thread has used it.
 * How: the model's call records carry each call's thread, locksets and
 * live threads; cl_model_calls_parallel applies the create/join order,
 * so a call before the first spawn or after the last join runs alone.
 * Not flagged: programs that never run two threads; calls that hold a
 * common lock (both in exclusive mode, or both possibly: a conditional
 * lock counts, as in CL002); two readers of a group (getenv and getenv);
 * readdir on different streams (only two calls on one global stream
 * conflict); calls in one pthread_once routine (it runs once).
 * Reported once per call site, with one conflicting call as related
 * location and a thread flow per thread.
 * Limits: library functions the table does not know (a project's own
 * non-reentrant helper) are CL002's business through their accesses.
 * Functions glibc makes thread-safe (strerror, strsignal, rand,
 * inet_ntoa, basename, dirname, dlerror: CL_CS_GLIBC_SAFE) are reported
 * only for a portable program ("libc": "posix" in .conc-lint.json); by
 * default the program is taken to run on glibc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/finding_builder.h"
#include "model/model.h"
#include "rule.h"

typedef struct cands { const cl_callrec **v; size_t n, cap; } cands;

static void begin(const cl_model *m, cl_rule_ctx *ctx)
{
    (void)m;
    ctx->state = cl_xcalloc(1, sizeof(cands));
}

static void on_call(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r)
{
    (void)m;
    if (r->spec->flags & CL_CS_MT_UNSAFE)
        CL_VEC_PUSH((cands *)ctx->state, r);
}

/* Compares the state records `a` and `b` use: their group, and for a
 * function's own state (or a stream's) the function. */
static int state_cmp(const cl_callrec *a, const cl_callrec *b)
{
    unsigned ga = cl_callspec_state_group(a->spec), gb = cl_callspec_state_group(b->spec);
    if (ga != gb)
        return ga < gb ? -1 : 1;
    return ga == CL_STATE_OWN || ga == CL_STATE_STREAM ? strcmp(a->spec->name, b->spec->name) : 0;
}

/* Orders records by state, then location, then record order, so that the
 * calls that may conflict are one run and the records of a line adjacent. */
static int by_state(const void *x, const void *y)
{
    const cl_callrec *a = *(const cl_callrec *const *)x, *b = *(const cl_callrec *const *)y;
    int c = state_cmp(a, b);
    if (c == 0)
        c = cl_loc_cmp(&a->ev->loc, &b->ev->loc);
    return c != 0 ? c : (a < b ? -1 : a > b); /* record order: deterministic */
}

/* Whether `a` and `b`, of one state (state_cmp), conflict: at least one
 * changes it, and for a stream both name one global stream. */
static int conflict(const cl_callrec *a, const cl_callrec *b)
{
    if ((a->spec->flags & b->spec->flags) & CL_CS_STATE_READS)
        return 0;
    if (cl_callspec_state_group(a->spec) != CL_STATE_STREAM)
        return 1;
    const cl_value *sa = cl_call_arg(a->ev, 0), *sb = cl_call_arg(b->ev, 0);
    return sa != NULL && sb != NULL && sa->kind == CL_VAL_ADDR && sb->kind == CL_VAL_ADDR &&
           sa->path != NULL && sb->path != NULL && sa->path[0] == 'G' &&
           strcmp(sa->path, sb->path) == 0;
}

/* The once routine (pthread_once, call_once) whose run `f` is in, as an
 * index into m->cg.funcs, or SIZE_MAX: it runs once, so its calls never
 * overlap one another. */
static size_t once_routine(const cl_model *m, const cl_frame *f)
{
    for (; f != NULL && f->call != NULL; f = f->parent) {
        const cl_callspec *cs = cl_callgraph_spec(&m->cg, f->call);
        if (cs != NULL && cs->kind == CL_CK_ONCE)
            return f->func;
    }
    return SIZE_MAX;
}

/* Whether one lock serializes the two calls: both hold it, not both in
 * shared mode; or one of them holds it only on some paths and the other
 * may too (conditional locking: silence, as in CL002). */
static int serialized(const cl_callrec *a, const cl_callrec *b)
{
    for (size_t i = 0; i < a->nmay; i++) {
        size_t l = a->may[i];
        if (!cl_ids_contains(b->may, b->nmay, l))
            continue;
        const cl_lockref *x = cl_lockref_find(a->locks, a->nlocks, l);
        const cl_lockref *y = cl_lockref_find(b->locks, b->nlocks, l);
        if (x == NULL || y == NULL || !((x->mode & y->mode) & CL_LOCK_SHARED))
            return 1;
    }
    return 0;
}

/* Whether the model holds a thread that some thread starts. */
static int has_threads(const cl_model *m)
{
    for (size_t t = 0; t < m->threads.n; t++)
        if (m->threads.v[t].creator != SIZE_MAX)
            return 1;
    return 0;
}

static void report(const cl_model *m, cl_rule_ctx *ctx, const cl_callrec *r, const cl_callrec *o)
{
    const char *fn = r->ev->u.call.callee_name, *other = o->ev->u.call.callee_name;
    unsigned g = cl_callspec_state_group(r->spec);
    const char *state = cl_state_group_name(g);
    char what[128], fix[160];
    snprintf(what, sizeof what, "%s%s", state ? "it uses " : "",
             state ? state : g == CL_STATE_STREAM ? "the stream's position is shared"
                                                  : "it keeps static state");
    if (r->spec->flags & CL_CS_HAS_R)
        snprintf(fix, sizeof fix, "use '%s_r' with %s of the caller's, or make every "
                 "such call under one lock", fn, g == CL_STATE_RAND ? "a seed" : "a buffer");
    else
        snprintf(fix, sizeof fix, "make every such call under one lock, or before the "
                 "threads start");
    cl_fb *b = cl_fb_begin(ctx, m, r->ev->loc, cl_model_frame_func(m, r->frame));
    if (o->ev == r->ev && o->thread == r->thread)
        cl_fb_message(b, "'%s' is not thread-safe (%s) and this call can run in two instances "
                      "of %s at once; %s", fn, what, cl_model_thread_name(m, r->thread), fix);
    else if (o->ev == r->ev)
        cl_fb_message(b, "'%s' is not thread-safe (%s) and this call can run in %s and in %s at "
                      "once; %s", fn, what, cl_model_thread_name(m, r->thread),
                      cl_model_thread_name(m, o->thread), fix);
    else
        cl_fb_message(b, "'%s' is not thread-safe (%s) and can run while '%s' at %s, in %s, %s "
                      "it; %s", fn, what, other, cl_fb_where(b, o->ev->loc),
                      cl_model_thread_name(m, o->thread),
                      (o->spec->flags & CL_CS_STATE_READS) ? "reads" : "overwrites", fix);
    cl_fb_key(b, "mt|%s", fn);
    if (o->ev != r->ev)
        cl_fb_related(b, o->ev->loc, "'%s' uses the same state here", other);
    cl_fb_spawn_related(b, r->thread);
    cl_fb_thread_flow(b, r->thread, r->frame, r->ev->loc, "calls '%s'", fn);
    if (o->thread != r->thread || o->ev != r->ev)
        cl_fb_thread_flow(b, o->thread, o->frame, o->ev->loc, "calls '%s'", other);
    cl_fb_emit(b);
}

static int same_line(const cl_loc *a, const cl_loc *b)
{
    return a->line == b->line &&
           (a->file == b->file || (a->file && b->file && strcmp(a->file, b->file) == 0));
}

/* For each call site, the first record with a conflicting partner in its
 * run of one state: one finding per site (and line). */
static void finish(const cl_model *m, cl_rule_ctx *ctx)
{
    cands *c = ctx->state;
    if (c->n > 0 && has_threads(m)) {
        qsort(c->v, c->n, sizeof *c->v, by_state);
        size_t first = 0, end = 0;
        for (size_t i = 0; i < c->n; i++) {
            if (i >= end) {
                first = i;
                for (end = i + 1; end < c->n && state_cmp(c->v[i], c->v[end]) == 0; end++)
                    ;
            }
            const cl_callrec *r = c->v[i], *hit = NULL;
            for (size_t j = first; j < end && hit == NULL; j++)
                if (conflict(r, c->v[j]) && cl_model_calls_parallel(m, r, c->v[j]) &&
                    !serialized(r, c->v[j]) &&
                    (once_routine(m, r->frame) == SIZE_MAX ||
                     once_routine(m, r->frame) != once_routine(m, c->v[j]->frame)))
                    hit = c->v[j];
            if (hit == NULL)
                continue;
            report(m, ctx, r, hit);
            while (i + 1 < end && same_line(&c->v[i + 1]->ev->loc, &r->ev->loc))
                i++; /* one finding per line: `asctime(gmtime(&t))`, strtok's loop */
        }
    }
    free(c->v);
    free(c);
}

const cl_rule cl014_mt_unsafe_call = {
    .id = "CL014",
    .name = "mt-unsafe-call",
    .short_desc = "A function that is not thread-safe can run in two threads at once",
    .full_desc =
        "A call of a function POSIX does not require to be thread-safe (strtok, localtime, "
        "gmtime, ctime, asctime, rand, strerror, readdir, gethostbyname, inet_ntoa, getpwnam, "
        "getenv against setenv, ...) can run while another thread calls it, or a function "
        "sharing its static state (localtime and gmtime share one struct tm). One call "
        "overwrites the result or the position the other is still using. Calls before the "
        "first thread starts, after the last join, or all under one lock are correct.",
    .help_md =
        "## mt-unsafe-call (CL014)\n\n"
        "Some C library functions keep their result or their progress in static storage "
        "that every call shares: `localtime` and `gmtime` return one `struct tm`, `strtok` "
        "remembers where it stopped, `strerror` and `inet_ntoa` return one buffer, `getenv` "
        "returns a pointer into the environment that `setenv` may move. When two threads "
        "call them at once, one thread reads what the other wrote:\n\n"
        "```c\n"
        "static void log_line(const char *msg)      /* called by every worker */\n"
        "{\n"
        "    time_t now = time(NULL);\n"
        "    struct tm *tm = localtime(&now);      /* another worker's time */\n"
        "    ...\n"
        "}\n"
        "```\n\n"
        "**Fix**: use the reentrant variant with a buffer of your own (`localtime_r(&now, "
        "&tm)`, `strtok_r`, `strerror_r`, `getpwnam_r`, `inet_ntop`), or make every call of "
        "the function (and of those sharing its state) under one mutex and copy the result "
        "before unlocking; read the environment once before starting threads.\n\n"
        "On glibc (the default; `\"libc\": \"posix\"` in .conc-lint.json for portable "
        "code) `strerror`, `strsignal`, `rand`, `inet_ntoa`, `basename`, `dirname` and "
        "`dlerror` are thread-safe and not flagged.\n\n"
        "Not flagged: programs that never start a thread; calls before the first "
        "`pthread_create` or after the threads are joined; calls that all hold one lock; "
        "two `getenv` calls (only a change of the environment conflicts).",
    .default_level = CL_LEVEL_WARNING,
    .tags = CL_STRINGS("concurrency", "data-race", "thread-safety"),
    .cwe = CL_STRINGS("CWE-362", "CWE-663"),
    .precision = "high",
    .security_severity = "4.0",
    .points = CL_ON_CALL,
    .call_kinds = CL_KIND_BIT(CL_CK_OTHER),
    .begin = begin,
    .on_call = on_call,
    .finish = finish,
};
