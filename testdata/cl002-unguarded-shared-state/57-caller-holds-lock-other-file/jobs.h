/* Case 57, shared header: a job table whose lock is owned by the callers.
   jobs.c has no lock of its own; scheduler.c holds jobs_mutex around every
   call into it (the `_locked` suffix is the contract). */
// expect-none
#ifndef JOBS_H
#define JOBS_H

#include <pthread.h>

extern pthread_mutex_t jobs_mutex;        /* scheduler.c */

int jobs_enqueue_locked(unsigned id, unsigned prio);
int jobs_take_locked(unsigned *id);
unsigned jobs_pending_locked(void);

#endif
