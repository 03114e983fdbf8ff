/* progress.h - the progress line of long runs and the end-of-run summary,
 * both on stderr (never mixed into the report on stdout).
 *
 * Progress: "[37/140] src/foo.c", redrawn in place ("\r", erase to end of
 * line) when stderr is a terminal; only once the run has taken more than a
 * second, so quick runs (an editor's one file) never flicker. Off in pipes
 * and CI logs unless forced (--progress), then one line per update at most
 * once a second; off with --quiet.
 */
#ifndef CL_PROGRESS_H
#define CL_PROGRESS_H

#include <pthread.h>
#include <stdio.h>

#include "report/report.h"

typedef enum cl_progress_mode {
    CL_PROGRESS_AUTO = 0, /* on when stderr is a terminal and TERM is not "dumb" */
    CL_PROGRESS_ALWAYS,   /* --progress */
    CL_PROGRESS_NEVER     /* --quiet, --verify, editors */
} cl_progress_mode;

typedef struct cl_progress {
    FILE *out;            /* stderr, or a test's stream */
    int on, tty;          /* drawing at all; in place ("\r") or line by line */
    size_t done, total;   /* guarded by lock */
    double start, last;   /* monotonic seconds: the run's start, the last draw */
    int drawn;            /* an in-place line is on the screen */
    pthread_mutex_t lock;
} cl_progress;

/* Starts a progress display of `total` steps on `out` (borrowed). `tty` says
 * whether `out` is a terminal (the caller asks isatty; tests pass 0 or 1).
 * Call cl_progress_finish to release it. */
void cl_progress_init(cl_progress *p, FILE *out, int tty, cl_progress_mode mode, size_t total);

/* One step done, `what` (a file name, borrowed) the step that finished.
 * Thread-safe. Draws when the run is older than a second and the last draw
 * is older than 1/10 s (terminal) or 1 s (forced, not a terminal). */
void cl_progress_step(cl_progress *p, const char *what);

/* Erases an in-place line and releases `p`. */
void cl_progress_finish(cl_progress *p);

/* The end-of-run summary of `r`'s findings on `out` (stderr), clang's
 * "N warnings generated." (suppressed and level-none findings left out;
 * nothing when there are none), then one line per run with findings:
 *   conc-lint: CL001 1, CL002 3; 2 new, 2 in the baseline; 1 suppressed
 * (the baseline part only with --baseline, the suppressed part only when
 * some are). Returns 0, or -1 when `out` reports an error. */
int cl_report_summary(FILE *out, const cl_report *r);

#endif
