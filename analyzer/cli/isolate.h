/* isolate.h - parsing one translation unit in a child process, under a
 * time and a memory limit.
 *
 * libclang cannot be interrupted in-process, and a crash or abort inside it
 * would take the whole run down. So, as clangd does for its workers, each
 * TU is parsed in a fork()ed child: the parent (a worker thread of the
 * driver's pool) waits for the summary with a deadline and kills the child
 * past it; the child runs under RLIMIT_AS; a child that crashes, is killed
 * or runs out of memory costs that TU only. The summary comes back through
 * a pipe in the summary_io.h format.
 */
#ifndef CL_ISOLATE_H
#define CL_ISOLATE_H

#include <stddef.h>

#include "ir/ir.h"

typedef struct cl_tu_limits {
    unsigned timeout_s;   /* wall seconds for parse + lowering; 0: none */
    unsigned memory_mb;   /* address space of the child, MB; 0: none */
} cl_tu_limits;

/* Summarizes `file` with parser arguments `args` as cl_frontend_summarize
 * does, in a child process under `lim`. Returns the summary (caller frees
 * with cl_tu_free; include hashes, parse start and times included), or NULL
 * either when libclang cannot be loaded (*why is then "", and
 * cl_frontend_load says why) or when the child delivered no summary: then
 * `why` (whylen bytes) gets a lowercase reason, "timed out after 300 s
 * (--tu-timeout)", "ran out of memory (--tu-memory 4096 MB)", "crashed with
 * signal 11 (segmentation fault)", "failed (exit status 70)". The child is
 * always reaped; it is killed (SIGKILL) at the deadline and when the
 * calling thread exits (PR_SET_PDEATHSIG). The memory limit is not applied
 * in sanitizer builds (their shadow memory needs terabytes of address
 * space). Thread-safe: the driver's workers call it concurrently; the
 * caller's process must not run libclang in other threads meanwhile (the
 * child inherits their locks). */
cl_tu *cl_summarize_isolated(const char *file, char *const *args, size_t nargs,
                             const cl_tu_limits *lim, char *why, size_t whylen);

#endif
