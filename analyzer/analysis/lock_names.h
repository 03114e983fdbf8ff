/* lock_names.h - what a lock's resolved name (model.h lock_names) says:
 * which names may name one lock, the member a lock lives in, the object
 * that holds it. For rules that compare the locks of different records
 * (lock order, lock leaks across wrappers, ...).
 *
 * Classes: a class lock ("?.lock", model.h CL_LOCKNAME_CLASS: a lock in an
 * object the walk could not resolve, named by the member it lives in)
 * stands for every lock of its class ("Gc:@pool_head->.lock": the member
 * steps after the last dereference are ".lock"). The groups are numbers
 * per lock id: locks of one class and its class lock share one; every
 * other lock is its own group. Two names of one group that are both
 * resolved (not class locks) are still two locks.
 *
 * Ownership: the group array is the caller's; the model is borrowed;
 * returned names point into the model's lock names.
 */
#ifndef CL_ANALYSIS_LOCK_NAMES_H
#define CL_ANALYSIS_LOCK_NAMES_H

#include <stddef.h>

#include "model/model.h"

/* The group of every lock id of `m` (m->lock_names.n + 1 entries, the
 * last unused): a heap array the caller frees. Aborts on OOM. Cost: one
 * string map lookup per lock. */
size_t *cl_lock_names_new(const cl_model *m);

/* Whether lock `lock` is a class lock. */
int cl_lock_is_class(const cl_model *m, size_t lock);

/* Whether locks x and y may be one lock: equal, or of one group (from
 * cl_lock_names_new) with one of them a class lock. */
int cl_lock_may_be_same(const cl_model *m, const size_t *group, size_t x, size_t y);

/* The member a lock reached through a pointer or in a heap object lives
 * in ("p->mutex": "mutex"), or NULL (a global's own lock has one name):
 * another path to the same object may name the lock differently
 * (`&e->pages[io->page_id].mutex` for the page a callee locked as
 * `p->mutex`), so rules may match such locks by member, as field-based
 * points-to would. */
const char *cl_lock_member(const cl_model *m, size_t lock);

/* Whether `lock` is in an object function `f` (an index into cg.funcs)
 * allocated itself (a heap path "H<f's usr>#...", after a thread-local
 * prefix "T...:"): a constructor that returns its new object locked hands
 * the lock over with the object. */
int cl_lock_in_new_object(const cl_model *m, size_t f, size_t lock);

#endif
