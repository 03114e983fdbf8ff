/* model.h - the whole-program model built by the link phase.
 *
 * cl_model_build merges the per-TU summaries by USR, builds the call graph,
 * finds the thread entries and walks every thread from its entry: an
 * abstract interpretation over the statement trees that carries the lockset
 * (locks that must be held, intersected where paths meet) and the live set
 * (child threads that may have been started and not yet joined, united where
 * paths meet) through calls, substituting each callee's parameters with the
 * caller's argument values. Every access to a tracked location reached from
 * a thread is recorded with its thread, lockset and live set; rules read
 * these records.
 *
 * Thread instances. Each program's main thread runs its `main` (a compile
 * database may hold several programs: each main() is a root thread, and
 * threads of different roots never run in parallel); when there is no
 * `main`, one root thread runs every function nobody calls that is not a
 * thread entry. Root threads come first (ids 0..k-1). Each
 * spawn site reached by a thread's walk, with its start routine and argument,
 * is one more thread instance, created by that thread. An instance is
 * "multi" when its spawn site can run more than once (inside a loop of any
 * frame, except the only loop running one round, or created by a multi
 * thread): its accesses then race with
 * themselves unless the object is private to each instance.
 *
 * Happens-before (the create/join ordering of docs/architecture.md, "The engine"): two accesses can
 * run in parallel when their threads can: a creator's access runs in
 * parallel with a child thread iff the child is in the access's live set; two
 * threads with a common creator run in parallel unless one was joined before
 * the other was started; when the creator runs in several instances, its
 * children also run in parallel with its other instances and their
 * children. The live set is exact per handle: a join removes the threads
 * whose handle it names (not one whose handle a later spawn overwrote, nor
 * the rounds a shorter join loop skips); a thread started under `if (c)`
 * is dropped where a later test of the unchanged `c` fails; a thread
 * started and joined inside its creator's critical section holds that
 * lock for its whole run (cl_thread.creation_locks). This is the classic "lockset + fork/join" scheme of
 * Eraser-style detectors (Savage et al., SOSP 1997) as refined by static
 * tools such as RacerX (Engler & Ashcraft, SOSP 2003) and Goblint.
 *
 * The model owns everything it allocates (its arena); it borrows the TU
 * summaries, which must outlive it.
 */
#ifndef CL_MODEL_H
#define CL_MODEL_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "analysis/callgraph.h"
#include "analysis/callspec.h"
#include "ir/ir.h"
#include "util/intern.h"
#include "util/strmap.h"

typedef struct cl_lockref cl_lockref;

/* A call-site chain from a thread's entry, for thread flows. */
typedef struct cl_frame cl_frame;
struct cl_frame {
    const cl_frame *parent;   /* NULL at the thread entry */
    const cl_event *call;     /* the call event in the parent; NULL at the entry */
    size_t func;              /* index into model->cg.funcs of the function running */
    /* The locks held when this invocation was entered: must (sorted by
     * lock) and may (sorted ids), so that rules can tell what a function
     * acquired or released itself from what its caller held (RELAY's
     * relative locksets). */
    size_t nentry, nentry_may;
    const cl_lockref *entry;
    const size_t *entry_may;
    /* A recursive invocation whose pointer parameters the walk bound to
     * the outer invocation's objects, not to its own arguments' (threads.c,
     * t_enter: `start(q) -> .. -> start(q->child)` names the child's lock
     * as the parent's). */
    unsigned merged : 1;
};

/* A member of a start block (cl_thread.block): `member` (".fn") holds
 * function `func` (a CL_VAL_FUNC, named at `named_at`), or, when func is NULL, a pointer to
 * the object at resolved path `path` (in the creator's terms, as a start
 * argument is), a distinct object per thread instance when
 * `per_instance`. */
typedef struct cl_block_member {
    const char *member;
    const cl_value *func;
    const cl_event *named_at; /* with func: the outermost call that passed
                                 it on to the spawning function (`create(worker,
                                 arg)`); NULL when that function names it */
    const char *path;
    unsigned per_instance : 1;
    /* with func: the start routine calls it, outside loops (shape.h
     * cl_shape_calls_member): the routine the thread runs, which names it */
    unsigned routine : 1;
} cl_block_member;

typedef struct cl_thread {
    size_t id;                /* index into model->threads */
    size_t entry;             /* index into model->cg.funcs; SIZE_MAX for an
                                 API thread (below) */
    /* An API thread (entry SIZE_MAX, a root): code whose callers are not
     * in the model, each of `roots` (indexes into model->cg.funcs) walked
     * from the program's start state. The main thread of a program without
     * main() runs its uncalled functions; after the walks of the mains, one
     * more runs the code no walk reached that names a start routine
     * (threads.c, orphan roots: a module's entry point called through a
     * table the model could not resolve). */
    size_t nroots;
    const size_t *roots;
    size_t creator;           /* creating thread id; SIZE_MAX for a root thread */
    const cl_event *spawn;    /* the spawn call; NULL for the main thread */
    const cl_event *site;     /* the spawn site that named the start routine:
                                 `spawn`, or the outermost call of the spawn
                                 wrappers that passed it on (spawns.c) */
    const cl_frame *spawn_frame; /* where the spawn ran in the creator */
    const char *arg_path;     /* pointee of the start argument, or NULL */
    const char *arg_ipath;    /* the same as an indexed path (ir.h) */
    /* The start argument when it designates one function (a trampoline's
     * argument: `pthread_create(&t, NULL, entry, (void *)worker)`, also
     * through spawn wrappers), as a CL_VAL_FUNC; NULL otherwise. The
     * entry's calls through its parameter go there (cl_flow_entry_args). */
    const cl_value *arg_func;
    /* A start block (threads.c, block_members): the start argument points
     * to an object of the spawning function (a heap block it allocated, a
     * local) whose members it set to the routine to run and its argument
     * (`sb->fn = fn; sb->arg = arg;`), for a start routine that calls
     * through them (`sb->fn(sb->arg)`: icecast's thread_create_c, APR's
     * apr_thread_create). One entry per such member, sorted by member;
     * none otherwise. */
    size_t nblock;
    const cl_block_member *block;
    unsigned multi : 1;       /* more than one instance may run at once */
    unsigned in_loop : 1;     /* its spawn runs inside a loop (of any frame) */
    unsigned arg_per_instance : 1; /* the argument is a distinct element per instance */
    /* The argument is an integer distinct per instance: the spawn loop's
     * induction variable cast to a pointer (`(void *)(long)i`). Subscripts
     * by the entry's first parameter, unchanged (casts and copies aside,
     * through calls), pick the instance's own element. */
    unsigned arg_index : 1;
    /* arg_index, and no two instances get the same value: the spawn's only
     * loop (of any frame) runs once per walk, in a creator running once. */
    unsigned arg_unique : 1;
    /* Instances the spawn starts in all, when `multi`: the trip count of
     * the spawn's only loop, the creator running once (0: unknown). */
    long long rounds;
    /* Handshake at start (sync.c, cl_sync_handshake): the objects its
     * creator acquired first after a spawn of it (sorted ids), and those
     * that cannot order: released by the creator between a spawn of it
     * and its first acquire after, or a flag the spawn loop does not
     * clear before each start (`shakes_unclean`, cl_sync_check_handshakes). */
    cl_idvec shakes, shakes_unclean;
    /* The once objects ("<control>|once") whose pthread_once/call_once
     * the thread calls on some path (cl_sync_once_called). */
    cl_idvec once_called;
    unsigned uses_barrier : 1;     /* waits at a pthread barrier (one that
                                      cannot open early, sync.c) */
    unsigned cut_budget : 1;       /* its walk ran out of its step budget */
    unsigned cut_depth : 1;        /* its walk met calls deeper than CL_FLOW_MAX_DEPTH */
    /* Threads of the same creator that may still be running when this one
     * is started (sorted ids). */
    size_t nlive_at_spawn;
    const size_t *live_at_spawn;
    /* Threads of the same creator it had joined on every path (their end
     * acquired, cl_syncobj.end_of) when it started this one (sorted ids):
     * ended before this one began, but what they started may not have. */
    size_t nended_at_spawn;
    const size_t *ended_at_spawn;
    /* Creation locks (sorted lock ids): held by the creator at every spawn
     * of this thread and not released before the thread is joined, so the
     * whole thread runs inside the creator's critical section. */
    size_t ncreation_locks;
    const size_t *creation_locks;
    /* The thread's end as its walk found it: `ends`, some path returns and
     * the walk was not cut short; then `exit_live`, its children that may
     * still run when it ends (not joined on every path: they outlive a
     * join of this thread), and `exit_acq`, the synchronization objects it
     * acquired on every path to its end (a join of it acquires them too);
     * sorted ids. */
    unsigned ends : 1;
    size_t nexit_live, nexit_acq;
    const size_t *exit_live, *exit_acq;
    /* 1 + the id of its end object (cl_syncobj.end_of) once some join of
     * it made one; 0 before: an access record with it in `acq` follows
     * the thread's end on every path. */
    size_t end_sync;
} cl_thread;

enum {
    CL_LOCK_SHARED = 1u << 0,     /* held in read (shared) mode */
    /* Held, except that this path is where a test found its lock call
     * failed (`if (pthread_mutex_lock(&m) != 0) return -1;`); the mark
     * goes where that path meets one that holds the lock (code that goes
     * on after a failed lock acts as if it held it). */
    CL_LOCK_FAILED_PATH = 1u << 1
};

struct cl_lockref {
    size_t lock;              /* index into model->lock_names */
    unsigned mode;            /* CL_LOCK_* */
    unsigned depth;           /* times re-acquired while held (a recursive
                                 mutex), at most CL_LOCK_MAX_DEPTH */
};

enum { CL_LOCK_MAX_DEPTH = 3 };
enum { CL_LOCKNAME_SYMBOLIC = 1, CL_LOCKNAME_RELATIVE = 2, CL_LOCKNAME_CLASS = 3 };

/* Lock names (cl_model.lock_names) are resolved access paths of the lock
 * object with their subscripts spelled out (ir.h "Indexed paths"): `m[3]`
 * and `m[4]` are two locks. Subscripts by a local variable, "[$...]", are
 * symbolic: in an access record they are rewritten relative to the
 * access's own subscripts (`lock(&m[i]); a[i]++`: the lock is "m[=0]", the
 * element of m with the index of the access's first subscript); a lock
 * whose symbolic or unknown ("[?]") index matches no subscript of the
 * access is not held for it. cl_model_common_lock compares such locks
 * pairwise.
 *
 * Class locks ("?.lock", CL_LOCKNAME_CLASS): a lock whose object the walk
 * cannot resolve (`&c->lock`, `c` a pointer of unknown origin) is named by
 * its member steps after the last dereference, as lockdep names lock
 * classes. Call and exit records hold them (lock order, lock leaks); access
 * records do not (a class lock names no one object, so it guards no
 * access: CL002 sees the same locks as without them). */

/* The synchronization objects an access record holds (cl_accrec.sync):
 * ids into model->syncs, sorted. */
typedef struct cl_syncsets {
    uint32_t nacq, nrel, ntok, nftok, nshake; /* (the sizes of acq .. shake) */
    /* `acq`: the objects this thread acquired on every path here; `rel`:
     * those it released on some path here; `tok`: those acquired on every
     * path since this thread's last release of anything (a token it
     * holds). */
    const size_t *acq, *rel, *tok;
    /* `tok`, except that a path on which this thread has released nothing
     * yet holds every token (it precedes all its releases): acquired since
     * the last release on every path that released something. */
    const size_t *ftok;
    /* Children spawned on some path here with no acquire since (sorted
     * ids): the instance spawned last may not have reached its handshake
     * (cl_thread.shakes). */
    const size_t *shake;
    /* 1 + the object "<control>|once" when the access is made by the
     * routine of a pthread_once/call_once call on that control: the
     * routine runs once, and before every such call returns
     * (cl_thread.once_called); 0 otherwise. */
    size_t once;
} cl_syncsets;

/* One access to a tracked location, as reached by one thread. */
typedef struct cl_accrec {
    const cl_event *ev;       /* the access event (loc, name, flags) */
    const char *path;         /* resolved access path (parameters substituted,
                                 stack objects and thread-local globals
                                 qualified by their thread: "T3:L...",
                                 "T3:G...") */
    const char *ipath;        /* the same with subscripts spelled out (ir.h
                                 "Indexed paths"); `path` when it has none */
    size_t thread;
    /* (The sizes of the sets below are 32-bit and side by side, with the
     * flags: a program makes hundreds of thousands of records.) */
    uint32_t nlocks, nmay, nlive;
    signed char barrier_phase;/* barrier waits passed in this thread, mod 2; -1 unknown */
    unsigned per_instance : 1;/* object distinct per instance of a multi thread */
    /* The path picks an element with the thread's own index
     * (cl_thread.arg_index): distinct from the element the thread's other
     * instances pick that way and from the creator's spawn-loop element,
     * but not from the element another subscript names. */
    unsigned own_index : 1;
    /* A subscript is the thread entry's first parameter as the spawn
     * passed it (own_index without the loop): the element its start
     * argument names (`counts[id]`, `long id = (long)arg`). */
    unsigned arg_subscript : 1;
    /* The object of the current round of the loop that indexes it with its
     * induction variable or allocated it and has not yet handed it over
     * (cl_value.per_iteration), accessed directly or in a callee it was
     * passed to (`conn_init(&c->conn)` before `pthread_create(.., c)`). */
    unsigned per_iteration : 1;
    /* Only the instance whose start argument is `pin` makes the access: a
     * test of the argument (cl_thread.arg_unique) found it equal to `pin`
     * on every path here. Two such accesses with the same pin are made by
     * one instance, in order. */
    unsigned pinned : 1;
    const cl_lockref *locks;  /* sorted by lock */
    const size_t *may;        /* locks held on some path here (a superset of
                                 `locks`, e.g. after a trylock wrapper) */
    const size_t *live;       /* sorted thread ids of children that may be running */
    const cl_frame *frame;    /* function and call chain */
    long long pin;
    /* Synchronization (sync.c), never NULL: the walk shares one copy
     * among the records with the same sets. */
    const cl_syncsets *sync;
} cl_accrec;

/* A synchronization object: what a release in one thread makes visible to
 * an acquire in another (sync.c). Named "<path>|s" (a semaphore, posted
 * and waited), "<path>|a" (an atomic flag: stored with release or
 * seq_cst order, seen set by an acquire load that a loop waits on) or
 * "<path>|<lock>" (a predicate written under a lock and waited for by a
 * loop holding that lock: the condition variable idiom) or "<path>|j" (a
 * thread handle: the end of the thread started into it, acquired by a
 * join in a thread that did not start it). */
typedef struct cl_syncobj {
    const char *name;         /* owned by the model */
    cl_idvec by;              /* the threads that release it, sorted */
    cl_idvec again_by;        /* of them, those that may release it twice in one run */
    cl_idvec reacq;           /* the threads that may acquire it after releasing it */
    unsigned all_rmw : 1;     /* every release is a read-modify-write (a counter) */
    unsigned taken : 1;       /* some acquirer consumes what it waited for (a
                                 semaphore: one release admits one acquire) */
    unsigned locked_pred : 1; /* a predicate waited for under a lock ("<path>|<lock id>") */
    /* The wake-up channels of the program ("fd|wake", cl_sync_wake): a
     * write to one releases, a handler woken by one acquires. */
    unsigned wake : 1;
    /* Wake-up object: the threads that released it on some path where they
     * had not acquired it (every other release follows an earlier one). */
    cl_idvec unprimed_by;
    /* Semaphores: the object "<path>|s" is what a thread's first wait on
     * every path acquires; "<path>|s<k>" its k-th (nth = k, base = the id
     * of "<path>|s"; nth 1 and base itself for "<path>|s"). The base
     * object also has the count sem_init gave it (init_seen, `init`: -1
     * unknown or inits that disagree) and the posts of each thread
     * (`posts`: thread and post event; a NULL event, posts that can repeat:
     * in a loop or a callee). */
    size_t nth, base;
    /* 1 + the thread whose end this is ("T<id>|e"): its creator's join of
     * it acquires it, and whatever the thread acquired before its end
     * (cl_thread.exit_acq) comes with it; 0 for other objects. */
    size_t end_of;
    unsigned init_seen : 1;
    long long init;
    struct { struct cl_sempost { size_t thread; const cl_event *ev; } *v; size_t n, cap; } posts;
    /* The tokens its releasers held at every release (sorted ids; valid
     * once guard_seen): `guard_tok` cl_accrec.tok, `guard_ftok`
     * cl_accrec.ftok, a release before any other of its thread holding
     * every token there (the hand-offs of two semaphores, sync.c). */
    unsigned guard_seen : 1;
    unsigned guard_ftok_seen : 1;
    cl_idvec guard_tok, guard_ftok;
    /* A predicate waited for on each element of an array ("<path>|E<lock>",
     * the lock's symbolic subscripts spelled "[*]", cl_sync_each): the
     * acquirer left a counting loop (`each_loop`; `each_loops` 1: more
     * than one such loop) whose every round waited, under the element's
     * lock, for the element's predicate, while the threads `each_live`
     * may have been running. `each_foreign`: the threads that
     * stored it under a lock of an element that is not their start
     * argument's. */
    unsigned each : 1;
    unsigned each_loops : 1;
    const cl_node *each_loop;
    cl_idvec each_live;       /* the threads live at an acquire of it */
    size_t each_vals;         /* the id of the predicate's "<path>|v" object */
    cl_idvec each_foreign;
    /* The values stored to a predicate ("<path>|v", cl_sync_stored): per
     * thread, the integer constants; `vunknown` the threads that stored
     * anything else. */
    struct { struct cl_predval { size_t thread; long long v; } *v; size_t n, cap; } vals;
    cl_idvec vunknown;
} cl_syncobj;

/* One call to a known library function (one with a callspec: spawn, join,
 * lock, sleep, ...) as reached by one thread, with the state just before
 * the call. Deduplicated like access records (one per event, thread and
 * state). */
typedef struct cl_callrec {
    const cl_event *ev;       /* the call event */
    const cl_callspec *spec;  /* its classification (cl_callgraph_spec) */
    size_t thread;
    size_t nlocks;
    const cl_lockref *locks;  /* sorted by lock */
    size_t nmay;
    const size_t *may;        /* held on some path here (a superset of `locks`) */
    size_t nlive;
    const size_t *live;       /* sorted thread ids of children that may be running */
    const cl_frame *frame;    /* function and call chain */
    size_t lock;              /* lock, unlock, trylock, binary semaphore: the resolved
                                 lock (index into lock_names); a condition wait:
                                 its mutex; SIZE_MAX otherwise */
    size_t target;            /* spawn: the thread instance it starts; join: the one it
                                 joins (the first, when several); SIZE_MAX otherwise */
    /* Join or detach: an earlier join or detach (again_detached 1) of the
     * thread again_thread through the same handle on some path to this
     * call, with no new spawn into the handle between; NULL / SIZE_MAX
     * otherwise. */
    const cl_event *again;
    size_t again_thread;
    unsigned again_detached;
    /* Unlock: some path to it tested a trylock of the lock, found it
     * failed, and did not take the lock since; no path holds it for
     * sure here (`while (trylock(m) != 0) if (++n > 3) break;` before
     * an unconditional unlock). */
    unsigned after_failed_try : 1;
} cl_callrec;

/* A function exit (a `return`, or the end of a body) as reached by one
 * thread, with the state there. Deduplicated like access records. */
typedef struct cl_exitrec {
    const cl_node *ret;       /* the return statement; NULL at the end of the body */
    size_t thread;
    size_t nlocks;
    const cl_lockref *locks;  /* held at the exit; sorted by lock */
    size_t nmay;
    const size_t *may;        /* held on some path to the exit */
    size_t nlive;
    const size_t *live;       /* children that may be running */
    const cl_frame *frame;    /* the exiting function and its call chain */
    /* Locks held when a path to the exit jumped (a `break` out of a loop,
     * a `goto`) and not released on it since: held at the exit on that
     * path, though not on every path (sorted). */
    size_t njumped;
    const size_t *jumped;
} cl_exitrec;

typedef struct cl_model {
    cl_arena arena;
    cl_callgraph cg;          /* functions, library table, call graph */
    struct { cl_thread *v; size_t n, cap; } threads;
    struct { const char **v; size_t n, cap; } lock_names; /* resolved lock paths */
    cl_strmap lock_by_name;
    /* Per lock name: CL_LOCKNAME_SYMBOLIC (a subscript by a local or
     * unknown: only held relative to an access), CL_LOCKNAME_RELATIVE
     * ("[=k]", in access records), or 0. */
    struct { unsigned char *v; size_t n, cap; } lock_kind;
    /* Locks built from atomics (threads.c, spin loops): a path whose
     * release store or read-modify-write (not relaxed) releases the lock
     * -> the lock's id. */
    cl_strmap atomic_release;
    /* "func|lock" (ids, "%zu|%zu") for each lock an unlock released on a
     * path where it was held since a jump (cl_exitrec.jumped), with every
     * function on that unlock's call chain: code there releases the lock
     * a `break` carried out (`if (found) unlock(m)` after the loop). */
    cl_strmap jump_released;
    struct { cl_accrec *v; size_t n, cap; } accesses;
    /* Threads are walked one after another in id order, so each thread's
     * access records are contiguous: thread t's are accesses.v[i] for
     * acc_first[t] <= i < acc_first[t + 1] (threads.n + 1 entries). */
    size_t *acc_first;
    struct { cl_callrec *v; size_t n, cap; } calls; /* library calls reached */
    struct { cl_exitrec *v; size_t n, cap; } exits; /* function exits reached */
    struct { cl_syncobj *v; size_t n, cap; } syncs; /* synchronization objects */
    cl_strmap sync_by_name;
    /* sync.c: the last member of every path a wait loop tests ("the
     * predicate keys", see cl_sync_find_waits) and the loop-condition
     * reads that are such tests (event address -> 1). */
    cl_strmap pred_keys;
    cl_blobmap wait_reads;
    /* sync.c: the keys (pred_key: last member, or a global's path) of the
     * locations that hold wake-up descriptors, cl_sync_find_wake_fds: 1
     * where every write stores one (CL_ACC_WAKE_FD), 2 where some other
     * write stores anything else there. */
    cl_strmap wake_keys;
    /* Locks that are semaphores built from a mutex and a condition
     * variable (their `value`), sorted: held only where every path took
     * them (no may-lock from a conditional down). */
    cl_idvec sem_locks;
    /* Of the semaphores used as locks (sem_locks, binary_sems), those some
     * thread posts without waiting on them: signals, not locks (sorted;
     * drop_signal_semaphores, model.c). */
    cl_idvec signal_sems;
    /* Barriers by resolved path (barrier_by_path -> index): the parties
     * pthread_barrier_init gave (-1: not a constant) and the threads that
     * wait (cl_sync_check_barriers). */
    cl_strmap barrier_by_path;
    struct { struct cl_barrier { long parties; cl_idvec waiters; } *v; size_t n, cap; } barriers;
    /* Functions (call graph indices, sorted) that are barriers built from
     * a mutex, a condition variable and an arrival counter: a return from
     * one is a barrier wait (cl_sync_find_barriers). */
    cl_idvec barrier_fns;
    cl_strmap binary_sems;    /* semaphores initialized to 1: used as locks */
    cl_strmap sem_use;        /* "w|lock|thread" / "p|lock|thread": who waits, who posts */
    /* Globals holding a thread's own id (`main_thread = pthread_self()`):
     * path -> the id of the thread that stored it + 1, or SIZE_MAX when
     * two threads did (threads.c, self_test). */
    cl_strmap self_ids;
    /* Write records by path: writer_ix[writer_off[g]..writer_off[g + 1])
     * are the indexes into accesses of the writes to the path of group g
     * (writer_group: path -> g), in record order. */
    cl_strmap writer_group;
    size_t *writer_off, *writer_ix;
    cl_blobmap lib_events;    /* (call event, argument, kind) -> index into lib_access */
    struct { cl_event **v; size_t n, cap; } lib_access; /* accesses made by library calls */
    /* The engine's account of the thread walks (flow.h): threads whose
     * walk was cut (the step budget ran out, or calls lay deeper than the
     * depth bound: those calls were not descended into), and totals over
     * all walks. */
    cl_idvec truncated;
    unsigned long walk_budget;
    size_t walk_steps, unstable_loops, back_gotos;
    /* The indirect calls some walk met and resolved to no function
     * (cl_flow_unresolved_calls): what the callee does is not in the
     * model. One event per source location, in walk order;
     * unresolved_set holds their locations. */
    struct { const cl_event **v; size_t n, cap; } unresolved;
    cl_blobmap unresolved_set;
    /* Spawn wrappers and sites (spawns.c). spawn_params[f]: bit k set when
     * parameter k of function f is passed on as a start routine (directly
     * or through other wrappers). spawn_sites: the calls in project code
     * that name a start routine (spawn calls and wrapper calls, see
     * spawns.c), in function order, and site_funcs the function each is
     * in; site_index maps an event's address to its index there;
     * site_resolved[i]: a walk started a thread through site i;
     * site_canon[i]: the first site at the same source location in a
     * function of the same USR (a build variant's copy of one call,
     * util/variants.h), else i. */
    uint64_t *spawn_params;
    struct { const cl_event **v; size_t n, cap; } spawn_sites;
    cl_idvec site_funcs;
    cl_idvec site_canon;
    cl_blobmap site_index;
    cl_strmap site_locs; /* "usr|file:line:col" -> first site there */
    unsigned char *site_resolved;
    /* Display strings the queries make on demand (cl_model_thread_name,
     * cl_model_path_display, ...): rules running on several threads at
     * once ask for them, so their arena is guarded by text_lock. */
    cl_arena text;
    pthread_mutex_t text_lock;
} cl_model;

/* The step budget of one thread walk when none is configured. */
#define CL_MODEL_WALK_BUDGET 4000000ul

/* Links `tus` (borrowed; entries with parsed == 0 are skipped) into `m`:
 * cl_model_link, then cl_model_walk. `specs` (borrowed, may be NULL) adds
 * configured wrapper functions; `walk_budget` is the step budget of each
 * thread walk (0: the default, CL_MODEL_WALK_BUDGET). Returns 0. Release
 * with cl_model_release. */
int cl_model_build(cl_model *m, const cl_tu *const *tus, size_t ntus,
                   const cl_callspecs *specs, unsigned long walk_budget);

/* The first half of cl_model_build: the call graph (m->cg), the root
 * threads (with the roots of a program without main()) and the spawn
 * sites. From here on m->cg does not change, so a
 * rule that reads only the call graph (cl_rule.callgraph_only) may run on
 * another thread while cl_model_walk fills in the rest. Returns 0. */
int cl_model_link(cl_model *m, const cl_tu *const *tus, size_t ntus,
                  const cl_callspecs *specs, unsigned long walk_budget);

/* The second half: walks every thread (threads.h) and indexes what the
 * walks recorded (threads, accesses, calls, exits, locks). */
void cl_model_walk(cl_model *m);

void cl_model_release(cl_model *m);

/* Finds the spawn wrappers and spawn sites of the linked call graph
 * (spawns.c; before the thread walk), start-block wrappers included (a
 * function that stores its parameter in a function-pointer member of the
 * start block of its spawn): fills spawn_params, spawn_sites,
 * site_funcs, site_index and a zeroed site_resolved, and marks the functions named at
 * spawn sites as spawned. Linear in the call graph per round; rounds: the
 * deepest wrapper chain plus one. */
void cl_model_find_spawns(cl_model *m);

/* Marks spawn site `ev` (a spawn call or a wrapper call on the walk's call
 * chain to a spawn whose start routine was resolved) as resolved; other
 * events are ignored. */
void cl_model_spawn_resolved(cl_model *m, const cl_event *ev);

/* How many spawn sites the program has: a call built in several build
 * variants counted once. */
size_t cl_model_spawn_site_count(const cl_model *m);

/* Whether a walk resolved spawn site `i` or another copy of its call in a
 * build variant (site_canon). */
int cl_model_site_resolved(const cl_model *m, size_t i);

/* How many of cl_model_spawn_site_count's sites a walk resolved
 * (cl_model_site_resolved). */
size_t cl_model_resolved_sites(const cl_model *m);

/* The integer constant thread `t` was started with as its argument
 * (`(void *)2`; a null pointer is 0) into *k: 1, or 0 when it was none or
 * the spawn went through a wrapper. A thread is one spawn call, so every
 * instance gets the same. */
int cl_model_start_constant(const cl_model *m, size_t t, long long *k);

/* The root thread (its program's main thread) that thread `t` descends
 * from; `t` itself for a root. Threads of different roots never run in
 * parallel. */
size_t cl_model_root(const cl_model *m, size_t t);

/* Whether threads `a` and `b` may execute accesses `ra` and `rb` at the same
 * time (see the header comment). */
int cl_model_may_parallel(const cl_model *m, const cl_accrec *ra, const cl_accrec *rb);

/* Whether library calls `a` and `b` (call records) may run at the same
 * time: cl_model_may_parallel on their threads and live sets (a call is
 * never private to a thread instance). */
int cl_model_calls_parallel(const cl_model *m, const cl_callrec *a, const cl_callrec *b);

/* Whether call chain `f` (from `f` up to the thread's entry) runs inside
 * a merged recursive invocation (cl_frame.merged): a lock named there may
 * be another object's. */
int cl_frame_merged(const cl_frame *f);

/* The frame of call chain `chain` (itself or an ancestor) that is the
 * same call chain as `f` (frames may be distinct copies of one chain), or
 * NULL (also for a NULL `f`). */
const cl_frame *cl_frame_find(const cl_frame *chain, const cl_frame *f);

/* Where the thread of call record `r` took `lock` (a lock id it holds) on
 * the way to `r`: a lock, rdlock or trylock record of that lock in the
 * same thread made in a function on `r`'s call chain, or in a lock
 * wrapper such a function called (the last such record before `r` in
 * record order, when `r` is one of m->calls: an earlier lock already
 * released, in a helper called before, is not it; else the first after
 * it, records being deduplicated); NULL when
 * there is none: a lock taken by a spin loop or a semaphore, or one kept
 * held across returns further away (a global lock taken in one event-loop
 * callback and released in another). Linear in m->calls. */
const cl_callrec *cl_model_lock_site(const cl_model *m, const cl_callrec *r, size_t lock);

/* Whether wait `r` (a call record) acquires a semaphore used as a lock:
 * a sem_wait on a binary semaphore, or a condition wait in the loop of a
 * semaphore built from a mutex and a condition variable (`while
 * (!s->value) pthread_cond_wait(..); s->value--;`, m->sem_locks: the
 * loop's condition reads what the down then takes), that some thread
 * posts in place and none posts without waiting on it (m->signal_sems: a
 * hand-off; a predicate only set by plain stores is not known as a lock).
 * When r's call chain does not resolve the object, the instances that
 * the same call sites (up to three callers up) resolved in any thread
 * decide; when none did, its class (the member the caller passes, like a
 * lock class) is a lock if every function that ups one also downs it.
 * Linear in m->accesses and the call graph's edges. */
int cl_model_lock_sem_wait(const cl_model *m, const cl_callrec *r);

/* Whether the sorted id set v[0..n) holds x (binary search). */
int cl_ids_contains(const size_t *v, size_t n, size_t x);

/* Whether synchronization orders accesses `a` and `b` of different threads
 * one way or the other (sync.c): a release after `a` that the acquire
 * before `b` observes (a semaphore post and wait, a predicate set under a
 * lock and waited for in a loop holding it, a release store and an
 * acquire load a loop waits on), both in the same thread pair each way
 * (tokens handed back and forth), or different barrier phases. */
int cl_model_sync_ordered(const cl_model *m, const cl_accrec *a, const cl_accrec *b);

/* Whether a lock protects the pair of accesses: both hold it and not both
 * in shared (read) mode, or both may hold it (it is held on some path to
 * each access: a trylock wrapper that returns the lock, `if (need_lock)
 * lock()`). The second part trades a few missed races for no reports on
 * conditional locking. Locks relative to the accesses' subscripts ("m[=0]",
 * see cl_lockref) are compared with those subscripts put in: "m[=0]" held
 * for `a[i]` is "m[3]" held for `a[3]`; a symbolic lock left possibly held
 * (threads.c) is any element of its array. */
int cl_model_common_lock(const cl_model *m, const cl_accrec *a, const cl_accrec *b);

/* Whether a creation lock (cl_thread.creation_locks) of the thread of
 * one access orders the pair: the other access holds it (may-held, as in
 * cl_model_common_lock), or runs in a thread with the same creation lock
 * and another creator; or both are in the same multi-instance thread,
 * whose instances run in separate holds. The creator, whose own hold it
 * is, is not ordered by it while the thread may run. */
int cl_model_creation_lock(const cl_model *m, const cl_accrec *a, const cl_accrec *b);

/* Appends the locks `locks[0..n)` to `b` for messages: "'stats_lock',
 * 'cfg_lock' (shared)", or "none". */
void cl_model_describe_locks(const cl_model *m, const cl_lockref *locks, size_t n, cl_strbuf *b);

/* The notification for thread `thread` whose walk was cut (listed in
 * m->truncated): which thread, why, and what that means for the findings.
 * Owned by the model. */
const char *cl_model_truncation_note(const cl_model *m, size_t thread);

/* Human-readable thread description: "main thread" or
 * "thread 'worker' (spawned at file.c:12)". Owned by the model. */
const char *cl_model_thread_name(const cl_model *m, size_t thread);

/* A resolved access or lock path in source terms: "Gc:@stats.count" ->
 * "stats.count", "T0:Lc:@F@main#cl@40.out_lock" -> "cl.out_lock",
 * "Gc:@head->.next" -> "head->next". Owned by the model. */
const char *cl_model_path_display(const cl_model *m, const char *path);

/* The access records of `thread` (an index into m->threads) are
 * m->accesses.v[*begin .. *end), in recording order. O(1). */
void cl_model_thread_accesses(const cl_model *m, size_t thread, size_t *begin, size_t *end);

/* The write records to `path` (a resolved path, as in cl_accrec.path) of
 * every thread, in record order: *n indexes into m->accesses, owned by the
 * model; NULL and *n = 0 when nothing writes it. */
const size_t *cl_model_writers(const cl_model *m, const char *path, size_t *n);

/* The name of the function running in `frame`. */
const char *cl_model_frame_func(const cl_model *m, const cl_frame *frame);

/* Whether lock `lock` (an index into m->lock_names) was held when the
 * invocation `frame` was entered: on every path (`may` 0) or on some path
 * (`may` 1). O(log n). */
int cl_frame_entry_holds(const cl_frame *frame, size_t lock, int may);

/* The entry for `lock` in the sorted lockset v[0..n), or NULL. */
const cl_lockref *cl_lockref_find(const cl_lockref *v, size_t n, size_t lock);

/* Whether `lock` is a lock object taken and released by lock calls (a
 * pthread or C11 mutex, rwlock or spinlock, or a configured wrapper's),
 * with a name that denotes one object: not a binary semaphore, a lock
 * built from atomics (spin loops), the verification benchmarks' atomic
 * section, nor an element picked by a local or unknown subscript
 * (CL_LOCKNAME_SYMBOLIC). The rules on lock balance check only these. */
int cl_model_plain_lock(const cl_model *m, size_t lock);

/* Lock `lock` in source terms ("r->lock"), for messages. Owned by the model. */
const char *cl_model_lock_display(const cl_model *m, size_t lock);

/* Whether lock `lock`'s name picks its array elements with constants
 * only ("locks[2]"), where `spelling` (a lock argument's source
 * spelling, cl_value.name) drops them ("locks[]"): the name then tells
 * more. */
int cl_model_lock_has_constant_index(const cl_model *m, size_t lock, const char *spelling);

/* The lock of lock, unlock or init call `r` as its call spells it
 * (`c->mutex` for `pthread_mutex_lock(&c->mutex)`), else (no spelling,
 * or one that drops the constant elements its name has) as
 * cl_model_lock_display names it. Borrowed from the IR or the model. */
const char *cl_callrec_lock_spelling(const cl_model *m, const cl_callrec *r);

/* --- helpers shared by the model and the rules ---------------------------- */

/* The name of the start routine of `thread` (an index into m->threads), or
 * "main" for a root thread without one: for a trampoline, the routine it
 * runs (cl_thread.arg_func, or the one function of its start block).
 * Owned by the model. */
const char *cl_model_entry_name(const cl_model *m, size_t thread);

/* Number of calls on the chain from the thread's entry to `frame` (the
 * frames below the entry frame); 0 for NULL or the entry frame itself. */
size_t cl_frame_ncalls(const cl_frame *frame);

/* Appends the suffix `rest` of an access path (what follows the root object,
 * e.g. ".count" or "->.next[]") to `b` in source terms: "->." becomes "->",
 * a trailing "->" (the pointee itself) is dropped, the rest is kept. */
void cl_path_add_suffix(cl_strbuf *b, const char *rest);

/* The member steps of access path `p` after its last dereference, or
 * after a parameter root "P<n>" when it has none: ".lock" for
 * "P0.lock", "Gc:@pool_head->.lock" and "P0.q->.lock"; ".a.b" for
 * "P1.a.b". NULL when there are none or they hold a subscript (the
 * class of a lock or a descriptor field, whatever object holds it). */
const char *cl_path_member_steps(const char *p);

/* The k-th subscript (0-based) of indexed path `ip` (ir.h "Indexed
 * paths"): a pointer to what lies between its brackets, its length in
 * *len; NULL when `ip` has fewer subscripts. */
const char *cl_path_subscript(const char *ip, size_t k, size_t *len);

/* Whether indexed paths `a` and `b` (of one access path) name different
 * elements: some subscript is a different integer constant in each. */
int cl_path_distinct_elements(const char *a, const char *b);

/* Total order on locations: file (NULL sorts as ""), then line, then
 * column. Returns <0, 0 or >0 like strcmp. */
int cl_loc_cmp(const cl_loc *a, const cl_loc *b);

#endif
