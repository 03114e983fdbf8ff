/* threads.h - the thread walk (threads.c), private to the model. */
#ifndef CL_THREADS_H
#define CL_THREADS_H

#include "model/model.h"

/* Walks every thread of `m` in id order, starting with the root threads
 * already in m->threads; appends the threads it discovers, the access and
 * call records (program points) and fills m->acc_first. Walks whose step
 * budget ran out are listed in m->truncated. */
void cl_model_walk_threads(cl_model *m);

#endif
