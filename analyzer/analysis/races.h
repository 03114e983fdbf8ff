/* races.h - the engine's data-race queries on access records: which
 * records can take part in a race, whether two classes of records
 * (access_classes.h) can race, and whether two records touch different
 * elements of one array by construction; which access of a racing pair
 * lacks the lock, and the racing pairs among the classes of one path.
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

#include <stddef.h>

#include "analysis/access_classes.h"
#include "model/model.h"

/* Whether `r` writes (else it reads). */
static inline int cl_race_writes(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_WRITE) != 0;
}

/* Whether `r` is an atomic access. */
static inline int cl_race_atomic(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_ATOMIC) != 0;
}

/* Whether `r` is the record of an object taken off a shared structure,
 * at the place it was taken from (CL_ACC_TAKEN). */
static inline int cl_race_taken(const cl_accrec *r)
{
    return (r->ev->u.access.flags & CL_ACC_TAKEN) != 0;
}

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
 * objects; an object taken off a shared structure (CL_ACC_TAKEN) races
 * only with an access holding no lock that is not a taker's too. Reads
 * only the fields access_classes.h groups by. */
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

/* A race: the access `a` (the one reported) and its partner `b`, copies
 * (the whole-object records of access_classes.h live only during a
 * visit); `self`: a multi-instance thread racing with itself. */
typedef struct cl_race {
    cl_accrec a, b;
    int self;
} cl_race;

/* Whether `w` is a plain store to a volatile object: volatile, not
 * atomic, a write of a value that does not come from the object itself
 * (not `n++` or `n += k`, one read-write record, nor `n = n + 1` or
 * `s->seq = atomic_load(&s->seq) + 1`, a read of the path, of any kind, by
 * the same thread and function on the same line). Linear in the thread's
 * records. */
int cl_race_volatile_store(const cl_model *m, const cl_accrec *w);

/* Whether race `x` pairs a plain store to a volatile object
 * (cl_race_volatile_store) with a read of it: a volatile flag used as
 * synchronization, CL013's defect, not one of the data races CL002 folds
 * into an unguarded update (race_fold.h). */
int cl_race_volatile_flag(const cl_model *m, const cl_race *x);

/* Which access of a racing pair lacks the lock, and is reported: 1 for
 * `a`, 0 for `b`. In order: the access that is not a taker's
 * (cl_race_taken); the plain access next to an atomic one; the side
 * holding fewer locks (must, then may); the access in a spawned
 * thread rather than the creator's; the earlier one in the source. */
int cl_race_at_fault(const cl_model *m, const cl_accrec *a, const cl_accrec *b);

/* A racing pair found on one path: the record at fault and its partner
 * (borrowed from the visit: valid during it only; r == o for an access
 * racing with itself alone). */
typedef struct cl_race_hit {
    const cl_accrec *r, *o;
} cl_race_hit;

typedef struct cl_race_hits {
    cl_race_hit *v;
    size_t n, cap;
} cl_race_hits;

/* The racing pairs among the classes cls[0..ncls) of one path (a visit of
 * cl_access_classes), into `out` (emptied first; the caller frees out->v):
 * for each pair of classes that can race (cl_race_classes), each record of
 * the class at fault (cl_race_at_fault) with the first record of the other
 * class it does not race with only on distinct elements. A class racing
 * with itself (a multi-instance thread) gives each record with another of
 * the class as its partner, except a statement picking its element with a
 * local index when it is the class's only record (a partitioned array),
 * and records that pick their instance's own element (own_index). Sorted
 * by function, kind (reads first), pairs on one location for sure first
 * (the same constant element: the race to report before `sums[id]` against
 * `sums[2]`), source location, thread. Aborts on OOM.
 * Cost: classes x classes tests, plus records x records within racing
 * pairs of classes. */
void cl_race_pairs(const cl_model *m, const cl_acc_class *cls, size_t ncls, cl_race_hits *out);

#endif
