/* race_fold.h - one root cause, one finding: the races (races.h) of one
 * unguarded update grouped into one report.
 *
 * One function that updates several fields of a shared object without the
 * lock (a config reload rebuilding `config->...`, an error counter and an
 * error table in `server`) races once per field and per reader, but it is
 * one defect with one fix. Races fold into one group when they have the
 * same *anchor function*, the same *root object* and the same *threads*:
 *
 * - the anchor is the side to fix: the access at fault, or the write of a
 *   read/write pair when the write holds no more locks than the read (the
 *   read was picked only by cl_race_at_fault's tie-break: a reader in a
 *   spawned thread against an unlocked writer in its creator);
 * - the anchor function is the function that names the anchor's object:
 *   its own, or, for an access through a parameter, the caller that passed
 *   the object (the owner frame), so `raxInsert(server.errors, ...)`
 *   charges raxInsert's writes to its caller; and a function whose caller
 *   races on the same root with the same threads is part of the caller's
 *   update;
 * - the root is the access path's first step: the global, the stack
 *   object or the heap object of an allocator ("Gc:@config" for
 *   `config->port`, `config` itself and `config->acl->count`);
 * - the threads are the start routines of the two threads, in either
 *   role (instances of one start routine are one);
 * - and whether the race is a volatile flag's store and read
 *   (cl_race_volatile_flag): the flag used as synchronization is another
 *   defect (CL013's, which drops CL002's finding on it), so a job's
 *   `volatile done` is not one of the races of the update of its result.
 *
 * A group's races are ordered writes first, then accesses made in the
 * anchor function itself, then source order; its first race is the one
 * reported. A group of one race is reported alone; so is a group whose
 * races are all reported at one access. A race found from both its
 * accesses counts once; groups whose first races are at one access, or
 * that would be reported at one access, are one group: one unguarded
 * write is one fix. A read and a write of one pair, each at fault in its
 * own race (`n = (n + 1) % 64` in two threads), are one group reported at
 * the anchor. Different functions, different objects, or different threads
 * on different accesses otherwise stay separate groups. The merging is a
 * union-find over the groups of equal (anchor function, root, threads)
 * keys, each set named by its lowest group in key order.
 *
 * Ownership: the folds are the caller's array; they borrow the model
 * (threads, frames, the call graph) and the access paths of their records.
 */
#ifndef CL_ANALYSIS_RACE_FOLD_H
#define CL_ANALYSIS_RACE_FOLD_H

#include <stddef.h>

#include "analysis/races.h"
#include "model/model.h"

/* A race with its fold group. */
typedef struct cl_race_fold {
    cl_race x;                   /* as reported alone: x.a at fault */
    cl_race seen;                /* seen from its anchor: seen.a is the anchor */
    const cl_frame *owner_frame; /* where the anchor function runs */
    size_t owner;                /* the anchor function (index into cg.funcs) */
    const char *root;            /* the root of seen.a's path: root_len bytes */
    size_t root_len;
    size_t entry_lo, entry_hi;   /* start routines of the two threads, the lower index first */
    int in_owner;                /* the anchor is made in the anchor function itself */
    int flag;                    /* a volatile flag's store and read (cl_race_volatile_flag):
                                    never in one group with data races */
    size_t gid;                  /* its group, once groups are merged */
} cl_race_fold;

/* Makes *f the fold of race `x` (copied): its anchor, owner frame and
 * function, root and threads. */
void cl_race_fold_init(const cl_model *m, cl_race_fold *f, const cl_race *x);

/* Groups the folds g[0..n) (reordered and compacted in place) and calls,
 * per group in group order, either alone(ctx, race) with the one race to
 * report for a group that is one race, or one access's races (the race as
 * reported alone when every race is at that access, else seen from the
 * anchor), or folded(ctx, races, k) with the group's k > 1 distinct races
 * (different pairs of locations), the reported one first, in member
 * order. The pointers are valid during the call only. Aborts on OOM.
 * Cost: O(n log n) plus O(n * distinct) per group. */
void cl_race_fold_groups(cl_race_fold *g, size_t n, void (*alone)(void *ctx, const cl_race *x),
                         void (*folded)(void *ctx, const cl_race_fold *g, size_t k), void *ctx);

#endif
