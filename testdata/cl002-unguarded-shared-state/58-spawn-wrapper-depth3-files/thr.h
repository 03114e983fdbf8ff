/* Case 58, shared header: a small thread library (thr.c) whose only entry
   point takes the start routine as a parameter; used by both programs. */
// expect-none
#ifndef THR_H
#define THR_H

#include <pthread.h>

typedef void *(*thr_fn)(void *);

/* Starts fn(arg) on a new joinable thread named `name`; 0 or an errno. */
int thr_spawn_named(pthread_t *tid, const char *name, thr_fn fn, void *arg);

#endif
