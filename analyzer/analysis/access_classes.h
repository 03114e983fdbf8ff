/* access_classes.h - access records grouped for pair queries (data races,
 * atomicity violations, ...): by location, then into classes of records
 * that a test on a pair cannot tell apart.
 *
 * Records of one path are in the same class when they have the same
 * thread, kind (read or write), atomicity, taking (CL_ACC_TAKEN),
 * per-instance flag, locks (with
 * modes), may-locks, live threads, barrier phase and synchronization
 * objects: a pair test that reads only those fields (cl_model_may_parallel,
 * cl_model_common_lock, cl_model_sync_ordered)
 * answers the same for every member, so a path with thousands of accesses
 * costs classes x classes tests, not accesses x accesses.
 *
 *   static void visit(void *ctx, const cl_acc_class *cls, size_t n) { ... }
 *   cl_access_classes(recs, nrecs, visit, &my_ctx);
 */
#ifndef CL_ACCESS_CLASSES_H
#define CL_ACCESS_CLASSES_H

#include <stddef.h>

#include "model/model.h"

/* One class: records v[0..n), in source order (then thread). */
typedef struct cl_acc_class {
    const cl_accrec **v;
    size_t n;
} cl_acc_class;

/* Sorts v[0..n) (borrowed, reordered in place) by resolved path and calls
 * visit(ctx, classes, nclasses) once per path, in path order, with the
 * path's classes in a fixed order (thread first). A record of a whole
 * object (CL_ACC_WHOLE, a library call's memset or memcpy) is also visited
 * under the path of every member and element other records touch (a copy
 * of it with that path). The class array, the views and the copies are
 * valid during the call only. Aborts on OOM.
 * Cost: O(n log n) plus the visits. */
void cl_access_classes(const cl_accrec **v, size_t n,
                       void (*visit)(void *ctx, const cl_acc_class *cls, size_t ncls), void *ctx);

#endif
