/* finding_builder.h - how rules make findings: a primary location, a
 * message, a key, related locations and thread flows, added one at a time.
 *
 *   cl_fb *b = cl_fb_begin(ctx, m, access->ev->loc, "worker");
 *   cl_fb_message(b, "write to '%s' races with ...", name);
 *   cl_fb_key(b, "%s|write", path);
 *   cl_fb_related(b, other->ev->loc, "conflicting read in '%s'", fn);
 *   cl_fb_spawn_related(b, access->thread);
 *   cl_fb_thread_flow(b, access->thread, access->frame, access->ev->loc, "writes '%s'", name);
 *   cl_fb_emit(b);
 *
 * Everything is allocated in the findings arena (ctx->out), so strings may
 * be temporaries of the caller and lists grow without bound. cl_fb_emit
 * hands the finding to the context and releases the builder; a rule whose
 * effective level is "none" emits nothing. One root cause, one finding:
 * a second finding of the same rule at the same primary location with the
 * same key is folded into the first (threads instances and call paths
 * that reach one defect do not multiply it).
 */
#ifndef CL_FINDING_BUILDER_H
#define CL_FINDING_BUILDER_H

#include <stddef.h>

#include "ir/ir.h"
#include "model/model.h"
#include "rule.h"

typedef struct cl_fb cl_fb;

/* Starts a finding of ctx's rule at `at` in function `function` (may be
 * NULL). `m` (borrowed) names threads and frames in flows. Never NULL. */
cl_fb *cl_fb_begin(cl_rule_ctx *ctx, const cl_model *m, cl_loc at, const char *function);

/* The message: lowercase, no final period, identifiers quoted. */
void cl_fb_message(cl_fb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The line-independent identity of the finding within its function (the
 * SARIF partialFingerprints are derived from it). */
void cl_fb_key(cl_fb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Adds a related location. */
void cl_fb_related(cl_fb *b, cl_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Adds "thread 'entry' started here" at the spawn site of `thread` (an
 * index into m->threads; cl_thread.site: the spawn call, or the outermost
 * spawn-wrapper call), unless it is a root thread or already related. */
void cl_fb_spawn_related(cl_fb *b, size_t thread);

/* Adds a thread flow for `thread`: the creator's calls down to the spawn,
 * the spawn, the thread's calls down to `frame` (a point's call chain),
 * then a last step at `at` with the message. */
void cl_fb_thread_flow(cl_fb *b, size_t thread, const cl_frame *frame, cl_loc at,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Starts a thread flow of custom steps for `thread_name`; steps are added
 * with cl_fb_step, to the flow started last. */
void cl_fb_flow_begin(cl_fb *b, const char *thread_name);
void cl_fb_step(cl_fb *b, cl_loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Where `loc` is, seen from the finding's primary location, for
 * messages: "line 31", or "file.c:31" in another file. Owned by the
 * findings arena. */
const char *cl_fb_where(cl_fb *b, cl_loc loc);

/* Emits the finding (unless the rule is off or it folds into an earlier
 * one) and frees the builder. */
void cl_fb_emit(cl_fb *b);

#endif
