/* isolate.h - parsing translation units in a child process, under a time
 * and a memory limit.
 *
 * libclang cannot be interrupted in-process, and a crash or abort inside it
 * would take the whole run down. So, as clangd does for its workers, TUs
 * are parsed in a fork()ed child: the parent (a worker thread of the
 * driver's pool) waits for each summary with a deadline and kills the child
 * past it; the child runs under RLIMIT_AS; a child that crashes, is killed
 * or runs out of memory costs that TU only.
 *
 * One child serves many TUs (a request per TU over a socket, the summary
 * back in the summary_io.h format), so the fork, the exit and the faulting
 * in of the parser's working set are paid once per worker, not once per
 * TU. A child is replaced by a fresh one after it died or was killed, after
 * a TU it could not parse, and once its address space passes half the
 * memory limit. A TU that fails in a child that had parsed others before
 * is parsed once more in a fresh child, and that verdict stands: whether a
 * TU is skipped never depends on which TUs shared its child (so on -j).
 */
#ifndef CL_ISOLATE_H
#define CL_ISOLATE_H

#include <stddef.h>

#include "frontend/frontend.h"
#include "ir/ir.h"
#include "util/arena.h"

typedef struct cl_tu_limits {
    unsigned timeout_s;   /* wall seconds for parse + lowering, per TU; 0: none */
    unsigned memory_mb;   /* address space of the child, MB; 0: none */
} cl_tu_limits;

/* The child process of one worker thread, and the parent's ends of its
 * channels. Opaque. */
typedef struct cl_isolator cl_isolator;

/* An isolator that parses under `lim` (copied). Cheap: the child is
 * started by the first cl_isolator_summarize. Never NULL (aborts on OOM).
 * Used by one thread at a time; each worker thread owns one. */
cl_isolator *cl_isolator_new(const cl_tu_limits *lim);

/* Ends the child (SIGKILL, reaped) if there is one and frees `iso` (may be
 * NULL). */
void cl_isolator_free(cl_isolator *iso);

/* Summarizes `file` with parser arguments `args` as
 * cl_frontend_summarize_unsaved does (`unsaved` may be NULL), in the isolator's child (started first when there is none).
 * Returns the summary (caller frees with cl_tu_free; include hashes, parse
 * start and times included) and, when `bytes` is not NULL, its serialized
 * form as the child wrote it (summary_io.h; replaces *bytes, which the
 * caller releases), so storing it needs no second encoding; or NULL either when libclang cannot be loaded
 * (*why is then "", and cl_frontend_load says why) or when the child
 * delivered no summary: then `why` (whylen bytes) gets a lowercase reason,
 * "timed out after 300 s (--tu-timeout)", "ran out of memory (--tu-memory
 * 4096 MB)", "crashed with signal 11 (segmentation fault)", "failed (exit
 * status 70)". A child is always reaped when it ends; it is killed
 * (SIGKILL) at the deadline and when the thread that started it exits
 * (PR_SET_PDEATHSIG). The memory limit is not applied in sanitizer builds
 * (their shadow memory needs terabytes of address space). The caller's
 * process must not run libclang in other threads (a child inherits their
 * locks). */
cl_tu *cl_isolator_summarize(cl_isolator *iso, const char *file, char *const *args,
                             size_t nargs, const cl_unsaved *unsaved, cl_strbuf *bytes, char *why,
                             size_t whylen);

#endif
