/* races.h - the engine's data-race queries on access records: which
 * records can take part in a race, whether two classes of records
 * (access_classes.h) can race, and whether two records touch different
 * elements of one array by construction.
 *
 * One meaning of "these two accesses race" for every rule that needs it:
 * CL002 reports the races, CL013 the ones on volatile flags. A race is two
 * accesses to one location, at least one a write, not both atomic, made by
 * threads that may run in parallel (cl_model_may_parallel) with no common
 * lock (cl_model_common_lock, cl_model_creation_lock) and not ordered by
 * synchronization (cl_model_sync_ordered); docs/rules.md, CL002.
 *
 *   if (!cl_race_skip(m, r)) keep r;
 *   ... cl_access_classes(kept, n, visit, ctx) ...
 *   if (cl_race_classes(m, A->v[0], B->v[0]) &&
 *       !cl_race_distinct_elements(m, A->v[i], B->v[j])) a race;
 */
#ifndef CL_RACES_H
#define CL_RACES_H

#include "model/model.h"

/* Whether record `r` can take part in no race at all: a const object (by
 * any declaration of the global), an _Atomic global, or an object the
 * invocation has just allocated (CL_ACC_FRESH). Thread-local objects are
 * not skipped: their paths name the owning thread's instance. */
int cl_race_skip(const cl_model *m, const cl_accrec *r);

/* Whether records of the classes of `a` and `b` (representatives, one
 * path) can race: one writes, not both atomic, the threads may run in
 * parallel, no common or creation lock, not ordered by synchronization;
 * for heap objects reached through a pointer loaded from shared memory
 * ("->"), not both holding some lock (ownership changes hands in ways a
 * lockset cannot see) unless they hold the same field's lock of two
 * objects. Reads only the fields access_classes.h groups by. */
int cl_race_classes(const cl_model *m, const cl_accrec *a, const cl_accrec *b);

/* Whether `a` and `b` touch different elements of one array by
 * construction: different constant subscripts, one statement indexing a
 * partitioned array with a local, each thread instance's own element (by
 * its start argument, its own index, or the object of its spawn loop's
 * iteration). Not symmetric in cost, symmetric in result. */
int cl_race_distinct_elements(const cl_model *m, const cl_accrec *a, const cl_accrec *b);

/* Whether, in a program without main(), the write `w` of an API function
 * (one nobody calls, run by the root thread) and the access `r` of a
 * thread that another API function started and may leave running when it
 * returns can race on one object. The root thread walks its API functions
 * one after the other from one state and binds each one's pointer
 * parameters to an object of its own ("T0:A<usr>@srv->", model/threads.c);
 * a library's client calls them in any order, so the thread
 * `server_start(srv)` leaves running still runs when `server_stop(srv)`
 * writes. The two reach one object when their paths are equal (a global)
 * or go through a parameter to the same member, and the access goes
 * through one volatile declaration (cl_access.decl): only accesses of
 * volatile objects carry one, so only they are paired. Neither may hold a
 * lock (locks through parameters have per-function names too). Linear in
 * the exit records (cl_model.exits). */
int cl_race_api_pair(const cl_model *m, const cl_accrec *w, const cl_accrec *r);

#endif
