/* handles.h - what the paths after a spawn do with the thread: a query on
 * the flow engine (flow.h) over the function that ran the spawn, without
 * descending into its calls. Which exits of that function does a path
 * reach with the thread started and its handle not handled, and may a
 * deadline have passed on that path first?
 *
 * The spawn starts the thread; a join or detach of the handle, the handle
 * given to a project function (a stop helper, a registry) or returned
 * (`return tid;`) handles it. A cancel stops it but leaves the handle to
 * join: an exit reached with the thread only cancelled is one too, marked
 * `cancelled`. A test of the spawn's result drops
 * the thread on its failure side. A wait with a finite deadline
 * (cl_wait_is_finite, callspec.h), or a call of a project function that
 * runs one (a wait helper, whose result is taken for its wait's), makes the
 * path "late"; a test of the wait's result
 * makes it timely again where the wait did not expire, and a successful
 * pthread_timedjoin_np of the handle handles the thread. A spawn that runs
 * again (a loop) while an earlier run's thread is unhandled marks the
 * threads of earlier runs: they survive a later run's failure (a partial
 * start), and a handle that is one object is overwritten. Clients: an
 * abandoned worker (a late exit, CL004), a thread leak (CL011).
 *
 *   cl_handle_exits x;
 *   cl_handle_exits_find(m, t, &x);
 *   for (size_t i = 0; i < x.n; i++) if (x.v[i].late) ... x.v[i].wait ...
 *   cl_handle_exits_release(&x);
 *
 * Limits: a handle stored into another object (`obj->tid = tid`) is not
 * followed to a later join through it; a handle passed to any project
 * function counts as handled (silence over noise); without a known handle
 * (the spawn's handle argument is not `&var`), any join or detach of a
 * pointer or untracked value handles the thread, and any cancel cancels it.
 * Cost: one walk of one body, linear in its size (no descents).
 */
#ifndef CL_ANALYSIS_HANDLES_H
#define CL_ANALYSIS_HANDLES_H

#include <stddef.h>

#include "analysis/callspec.h"
#include "ir/ir.h"
#include "model/model.h"

/* An exit reached with the thread started and not handled. */
typedef struct cl_handle_exit {
    const cl_node *ret;       /* the `return`; NULL: the end of the body */
    unsigned late;            /* 1 when a finite timed wait may have expired first */
    const cl_event *wait;     /* on a late exit, a wait that may have expired, else NULL */
    unsigned partial;         /* 1 when the path left where a later run of the spawn
                                 failed while threads an earlier run started are
                                 unhandled (a partial start) */
    unsigned cancelled;       /* 1 when every path reaching it cancelled the thread
                                 (and did not join or detach it since): stopped, not
                                 abandoned, but its handle is lost unjoined */
    unsigned failed_next;     /* 1 when a path reached it with the thread unhandled
                                 after another spawn that followed it failed (a
                                 partial start of two threads in a row) */
} cl_handle_exit;

typedef struct cl_handle_exits {
    const char *handle;       /* raw path of the handle in the creator, or NULL */
    /* 1 when the spawn ran again, with a handle that is one object (no
     * subscript, not in a heap object nor reached through a pointer,
     * which may be a new object each round), while the thread of an earlier run was
     * unhandled: its handle is overwritten */
    unsigned overwritten;
    cl_handle_exit *v;        /* in the order the walk reached them, one per exit */
    size_t n, cap;
} cl_handle_exits;

/* Walks the function that ran the spawn of thread `t` (t->spawn and
 * t->spawn_frame set) in model `m` (borrowed). Fills *out (heap; free with
 * cl_handle_exits_release). */
void cl_handle_exits_find(const cl_model *m, const cl_thread *t, cl_handle_exits *out);
void cl_handle_exits_release(cl_handle_exits *x);

#endif
