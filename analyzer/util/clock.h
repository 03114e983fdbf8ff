/* clock.h - the monotonic clock the run's phase and per-TU timings read. */
#ifndef CL_CLOCK_H
#define CL_CLOCK_H

/* Seconds on CLOCK_MONOTONIC (POSIX clock_gettime): only differences of
 * two readings mean anything. */
double cl_now_seconds(void);

#endif
