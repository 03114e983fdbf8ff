/* threads.c - the thread walk: the flow engine's first client (model.h).
 *
 * Each thread instance is walked from its entry with the thread domain:
 * the locks that must be held (intersected where paths meet), the locks
 * that may be held, the child threads that may be running (united), and
 * the barrier phase. Calls into project code descend with the callee's
 * parameters bound to the caller's argument values; library calls are
 * classified by the callspec table: spawns create thread instances, joins
 * take threads out of the live set, locks and unlocks change the locksets.
 * Every access to a tracked location and every classified library call is
 * published as a program point (cl_accrec, cl_callrec) with that state.
 */
#include "model/threads.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/flow.h"
#include "analysis/shape.h"
#include "analysis/effects.h"
#include "model/dies.h"
#include "model/gates.h"
#include "model/writes.h"
#include "model/sync.h"
#include "util/intern.h"

enum { MAX_THREADS = 1024 };

/* Why an object is private, as the `per_inst` bits of resolve() and of
 * the parameter bindings (tframe.bind_per_inst) carry it: PI_INSTANCE,
 * distinct per instance of a multi thread (cl_accrec.per_instance);
 * PI_ITERATION, besides, the object of the current round of the loop that
 * allocated or indexed it, not yet handed over (cl_value.per_iteration),
 * also inside the helpers it is passed to (cl_accrec.per_iteration). */
enum { PI_INSTANCE = 1, PI_ITERATION = 2 };

/* In a tstate.conds entry's alternative: the lock was possibly held
 * already when the `if` took it (partial_lock); COND_DONE: the key tests
 * locals of an invocation that has returned (finish_conds). */
enum { COND_AGAIN = 2, COND_DONE = 4 };

/* The abstract state; every set is interned (equal sets, equal pointers),
 * and the struct is interned whole by the engine (cl_flow_state). */
typedef struct tstate {
    const cl_lockref *locks;  /* must be held; sorted by lock */
    const size_t *live;       /* children that may be running; sorted */
    const size_t *may;        /* held on some path (a superset of locks); sorted */
    size_t nlocks, nlive, nmay;
    long bphase;              /* barrier waits passed, mod 2; -1 when paths disagree */
    /* The globals (or members of globals) a branch on this path found
     * equal to a constant (`if (mode == READ)`) and this thread has not
     * written since, as interned `fact`s `var == value`: a later test of
     * one is decided (the thread's modes, see mode_branch). */
    cl_flow_set modes;
    /* Locks taken under an `if` whose condition has an identity
     * (cl_node.cond_key): triples { lock, interned key, alternative (1:
     * then, 0: else) }, sorted. A later `if` with the same key takes the
     * lock as held in that alternative (the condition did not change); one
     * with the same condition over changed variables makes the lock not
     * even possibly held (see cond_branch). */
    const uintptr_t *conds; /* (bits 1, 2 of the alternative: COND_AGAIN, COND_DONE) */
    size_t nconds;
    /* Synchronization objects (sync.c, cl_accrec): acquired on every path,
     * released on some path, acquired since the last release; sorted ids.
     * `pend`: the predicate (resolved path) a wait loop just saw hold, until
     * this thread writes it (consuming what it waited for) or unlocks. */
    const size_t *acq, *rel, *tok;
    size_t nacq, nrel, ntok;
    /* `tok`, where a path that has released nothing yet holds every token
     * (cl_accrec.ftok). */
    const size_t *ftok;
    size_t nftok;
    const char *pend;
    /* Children spawned on some path with no acquire since (cl_accrec.shake). */
    const size_t *shake;
    size_t nshake;
    /* Fences: `relfence` a release fence was passed on every path (a
     * relaxed store after it releases); `fpend` + 1: the object a wait
     * loop on a relaxed load saw set, acquired at the next acquire fence
     * (0: none). */
    int relfence;
    size_t fpend;
    /* `pinned`: a test on every path here found the start argument of this
     * thread (cl_thread.arg_unique) equal to `pin`: only that instance
     * runs this point (refine_branch). */
    long long pin;
    int pinned;
    /* Branch correlation. `facts`: the tests (interned `fact`s) this path
     * took since their variable last changed; `cond`: live threads that
     * run only where a fact holds (interned `condlive`s: `if (opt)
     * pthread_create(...)`), so that a later test refuting the fact (`if
     * (!opt)`, the else of `if (opt) join`) drops them. */
    cl_flow_set facts, cond;
    /* Live threads whose handle a later spawn overwrote (`pthread_create(&t,
     * ..); pthread_create(&t, ..)`): a join of that handle joins only the
     * newer thread. */
    cl_flow_set orphans;
    /* Creation locks (cl_thread.creation_locks): live threads spawned while
     * the lock was held, as interned `heldspawn`s. */
    cl_flow_set held;
    /* Start gates (gates.h) of live threads whose creator held the gate's
     * lock at their spawn, as interned `gatelive`s: where this path opened
     * the gate with the thread's test failing, the thread does nothing
     * past it. */
    cl_flow_set gates;
    /* Threads whose handle this path joined or detached since their spawn,
     * as interned `handled`s (cl_callrec.again). */
    cl_flow_set done;
    /* Locks held where some path to here jumped (a `break` out of a loop,
     * a `goto`: t_jump) and not released on it since (united at joins,
     * sorted ids): a lock the jump carried past its unlock stays held on
     * that path, where the must-set lost it at the join. */
    const size_t *jumped;
    size_t njumped;
    /* Locks whose trylock a test on some path to here found failed, not
     * taken on that path since (united at joins, sorted ids): an unlock
     * of one of them may release a lock this thread never got
     * (cl_callrec.after_failed_try). */
    const size_t *tryfail;
    size_t ntryfail;
    /* `tryfail`, less the failures a callee tested and returned from:
     * this invocation (or a caller) found the trylock failed and went
     * on, so the lock guards nothing on that path (partial_lock); a
     * callee's failure may have been told by its result, which the walk
     * does not follow (`if ((l = item_trylock(hv)) == NULL) continue;`). */
    const size_t *tryskip;
    size_t ntryskip;
} tstate;

/* A test a path took: `var op value` holds (op normalized, see
 * fact_make). Interned: equal facts are equal pointers. */
typedef struct fact {
    const char *var;          /* interned test_var or test_global */
    long long value;
    uintptr_t op;             /* cl_test_op */
    uintptr_t stored;         /* a mode the path stored, not tested (global_set) */
} fact;

/* Thread `thread` is live only where `f` holds. */
typedef struct condlive {
    uintptr_t thread;
    const fact *f;
} condlive;

/* Thread `thread`'s handle was joined (`detached` 0) or detached (1) by
 * `ev`, in loop `loop` (cl_flow_loop; NULL: none). */
typedef struct handled {
    uintptr_t thread;
    const cl_event *ev;
    const cl_node *loop;
    uintptr_t detached;
} handled;

/* Thread `thread` passes its start gate (gates.h) only where `f` holds.
 * `lock`: the lock the creator held at the spawn (a release of it, or of
 * another element of the same array, cl_gate_same_lock, opens the gate);
 * GATE_OPEN once the creator released it (then a write of the tested
 * variable makes the outcome unknown); GATE_FIRST when the gate comes
 * before anything else the thread does; GATE_FAILED where the latest
 * spawn of an instance in a loop failed (spawn_failed): that round's own
 * element, `lock` itself, gates no thread; GATE_HOME once the path found
 * the gate sends the thread home: the thread is no longer live (it does
 * nothing more), but it exists, and its handle is owed a join or detach
 * (the exit records keep it, exit_live), until the creator takes the lock
 * again before the thread could (reclose_gates). */
enum { GATE_OPEN = 1, GATE_FIRST = 2, GATE_FAILED = 4, GATE_HOME = 8 };
typedef struct gatelive {
    uintptr_t thread;
    const char *lock;
    const fact *f;
    uintptr_t flags;
} gatelive;

/* A function's start gates (cl_gates_scan), found once. */
/* A function's spawn report (shape.h), computed once. */
struct spawn_report {
    cl_spawn_report r;
    int done;
};

struct entry_gates {
    cl_gate *v;
    size_t n;
    int done;
};

/* Thread `thread` was spawned while lock `lock` was held. */
typedef struct heldspawn {
    uintptr_t thread, lock;
} heldspawn;

typedef struct thread_extra {
    const cl_flow_frame *walk_frame; /* where the spawn ran, in the creator's walk */
    long long trip;          /* rounds of the counting loop whose induction
                                variable indexes the handle (`&t[i]`), or 0 */
    const cl_node *loop;     /* that loop when it indexes the handle, else NULL */
    const char *handle_path; /* where the spawn stored the handle */
    const char *handle_sig;  /* its field chain ("P0.thread_id" -> ".thread_id") */
    unsigned handle_local : 1; /* the handle is a local of the spawning function */
    unsigned spawned : 1;    /* hold_locks is set */
    unsigned overlaps : 1;   /* spawned again while an earlier instance may run */
    /* A function returned with it joined on some paths only, and t_leave
     * took it as joined: an instance started again may still overlap it. */
    unsigned partly_joined : 1;
    /* Creation locks: held at every spawn of the thread (hold_locks) and
     * not released while it may run (hold_broken), see creation_locks. */
    cl_idvec hold_locks, hold_broken;
    /* The creator's tests on globals (its modes and facts) that held at
     * every spawn of the thread, `var op value` (heap array, `var` in the
     * model's arena): the thread starts in those modes (start_modes).
     * start_seen once a spawn set them. */
    struct startfact { const char *var; long long value; uintptr_t op; } *start;
    size_t nstart;
    unsigned start_seen : 1;
} thread_extra;

/* Per-invocation data: parameter bindings and the threads joined on some
 * path of this invocation (itself or its callees). */
typedef struct tframe {
    size_t nbind;
    const char **bind;                    /* resolved pointee path per parameter, or NULL */
    const char **ibind;                   /* the same as an indexed path (ir.h) */
    /* Per parameter: the caller's subscript the argument was ("3", or the
     * caller's index token "$L...!N"), or NULL: a subscript by the
     * unchanged parameter names the caller's element (index_subst). */
    const char **itok;
    size_t func;                          /* the function invoked */
    const unsigned char *bind_per_inst;   /* per parameter: PI_* bits */
    /* Per parameter: the functions a spawn parameter (cl_model.spawn_params)
     * is bound to, interned as { n, id... }; NULL when unbound or unknown. */
    const size_t *const *funcs;
    /* Integer constants the call passed, per parameter (arg_known[i] set):
     * a branch testing the parameter is decided (t_branch). NULL: none. */
    const unsigned char *arg_known;
    const long long *arg_value;
    /* A recursive invocation whose parameters the outer invocation's
     * bindings replaced (t_enter): what it names through them may be
     * another object (cl_frame.merged). */
    int merged;
    cl_idvec joined;
    /* Inside a pthread_once/call_once routine: it runs once for all the
     * threads that call it, ordered before each of them goes on. With
     * `once` (1 + the sync object "<control>|once", cl_syncsets.once) its
     * accesses are recorded as the routine's; without (a control the walk
     * cannot name) they are left out and only its spawns and calls are
     * modelled. */
    unsigned in_once : 1;
    size_t once;
    /* Inside a function named CL_ATOMIC_FUNCTION_PREFIX... (verification
     * benchmarks): its body is one atomic step, so its accesses hold
     * CL_ATOMIC_SECTION_LOCK (record_access). */
    unsigned in_atomic : 1;
    /* A thread entry's start block (cl_thread.block): "P0.<member>->"
     * names the object the creator stored in that pointer member. */
    size_t nblock;
    const cl_block_member *block;
} tframe;

/* The joined list a finished invocation leaves to its callers (memoized
 * with the walk). */
typedef struct tsummary {
    size_t n;
    const size_t *ids;
} tsummary;

/* An alternative of an `if` with a condition key (cond_guard). */
typedef struct guard_alt {
    const char *key;          /* interned cl_node.cond_key */
    int then;                 /* 1: the then branch */
} guard_alt;

/* The walk's dedupe of records (first_record): each key, four words, is
 * kept in its entry (in the order added), and an open-addressing table
 * holds entry indices + 1 (0: free). A record costs 32 bytes and one to
 * three 4-byte slots; the walk of a large program makes hundreds of
 * thousands. */
typedef struct seen_ent {
    uintptr_t tag;        /* the serial number << 8 | the key's small bits */
    const void *a, *b, *c;
} seen_ent;

typedef struct seenset {
    seen_ent *e;
    size_t n, ecap;
    uint32_t *slot;
    size_t cap;           /* 0 or a power of two */
} seenset;

typedef struct twalk {
    cl_model *m;
    cl_flow *flow;
    size_t thread;
    char own[32];                         /* "T<thread>:", the prefix of its own objects */
    cl_strbuf subst;                      /* index_subst's buffer */
    int thread_multi;
    struct { thread_extra *v; size_t n, cap; } *extra;
    cl_strmap spawns;                     /* spawn key -> thread id */
    cl_strmap dies;                       /* cl_call_dies memo */
    cl_blobmap dying;                     /* call event -> whether it dies (call_dies) */
    cl_blobmap constant_result;           /* call event -> its constant result (constant_result) */
    /* Dedupe of access, call and exit records: key -> the serial number
     * of its recording (nseen counts them). A speculative round taken back
     * (t_speculate) makes its serials dead: such an entry counts as unseen. */
    seenset seen;
    size_t nseen;
    struct { struct serials { size_t lo, hi; } *v; size_t n, cap; } dead; /* sorted, disjoint */
    /* Per speculative round in progress: the record counts and nseen when
     * it began (t_speculate). */
    struct { struct spec_mark { size_t acc, calls, exits, seen; } *v; size_t n, cap; } marks;
    const struct handled *again;          /* handle_done's finding for the call being applied */
    cl_blobmap persisted_frames;          /* walk frame address -> its copy */
    /* The model's copies of the sets and paths of records (persist_mem),
     * by content: records with equal sets share one copy. */
    cl_interner persisted;
    cl_blobmap persisted_sync;            /* cl_syncsets (bytes) -> its copy (persist_sync) */
    struct { size_t *v; size_t n, cap; } loop_threads; /* threads.n at each loop entry */
    cl_blobmap guards;                    /* call event -> its keyed if (cond_guard); also
                                             {0, f}: f indexed, {1 or 2, f}: param_set(f) */
    struct { guard_alt *v; size_t n, cap; } guard_alts;
    cl_strbuf lockname;                   /* lock_for_access's buffer */
    cl_blobmap spins;                     /* loop node -> its spin event (spin_event) */
    /* The state at each longjmp walked so far, with its resolved jmp_buf
     * (NULL: unknown), for the setjmp that returns again from it. */
    struct { struct jump { const char *env; const void *st; } *v; size_t n, cap; } jumps;
    const unsigned char *spawners;        /* per function: may start a thread */
    const cl_strmap *mode_tests;          /* global path -> `if`s testing it (mode_branch) */
    const cl_strmap *set_once;            /* global path written -> its one stored constant (note_stores) */
    const cl_strmap *varied;              /* globals written other than with a constant (note_stores) */
    const cl_writes *writes;              /* private globals (modes from stores, gates) */
    struct entry_gates *gatememo;         /* per function: its start gates (entry_gates) */
    struct spawn_report *reportmemo;      /* per function: its spawn report (wrapper_failed) */
    cl_effects *fx;                       /* for cl_gates_scan */
    const uint64_t *hands_over;           /* per function: parameters it may hand
                                             over (find_hands_over) */
    unsigned char *entered;               /* per function: some walk entered it */
    cl_blobmap spawning_alts;             /* branch alternative -> 1 + tree_spawns */
    cl_blobmap joined_paths;              /* join_path's memo */
    cl_blobmap through;                   /* through_member's memo */
    void *tmp;                            /* see tmp() */
    size_t tmpcap;
    cl_strbuf key;
    const void *exiting;                  /* the main thread's states at exit()
                                             calls, joined (NULL: none) */
    /* Callee frames' data (t_enter), apart from the flow's scratch, so that
     * the data of a call is given back when the call is done: at once when
     * the memo answers it (t_discard; most calls are answered), else when
     * its walk returns (t_returned). Only the calls on the walk's stack
     * keep theirs: what the records need of a frame, persist_frame copies. */
    cl_arena frames;
    struct { cl_arena_mark *v; size_t n, cap; } enter_marks; /* `frames` before
                                             each t_enter on the stack */
    struct evregs *evregs;                /* event-loop registrations of every walk */
    struct { cl_flow_handler *v; size_t n, cap; } handlers; /* t_handlers' answer */
} twalk;

typedef struct extravec {
    thread_extra *v;
    size_t n, cap;
} extravec;

/* Event loops (CL_CK_EV_*). A handler registration met by a thread's
 * walk: handler `func` registered by thread `thread` for the loop
 * (event base) at resolved path `loop` (NULL: the walk cannot name it),
 * filling the event object at `obj` (or NULL), its parameter `cbarg` to
 * be bound to `arg`/`iarg` (as a call binds an argument; NULL: unbound)
 * with PI_* bits `arg_pi`; `loop_pi`: the loop was named through a
 * per-instance binding; `wake`: the handler runs when a wake-up
 * descriptor (sync.h, cl_sync_wake) became readable; `acq`, the
 * synchronization objects the registering thread had acquired on every
 * path to the registration (sorted ids; a handler it runs on its own loop
 * runs after them). Paths and ids in the model's arena. */
typedef struct evreg {
    size_t func, thread;
    const char *loop, *obj, *arg, *iarg;
    int cbarg;
    unsigned char arg_pi, loop_pi, wake;
    size_t nacq;
    const size_t *acq;
} evreg;

/* The event object at `obj` is attached to the loop at `loop`
 * (event_base_set, uv_tcp_init). */
typedef struct evattach {
    const char *obj, *loop;
    unsigned char loop_pi;
} evattach;

/* What the walks of all threads registered, kept from one walk to the
 * next (threads are walked creators first: a worker's dispatch sees what
 * main registered for it). `dispatching`: per thread id, 1 once its walk
 * met a dispatch. */
typedef struct evregs {
    struct { evreg *v; size_t n, cap; } regs;
    struct { evattach *v; size_t n, cap; } attached;
    struct { unsigned char *v; size_t n, cap; } dispatching;
} evregs;

/* ---- sets ------------------------------------------------------------------ */


/* The walk's one scratch buffer, where a set or path is built before it is
 * interned; valid until the next call. */
static void *tmp(twalk *w, size_t bytes)
{
    if (bytes > w->tmpcap) {
        w->tmpcap = bytes * 2;
        w->tmp = cl_xrealloc(w->tmp, w->tmpcap);
    }
    return w->tmp;
}

static const size_t *intern_ids(twalk *w, const size_t *v, size_t n)
{
    return cl_flow_intern(w->flow, v, n * sizeof *v);
}

static const size_t *ids_union(twalk *w, const size_t *x, size_t nx, const size_t *y, size_t ny,
                               size_t *nout)
{
    if (ny == 0 || x == y) { /* (interned: equal pointers, equal sets) */
        *nout = nx;
        return x;
    }
    if (nx == 0) {
        *nout = ny;
        return intern_ids(w, y, ny); /* (y may be a single id on the stack) */
    }
    size_t *v = tmp(w, (nx + ny) * sizeof *v);
    size_t n = 0, i = 0, j = 0;
    while (i < nx || j < ny) {
        if (j == ny || (i < nx && x[i] < y[j]))
            v[n++] = x[i++];
        else if (i == nx || y[j] < x[i])
            v[n++] = y[j++];
        else {
            v[n++] = x[i++];
            j++;
        }
    }
    *nout = n;
    return intern_ids(w, v, n);
}

static const size_t *ids_inter(twalk *w, const size_t *x, size_t nx, const size_t *y, size_t ny,
                               size_t *nout)
{
    if (x == y) {
        *nout = nx;
        return x;
    }
    size_t *v = tmp(w, (nx < ny ? nx : ny) * sizeof *v + 1);
    size_t n = 0;
    for (size_t i = 0, j = 0; i < nx && j < ny;) {
        if (x[i] == y[j])
            v[n++] = x[i++], j++;
        else if (x[i] < y[j])
            i++;
        else
            j++;
    }
    *nout = n;
    return intern_ids(w, v, n);
}

static const size_t *ids_remove(twalk *w, const size_t *x, size_t nx, size_t id, size_t *nout)
{
    if (!cl_ids_contains(x, nx, id)) {
        *nout = nx;
        return x;
    }
    size_t *v = tmp(w, nx * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < nx; i++)
        if (x[i] != id)
            v[n++] = x[i];
    *nout = n;
    return intern_ids(w, v, n);
}

/* A zeroed array of lock references: a cl_lockref has padding, which must
 * not make equal sets differ as bytes. */
static cl_lockref *tmp_locks(twalk *w, size_t n)
{
    cl_lockref *v = tmp(w, n * sizeof *v);
    memset(v, 0, n * sizeof *v);
    return v;
}

static const void *st_make(twalk *w, const tstate *s)
{
    tstate z;
    memset(&z, 0, sizeof z);
    z = *s;
    return cl_flow_state(w->flow, &z);
}

/* The conditional locks of either state (tstate.conds), interned. */
static const uintptr_t *conds_union(twalk *w, const tstate *x, const tstate *y, size_t *nout)
{
    if (y->nconds == 0 || x->conds == y->conds) {
        *nout = x->nconds;
        return x->conds;
    }
    if (x->nconds == 0) {
        *nout = y->nconds;
        return y->conds;
    }
    uintptr_t *v = tmp(w, (x->nconds + y->nconds) * 3 * sizeof *v);
    size_t n = 0, i = 0, j = 0;
    while (i < x->nconds || j < y->nconds) {
        int c = i == x->nconds ? 1 : j == y->nconds ? -1
                : memcmp(&x->conds[3 * i], &y->conds[3 * j], 3 * sizeof *v);
        const uintptr_t *e = c <= 0 ? &x->conds[3 * i] : &y->conds[3 * j];
        i += c <= 0;
        j += c >= 0;
        memcpy(&v[3 * n++], e, 3 * sizeof *v);
    }
    *nout = n;
    return cl_flow_intern(w->flow, v, n * 3 * sizeof *v);
}

/* The state's conditional locks without those `drop` (with `arg`) says to
 * drop; `s` is changed in place (not interned). */
static void conds_filter(twalk *w, tstate *s, int (*drop)(const uintptr_t *e, const void *arg),
                         const void *arg)
{
    uintptr_t *v = tmp(w, (s->nconds + 1) * 3 * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < s->nconds; i++)
        if (!drop(&s->conds[3 * i], arg))
            memcpy(&v[3 * n++], &s->conds[3 * i], 3 * sizeof *v);
    if (n != s->nconds) {
        s->conds = cl_flow_intern(w->flow, v, n * 3 * sizeof *v);
        s->nconds = n;
    }
}

static int cond_of_lock(const uintptr_t *e, const void *lock)
{
    return e[0] == *(const size_t *)lock;
}

/* `may` without the semaphores built from a condition variable that one
 * of the joined states does not hold (a conditional down is no lock). */
static const size_t *without_cond_sems(twalk *w, const size_t *may, size_t nmay, const tstate *x,
                                       const tstate *y, size_t *nout)
{
    const cl_idvec *sl = &w->m->sem_locks;
    for (size_t i = 0; sl->n > 0 && i < nmay; i++) {
        if (!cl_ids_contains(sl->v, sl->n, may[i]) ||
            (cl_ids_contains(x->may, x->nmay, may[i]) && cl_ids_contains(y->may, y->nmay, may[i])))
            continue;
        may = ids_remove(w, may, nmay, may[i], &nmay);
        i--;
    }
    *nout = nmay;
    return may;
}

/* Whether thread `t` is live on path `s` only where some fact holds. */
static int has_cond(const tstate *s, size_t t)
{
    for (size_t i = 0; i < s->cond.n; i++)
        if (((const condlive *)s->cond.v[i])->thread == t)
            return 1;
    return 0;
}

/* The correlations of path `a` that hold after it meets path `b`: an
 * entry of `a` whose thread is not live on `b`, or that `b` has too or
 * whose fact `b` took as well; and, for a thread live on `a` but not on
 * `b`, every fact `a` took (it is live after the merge only if it came
 * from `a`). */
static cl_flow_set cond_join(twalk *w, const tstate *a, const tstate *b)
{
    cl_flow_set out = { NULL, 0 };
    for (size_t i = 0; i < a->cond.n; i++) {
        const condlive *e = (const condlive *)a->cond.v[i];
        if (!cl_ids_contains(b->live, b->nlive, e->thread) || cl_flow_set_has(b->cond, a->cond.v[i]) ||
            cl_flow_set_has(b->facts, (uintptr_t)e->f) || cl_flow_set_has(b->modes, (uintptr_t)e->f))
            out = cl_flow_set_add(w->flow, out, a->cond.v[i]);
    }
    for (size_t i = 0; i < a->nlive && a->facts.n + a->modes.n > 0; i++) {
        size_t t = a->live[i];
        if (cl_ids_contains(b->live, b->nlive, t))
            continue;
        /* (a mode the path stored is a fact too: `opt = CALI; init();`
         * with init's early return before the spawns) */
        for (size_t k = has_cond(a, t) ? a->facts.n : 0; k < a->facts.n + a->modes.n; k++) {
            const fact *f = (const fact *)(k < a->facts.n ? a->facts.v[k] : a->modes.v[k - a->facts.n]);
            if (k >= a->facts.n && !f->stored)
                continue;
            condlive e = { t, f };
            out = cl_flow_set_add(w->flow, out, (uintptr_t)cl_flow_intern(w->flow, &e, sizeof e));
        }
    }
    return out;
}

/* Whether `s` has a gate entry of thread `t` with fact `f` and, when
 * `open`, opened with the thread let through (not GATE_HOME). */
static int has_gate(const tstate *s, uintptr_t t, const void *f, int open)
{
    for (size_t i = 0; i < s->gates.n; i++) {
        const gatelive *e = (const gatelive *)s->gates.v[i];
        if (e->thread == t && (const void *)e->f == f &&
            (!open || (e->flags & (GATE_OPEN | GATE_HOME)) == GATE_OPEN))
            return 1;
    }
    return 0;
}

/* The gate entries of path `a` that hold after it meets path `b`: none of
 * a thread live on `b` without that gate (a write after the gate opened
 * made its outcome unknown there), and a closed gate only where neither
 * path opened it and let the thread through (a loop that may not have run
 * its releases yet). */
static cl_flow_set gates_join(twalk *w, const tstate *a, const tstate *b)
{
    cl_flow_set out = { NULL, 0 };
    for (size_t i = 0; i < a->gates.n; i++) {
        const gatelive *e = (const gatelive *)a->gates.v[i];
        if ((cl_ids_contains(b->live, b->nlive, e->thread) && !has_gate(b, e->thread, e->f, 0)) ||
            (!(e->flags & GATE_OPEN) && (has_gate(a, e->thread, e->f, 1) || has_gate(b, e->thread, e->f, 1))))
            continue;
        out = cl_flow_set_add(w->flow, out, a->gates.v[i]);
    }
    return out;
}

/* Acquired objects `acq` (n ids, sorted) of a join of `x` with `y`, with
 * the each-objects (cl_sync_each) `x` acquired added where none of the
 * threads live at their acquires runs on `y`: a path that never started
 * those threads (an early return before the spawn loop) or joined them
 * has nothing to wait for. A new start of one drops the object again
 * (add_live). */
static const size_t *each_kept(twalk *w, const size_t *acq, size_t *n, const tstate *x, const tstate *y)
{
    for (size_t i = 0; i < x->nacq; i++)
        if (!cl_ids_contains(acq, *n, x->acq[i]) && w->m->syncs.v[x->acq[i]].each &&
            !cl_sync_each_covers(w->m, x->acq[i], y->live, y->nlive))
            acq = ids_union(w, acq, *n, &x->acq[i], 1, n);
    return acq;
}

/* Meet where control flow merges: locks held on both paths (shared if
 * shared on either), locks held on either path (may), threads live on
 * either path. */
static const void *tjoin(cl_flow *f, const void *pa, const void *pb)
{
    twalk *w = cl_flow_ctx(f);
    const tstate *x = pa, *y = pb;
    tstate r;
    memset(&r, 0, sizeof r);
    r.bphase = x->bphase == y->bphase ? x->bphase : -1;
    r.modes = cl_flow_set_merge(f, x->modes, cl_flow_set_merge(f, x->modes, y->modes, 0), 0);
    r.may = ids_union(w, x->may, x->nmay, y->may, y->nmay, &r.nmay);
    r.may = without_cond_sems(w, r.may, r.nmay, x, y, &r.nmay);
    cl_lockref *locks = tmp_locks(w, x->nlocks + 1);
    for (size_t i = 0, j = 0; i < x->nlocks && j < y->nlocks;) {
        if (x->locks[i].lock == y->locks[j].lock) {
            locks[r.nlocks].lock = x->locks[i].lock;
            locks[r.nlocks].depth = x->locks[i].depth < y->locks[j].depth ? x->locks[i].depth
                                                                          : y->locks[j].depth;
            /* (a failed lock's path that goes on as if it held the lock
             * drops the mark where it meets the path that holds it) */
            unsigned mx = x->locks[i].mode, my = y->locks[j].mode;
            locks[r.nlocks++].mode = ((mx | my) & ~(unsigned)CL_LOCK_FAILED_PATH) |
                                     (mx & my & CL_LOCK_FAILED_PATH);
            i++, j++;
        } else if (x->locks[i].lock < y->locks[j].lock) {
            i++;
        } else {
            j++;
        }
    }
    r.locks = cl_flow_intern(f, locks, r.nlocks * sizeof *locks);
    r.live = ids_union(w, x->live, x->nlive, y->live, y->nlive, &r.nlive);
    r.conds = conds_union(w, x, y, &r.nconds);
    r.acq = ids_inter(w, x->acq, x->nacq, y->acq, y->nacq, &r.nacq);
    if (r.nacq != x->nacq || r.nacq != y->nacq)
        r.acq = each_kept(w, each_kept(w, r.acq, &r.nacq, x, y), &r.nacq, y, x);
    r.rel = ids_union(w, x->rel, x->nrel, y->rel, y->nrel, &r.nrel);
    r.tok = ids_inter(w, x->tok, x->ntok, y->tok, y->ntok, &r.ntok);
    /* (a path that has released nothing yet holds every token in ftok) */
    if ((x->nrel == 0) != (y->nrel == 0))
        r.ftok = x->nrel == 0 ? y->ftok : x->ftok, r.nftok = x->nrel == 0 ? y->nftok : x->nftok;
    else
        r.ftok = ids_inter(w, x->ftok, x->nftok, y->ftok, y->nftok, &r.nftok);
    r.shake = ids_union(w, x->shake, x->nshake, y->shake, y->nshake, &r.nshake);
    r.pend = x->pend == y->pend ? x->pend : NULL;
    r.relfence = x->relfence && y->relfence;
    r.fpend = x->fpend == y->fpend ? x->fpend : 0;
    r.pinned = x->pinned && y->pinned && x->pin == y->pin;
    r.pin = r.pinned ? x->pin : 0;
    r.facts = cl_flow_set_merge(f, x->facts, cl_flow_set_merge(f, x->facts, y->facts, 0), 0);
    r.cond = cl_flow_set_merge(f, cond_join(w, x, y), cond_join(w, y, x), 1);
    r.orphans = cl_flow_set_merge(f, x->orphans, y->orphans, 1);
    r.held = cl_flow_set_merge(f, x->held, y->held, 1);
    r.gates = cl_flow_set_merge(f, gates_join(w, x, y), gates_join(w, y, x), 1);
    r.done = cl_flow_set_merge(f, x->done, y->done, 1);
    r.jumped = ids_union(w, x->jumped, x->njumped, y->jumped, y->njumped, &r.njumped);
    r.tryfail = ids_union(w, x->tryfail, x->ntryfail, y->tryfail, y->ntryfail, &r.ntryfail);
    r.tryskip = ids_union(w, x->tryskip, x->ntryskip, y->tryskip, y->ntryskip, &r.ntryskip);
    return st_make(w, &r);
}

/* Lock `lock` (SIZE_MAX: every lock) is released while the threads in
 * s->held spawned under it may run: it is not a creation lock of theirs. */
static void break_holds(twalk *w, tstate *s, size_t lock)
{
    cl_flow_set keep = { NULL, 0 };
    for (size_t i = 0; i < s->held.n; i++) {
        const heldspawn *h = (const heldspawn *)s->held.v[i];
        if (lock != SIZE_MAX && h->lock != lock) {
            keep = cl_flow_set_add(w->flow, keep, s->held.v[i]);
            continue;
        }
        thread_extra *x = &w->extra->v[h->thread];
        if (!cl_ids_contains(x->hold_broken.v, x->hold_broken.n, h->lock))
            CL_VEC_PUSH(&x->hold_broken, h->lock);
        /* (kept sorted for cl_ids_contains) */
        for (size_t k = x->hold_broken.n - 1; k > 0 && x->hold_broken.v[k - 1] > x->hold_broken.v[k]; k--) {
            size_t tmpv = x->hold_broken.v[k];
            x->hold_broken.v[k] = x->hold_broken.v[k - 1];
            x->hold_broken.v[k - 1] = tmpv;
        }
    }
    s->held = keep;
}

/* The state with `lock` taken in `mode`: taken again while held (a
 * recursive mutex), it must be released as many times (up to
 * CL_LOCK_MAX_DEPTH). `once`: a lock built from atomics, which is either
 * held or not. */
static const void *take_lock(twalk *w, const void *ps, size_t lock, unsigned mode, int once)
{
    tstate s = *(const tstate *)ps;
    cl_lockref *v = tmp_locks(w, s.nlocks + 1);
    size_t n = 0, i = 0;
    while (i < s.nlocks && s.locks[i].lock < lock)
        v[n++] = s.locks[i++];
    v[n].lock = lock;
    v[n].mode = mode;
    if (i < s.nlocks && s.locks[i].lock == lock) {
        if (once)
            return ps;
        v[n].depth = s.locks[i].depth + (s.locks[i].depth < CL_LOCK_MAX_DEPTH);
        i++; /* re-acquired: replace the mode */
    }
    n++;
    while (i < s.nlocks)
        v[n++] = s.locks[i++];
    s.locks = cl_flow_intern(w->flow, v, n * sizeof *v);
    s.nlocks = n;
    s.may = ids_union(w, s.may, s.nmay, &lock, 1, &s.nmay);
    s.tryfail = ids_remove(w, s.tryfail, s.ntryfail, lock, &s.ntryfail);
    s.tryskip = ids_remove(w, s.tryskip, s.ntryskip, lock, &s.ntryskip);
    return st_make(w, &s);
}

static const void *reclose_gates(twalk *w, const void *ps, size_t lock);
static const void *add_lock(twalk *w, const void *ps, size_t lock, unsigned mode)
{
    return reclose_gates(w, take_lock(w, ps, lock, mode, 0), lock);
}

/* The state with `lock` released once (`all`: for good, whatever its
 * depth). A lock no longer held is no longer possibly held either, and
 * drops its conditions. */
static const void *open_gates(twalk *w, const void *ps, size_t lock);
static const void *release_lock(twalk *w, const void *ps, size_t lock, int all)
{
    tstate s = *(const tstate *)ps;
    s.pend = NULL;
    cl_lockref *v = tmp_locks(w, s.nlocks + 1);
    size_t n = 0;
    int kept = 0;
    for (size_t i = 0; i < s.nlocks; i++) {
        v[n] = s.locks[i];
        if (s.locks[i].lock != lock) {
            n++;
        } else if (!all && s.locks[i].depth > 0) {
            v[n++].depth--;
            kept = 1;
        }
    }
    if (kept) {
        s.locks = cl_flow_intern(w->flow, v, n * sizeof *v);
        s.nlocks = n;
        return st_make(w, &s);
    }
    s.locks = cl_flow_intern(w->flow, v, n * sizeof *v);
    s.nlocks = n;
    s.may = ids_remove(w, s.may, s.nmay, lock, &s.nmay);
    s.jumped = ids_remove(w, s.jumped, s.njumped, lock, &s.njumped);
    conds_filter(w, &s, cond_of_lock, &lock);
    break_holds(w, &s, lock);
    return open_gates(w, st_make(w, &s), lock);
}

static const void *remove_lock(twalk *w, const void *ps, size_t lock)
{
    return release_lock(w, ps, lock, 0);
}

/* `set` without the entries (condlive, heldspawn or handled: each starts
 * with the thread) of thread `t`. */
static cl_flow_set forget_thread(twalk *w, cl_flow_set set, size_t t)
{
    cl_flow_set out = { NULL, 0 };
    for (size_t i = 0; i < set.n; i++)
        if (*(const uintptr_t *)set.v[i] != t)
            out = cl_flow_set_add(w->flow, out, set.v[i]);
    return out.n == set.n ? set : out;
}

static const fact *fact_make(twalk *w, const char *var, cl_test_op op, long long value, int holds);
static int refutes(const fact *a, const fact *b);
static const char *resolve_in(twalk *w, const tframe *fd, int indexed, const char *path,
                              int *per_inst);
static const void *remove_live(twalk *w, const void *ps, size_t t);
static const char *intern_str(twalk *w, const char *s);

/* The start gates of function `func` (gates.h), scanned once. */
static const cl_gate *entry_gates(twalk *w, size_t func, size_t *n)
{
    struct entry_gates *e = &w->gatememo[func];
    if (!e->done) {
        e->n = cl_gates_scan(&w->m->cg, w->fx, func, &e->v);
        e->done = 1;
    }
    *n = e->n;
    return e->v;
}

/* The gates of path `s` (tstate.gates) with those of thread `t`, started
 * on it now, whose lock the creator holds (exclusively) at the spawn: the
 * thread cannot pass them before the creator releases the lock. The lock
 * is the one the thread will take (its start argument's element, indexed
 * as the walk names it), and the tested global is private to the
 * creator's side (cl_writes_private: no thread, the gated one included,
 * can change it between the creator's release and its test). */
static cl_flow_set held_gates(twalk *w, const tstate *s, size_t t)
{
    cl_flow_set out = forget_thread(w, s->gates, t);
    const cl_thread *th = &w->m->threads.v[t];
    size_t n = 0;
    const cl_gate *g = th->entry != SIZE_MAX && s->nlocks > 0 ? entry_gates(w, th->entry, &n) : NULL;
    const char *arg = intern_str(w, th->arg_path);
    const char *iarg = th->arg_ipath != NULL ? intern_str(w, th->arg_ipath) : arg;
    tframe fd;
    memset(&fd, 0, sizeof fd);
    fd.nbind = arg != NULL;
    fd.bind = &arg;
    fd.ibind = &iarg;
    for (size_t i = 0; i < n; i++) {
        if (!cl_writes_private(w->writes, g[i].var))
            continue;
        const char *lock = g[i].lock[0] == 'P' ? resolve_in(w, &fd, 1, g[i].lock, NULL) : g[i].lock;
        const char *held = NULL;
        for (size_t k = 0; k < s->nlocks && lock != NULL && held == NULL; k++)
            if (!(s->locks[k].mode & CL_LOCK_SHARED) && strcmp(w->m->lock_names.v[s->locks[k].lock], lock) == 0)
                held = w->m->lock_names.v[s->locks[k].lock];
        if (held == NULL)
            continue;
        gatelive e = { t, intern_str(w, held), fact_make(w, g[i].var, g[i].op, g[i].value, 1),
                       g[i].first ? GATE_FIRST : 0 };
        out = cl_flow_set_add(w->flow, out, (uintptr_t)cl_flow_intern(w->flow, &e, sizeof e));
    }
    return out;
}

/* Whether gate `e` sends its thread home where fact `f` holds on path
 * `s`. A gate the thread reaches after doing other work counts only where
 * the creator waited for that work since the spawn: it acquired something
 * on every path since (tstate.shake), or an each-object of a loop over
 * the instances (cl_sync_each_covers: `for (i..) { lock(&t[i].m); while
 * (!t[i].ready) wait(..); unlock(&t[i].m); }`). Otherwise dropping the
 * thread would drop that work's races too. */
static int gate_refuted(twalk *w, const tstate *s, const gatelive *e, const fact *f)
{
    if (f->var != e->f->var || !refutes(f, e->f))
        return 0;
    if ((e->flags & GATE_FIRST) || !cl_ids_contains(s->shake, s->nshake, e->thread))
        return 1;
    size_t t = e->thread;
    for (size_t i = 0; i < s->nacq; i++)
        if (w->m->syncs.v[s->acq[i]].each && cl_sync_each_covers(w->m, s->acq[i], &t, 1))
            return 1;
    return 0;
}

/* Path `ps` with flags `set` set and `clear` cleared on gate entry `i` of
 * its gates. */
static const void *mark_gate(twalk *w, const void *ps, size_t i, uintptr_t set, uintptr_t clear)
{
    tstate z = *(const tstate *)ps;
    uintptr_t was = z.gates.v[i]; /* (a one-element set at v itself would be taken for v) */
    gatelive o = *(const gatelive *)was;
    o.flags = (o.flags | set) & ~clear;
    z.gates = cl_flow_set_merge(w->flow, z.gates, (cl_flow_set){ &was, 1 }, 0);
    z.gates = cl_flow_set_add(w->flow, z.gates, (uintptr_t)cl_flow_intern(w->flow, &o, sizeof o));
    return st_make(w, &z);
}

/* Path `ps` where gate entry `i` sends its thread home: the thread does
 * nothing more and is not live; the entry stays, marked GATE_HOME. */
static const void *send_home(twalk *w, const void *ps, size_t i)
{
    gatelive home = *(const gatelive *)((const tstate *)ps)->gates.v[i];
    home.flags |= GATE_OPEN | GATE_HOME;
    tstate z = *(const tstate *)remove_live(w, ps, home.thread);
    z.gates = cl_flow_set_add(w->flow, z.gates, (uintptr_t)cl_flow_intern(w->flow, &home, sizeof home));
    return st_make(w, &z);
}

/* Path `ps` where the creator takes lock `lock` again: a thread sent home
 * at a gate of that lock may not have taken it yet, and waits for the next
 * release (its gate closed again, the thread live again). */
static const void *reclose_gates(twalk *w, const void *ps, size_t lock)
{
    const tstate *s = ps;
    const char *name = s->gates.n > 0 ? w->m->lock_names.v[lock] : NULL;
    for (size_t i = 0; i < s->gates.n; i++) {
        const gatelive *e = (const gatelive *)s->gates.v[i];
        if (!(e->flags & GATE_HOME) || !cl_gate_same_lock(e->lock, name))
            continue;
        size_t t = e->thread;
        tstate z = *(const tstate *)mark_gate(w, ps, i, 0, GATE_OPEN | GATE_HOME);
        z.live = ids_union(w, z.live, z.nlive, &t, 1, &z.nlive);
        ps = st_make(w, &z);
        s = ps;
        i = (size_t)-1; /* (the set was rebuilt) */
    }
    return ps;
}

/* Path `ps` where the creator opens lock `lock`: its threads waiting at
 * a gate of that lock that the path's facts and modes send home are not
 * live past here; the others' gates are open. */
static const void *open_gates(twalk *w, const void *ps, size_t lock)
{
    const tstate *s = ps;
    if (s->gates.n == 0)
        return ps;
    const char *name = w->m->lock_names.v[lock];
    for (size_t i = 0; i < s->gates.n; i++) {
        const gatelive *e = (const gatelive *)s->gates.v[i];
        if ((e->flags & GATE_OPEN) || !cl_gate_same_lock(e->lock, name) ||
            ((e->flags & GATE_FAILED) && strcmp(e->lock, name) == 0))
            continue;
        /* (what the path knows: its modes and facts, and the facts the
         * thread is live only where, condlive) */
        int home = 0;
        for (size_t k = 0; k < s->modes.n + s->facts.n && !home; k++)
            home = gate_refuted(w, s, e, (const fact *)(k < s->modes.n ? s->modes.v[k] : s->facts.v[k - s->modes.n]));
        for (size_t k = 0; k < s->cond.n && !home; k++) {
            const condlive *c = (const condlive *)s->cond.v[k];
            home = c->thread == e->thread && gate_refuted(w, s, e, c->f);
        }
        ps = home ? send_home(w, ps, i) : mark_gate(w, ps, i, GATE_OPEN, 0);
        s = ps;
        i = (size_t)-1; /* (the set was rebuilt) */
    }
    return ps;
}

/* Thread `t` started (again): live, unconditionally, under the locks held
 * now (a new instance forgets what was known of an earlier one). */
static const void *add_live(twalk *w, const void *ps, size_t t)
{
    tstate s = *(const tstate *)ps;
    s.live = ids_union(w, s.live, s.nlive, &t, 1, &s.nlive);
    for (size_t i = 0; i < s.nacq; i++) /* (what was waited for of an earlier instance) */
        if (cl_sync_each_covers(w->m, s.acq[i], &t, 1)) {
            size_t *v = cl_arena_alloc(cl_flow_scratch(w->flow), s.nacq * sizeof *v), k = 0;
            for (size_t j = 0; j < s.nacq; j++)
                if (!cl_sync_each_covers(w->m, s.acq[j], &t, 1))
                    v[k++] = s.acq[j];
            s.acq = cl_flow_intern(w->flow, v, k * sizeof *v);
            s.nacq = k;
            break;
        }
    if (cl_ids_contains(s.shake, s.nshake, t)) /* (spawned again before any acquire) */
        cl_sync_handshake(w->m, t, SIZE_MAX);
    s.shake = ids_union(w, s.shake, s.nshake, &t, 1, &s.nshake);
    s.cond = forget_thread(w, s.cond, t);
    s.held = forget_thread(w, s.held, t);
    s.done = forget_thread(w, s.done, t);
    s.gates = held_gates(w, &s, t);
    for (size_t i = 0; i < s.nlocks; i++) {
        heldspawn h = { t, s.locks[i].lock };
        s.held = cl_flow_set_add(w->flow, s.held, (uintptr_t)cl_flow_intern(w->flow, &h, sizeof h));
    }
    /* The creation lock candidates: held at every spawn of t. */
    thread_extra *x = &w->extra->v[t];
    size_t n = 0;
    for (size_t i = 0; i < (x->spawned ? x->hold_locks.n : s.nlocks); i++) {
        size_t l = x->spawned ? x->hold_locks.v[i] : s.locks[i].lock;
        int held = 0;
        for (size_t k = 0; k < s.nlocks && !held; k++)
            held = s.locks[k].lock == l && !(s.locks[k].mode & CL_LOCK_SHARED);
        if (held) {
            if (!x->spawned)
                CL_VEC_PUSH(&x->hold_locks, l);
            else
                x->hold_locks.v[n] = l;
            n++;
        }
    }
    x->hold_locks.n = n;
    x->spawned = 1;
    return st_make(w, &s);
}

static const void *remove_live(twalk *w, const void *ps, size_t t)
{
    tstate s = *(const tstate *)ps;
    s.live = ids_remove(w, s.live, s.nlive, t, &s.nlive);
    s.cond = forget_thread(w, s.cond, t);
    s.held = forget_thread(w, s.held, t);
    s.gates = forget_thread(w, s.gates, t);
    s.orphans = cl_flow_set_merge(w->flow, s.orphans, cl_flow_set_add(w->flow, (cl_flow_set){ NULL, 0 }, t), 0);
    return st_make(w, &s);
}

/* Whether a fact on variable `v` is about the `n` bytes at `var` (see
 * forget_facts): `v` starts with them, or, when they are a whole path
 * (`n` counts its NUL), `v` is a member or element of that object or of
 * the one it points to ("Gs.mode" under a write of "Gs", "Gp->.mode"
 * under a write of "Gp"). */
static int fact_on(const char *v, const char *var, size_t n)
{
    if (strncmp(v, var, n) == 0)
        return 1;
    return var[n - 1] == '\0' && strncmp(v, var, n - 1) == 0 &&
           (v[n - 1] == '.' || v[n - 1] == '[' || v[n - 1] == '-');
}

/* The state without the facts (and correlations, and modes) on the
 * variables whose path starts with the `n` bytes at `var` (one variable
 * and its members when `n` counts its terminating NUL, a function's
 * locals for "L<usr>#"): the variable changed, or went out of scope. */
static const char *fact_var(uintptr_t x)
{
    return ((const fact *)x)->var;
}

static const char *condlive_var(uintptr_t x)
{
    return ((const condlive *)x)->f->var;
}

/* The variable an open gate tests; a gate still closed names none: the
 * thread reads the variable only once the creator opens the gate, so the
 * creator's writes before then are what it will see. */
static const char *open_gate_var(uintptr_t x)
{
    const gatelive *e = (const gatelive *)x;
    return e->flags & GATE_OPEN ? e->f->var : "";
}

/* Set `s` of facts (var_of gives each one's variable) without those on
 * `var` (fact_on); `s` itself when it has none. */
static cl_flow_set drop_facts_on(twalk *w, cl_flow_set s, const char *(*var_of)(uintptr_t),
                                 const char *var, size_t n)
{
    uintptr_t *gone = NULL;
    size_t ngone = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (!fact_on(var_of(s.v[i]), var, n))
            continue;
        if (gone == NULL)
            gone = tmp(w, s.n * sizeof *gone);
        gone[ngone++] = s.v[i];
    }
    return ngone ? cl_flow_set_merge(w->flow, s, (cl_flow_set){ gone, ngone }, 0) : s;
}

static const void *forget_facts(twalk *w, const void *ps, const char *var, size_t n)
{
    tstate s = *(const tstate *)ps;
    cl_flow_set facts = drop_facts_on(w, s.facts, fact_var, var, n);
    cl_flow_set cond = drop_facts_on(w, s.cond, condlive_var, var, n);
    cl_flow_set modes = drop_facts_on(w, s.modes, fact_var, var, n);
    cl_flow_set gates = drop_facts_on(w, s.gates, open_gate_var, var, n);
    if (facts.n == s.facts.n && cond.n == s.cond.n && modes.n == s.modes.n && gates.n == s.gates.n)
        return ps;
    /* (a thread a gate sent home may not have taken the lock yet: with
     * an atomic variable it can read the new value, and is live again; a
     * plain or volatile one it would read racing with this write, a race
     * on the variable itself, whose outcome the walk does not follow) */
    for (size_t i = 0; i < s.gates.n; i++) {
        const gatelive *e = (const gatelive *)s.gates.v[i];
        size_t t = e->thread;
        if ((e->flags & GATE_HOME) && !cl_flow_set_has(gates, s.gates.v[i]) &&
            (cl_callgraph_global_flags(&w->m->cg, e->f->var) & CL_GV_ATOMIC))
            s.live = ids_union(w, s.live, s.nlive, &t, 1, &s.nlive);
    }
    s.facts = facts;
    s.cond = cond;
    s.modes = modes;
    s.gates = gates;
    return st_make(w, &s);
}

/* ---- paths ----------------------------------------------------------------- */

static const char *intern_cat(twalk *w, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *t = tmp(w, na + nb + 1);
    memcpy(t, a, na);
    memcpy(t + na, b, nb + 1);
    return cl_flow_intern(w->flow, t, na + nb + 1);
}

/* intern_cat for operands that stay valid and unchanged while the walk
 * runs (interned strings, the IR's strings, w->own): memoized by the two
 * addresses, so the same parameter binding and access suffix met again
 * (in every calling context with that binding) are not copied and hashed
 * again. */
static const char *join_path(twalk *w, const char *a, const char *b)
{
    uintptr_t key[2] = { (uintptr_t)a, (uintptr_t)b };
    int added;
    cl_blobent *e = cl_blob_lookup(&w->joined_paths, cl_flow_scratch(w->flow), key, sizeof key,
                                   &added);
    if (added)
        e->val = (size_t)(uintptr_t)intern_cat(w, a, b);
    return (const char *)(uintptr_t)e->val;
}

static const char *intern_str(twalk *w, const char *s)
{
    return s ? cl_flow_intern(w->flow, s, strlen(s) + 1) : NULL;
}

/* A path rooted at a _Thread_local / __thread global names the instance of
 * the running thread: qualified with it ("T<n>:G<usr>..."), as a stack
 * object is. Each thread's own accesses then touch its own instance, and
 * an address of it handed to another thread (start argument, parameter)
 * carries the owner along, so the two threads meet on one object. */
static const char *own_tls(twalk *w, const char *path)
{
    if (path[0] != 'G' || !(cl_callgraph_global_flags(&w->m->cg, path) & CL_GV_TLS))
        return path;
    return join_path(w, w->own, path);
}

/* follow_member's work: the path through the pointee, or `p`. */
static const char *follow_members(twalk *w, const char *p)
{
    for (int hop = 0; hop < 4; hop++) {
        size_t q = p[0] == 'T' ? 1 + strspn(p + 1, "0123456789") : 0;
        if (q > 0 && p[q++] != ':')
            break;
        const char *arrow = strstr(p + q, "->");
        if (arrow == NULL || (p[q] != 'L' && p[q] != 'H' && p[q] != 'G'))
            break;
        /* the raw path of the member: each subscript "[]" */
        cl_strbuf *b = &w->subst;
        b->len = 0;
        for (const char *c = p + q; c < arrow; c++) {
            cl_strbuf_addn(b, c, 1);
            if (*c == '[') {
                const char *close = strchr(c, ']');
                c = close != NULL && close < arrow ? close - 1 : c;
            }
        }
        const char *to = cl_callgraph_pointee(&w->m->cg, cl_strbuf_str(b), b->len);
        if (to == NULL)
            break;
        size_t nq = to[0] == 'G' ? 0 : q, nt = strlen(to), nr = strlen(arrow + 2);
        char *t = tmp(w, nq + nt + nr + 1);
        memcpy(t, p, nq);
        memcpy(t + nq, to, nt);
        memcpy(t + nq + nt, arrow + 2, nr + 1);
        p = cl_flow_intern(w->flow, t, nq + nt + nr + 1);
    }
    return p;
}

/* A resolved path (interned) through a member of a local or heap object
 * that always points to the same object (cl_callgraph_pointee: `args[i].st
 * = st` in the spawn loop, `t->ctx = &tally`): the path through that
 * object instead ("T0:Lmain#args@22[].st->.files" becomes
 * "T0:Hmain#st@21.files"), so that the threads given different elements
 * meet on it; *moved is set then. Memoized per path. */
static const char *through_member(twalk *w, const char *p, int *moved)
{
    if (p == NULL || w->m->cg.member_pointee.n == 0 || strstr(p, "->") == NULL)
        return p;
    uintptr_t key = (uintptr_t)p;
    int added;
    cl_blobent *e = cl_blob_lookup(&w->through, cl_flow_scratch(w->flow), &key, sizeof key, &added);
    if (added)
        e->val = (size_t)(uintptr_t)follow_members(w, p);
    const char *r = (const char *)(uintptr_t)e->val;
    *moved |= r != p;
    return r;
}

/* Whether "P0<rest>" in a thread entry's frame `fd` goes through a
 * pointer member of its start block (`rest` is ".arg->.n"). Then *out is
 * the object the creator stored there, then the rest ("Gsrc.n"), or NULL
 * when the creator stored a pointer the walk cannot name (untracked, as a
 * start argument it cannot name is: not one object for every thread the
 * block starts); PI_INSTANCE goes into *per_inst when that object is
 * each instance's own. */
static int block_pointee(twalk *w, const tframe *fd, const char *rest, int *per_inst,
                         const char **out)
{
    for (size_t i = 0; fd != NULL && i < fd->nblock; i++) {
        const cl_block_member *bm = &fd->block[i];
        size_t n = strlen(bm->member);
        if (bm->func != NULL || strncmp(rest, bm->member, n) != 0 || strncmp(rest + n, "->", 2) != 0)
            continue;
        if (per_inst != NULL && bm->per_instance)
            *per_inst |= PI_INSTANCE;
        *out = bm->path != NULL ? join_path(w, bm->path, rest + n + 2) : NULL;
        return 1;
    }
    return 0;
}

/* Substitutes parameters and qualifies stack objects ("L...") and
 * thread-local globals (own_tls) with the thread that owns them. Returns
 * NULL for untracked paths.
 *
 * A parameter is bound to the pointee path of a pointer argument ("P<n>"
 * uses it), or, for a by-value argument, to "=" followed by the location
 * the value was loaded from ("V<n>" uses it: e.g. the pthread_t a helper
 * gives to pthread_join). */
static const char *resolve_in(twalk *w, const tframe *fd, int indexed, const char *path,
                              int *per_inst)
{
    if (path == NULL)
        return NULL;
    if (path[0] == 'P' || path[0] == 'V') {
        const char *end = path + 1;
        size_t n = 0;
        for (; *end >= '0' && *end <= '9' && n < SIZE_MAX / 10 - 10; end++)
            n = n * 10 + (size_t)(*end - '0');
        if (fd == NULL || n >= fd->nbind || fd->bind[n] == NULL)
            return NULL;
        const char *b = indexed && fd->ibind != NULL ? fd->ibind[n] : fd->bind[n];
        int by_value = b[0] == '=';
        if (by_value != (path[0] == 'V'))
            return NULL;
        const char *inblock;
        if (n == 0 && !by_value && block_pointee(w, fd, end, per_inst, &inblock))
            return inblock;
        int moved = 0;
        const char *through = !by_value && *end == '.' ? through_member(w, join_path(w, b, end), &moved)
                                                       : NULL;
        /* (the object a member of the argument points to is no longer
         * the argument's own) */
        if (per_inst != NULL && fd->bind_per_inst != NULL && !moved)
            *per_inst |= fd->bind_per_inst[n];
        if (moved)
            return through;
        if (by_value)
            return *end == '\0' ? b + 1 : NULL;
        if (*end == '\0')
            return b;
        if (*end == '^') {
            /* "P0^m": the object enclosing member m of the argument. */
            size_t nm = strcspn(end + 1, ".[-^"), nb = strlen(b);
            if (nb <= nm + 1 || b[nb - nm - 1] != '.' || strncmp(b + nb - nm, end + 1, nm) != 0)
                return NULL;
            const char *rest = end + 1 + nm;
            size_t nr = strlen(rest), nu = nb - nm - 1;
            char *t = tmp(w, nu + nr + 1);
            memcpy(t, b, nu);
            memcpy(t + nu, rest, nr + 1);
            return cl_flow_intern(w->flow, t, nu + nr + 1);
        }
        return join_path(w, b, end);
    }
    if (path[0] == 'L' || path[0] == 'H') {
        int moved = 0;
        return through_member(w, join_path(w, w->own, path), &moved);
    }
    if (path[0] == 'G') {
        /* "Gsp->.count" with `sp = &stats` for good (its initializer and
         * every assignment): "Gstats.count" */
        int moved = 0;
        path = through_member(w, path, &moved);
    }
    return own_tls(w, path);
}

static const char *resolve(twalk *w, const tframe *fd, const char *path, int *per_inst)
{
    return resolve_in(w, fd, 0, path, per_inst);
}

/* The subscripts of indexed path `ip` that are a parameter of the frame's
 * function, not assigned before, replaced by what the caller passed for
 * it (tframe.itok), when known; interned. */
static const char *index_subst(twalk *w, const tframe *fd, const char *ip)
{
    const char *open = ip != NULL && fd != NULL && fd->itok != NULL ? strstr(ip, "[$") : NULL;
    if (open == NULL)
        return ip;
    const cl_function *fn = w->m->cg.funcs.v[fd->func].fn;
    cl_strbuf *b = &w->subst;
    b->len = 0;
    const char *p = ip;
    int changed = 0;
    for (; open != NULL; open = strstr(p, "[$")) {
        const char *close = strchr(open, ']');
        if (close == NULL)
            break;
        const char *tok = NULL;
        for (size_t k = 0; k < fd->nbind && k < fn->nparams && !tok; k++)
            if (fd->itok[k] != NULL && cl_token_is_param(open + 1, (size_t)(close - open - 1), fn, k))
                tok = fd->itok[k];
        if (tok != NULL) {
            changed = 1;
            cl_strbuf_addn(b, p, (size_t)(open - p));
            cl_strbuf_addn(b, "[", 1);
            cl_strbuf_addn(b, tok, strlen(tok));
            cl_strbuf_addn(b, "]", 1);
        } else {
            cl_strbuf_addn(b, p, (size_t)(close + 1 - p));
        }
        p = close + 1;
    }
    if (!changed)
        return ip;
    cl_strbuf_addn(b, p, strlen(p));
    return intern_str(w, cl_strbuf_str(b));
}

/* Whether `ip` (an indexed path or index token) uses a parameter of
 * function `fn` as a subscript or passes it on: sets its bit in *mask. */
static void note_index_params(const cl_function *fn, const char *ip, uint64_t *mask)
{
    for (const char *p = ip ? strchr(ip, '$') : NULL; p != NULL; p = strchr(p + 1, '$')) {
        size_t len = strcspn(p, "]");
        for (size_t k = 0; k < fn->nparams && k < 64; k++)
            if (cl_token_is_param(p, len, fn, k))
                *mask |= (uint64_t)1 << k;
    }
}

static void scan_index_params(const cl_function *fn, const cl_node *n, uint64_t *mask)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_ACCESS)
        note_index_params(fn, n->ev->u.access.ipath, mask);
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL)
        for (size_t i = 0; i < n->ev->u.call.nargs; i++)
            note_index_params(fn, n->ev->u.call.args[i].ipath, mask);
    scan_index_params(fn, n->cond, mask);
    for (size_t i = 0; i < n->nkids; i++)
        scan_index_params(fn, n->kids[i], mask);
}

static void scan_tested_params(const cl_node *n, uint64_t *mask)
{
    if (n == NULL)
        return;
    if (n->x->test_param > 0 && ((n->kind == CL_N_BRANCH && n->nkids == 2) ||
                              (n->kind == CL_N_SWITCH && n->x->cases != NULL)))
        *mask |= (uint64_t)1 << (n->x->test_param - 1 < 64 ? n->x->test_param - 1 : 63);
    scan_tested_params(n->cond, mask);
    for (size_t i = 0; i < n->nkids; i++)
        scan_tested_params(n->kids[i], mask);
}

enum { INDEX_PARAMS = 1, TESTED_PARAMS = 2 };

/* A set of the parameters of function `func` (bit k: parameter k; bit 63
 * also stands for the later ones), memoized per walk in w->guards under
 * {what, func}:
 * - INDEX_PARAMS: those it uses unchanged as subscripts; only those get the
 *   caller's subscript (tframe.itok);
 * - TESTED_PARAMS: those an `if` of its own body tests against a constant
 *   or a switch selects on; only their constant arguments decide a branch
 *   (refine_branch), so only those enter the call's context.
 * Either way, calls that differ in the other parameters share contexts. */
static uint64_t param_set(twalk *w, size_t func, uintptr_t what)
{
    uintptr_t key[2] = { what, func };
    int added;
    cl_blobent *e = cl_blob_lookup(&w->guards, cl_flow_scratch(w->flow), key, sizeof key, &added);
    if (added) {
        uint64_t mask = 0;
        const cl_function *fn = w->m->cg.funcs.v[func].fn;
        if (what == INDEX_PARAMS)
            scan_index_params(fn, fn->body, &mask);
        else
            scan_tested_params(fn->body, &mask);
        e->val = (size_t)mask;
    }
    return (uint64_t)e->val;
}

/* What argument `v` of a call in frame `fd` is as a subscript (tframe.itok):
 * an integer constant, or the caller's index token in its own caller's
 * terms; NULL otherwise. */
static const char *arg_index(twalk *w, const tframe *fd, const cl_value *v)
{
    if (v->kind == CL_VAL_INT) {
        char num[32];
        snprintf(num, sizeof num, "%lld", v->ival);
        return intern_str(w, num);
    }
    if (v->kind != CL_VAL_UNKNOWN || v->ipath == NULL || v->ipath[0] != '$')
        return NULL;
    char *br = cl_arena_printf(cl_flow_scratch(w->flow), "[%s]", v->ipath);
    const char *sub = index_subst(w, fd, br);
    size_t n = strlen(sub);
    char *t = cl_arena_alloc(cl_flow_scratch(w->flow), n);
    memcpy(t, sub + 1, n - 2);
    t[n - 2] = '\0';
    return intern_str(w, t);
}

/* An indexed path (ir.h) resolved as resolve() does, through the indexed
 * bindings; `ipath` NULL stands for `path`. */
static const char *resolve_indexed(twalk *w, const tframe *fd, const char *path, const char *ipath)
{
    return index_subst(w, fd, resolve_in(w, fd, 1, ipath ? ipath : path, NULL));
}

/* The location an ADDR value points to or a LOAD value was read from. */
static const char *value_path(twalk *w, const tframe *fd, const cl_value *v, int *per_inst)
{
    if (v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD)
        return NULL;
    if (per_inst != NULL && v->per_iteration)
        *per_inst |= PI_INSTANCE | PI_ITERATION;
    return resolve(w, fd, v->path, per_inst);
}

/* value_path as an indexed path. */
static const char *value_ipath(twalk *w, const tframe *fd, const cl_value *v)
{
    if (v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD)
        return NULL;
    return resolve_indexed(w, fd, v->path, v->ipath);
}

/* Length of the root object of a resolved path: "G<usr>", "L<fn>#name@n",
 * either after a thread qualifier "T<n>:"; 0 when there is none. */
static size_t bound_root_len(const char *p)
{
    size_t q = 0;
    if (p[0] == 'T') {
        q = 1 + strspn(p + 1, "0123456789");
        if (q == 1 || p[q] != ':')
            return 0;
        q++;
    }
    size_t n = cl_path_owner_len(p + q);
    return n ? q + n : 0;
}

/* The end of the path step starting at `s` (".name" or "[]", with its
 * dereference "->" if any). */
static const char *step_end(const char *s)
{
    const char *e = s + 1;
    if (*s == '[') {
        const char *close = strchr(e, ']');
        e = close ? close + 1 : e;
    } else
        e += strcspn(e, ".[-");
    return strncmp(e, "->", 2) == 0 ? e + 2 : e;
}

/* Widening of a bound path: a member step that repeats an earlier one
 * (`a->.next->.b->.next->`, `n->.kids->[]->.kids->[]->` in a recursive
 * tree walk) closes a cycle through the heap, and the cycle is cut out:
 * "a->.next->" and "n->.kids->[]->" then stand for every object along it
 * (a summary object, merged rather than dropped: its accesses and locks
 * are kept). Bound paths are then bounded by the member names of the
 * program, and recursion over a data structure reaches a fixpoint instead
 * of a new calling context at every level. Returns `p` when nothing
 * repeats, else the shortened path in the walk's scratch buffer. */
static const char *widen_path(twalk *w, const char *p)
{
    size_t root = bound_root_len(p);
    if (root == 0)
        return p;
    char *t = NULL;
    const char *cur = p;
    const char *j = cur + root;
    while (*j) {
        const char *je = step_end(j), *i = cur + root;
        size_t nj = (size_t)(je - j);
        while (*j == '.' && i < j && !((size_t)(step_end(i) - i) == nj && strncmp(i, j, nj) == 0))
            i = step_end(i);
        if (*j != '.' || i == j) {
            j = je;
            continue;
        }
        if (t == NULL) { /* keep [.. i], drop (i .. j], keep the rest */
            size_t len = strlen(p);
            t = memcpy(tmp(w, len + 1), p, len + 1);
            i = t + (i - cur);
            je = t + (je - cur);
            cur = t;
        }
        size_t keep = (size_t)(step_end(i) - cur);
        memmove(t + keep, je, strlen(je) + 1);
        j = cur + keep;
    }
    return cur;
}

/* What a parameter is bound to for argument `v` (see resolve), interned
 * (or NULL). An element picked with the caller's local index is the
 * callee's own in each execution (cl_value.local_index): per instance, as
 * the caller's own access through that index would be. */
static const char *binding(twalk *w, const tframe *fd, const cl_value *v, int *per_inst, int indexed)
{
    const char *p = indexed ? value_ipath(w, fd, v) : value_path(w, fd, v, per_inst);
    if (p != NULL && per_inst != NULL && v->local_index)
        *per_inst |= PI_INSTANCE;
    if (p == NULL)
        return NULL;
    p = intern_str(w, widen_path(w, p));
    if (v->kind == CL_VAL_LOAD)
        return intern_cat(w, "=", p);
    return p;
}

static size_t lock_id(cl_model *m, const char *path)
{
    size_t id;
    if (cl_strmap_get(&m->lock_by_name, path, &id))
        return id;
    path = cl_arena_strdup(&m->arena, path); /* may be walk scratch */
    id = m->lock_names.n;
    CL_VEC_PUSH(&m->lock_names, path);
    cl_strmap_put(&m->lock_by_name, path, id);
    unsigned char kind = path[0] == '?' ? CL_LOCKNAME_CLASS
                         : (strstr(path, "[$") || strstr(path, "[?]")) ? CL_LOCKNAME_SYMBOLIC
                         : strstr(path, "[=") ? CL_LOCKNAME_RELATIVE : 0;
    CL_VEC_PUSH(&m->lock_kind, kind);
    return id;
}

/* ---- lock identity ---------------------------------------------------------- */

/* Whether the indexed path `ip` has an unknown subscript ("[?]"). */
static int has_unknown_subscript(const char *ip)
{
    const char *sub;
    size_t len;
    for (size_t k = 0; (sub = cl_path_subscript(ip, k, &len)) != NULL; k++)
        if (len == 0 || sub[0] == '?')
            return 1;
    return 0;
}

/* Whether index token `tok` ("$L<fn usr>#<name>@<line>!N", ir.h "Indexed
 * paths") is a variable of a function the walk is not in at `fr` (no
 * frame of the chain up to the thread's entry): the element was picked
 * by the thread's creator (`spawn(w, &devs[i])`), one per instance. */
static int index_from_creator(twalk *w, const cl_flow_frame *fr, const char *tok)
{
    const char *name;
    size_t len;
    if (tok[0] != '$' || tok[1] != 'L' || !cl_token_var(tok, &name, &len) || name <= tok + 3)
        return 0;
    size_t n = (size_t)(name - 1 - (tok + 2));
    for (; fr != NULL; fr = fr->parent) {
        const char *usr = w->m->cg.funcs.v[fr->func].fn->usr;
        if (strlen(usr) == n && memcmp(usr, tok + 2, n) == 0)
            return 0;
    }
    return 1;
}

/* Whether indexed path `aip` is in the array that lock name `name`
 * subscripts at `sub` (a '[' in it): it starts with name's part before
 * `sub` and a subscript. */
static int same_array(const char *name, const char *sub, const char *aip)
{
    size_t n = (size_t)(sub - name);
    return strncmp(aip, name, n) == 0 && aip[n] == '[';
}

/* Symbolic lock `lock` (CL_LOCKNAME_SYMBOLIC) as held for an access at the
 * indexed path `aip` (see cl_lockref in model.h): each "[$v]" becomes
 * "[=k]" when the access's k-th subscript is the same "$v" (the same
 * variable, not assigned in between). Returns the id of that name, or
 * SIZE_MAX when an index matches none of the access's subscripts (a lock
 * picked by another or an unknown index guards no element in particular);
 * then *maybe says whether the access, itself indexed by an expression we
 * cannot name, might still be guarded by it (`lock(&m[h % N]);
 * t[h % N]++`; not when the thread's creator picked the lock's element,
 * index_from_creator, and the access is in another array: each instance
 * holds its own lock): the symbolic lock
 * then stays possibly held (cl_model_common_lock compares it without its
 * subscripts). */
static size_t lock_for_access(twalk *w, const cl_flow_frame *fr, size_t lock, const char *aip,
                              int *maybe)
{
    const char *p = w->m->lock_names.v[lock];
    cl_strbuf *b = &w->lockname;
    b->len = 0;
    while (*p) {
        const char *close = *p == '[' ? strchr(p, ']') : NULL;
        if (close == NULL) {
            cl_strbuf_addn(b, p++, 1);
            continue;
        }
        size_t n = (size_t)(close - p - 1), len, k;
        const char *sub = NULL;
        for (k = 0; p[1] == '$' && (sub = cl_path_subscript(aip, k, &len)) != NULL; k++)
            if (len == n && memcmp(sub, p + 1, n) == 0)
                break;
        if (sub != NULL)
            cl_strbuf_addf(b, "[=%zu]", k);
        else if (p[1] == '$' || p[1] == '?') {
            *maybe = has_unknown_subscript(aip) &&
                     !(p[1] == '$' && !same_array(w->m->lock_names.v[lock], p, aip) &&
                       index_from_creator(w, fr, p + 1));
            return SIZE_MAX;
        } else
            cl_strbuf_addn(b, p, n + 2);
        p = close + 1;
    }
    return lock_id(w->m, cl_strbuf_str(b));
}

static int cmp_lockref(const void *x, const void *y)
{
    const cl_lockref *a = x, *b = y;
    return a->lock < b->lock ? -1 : a->lock > b->lock;
}

static int cmp_size(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static int held_for_sure(const cl_accrec *r, size_t lock)
{
    for (size_t i = 0; i < r->nlocks; i++)
        if (r->locks[i].lock == lock)
            return 1;
    return 0;
}

/* A scratch buffer for building the sets of one record (set_buf):
 * room for `nlocks` lock references, then `nmay` ids. */
static cl_lockref *set_buf(twalk *w, size_t nlocks, size_t nmay, size_t **may)
{
    cl_lockref *locks = cl_intern_tmp(&w->persisted, nlocks * sizeof *locks + nmay * sizeof **may);
    *may = locks != NULL ? (size_t *)(void *)(locks + nlocks) : NULL; /* (NULL when both are 0) */
    return locks;
}

/* The model's copy of the `n` bytes at `p`, a set or a string (NULL when
 * `n` is 0): one per walk for equal contents, so records with equal sets
 * share one copy. */
static const void *persist_mem(twalk *w, const void *p, size_t n)
{
    return cl_intern(&w->persisted, p, n);
}

/* Removes the class locks (model.h) from access record `r`: they guard no
 * one object. */
static void drop_class_locks(twalk *w, cl_accrec *r)
{
    const unsigned char *kind = w->m->lock_kind.v;
    size_t nl = 0, nm = 0;
    for (size_t i = 0; i < r->nmay; i++)
        nm += kind[r->may[i]] != CL_LOCKNAME_CLASS;
    if (nm == r->nmay)
        return;
    size_t *may;
    cl_lockref *locks = set_buf(w, r->nlocks, r->nmay, &may);
    nm = 0;
    for (size_t i = 0; i < r->nlocks; i++)
        if (kind[r->locks[i].lock] != CL_LOCKNAME_CLASS)
            locks[nl++] = r->locks[i];
    for (size_t i = 0; i < r->nmay; i++)
        if (kind[r->may[i]] != CL_LOCKNAME_CLASS)
            may[nm++] = r->may[i];
    r->locks = persist_mem(w, locks, nl * sizeof *locks), r->nlocks = (uint32_t)nl;
    r->may = persist_mem(w, may, nm * sizeof *may), r->nmay = (uint32_t)nm;
}

/* Rewrites the symbolic locks of record `r` (indexed path r->ipath)
 * relative to its subscripts (lock_for_access; the access made at `fr`),
 * in the model's arena. */
static void relative_locks(twalk *w, const cl_flow_frame *fr, cl_accrec *r)
{
    const unsigned char *kind = w->m->lock_kind.v;
    int any = 0;
    for (size_t i = 0; i < r->nmay && !any; i++)
        any = kind[r->may[i]] == CL_LOCKNAME_SYMBOLIC;
    /* (lock_for_access may add names: kinds are read afresh below) */
    if (!any)
        return;
    size_t *may;
    cl_lockref *locks = set_buf(w, r->nlocks, r->nmay, &may);
    size_t nl = 0, nm = 0;
    for (size_t i = 0; i < r->nlocks; i++) {
        int maybe = 0;
        locks[nl] = r->locks[i];
        if (w->m->lock_kind.v[r->locks[i].lock] == CL_LOCKNAME_SYMBOLIC)
            locks[nl].lock = lock_for_access(w, fr, r->locks[i].lock, r->ipath, &maybe);
        nl += locks[nl].lock != SIZE_MAX;
    }
    for (size_t i = 0; i < r->nmay; i++) {
        int maybe = 0;
        size_t id = r->may[i];
        if (w->m->lock_kind.v[id] == CL_LOCKNAME_SYMBOLIC) {
            id = lock_for_access(w, fr, id, r->ipath, &maybe);
            /* Held only on some path, it stays a possibly held lock, as
             * unlikely to be a different element as any other. */
            if (id == SIZE_MAX && (maybe || !held_for_sure(r, r->may[i])))
                id = r->may[i];
        }
        if (id != SIZE_MAX)
            may[nm++] = id;
    }
    qsort(locks, nl, sizeof *locks, cmp_lockref);
    qsort(may, nm, sizeof *may, cmp_size);
    r->locks = persist_mem(w, locks, nl * sizeof *locks);
    r->nlocks = (uint32_t)nl;
    r->may = persist_mem(w, may, nm * sizeof *may);
    r->nmay = (uint32_t)nm;
}

/* ---- program points -------------------------------------------------------- */

/* The model's copy of the synchronization sets of `st` (cl_accrec.sync),
 * one per walk for equal sets. */
static const cl_syncsets *persist_sync(twalk *w, const tstate *st, size_t once)
{
    cl_syncsets k;
    memset(&k, 0, sizeof k); /* (the padding is part of the key) */
    k.once = once;
    k.nacq = st->nacq;
    k.acq = persist_mem(w, st->acq, st->nacq * sizeof *st->acq);
    k.nrel = st->nrel;
    k.rel = persist_mem(w, st->rel, st->nrel * sizeof *st->rel);
    k.ntok = st->ntok;
    k.tok = persist_mem(w, st->tok, st->ntok * sizeof *st->tok);
    k.nftok = st->nftok;
    k.ftok = persist_mem(w, st->ftok, st->nftok * sizeof *st->ftok);
    k.nshake = st->nshake;
    k.shake = persist_mem(w, st->shake, st->nshake * sizeof *st->shake);
    int added;
    cl_blobent *e = cl_blob_lookup(&w->persisted_sync, cl_flow_scratch(w->flow), &k, sizeof k,
                                   &added);
    if (added) {
        cl_syncsets *c = cl_arena_alloc(&w->m->arena, sizeof *c);
        *c = k;
        e->val = (size_t)(uintptr_t)c;
    }
    return (const cl_syncsets *)e->val;
}

/* The copy in the model's arena of the walk's call chain `f`, made once
 * per frame: distinct frames stay distinct. */
static const cl_frame *persist_frame(twalk *w, const cl_flow_frame *f)
{
    if (f == NULL)
        return NULL;
    uintptr_t key = (uintptr_t)f;
    int added;
    cl_blobent *e = cl_blob_lookup(&w->persisted_frames, cl_flow_scratch(w->flow), &key,
                                   sizeof key, &added);
    if (!added)
        return (const cl_frame *)e->val;
    cl_frame *c = cl_arena_alloc(&w->m->arena, sizeof *c);
    e->val = (size_t)(uintptr_t)c;
    /* (the entry is complete before the parent's copy may grow the table) */
    c->parent = persist_frame(w, f->parent);
    c->call = f->call;
    c->func = f->func;
    c->merged = f->data != NULL && ((const tframe *)f->data)->merged;
    const tstate *in = cl_flow_entry_state(f);
    if (in != NULL) {
        c->nentry = in->nlocks;
        c->entry = persist_mem(w, in->locks, in->nlocks * sizeof *in->locks);
        c->nentry_may = in->nmay;
        c->entry_may = persist_mem(w, in->may, in->nmay * sizeof *in->may);
    }
    return c;
}

/* Copies the state's sets into the model for a record. */
static void persist_sets(twalk *w, const tstate *st, size_t *nlocks, const cl_lockref **locks,
                         size_t *nmay, const size_t **may, size_t *nlive, const size_t **live)
{
    *nlocks = st->nlocks;
    *locks = persist_mem(w, st->locks, st->nlocks * sizeof *st->locks);
    *nmay = st->nmay;
    *may = persist_mem(w, st->may, st->nmay * sizeof *st->may);
    *nlive = st->nlive;
    *live = persist_mem(w, st->live, st->nlive * sizeof *st->live);
}

static const fact *fact_make(twalk *w, const char *var, cl_test_op op, long long value, int holds);
static int refutes(const fact *a, const fact *b);

/* Whether every thread live on path `s` is live only where global `g`
 * tests true (`then` 1) or false (0): started under a test of `g` that
 * came out that way (tstate.cond: `if (g) pthread_create(..)` for 1), so
 * that the paths where `g` tests the other way run beside none of them.
 * Not when none is live. */
static int live_only_if(twalk *w, const tstate *s, const char *g, int then)
{
    const fact *other = fact_make(w, g, CL_TEST_NE, 0, !then);
    for (size_t i = 0; i < s->nlive; i++) {
        int only = 0;
        for (size_t k = 0; k < s->cond.n && !only; k++) {
            const condlive *e = (const condlive *)s->cond.v[k];
            only = e->thread == s->live[i] && e->f->var == other->var && refutes(e->f, other);
        }
        if (!only)
            return 0;
    }
    return s->nlive > 0;
}

/* The global a condition key tests alone (cl_node_ext.cond_key: "{G...}"),
 * or against zero ("(b16 {G...} 0)", `!= 0`; "(b15 {G...} 0)", `== 0`,
 * with *flip set: its then-branch runs where the global is zero); NULL
 * for any other key. Interned in the walk's scratch. */
static const char *global_tested(twalk *w, const char *key, int *flip)
{
    *flip = 0;
    size_t skip = 0, n = strlen(key);
    if (strncmp(key, "(b16 ", 5) == 0 || strncmp(key, "(b15 ", 5) == 0) {
        if (n < 8 || strcmp(key + n - 3, " 0)") != 0)
            return NULL;
        *flip = key[3] == '5';
        skip = 5;
        n -= 3;
    }
    const char *k = key + skip;
    n -= skip;
    if (n < 3 || k[0] != '{' || k[1] != 'G' || strcspn(k + 1, "{} ") != n - 2 || k[n - 1] != '}')
        return NULL;
    char *g = tmp(w, n);
    memcpy(g, k + 1, n - 2);
    g[n - 2] = '\0';
    return g;
}

/* Whether global `g`, tested true (`then` 1) where `lock` was taken, is
 * the pointer the lock lives behind (`if (hash_lock)
 * fio_sem_down(hash_lock)`, lock "G...hash_lock->..."): the lock exists
 * exactly while the pointer is set, and then every thread takes it; where
 * the pointer is NULL there is no lock for anyone. A guard, not a
 * partial lock. */
static int own_pointer_test(const twalk *w, size_t lock, const char *g, int then)
{
    const char *name = lock < w->m->lock_names.n ? w->m->lock_names.v[lock] : NULL;
    size_t n = strlen(g);
    return then && name != NULL && strncmp(name, g, n) == 0 && strncmp(name + n, "->", 2) == 0;
}

/* Whether possibly held `lock` was taken on some paths only, where the
 * others take none: taken in one alternative of a keyed `if` (`if (c)
 * lock(m)`, tstate.conds) whose other alternative took no lock, or after
 * a trylock this invocation (or a caller) found failed on some path
 * (tstate.tryskip). A path where c is false reaches an access holding
 * nothing, so the lock guards it on no path a race needs. That holds for
 * a test of a global too (`if (threaded) lock(m)`: with threaded 0 the
 * threads run unlocked), unless the threads live here run only where the
 * global tests the way that took the lock (live_only_if: `if (threaded)
 * pthread_create(..)`); a thread started in that mode (cl_thread's start
 * facts) has the test decided and holds the lock for sure. Kept as a
 * guard: a wrapper choosing the primitive (`if (rw) wrlock(&l->rw); else
 * lock(&l->mu)`: one in each alternative), a trylock whose result is
 * tested elsewhere (no condition, a callee's failure), and one the `if`
 * took again, possibly held already (a trylock before it: COND_AGAIN). */
static int partial_lock(twalk *w, const tstate *st, size_t lock)
{
    for (size_t i = 0; i < st->nlocks; i++)
        if (st->locks[i].lock == lock)
            return 0;
    if (cl_ids_contains(st->tryskip, st->ntryskip, lock))
        return 1;
    for (size_t i = 0; i < st->nconds; i++) {
        const char *key = (const char *)st->conds[3 * i + 1];
        if (st->conds[3 * i] != lock || (st->conds[3 * i + 2] & COND_AGAIN))
            continue;
        int other = 0;
        for (size_t j = 0; j < st->nconds && !other; j++)
            other = st->conds[3 * j + 1] == st->conds[3 * i + 1] &&
                    ((st->conds[3 * j + 2] ^ st->conds[3 * i + 2]) & 1u);
        if (other)
            continue;
        /* (a test of the global alone: "{G...}", or against zero: "(b16
         * {G...} 0)" for `!= 0`, "(b15 {G...} 0)" for `== 0`, which swaps
         * the alternatives) */
        int flip = 0;
        const char *g = global_tested(w, key, &flip);
        int then = (int)(st->conds[3 * i + 2] & 1u) ^ flip;
        if (g != NULL && (live_only_if(w, st, g, then) || own_pointer_test(w, lock, g, then)))
            continue;
        return 1;
    }
    return 0;
}

/* An access record's `may`: the state's, less the partial locks. */
static void guarding_may(twalk *w, const tstate *st, cl_accrec *r)
{
    size_t n = 0;
    for (size_t i = 0; i < st->nmay; i++)
        n += !partial_lock(w, st, st->may[i]);
    if (n == st->nmay)
        return;
    size_t *may;
    set_buf(w, 0, n, &may);
    n = 0;
    for (size_t i = 0; i < st->nmay; i++)
        if (!partial_lock(w, st, st->may[i]))
            may[n++] = st->may[i];
    r->may = persist_mem(w, may, n * sizeof *may), r->nmay = (uint32_t)n;
}

static uint64_t seen_hash(uintptr_t bits, const void *a, const void *b, const void *c)
{
    uintptr_t k[4] = { bits, (uintptr_t)a, (uintptr_t)b, (uintptr_t)c };
    return cl_blob_hash(k, sizeof k);
}

/* The entry of key (bits, a, b, c), `bits` below 256; a new one (*added
 * set) has serial 0. The entry stays where it is until the next is added. */
static seen_ent *seen_lookup(seenset *s, uintptr_t bits, const void *a, const void *b,
                             const void *c, int *added)
{
    if ((s->n + 1) * 4 > s->cap * 3) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        free(s->slot);
        s->slot = cl_xcalloc(cap, sizeof *s->slot);
        s->cap = cap;
        for (size_t i = 0; i < s->n; i++) {
            const seen_ent *e = &s->e[i];
            size_t j = (size_t)seen_hash(e->tag & 0xff, e->a, e->b, e->c) & (cap - 1);
            while (s->slot[j] != 0)
                j = (j + 1) & (cap - 1);
            s->slot[j] = (uint32_t)(i + 1);
        }
    }
    size_t mask = s->cap - 1;
    for (size_t i = (size_t)seen_hash(bits, a, b, c) & mask;; i = (i + 1) & mask) {
        if (s->slot[i] == 0) {
            if (s->n == s->ecap) {
                s->ecap = s->ecap ? s->ecap * 2 : 1024;
                s->e = cl_xrealloc(s->e, s->ecap * sizeof *s->e);
            }
            seen_ent *e = &s->e[s->n++];
            e->tag = bits, e->a = a, e->b = b, e->c = c;
            s->slot[i] = (uint32_t)s->n;
            *added = 1;
            return e;
        }
        seen_ent *e = &s->e[s->slot[i] - 1];
        if ((e->tag & 0xff) == bits && e->a == a && e->b == b && e->c == c) {
            *added = 0;
            return e;
        }
    }
}

/* Returns 1 the first time (what, state) is recorded in this walk (for
 * call and exit records, `path` is the frame's entry state: a function
 * entered with other locks held is recorded again, cl_frame.entry).
 * `kind` (1 to 3) and the small `per_inst` bits (below 16) share the
 * key's first byte. */
static int first_record(twalk *w, uintptr_t kind, const void *ev, const void *path,
                        unsigned per_inst, const void *st)
{
    uintptr_t bits = kind | (uintptr_t)per_inst << 2;
    int added;
    seen_ent *e = seen_lookup(&w->seen, bits, ev, path, st, &added);
    if (!added) {
        /* (the last dead range starting at or below the serial) */
        size_t serial = (size_t)(e->tag >> 8), lo = 0, hi = w->dead.n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (w->dead.v[mid].lo <= serial)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == 0 || serial >= w->dead.v[lo - 1].hi)
            return 0;
    }
    e->tag = (uintptr_t)w->nseen++ << 8 | bits;
    return 1;
}

/* The walk's speculation hook (cl_flow_domain.speculate): an undone
 * round's access, call and exit records are dropped and their dedupe
 * entries made dead, so the rounds that follow record them again. */
static void t_speculate(cl_flow *f, int what)
{
    twalk *w = cl_flow_ctx(f);
    cl_model *m = w->m;
    if (what == CL_FLOW_SPEC_BEGIN) {
        struct spec_mark k = { m->accesses.n, m->calls.n, m->exits.n, w->nseen };
        CL_VEC_PUSH(&w->marks, k);
        return;
    }
    struct spec_mark k = w->marks.v[--w->marks.n];
    if (what == CL_FLOW_SPEC_KEEP)
        return;
    m->accesses.n = k.acc;
    m->calls.n = k.calls;
    m->exits.n = k.exits;
    if (k.seen == w->nseen)
        return;
    while (w->dead.n > 0 && w->dead.v[w->dead.n - 1].lo >= k.seen)
        w->dead.n--; /* (inner undone rounds, inside this one) */
    struct serials d = { k.seen, w->nseen };
    CL_VEC_PUSH(&w->dead, d);
}

/* Whether resolved indexed path `ip` has a subscript that is the running
 * thread's start argument (cl_accrec.arg_subscript): the token of its
 * entry's first parameter before any assignment to it. */
static int arg_subscript(twalk *w, const char *ip)
{
    const cl_thread *t = &w->m->threads.v[w->thread];
    if (ip == NULL || t->entry == SIZE_MAX)
        return 0;
    const cl_function *fn = w->m->cg.funcs.v[t->entry].fn;
    if (fn->nparams == 0)
        return 0;
    for (const char *p = strstr(ip, "[$"); p != NULL; p = strstr(p + 1, "[$")) {
        const char *close = strchr(p, ']');
        if (close != NULL && cl_token_is_param(p + 1, (size_t)(close - p - 1), fn, 0))
            return 1;
    }
    return 0;
}

static int is_spawn_site(cl_model *m, const cl_event *ev);
static int tree_spawns(cl_model *m, const unsigned char *spawners, const cl_node *n);

/* Whether, in preorder of tree `n`, event `ev` comes before every call
 * that may hand an object to another thread (a spawn site, a call passing
 * a function, a call of a function that hands a parameter over): 1 it
 * does, 0 a hand-over comes first, -1 neither is in `n`. */
static int before_hand_over(twalk *w, const cl_node *n, const cl_event *ev)
{
    if (n == NULL)
        return -1;
    if (n->kind == CL_N_EVENT) {
        if (n->ev == ev)
            return 1;
        if (n->ev->kind != CL_EV_CALL)
            return -1;
        const cl_call *c = &n->ev->u.call;
        int gives = is_spawn_site(w->m, n->ev);
        for (size_t i = 0; i < c->nargs && !gives; i++)
            gives = c->args[i].kind == CL_VAL_FUNC;
        size_t one;
        const size_t *cands;
        size_t nc = cl_callgraph_callees(&w->m->cg, n->ev, &one, &cands);
        for (size_t j = 0; j < nc && !gives; j++)
            gives = w->hands_over[cands[j]] != 0;
        return gives ? 0 : -1;
    }
    int r = before_hand_over(w, n->cond, ev);
    for (size_t i = 0; i < n->nkids && r < 0; i++)
        r = before_hand_over(w, n->kids[i], ev);
    return r;
}

/* Whether call `call` is in a loop that starts a thread (a spawn site, or
 * a call of a function that may spawn, in the loop's body) and comes
 * before every hand-over there (before_hand_over): what it does to the
 * round's element, the round's thread has not been given yet. */
static int in_spawn_loop(twalk *w, const cl_event *call)
{
    const cl_node *loop = cl_callgraph_enclosing(&w->m->cg, call, CL_N_LOOP);
    return loop != NULL && tree_spawns(w->m, w->spawners, loop) &&
           before_hand_over(w, loop, call) == 1;
}

/* PI_ITERATION when indexed path `ip` of event `ev` (an access, or the
 * start argument of a spawn) picks an array element with a parameter
 * of the running function that its caller passed as the induction
 * variable of a spawn loop (`start_worker(wq, i)`, then `sw =
 * &wq->workers[index]`: that round's element, cl_accrec.per_iteration,
 * not a private object), before the function hands anything over (after
 * that, the element may be another thread's too); else 0. */
static int iteration_subscript(twalk *w, const cl_flow_frame *fr, const char *ip,
                               const cl_event *ev)
{
    const tframe *fd = fr->data;
    if (fd == NULL || fd->bind_per_inst == NULL || ip == NULL)
        return 0;
    const cl_function *fn = w->m->cg.funcs.v[fr->func].fn;
    for (const char *p = strstr(ip, "[$"); p != NULL; p = strstr(p + 1, "[$")) {
        const char *close = strchr(p, ']');
        for (size_t k = 0; close != NULL && k < fd->nbind; k++)
            if ((fd->bind_per_inst[k] & PI_ITERATION) &&
                cl_token_is_param(p + 1, (size_t)(close - p - 1), fn, k))
                return before_hand_over(w, fn->body, ev) == 1 ? PI_ITERATION : 0;
    }
    return 0;
}

static void record_access(twalk *w, const cl_flow_frame *fr, const cl_event *ev, const void *ps)
{
    const tframe *fd = fr->data;
    if (!cl_flow_publishing(w->flow) || (fd != NULL && fd->in_once && fd->once == 0))
        return;
    if (fd != NULL && fd->in_atomic)
        ps = add_lock(w, ps, lock_id(w->m, CL_ATOMIC_SECTION_LOCK), 0);
    const tstate *st = ps;
    int per_inst = 0;
    const char *path = resolve(w, fr->data, ev->u.access.path, &per_inst);
    if (path == NULL)
        return;
    /* A stack object of a multi thread is private to each instance. */
    if (strncmp(path, w->own, strlen(w->own)) == 0)
        per_inst |= PI_INSTANCE;
    /* An element this execution claimed with a local index (`me =
     * &workers[id]`) is its own; so is one picked with an index read from
     * the instance's own object (`sums[a->idx]`, `a` its own argument). */
    if (ev->u.access.flags & CL_ACC_OWN_ELEMENT)
        per_inst |= PI_INSTANCE;
    int index_own = 0;
    if (ev->u.access.index_path != NULL && !per_inst)
        resolve(w, fr->data, ev->u.access.index_path, &index_own);
    if (index_own)
        per_inst |= PI_INSTANCE;
    int iter = iteration_subscript(w, fr, ev->u.access.ipath, ev);
    const char *ip = ev->u.access.ipath ? resolve_indexed(w, fr->data, ev->u.access.path,
                                                          ev->u.access.ipath)
                                        : NULL;
    ip = intern_str(w, ip);
    /* (a parameter's object may have been picked with the index by a
     * caller: `push(rings[id])`); the thread's own index when it was
     * started with the spawn loop's index (cl_thread.arg_index) */
    int by_arg = !per_inst && arg_subscript(w, ip != NULL ? ip : resolve_indexed(w, fr->data, ev->u.access.path, NULL));
    int own_ix = by_arg && w->m->threads.v[w->thread].arg_index;
    path = intern_str(w, path);
    int in_once = fd != NULL && fd->once != 0; /* (a routine also called directly) */
    if (!first_record(w, 1, ev, path,
                      (unsigned)(per_inst | iter | own_ix << 2 | by_arg << 3 | in_once << 4), ps))
        return;
    cl_accrec r;
    memset(&r, 0, sizeof r);
    r.ev = ev;
    r.path = persist_mem(w, path, strlen(path) + 1);
    r.ipath = ip ? persist_mem(w, ip, strlen(ip) + 1) : r.path;
    r.thread = w->thread;
    size_t nlocks, nmay, nlive;
    persist_sets(w, st, &nlocks, &r.locks, &nmay, &r.may, &nlive, &r.live);
    r.nlocks = (uint32_t)nlocks, r.nmay = (uint32_t)nmay, r.nlive = (uint32_t)nlive;
    guarding_may(w, st, &r);
    drop_class_locks(w, &r);
    relative_locks(w, fr, &r);
    r.frame = persist_frame(w, fr);
    r.per_instance = per_inst != 0;
    r.per_iteration = ((per_inst | iter) & PI_ITERATION) || (ev->u.access.flags & CL_ACC_INDUCTION_INDEX);
    r.own_index = (unsigned)own_ix;
    r.pinned = (unsigned)st->pinned;
    r.pin = st->pin;
    r.arg_subscript = (unsigned)by_arg;
    r.barrier_phase = (signed char)st->bphase;
    r.sync = persist_sync(w, st, fd != NULL ? fd->once : 0);
    CL_VEC_PUSH(&w->m->accesses, r);
}

/* Records a classified library call with the state before it; returns
 * its index in m->calls, or SIZE_MAX when it was not recorded (a
 * duplicate, or a fixpoint round). */
static size_t record_call(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *ps)
{
    const tstate *st = ps;
    if (!cl_flow_publishing(w->flow) ||
        !first_record(w, 2, ev, cl_flow_entry_state(fr), 0, ps))
        return SIZE_MAX;
    cl_callrec r;
    memset(&r, 0, sizeof r);
    r.ev = ev;
    r.spec = cs;
    r.thread = w->thread;
    persist_sets(w, st, &r.nlocks, &r.locks, &r.nmay, &r.may, &r.nlive, &r.live);
    r.frame = persist_frame(w, fr);
    r.lock = SIZE_MAX;
    r.target = SIZE_MAX;
    r.again_thread = SIZE_MAX;
    CL_VEC_PUSH(&w->m->calls, r);
    return w->m->calls.n - 1;
}

/* The first thread live in one state and not in the other, or SIZE_MAX. */
static size_t live_diff(const tstate *with, const tstate *without)
{
    for (size_t i = 0; i < with->nlive; i++)
        if (!cl_ids_contains(without->live, without->nlive, with->live[i]))
            return with->live[i];
    return SIZE_MAX;
}

/* Records a function exit with the state there. */
static void t_on_exit(cl_flow *f, const cl_flow_frame *fr, const cl_node *ret, const void *ps)
{
    twalk *w = cl_flow_ctx(f);
    const tstate *st = ps;
    if (fr->parent == NULL) { /* the thread ends with them still running */
        tstate z = *st;
        break_holds(w, &z, SIZE_MAX);
    }
    const cl_node *at = ret ? ret : w->m->cg.funcs.v[fr->func].fn->body;
    if (!first_record(w, 3, cl_flow_entry_state(fr), (const char *)(const void *)at, 0, ps))
        return;
    cl_exitrec r;
    memset(&r, 0, sizeof r);
    r.ret = ret;
    r.thread = w->thread;
    persist_sets(w, st, &r.nlocks, &r.locks, &r.nmay, &r.may, &r.nlive, &r.live);
    /* (a thread a gate sent home still exists: its handle is owed a join
     * or detach) */
    const size_t *live = st->live;
    size_t nlive = st->nlive;
    for (size_t i = 0; i < st->gates.n; i++) {
        const gatelive *e = (const gatelive *)st->gates.v[i];
        size_t t = e->thread;
        if (e->flags & GATE_HOME)
            live = ids_union(w, live, nlive, &t, 1, &nlive);
    }
    if (nlive != st->nlive) {
        r.live = persist_mem(w, live, nlive * sizeof *live);
        r.nlive = nlive;
    }
    r.njumped = st->njumped;
    r.jumped = persist_mem(w, st->jumped, st->njumped * sizeof *st->jumped);
    r.frame = persist_frame(w, fr);
    CL_VEC_PUSH(&w->m->exits, r);
}

/* The access a library call makes through argument `arg` (memcpy's
 * destination, snprintf's buffer): an access event of the whole pointee
 * (CL_ACC_WHOLE), synthesized once per call site and argument, owned by
 * the model. */
static const cl_event *lib_access(cl_model *m, const cl_event *call, int arg, unsigned kind)
{
    uintptr_t key[3] = { (uintptr_t)call, (uintptr_t)arg, kind };
    int added;
    cl_blobent *slot = cl_blob_lookup(&m->lib_events, &m->arena, key, sizeof key, &added);
    if (!added)
        return m->lib_access.v[slot->val];
    const cl_value *v = &call->u.call.args[arg];
    cl_event *e = cl_arena_alloc(&m->arena, sizeof *e);
    e->kind = CL_EV_ACCESS;
    e->loc = call->loc;
    e->u.access.path = v->path;
    if (v->name != NULL)
        e->u.access.name = v->name;
    else if (v->path != NULL && (v->path[0] == 'G' || v->path[0] == 'L' || v->path[0] == 'H'))
        e->u.access.name = cl_model_path_display(m, v->path);
    else
        e->u.access.name = cl_arena_printf(&m->arena, "%s %s", call->u.call.callee_name,
                                           (kind & CL_ACC_WRITE) ? "destination" : "source");
    e->u.access.flags = kind | CL_ACC_WHOLE | (v->per_iteration ? CL_ACC_INDUCTION_INDEX : 0);
    slot->val = m->lib_access.n;
    CL_VEC_PUSH(&m->lib_access, e);
    return e;
}

/* How library call `cs` touches the pointee of its argument `a` of value
 * `v`: CL_ACC_READ and/or CL_ACC_WRITE, or 0 (callspec.h: writes, reads,
 * vwrites, vreads). */
static unsigned lib_arg_access(const cl_callspec *cs, size_t a, const cl_value *v)
{
    unsigned kind = 0;
    if (a < 8 && ((cs->writes >> a) & 1u))
        kind |= CL_ACC_WRITE;
    if (a < 8 && ((cs->reads >> a) & 1u))
        kind |= CL_ACC_READ;
    if (cs->vwrites > 0 && a >= cs->vwrites)
        kind |= CL_ACC_WRITE;
    if (cs->vreads > 0 && a >= cs->vreads && v->string)
        kind |= CL_ACC_READ;
    return kind;
}

/* Can free() release the object at resolved path `p`: the pointee of a
 * pointer held in a global or stack object ("Gcur->", "T1:L...#job->",
 * "Gconns[]->")? Not a variable itself (a wrong guess of what a
 * parameter is bound to: no program frees a global), and not an object
 * deeper in a heap structure ("Glist->.head->.next->"): that path stands
 * for every node along the structure, and the one freed is almost always
 * another one, unlinked by the thread that owns it now. */
static int freed_block(const char *p)
{
    const char *arrow = strstr(p, "->");
    return arrow != NULL && arrow[2] == '\0';
}

/* ---- spawn and join -------------------------------------------------------- */


/* The field chain of a raw handle path: what is left after the variable
 * ("P0.thread_id", "Gc:@srv.listener" -> ".thread_id", ".listener"), or
 * NULL when there is none. Used to pair a join with a spawn whose handle
 * lives in an object the analysis does not track (`mosq->thread_id` on the
 * heap): the same field of the same kind of object. */
static const char *handle_signature(const cl_value *v)
{
    if ((v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD) || v->path == NULL)
        return NULL;
    const char *p = v->path;
    size_t root = 0;
    if (p[0] == 'P' || p[0] == 'V')
        root = 1 + strspn(p + 1, "0123456789");
    else
        root = cl_path_owner_len(p);
    if (root == 0 || p[root] != '.')
        return NULL;
    return p + root;
}

/* Whether two frames are the same invocation: the same chain of calls
 * from the walk's entry (walked once, or again in another abstract state
 * or calling context of one of its callers). */
static int same_chain(const cl_flow_frame *a, const cl_flow_frame *b)
{
    for (; a != NULL && b != NULL && a != b; a = a->parent, b = b->parent)
        if (a->func != b->func || a->call != b->call)
            return 0;
    return a == b;
}

/* The rounds of counting loop `loop` (the one around the spawn or join;
 * may be NULL) when its induction variable indexes handle `v` (`&t[i]`,
 * `t[i]`), or 0: a join loop that runs fewer rounds than the spawn loop
 * leaves threads running. */
static long long handle_trip(const cl_value *v, const cl_node *loop)
{
    return v->per_iteration && loop != NULL ? loop->x->trip : 0;
}

/* Fills `t`'s ended_at_spawn: the threads whose end state `s` (the
 * creator's at the spawn) acquired on every path. */
static void ended_siblings(twalk *w, const tstate *s, cl_thread *t)
{
    size_t *v = NULL, n = 0;
    for (size_t i = 0; i < s->nacq; i++) {
        size_t end_of = w->m->syncs.v[s->acq[i]].end_of;
        if (end_of == 0)
            continue;
        if (v == NULL)
            v = cl_arena_alloc(&w->m->arena, s->nacq * sizeof *v);
        v[n++] = end_of - 1;
    }
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_size);
    t->ended_at_spawn = v;
    t->nended_at_spawn = n;
}

/* A spawn at `fr` into handle `handle` (a resolved path; NULL: untracked)
 * overwrites what it held: a live thread started into the same single
 * object (not an array element, nor, `each_round`, a handle in the
 * round's own object of a loop, cl_value.per_iteration: `&j->tid` of a
 * list walk's node; for a local, of the same invocation) can no longer be
 * joined through it, and the joins and detaches made through it before
 * (tstate.done) were of another thread. */
static const void *overwrite_handle(twalk *w, const cl_flow_frame *fr, const void *ps,
                                    const char *handle, int each_round)
{
    if (handle == NULL)
        return ps;
    tstate s = *(const tstate *)ps;
    /* (what was joined or detached through the handle is forgotten: a
     * join after this one is the new thread's) */
    cl_flow_set keep = { NULL, 0 };
    for (size_t i = 0; i < s.done.n; i++) {
        const thread_extra *x = &w->extra->v[((const handled *)s.done.v[i])->thread];
        if (x->handle_path == NULL || strcmp(x->handle_path, handle) != 0)
            keep = cl_flow_set_add(w->flow, keep, s.done.v[i]);
    }
    s.done = keep.n == s.done.n ? s.done : keep;
    if (strstr(handle, "[]") != NULL || each_round)
        return st_make(w, &s);
    for (size_t i = 0; i < s.nlive; i++) {
        const thread_extra *x = &w->extra->v[s.live[i]];
        if (x->handle_path != NULL && strcmp(x->handle_path, handle) == 0 &&
            (!x->handle_local || same_chain(x->walk_frame, fr)))
            s.orphans = cl_flow_set_add(w->flow, s.orphans, s.live[i]);
    }
    return st_make(w, &s);
}

/* One thread instance for spawn `ev` (named at `site`) running `entry`;
 * `once_in_loop`: the spawn's loop starts it at most once (see do_spawn). */
/* Whether a start fact of `x` says `var op value` (on a global). */
static int has_start_fact(const thread_extra *x, const fact *f)
{
    for (size_t i = 0; i < x->nstart; i++)
        if (x->start[i].value == f->value && x->start[i].op == f->op && strcmp(x->start[i].var, f->var) == 0)
            return 1;
    return 0;
}

/* A spawn of the thread of `x` in state `st`: its start facts become the
 * creator's modes and facts on globals there (the first spawn), or those
 * of them that also hold there (a later one). A mode the creator stored
 * is not one: an initial value stored before the spawns (`io_op = IDLE`)
 * is what the creator changes later to hand the thread work, in code the
 * walk may not reach (an event loop's hook), and the thread would start
 * with its work ruled out. */
static void note_start_facts(twalk *w, thread_extra *x, const void *st)
{
    const tstate *s = st;
    struct startfact *v = NULL;
    size_t n = 0;
    for (size_t i = 0; i < s->modes.n + s->facts.n; i++) {
        const fact *f = (const fact *)(i < s->modes.n ? s->modes.v[i] : s->facts.v[i - s->modes.n]);
        if (f->var[0] != 'G' || f->stored || (x->start_seen && !has_start_fact(x, f)))
            continue;
        v = cl_xrealloc(v, (n + 1) * sizeof *v);
        v[n].var = cl_arena_strdup(&w->m->arena, f->var);
        v[n].value = f->value;
        v[n++].op = f->op;
    }
    free(x->start);
    x->start = v;
    x->nstart = n;
    x->start_seen = 1;
}

/* The value `v` (in frame *fr) had where it was named: while it is a
 * parameter passed down unchanged, the caller's argument, *fr moving to
 * the caller's frame and *site (when not NULL) to the call. */
static const cl_value *passed_down(const cl_flow_frame **fr, const cl_value *v,
                                   const cl_event **site)
{
    int k;
    while ((k = cl_value_param(v)) >= 0 && (*fr)->call != NULL &&
           (size_t)k < (*fr)->call->u.call.nargs) {
        if (site != NULL)
            *site = (*fr)->call;
        v = &(*fr)->call->u.call.args[k];
        *fr = (*fr)->parent;
    }
    return v;
}

/* The one function value `v`, an argument or a stored value in frame
 * `fr`, designates: the caller's own value where `v` is a parameter
 * passed down (a CL_VAL_FUNC of the IR: it names the build variant of
 * the function that TU links, cl_callgraph_values), else a CL_VAL_FUNC
 * in the model's arena; NULL when it designates none or several. With
 * `named_at`, the outermost call that passed it down (NULL: `fr`'s
 * function names it). */
static const cl_value *one_function(twalk *w, const cl_flow_frame *fr, const cl_value *v,
                                    const cl_event **named_at)
{
    size_t one;
    const size_t *fs;
    if (cl_flow_values(w->flow, fr, v, &one, &fs) != 1)
        return NULL;
    const cl_event *site = NULL;
    v = passed_down(&fr, v, &site);
    if (named_at != NULL)
        *named_at = site;
    if (v->kind == CL_VAL_FUNC)
        return v;
    const cl_function *fn = w->m->cg.funcs.v[fs[0]].fn;
    cl_value *f = cl_arena_alloc(&w->m->arena, sizeof *f);
    memset(f, 0, sizeof *f);
    f->kind = CL_VAL_FUNC;
    f->func_usr = fn->usr;
    f->func_name = fn->name;
    return f;
}

/* The function start argument `v` of a spawn in frame `fr` designates
 * (cl_thread.arg_func); NULL when it is no function value or may be
 * several. */
static const cl_value *arg_function(twalk *w, const cl_flow_frame *fr, const cl_value *v)
{
    if (v->kind != CL_VAL_FUNC && cl_value_param(v) < 0)
        return NULL;
    return one_function(w, fr, v, NULL);
}

/* What block_members collects from the spawning function's writes to
 * members of the start block `root` (a raw path). */
typedef struct block_scan {
    twalk *w;
    const cl_flow_frame *fr;
    const char *root;
    struct { cl_block_member *v; size_t n, cap; } found;
} block_scan;

/* Records the write at `ev` when it sets a member of the block to a
 * pointer: one function, an object the creator's frame resolves, or one
 * it cannot name (neither). */
static void block_write(block_scan *b, const cl_event *ev)
{
    const cl_access *a = &ev->u.access;
    const char *member = cl_shape_block_member(b->root, a->path);
    if (!(a->flags & CL_ACC_WRITE) || a->stored == NULL || a->stored->kind == CL_VAL_INT ||
        member == NULL)
        return;
    cl_block_member bm = { member, NULL, NULL, NULL, 0, 0 };
    bm.func = one_function(b->w, b->fr, a->stored, &bm.named_at);
    if (bm.func == NULL && a->stored->kind == CL_VAL_ADDR) {
        int pi = 0;
        bm.path = value_path(b->w, b->fr->data, a->stored, &pi);
        bm.path = bm.path != NULL ? cl_arena_strdup(&b->w->m->arena, bm.path) : NULL;
        bm.per_instance = pi != 0;
    }
    for (size_t i = 0; i < b->found.n; i++) {
        cl_block_member *o = &b->found.v[i];
        if (strcmp(o->member, member) != 0)
            continue;
        int same = o->func != NULL ? bm.func != NULL && strcmp(o->func->func_usr, bm.func->func_usr) == 0
                                   : o->path != NULL && bm.path != NULL && strcmp(o->path, bm.path) == 0;
        if (!same) { /* (set to two things: neither) */
            memset(o, 0, sizeof *o);
            o->member = member;
        }
        return;
    }
    CL_VEC_PUSH(&b->found, bm);
}

static void block_scan_node(block_scan *b, const cl_node *n)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT) {
        if (n->ev != NULL && n->ev->kind == CL_EV_ACCESS)
            block_write(b, n->ev);
        return;
    }
    block_scan_node(b, n->cond);
    for (size_t k = 0; k < n->nkids; k++)
        block_scan_node(b, n->kids[k]);
}

static int cmp_block_member(const void *x, const void *y)
{
    return strcmp(((const cl_block_member *)x)->member, ((const cl_block_member *)y)->member);
}

/* A start block (shape.h): the members of the object the start argument
 * `v` of a spawn in frame `fr` points to, when that is an object of the
 * spawning function or of a caller that passed it on to a spawn wrapper
 * (a heap block it allocated, a local) and that function sets at least
 * one member to one function (`sb->fn = fn`, fn bound to `worker` at this
 * call). Each member it sets to a pointer goes into *out (the model's
 * arena, sorted by member): the function, the object, or neither when it
 * cannot name the object or the member is set to two different things.
 * Returns the count (0: no start block). One pass over that function's
 * body. */
static size_t block_members(twalk *w, const cl_flow_frame *fr, const cl_value *v, size_t entry,
                            const cl_block_member **out)
{
    *out = NULL;
    v = passed_down(&fr, v, NULL); /* (a block passed on to a spawn wrapper) */
    if (!cl_shape_block_root(v))
        return 0;
    block_scan b;
    memset(&b, 0, sizeof b);
    b.w = w;
    b.fr = fr;
    b.root = v->path;
    block_scan_node(&b, w->m->cg.funcs.v[fr->func].fn->body);
    size_t n = b.found.n, nfunc = 0;
    const cl_node *routine = w->m->cg.funcs.v[entry].fn->body;
    for (size_t i = 0; i < n; i++) {
        cl_block_member *bm = &b.found.v[i];
        nfunc += bm->func != NULL;
        bm->routine = bm->func != NULL && cl_shape_calls_member(routine, bm->member) == 1;
    }
    if (nfunc > 0) {
        cl_block_member *keep = cl_arena_alloc(&w->m->arena, n * sizeof *keep);
        memcpy(keep, b.found.v, n * sizeof *keep);
        qsort(keep, n, sizeof *keep, cmp_block_member);
        *out = keep;
    }
    free(b.found.v);
    return nfunc > 0 ? n : 0;
}

/* Thread `t`'s start block (cl_thread.block), for the walk of its entry
 * `fd`: its calls through the block's function members go to those
 * functions (cl_flow_entry_calls), and what its pointer members point to
 * is what the creator stored there (fd->block, resolve_in), except for a
 * member the entry sets itself (`sb->conf = calloc(..)`: then neither). */
static void start_block(twalk *w, const cl_thread *t, tframe *fd)
{
    if (t->nblock == 0 || fd->nbind == 0)
        return;
    cl_arena *a = cl_flow_scratch(w->flow);
    const char **paths = cl_arena_alloc(a, t->nblock * sizeof *paths);
    const cl_value **funcs = cl_arena_alloc(a, t->nblock * sizeof *funcs);
    cl_block_member *block = cl_arena_alloc(a, t->nblock * sizeof *block);
    const cl_node *body = w->m->cg.funcs.v[t->entry].fn->body;
    size_t n = 0;
    for (size_t i = 0; i < t->nblock; i++) {
        block[i] = t->block[i];
        const char *p0 = cl_arena_printf(a, "P0%s", block[i].member);
        if (cl_shape_writes(body, p0)) { /* (the thread sets it itself) */
            block[i].func = NULL;
            block[i].path = NULL;
        } else if (block[i].func != NULL) {
            paths[n] = cl_arena_printf(a, "%s->", p0);
            funcs[n++] = block[i].func;
        }
    }
    cl_flow_entry_calls(w->flow, paths, funcs, n);
    fd->block = block;
    fd->nblock = t->nblock;
}

/* The start argument of thread `t` when its spawn passes an integer
 * constant or a null pointer (cl_model_start_constant: `pthread_create(&a,
 * NULL, worker, (void *)1)`): bound in the entry's frame `fd` as a call's
 * constant argument is, so that a test of it (`if (arg)`, `if (id == 0)`
 * with `long id = (long)arg`) takes only the alternative that constant
 * selects. */
static void start_constant(twalk *w, const cl_thread *t, tframe *fd)
{
    long long k;
    if (fd->nbind == 0 || !cl_model_start_constant(w->m, t->id, &k))
        return;
    unsigned char *known = cl_arena_alloc(cl_flow_scratch(w->flow), fd->nbind);
    long long *value = cl_arena_alloc(cl_flow_scratch(w->flow), fd->nbind * sizeof *value);
    memset(known, 0, fd->nbind);
    memset(value, 0, fd->nbind * sizeof *value);
    known[0] = 1;
    value[0] = k;
    fd->arg_known = known;
    fd->arg_value = value;
}

/* The routine a trampoline runs (the USR of its start argument's
 * function, else of its start block's first routine), or NULL for a
 * thread that runs its entry's own code. */
static const char *routine_usr(const cl_value *afunc, const cl_block_member *block, size_t nblock)
{
    if (afunc != NULL)
        return afunc->func_usr;
    for (size_t i = 0; i < nblock; i++)
        if (block[i].routine)
            return block[i].func->func_usr;
    return NULL;
}

static const void *spawn_one(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                             const cl_callspec *cs, const cl_event *site, size_t entry,
                             int once_in_loop, const void *st)
{
    cl_model *m = w->m;
    const cl_call *c = &ev->u.call;
    int per_inst = 0;
    const char *arg = NULL, *iarg = NULL;
    if (cs->data >= 0 && (size_t)cs->data < c->nargs)
        if (c->args[cs->data].kind == CL_VAL_ADDR) { /* the start routine gets a pointer */
            arg = value_path(w, fr->data, &c->args[cs->data], &per_inst);
            iarg = value_ipath(w, fr->data, &c->args[cs->data]);
            /* (a helper starting the thread on the element its index
             * parameter picks: the spawn loop's round's own) */
            if (iteration_subscript(w, fr, c->args[cs->data].ipath, ev))
                per_inst |= PI_INSTANCE | PI_ITERATION;
        }
    const cl_value *afunc = cs->data >= 0 && (size_t)cs->data < c->nargs
                                ? arg_function(w, fr, &c->args[cs->data]) : NULL;
    const cl_block_member *block = NULL;
    size_t nblock = afunc == NULL && arg != NULL ? block_members(w, fr, &c->args[cs->data], entry, &block) : 0;
    for (size_t i = 0; i < nblock; i++)
        if (block[i].routine && block[i].named_at != NULL)
            cl_model_spawn_resolved(m, block[i].named_at);
    const char *handle = NULL;
    if (cs->obj >= 0 && (size_t)cs->obj < c->nargs)
        handle = value_path(w, fr->data, &c->args[cs->obj], NULL);
    st = overwrite_handle(w, fr, st, handle,
                          handle != NULL && c->args[cs->obj].per_iteration);
    /* A thread that starts its own start routine again (directly or
     * through a chain of threads): the instances are one recursive family,
     * modelled by the ancestor instance, which now runs several times. */
    const char *routine = routine_usr(afunc, block, nblock);
    for (size_t a = w->thread; a != SIZE_MAX; a = m->threads.v[a].creator) {
        const cl_thread *ta = &m->threads.v[a];
        const char *ra = routine_usr(ta->arg_func, ta->block, ta->nblock);
        if (ta->entry == entry && ta->spawn != NULL &&
            (ra == routine || (ra != NULL && routine != NULL && strcmp(ra, routine) == 0))) {
            m->threads.v[a].multi = 1;
            m->threads.v[a].rounds = 0;
            return st;
        }
    }
    cl_strbuf *k = &w->key;
    k->len = 0;
    cl_strbuf_addf(k, "spawn|%p|%zu|%zu|%s|%s", (const void *)ev, w->thread, entry, arg ? arg : "",
                   afunc != NULL ? afunc->func_usr : "");
    for (size_t i = 0; i < nblock; i++) /* (each routine a block runs is a thread) */
        cl_strbuf_addf(k, "|%s=%s", block[i].member,
                       block[i].func ? block[i].func->func_usr : block[i].path ? block[i].path : "?");
    size_t id;
    if (cl_strmap_get(&w->spawns, cl_strbuf_str(k), &id)) {
        /* Reached again. Outside a loop this is a second execution of the
         * spawn (the function was called again): a second instance runs
         * beside the first unless every path joined that one before
         * (`phase(); phase();`, each creating and joining); inside one,
         * the loop already made it multi, unless it starts the routine
         * once (the loop's walk again, in the same invocation). */
        int earlier_live = cl_ids_contains(((const tstate *)st)->live, ((const tstate *)st)->nlive, id) ||
                           w->extra->v[id].partly_joined;
        if ((!once_in_loop || !same_chain(w->extra->v[id].walk_frame, fr)) &&
            (earlier_live || fr->in_loop > 0))
            m->threads.v[id].multi = 1;
        if (!same_chain(w->extra->v[id].walk_frame, fr)) { /* (the loop runs again) */
            m->threads.v[id].arg_unique = 0;
            m->threads.v[id].rounds = 0;
        }
        if (earlier_live)
            w->extra->v[id].overlaps = 1;
        note_start_facts(w, &w->extra->v[id], st);
        return add_live(w, st, id);
    }
    if (m->threads.n >= MAX_THREADS)
        return st;
    const tstate *s = st;
    id = m->threads.n;
    cl_thread t;
    memset(&t, 0, sizeof t);
    t.id = id;
    t.entry = entry;
    t.creator = w->thread;
    t.spawn = ev;
    t.site = site;
    t.spawn_frame = persist_frame(w, fr);
    t.arg_path = arg ? cl_arena_strdup(&m->arena, arg) : NULL;
    t.arg_ipath = iarg && arg ? cl_arena_strdup(&m->arena, iarg) : t.arg_path;
    t.arg_func = afunc;
    t.nblock = nblock;
    t.block = block;
    for (size_t i = 0; i < nblock; i++) /* (where the routine was named) */
        if (block[i].routine && block[i].named_at != NULL)
            t.site = block[i].named_at;
    t.multi = (unsigned)((fr->in_loop > 0 && !once_in_loop) || w->thread_multi);
    t.in_loop = fr->in_loop > 0;
    t.arg_per_instance = per_inst != 0;
    t.arg_index = cs->data >= 0 && (size_t)cs->data < c->nargs &&
                  c->args[cs->data].kind == CL_VAL_UNKNOWN && c->args[cs->data].per_iteration;
    t.arg_unique = t.arg_index && fr->in_loop == 1 && !w->thread_multi;
    const cl_node *loop = fr->in_loop == 1 && !w->thread_multi ? cl_flow_loop(w->flow) : NULL;
    t.rounds = loop != NULL ? loop->x->trip : 0;
    t.nlive_at_spawn = s->nlive;
    t.live_at_spawn = persist_mem(w, s->live, s->nlive * sizeof *s->live);
    ended_siblings(w, s, &t);
    CL_VEC_PUSH(&m->threads, t);
    thread_extra x;
    memset(&x, 0, sizeof x);
    x.walk_frame = fr;
    x.trip = handle_trip(&c->args[cs->obj], cl_flow_loop(w->flow));
    x.loop = c->args[cs->obj].per_iteration ? cl_flow_loop(w->flow) : NULL;
    x.handle_path = handle ? cl_arena_strdup(&m->arena, handle) : NULL;
    if (handle != NULL) /* (its end, which another thread's join acquires: do_join) */
        cl_sync_released(m, cl_sync_object(m, handle, "j"), id, 0, 0);
    x.handle_sig = handle_signature(&c->args[cs->obj]);
    x.handle_local = handle != NULL && c->args[cs->obj].stack_local;
    note_start_facts(w, &x, st);
    CL_VEC_PUSH(w->extra, x);
    cl_strmap_put(&w->spawns, cl_arena_strdup(cl_flow_scratch(w->flow), cl_strbuf_str(k)), id);
    return add_live(w, st, id);
}

/* Functions value `v` may designate in frame `fd`: a spawn wrapper's
 * parameter passed on unchanged designates what the caller passed for it
 * (bound in t_enter, through any number of wrappers); anything else as the
 * call graph resolves it (a function, a table). */
static size_t frame_values(twalk *w, const tframe *fd, const cl_value *v, size_t *one,
                           const size_t **out)
{
    int k = cl_value_param(v);
    if (k >= 0 && fd != NULL && fd->funcs != NULL && (size_t)k < fd->nbind) {
        const size_t *set = fd->funcs[k];
        *out = set != NULL ? set + 1 : NULL;
        return set != NULL ? set[0] : 0;
    }
    return cl_callgraph_values(&w->m->cg, v, one, out);
}

/* The spawn site that named the start routine of spawn `ev` (argument
 * `arg`): `ev`, or, while the routine is a parameter passed on unchanged,
 * the call that passed it, up the walk's call chain `fr`. */
static const cl_event *spawn_site(const cl_flow_frame *fr, const cl_event *ev, int arg)
{
    const cl_event *site = ev;
    int k = cl_value_param(&ev->u.call.args[arg]);
    for (; k >= 0 && fr != NULL && fr->call != NULL; fr = fr->parent) {
        const cl_call *c = &fr->call->u.call;
        if ((size_t)k >= c->nargs)
            break;
        site = fr->call;
        k = cl_value_param(&c->args[k]);
    }
    return site;
}

static const void *do_spawn(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                            const cl_callspec *cs, const void *st)
{
    const cl_call *c = &ev->u.call;
    if (cs->func < 0 || (size_t)cs->func >= c->nargs)
        return st;
    size_t one;
    const size_t *cands;
    size_t ncands = frame_values(w, fr->data, &c->args[cs->func], &one, &cands);
    if (ncands == 0)
        return st; /* start routine unknown or outside the project */
    const cl_event *site = spawn_site(fr, ev, cs->func);
    cl_model_spawn_resolved(w->m, site);
    /* A table of different start routines walked by the only loop around
     * the spawn (`services[i].fn` in `for (i...)`): each routine is started
     * once, not once per iteration. (A table that lists one routine twice
     * is not told apart.) */
    int once = ncands > 1 && fr->in_loop == 1 && c->args[cs->func].per_iteration;
    if (once) {
        for (size_t i = 0; i < ncands; i++)
            st = spawn_one(w, fr, ev, cs, site, cands[i], once, st);
        return st;
    }
    /* The only loop around the spawn runs one round (`for (i = 0; i < 1;
     * i++)`): it starts the thread once. */
    const cl_node *loop = fr->in_loop == 1 ? cl_flow_loop(w->flow) : NULL;
    once = loop != NULL && loop->x->trip == 1;
    /* Otherwise one execution of the spawn starts one of the candidates
     * (`argc > 1 ? w2 : w1`, `hooks[k]`): each is a way on from `st`, as
     * the alternatives of an `if` are, and the ways join. */
    const void *out = NULL;
    for (size_t i = 0; i < ncands; i++) {
        const void *way = spawn_one(w, fr, ev, cs, site, cands[i], once, st);
        out = out != NULL ? tjoin(w->flow, out, way) : way;
    }
    return out;
}

/* For a join that names no live thread: the first live thread whose handle
 * was a local of a function called (directly or not) from the joining
 * invocation `fr`, which can only have given it back by value
 * (`pthread_t launch(fn, arg) { pthread_t t; pthread_create(&t, ...);
 * return t; }`); SIZE_MAX when there is none. One thread per join: a
 * caller that starts two that way joins them one after the other. */
static size_t returned_handle(const twalk *w, const tstate *s, const cl_flow_frame *fr)
{
    for (size_t i = 0; i < s->nlive; i++) {
        size_t t = s->live[i];
        const thread_extra *x = t < w->extra->n ? &w->extra->v[t] : NULL;
        if (x == NULL || !x->handle_local || x->walk_frame == NULL || cl_flow_set_has(s->orphans, t))
            continue;
        for (const cl_flow_frame *f = x->walk_frame->parent; f != NULL; f = f->parent)
            if (f == fr)
                return t;
    }
    return SIZE_MAX;
}

/* Adds thread `t` to the threads invocation `fd` (may be NULL) joined,
 * once: a list with repeats doubles up a call chain whose functions call
 * more than one joining callee (xz's coder end functions, called through
 * their `end` members at every level, reached 8 GB). */
static void joined_add(tframe *fd, size_t t)
{
    if (fd == NULL)
        return;
    for (size_t i = 0; i < fd->joined.n; i++)
        if (fd->joined.v[i] == t)
            return;
    CL_VEC_PUSH(&fd->joined, t);
}

/* A join (`detached` 0) or detach (1) `ev` of the handle its argument
 * names (resolved, the same path the spawn stored the thread in): notes
 * in w->again an earlier join or detach of it on this path (not the same
 * statement in a later round of a loop, of this function or of a caller
 * that calls it in a loop: `reap(&w[i])`; for an element `t[i]`, one made
 * by a loop over the same range), and returns the state with the live
 * threads of that handle marked as handled by `ev` (tstate.done). */
static const void *handle_done(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                               const cl_callspec *cs, int detached, const void *st)
{
    const cl_call *c = &ev->u.call;
    const char *h = cs->obj >= 0 && (size_t)cs->obj < c->nargs
                        ? value_path(w, fr->data, &c->args[cs->obj], NULL) : NULL;
    if (h == NULL)
        return st;
    tstate s = *(const tstate *)st;
    const cl_node *loop = cl_flow_loop(w->flow);
    for (size_t i = 0; i < s.done.n && w->again == NULL; i++) {
        const handled *d = (const handled *)s.done.v[i];
        const thread_extra *x = &w->extra->v[d->thread];
        if (x->handle_path == NULL || strcmp(x->handle_path, h) != 0 ||
            (d->ev == ev ? fr->in_loop > 0 : strchr(h, '[') != NULL && !cl_sync_same_range(d->loop, loop)))
            continue;
        w->again = d;
    }
    for (size_t i = 0; i < s.nlive; i++) {
        const thread_extra *x = &w->extra->v[s.live[i]];
        if (x->handle_path == NULL || strcmp(x->handle_path, h) != 0 ||
            cl_flow_set_has(s.orphans, s.live[i]))
            continue;
        handled d = { s.live[i], ev, loop, (uintptr_t)detached };
        s.done = forget_thread(w, s.done, s.live[i]);
        s.done = cl_flow_set_add(w->flow, s.done, (uintptr_t)cl_flow_intern(w->flow, &d, sizeof d));
    }
    return st_make(w, &s);
}

static const void *sync_acquire(twalk *w, const void *ps, size_t id);

/* The state after this thread joined its child `t`: `t` no longer runs,
 * and its end ("T<t>|e", cl_syncobj.end_of) is acquired, so what `t`
 * itself acquired before it ended orders what follows too (a supervisor
 * thread that joined a worker before it was joined here). */
/* The state after this thread acquired the end of thread `t` (joined
 * it): a fact for happens-before (cl_accrec.acq), neither a token nor a
 * handshake (sync_acquire). */
static const void *end_acquired(twalk *w, const void *ps, size_t t)
{
    size_t id = w->m->threads.v[t].end_sync - 1; /* (made once: joins are walked often) */
    if (w->m->threads.v[t].end_sync == 0) {
        char name[32];
        snprintf(name, sizeof name, "T%zu", t);
        id = cl_sync_object(w->m, name, "e");
        w->m->syncs.v[id].end_of = t + 1;
        w->m->threads.v[t].end_sync = id + 1;
    }
    tstate s = *(const tstate *)ps;
    s.acq = ids_union(w, s.acq, s.nacq, &id, 1, &s.nacq);
    return st_make(w, &s);
}

static const void *joined_child(twalk *w, tframe *fd, const void *st, size_t t)
{
    joined_add(fd, t);
    return end_acquired(w, remove_live(w, st, t), t);
}

/* The shared locations counting loop `n`'s condition reads (not locals:
 * its induction variable), sorted, into `out` (`cap` entries); their
 * number, or 0 when there are none or too many. */
static size_t limit_paths(const cl_node *n, const char **out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; n != NULL && n->cond != NULL && i < n->cond->nkids; i++) {
        const cl_node *e = n->cond->kids[i];
        const char *p = e->kind == CL_N_EVENT && e->ev->kind == CL_EV_ACCESS ? e->ev->u.access.path : NULL;
        if (p == NULL || p[0] == 'L')
            continue;
        if (k == cap)
            return 0;
        size_t j = k++;
        for (; j > 0 && strcmp(out[j - 1], p) > 0; j--)
            out[j] = out[j - 1];
        out[j] = p;
    }
    return k;
}

/* Whether counting loops `a` and `b` (a spawn loop and a join loop, both
 * indexing the handle with their induction variable) have a limit of
 * unknown value that is the same shared location (`i < nworkers` in
 * both): the join loop covers the spawn loop's rounds. */
static int same_limit(const cl_node *a, const cl_node *b)
{
    const char *pa[4], *pb[4];
    if (a == NULL || b == NULL || a->bound != CL_LOOP_COUNTED || b->bound != CL_LOOP_COUNTED)
        return 0;
    size_t na = limit_paths(a, pa, 4), nb = limit_paths(b, pb, 4);
    if (na == 0 || na != nb)
        return 0;
    for (size_t i = 0; i < na; i++)
        if (strcmp(pa[i], pb[i]) != 0)
            return 0;
    return 1;
}

/* The state after this thread joined, through handle path `h`, a thread
 * it did not start (a sibling whose handle was passed to it or kept in a
 * global): the join acquires the handle's termination ("<h>|j"), which
 * the thread started into it releases when it ends (spawn_one; sync.c
 * orders it before what follows when it is the only such thread). When
 * one thread is ever started into `h` and this join covers all its
 * instances (it runs once, or the join loop has at least the spawn loop's
 * known rounds), its end is acquired as a child's join would. */
static const void *joined_sibling(twalk *w, const cl_event *ev, const cl_callspec *cs,
                                  const char *h, const void *st)
{
    size_t id = cl_sync_object(w->m, h, "j");
    st = sync_acquire(w, st, id);
    const cl_syncobj *o = &w->m->syncs.v[id];
    if (o->by.n != 1 || o->by.v[0] >= w->extra->n)
        return st;
    size_t t = o->by.v[0];
    long long spawned = w->extra->v[t].trip;
    const cl_node *jloop = ev->u.call.args[cs->obj].per_iteration ? cl_flow_loop(w->flow) : NULL;
    long long joined = handle_trip(&ev->u.call.args[cs->obj], jloop);
    if (w->m->threads.v[t].multi && (spawned <= 0 || joined < spawned) &&
        !same_limit(w->extra->v[t].loop, jloop))
        return st;
    return end_acquired(w, st, t);
}

/* Whether join call `ev` (spec `cs`, its handle argument valid) in frame
 * `fr`, innermost loop `loop` (may be NULL), joins every instance of live
 * thread `t` in state `s`: the handle
 * is the one `t` was started into (by path, else by field chain, else as
 * the same invocation's unnamed handle), and no instance is left out. */
static int joins_thread(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                        const cl_callspec *cs, const cl_node *loop, const tstate *s, size_t t)
{
    const cl_value *v = &ev->u.call.args[cs->obj];
    const thread_extra *x = t < w->extra->n ? &w->extra->v[t] : NULL;
    long long trip = handle_trip(v, loop);
    /* A handle overwritten by a later spawn, or a join loop with fewer
     * rounds than the spawn loop: some instance is not joined here. */
    if (x == NULL || cl_flow_set_has(s->orphans, t) || (trip > 0 && x->trip > trip))
        return 0;
    const char *h = value_path(w, (tframe *)fr->data, v, NULL);
    const char *sig = handle_signature(v);
    if (x->handle_path != NULL && h != NULL)
        return strcmp(x->handle_path, h) == 0;
    /* Either handle untracked: pair by field chain instead. */
    if (sig != NULL && x->handle_sig != NULL)
        return strcmp(sig, x->handle_sig) == 0;
    /* Neither can be named at all (`tids[i]` with `tids` a local pointer
     * to the heap): the join pairs with what the same invocation started
     * that way, as a spawn loop and its join loop. */
    return h == NULL && sig == NULL && x->handle_path == NULL && x->handle_sig == NULL &&
           same_chain(x->walk_frame, fr);
}

static const void *do_join(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                           const cl_callspec *cs, const void *st)
{
    const cl_call *c = &ev->u.call;
    if (cs->obj < 0 || (size_t)cs->obj >= c->nargs)
        return st;
    tframe *fd = (tframe *)fr->data;
    const char *h = value_path(w, fd, &c->args[cs->obj], NULL);
    const tstate *s = st;
    int joined_any = 0;
    for (size_t i = 0; i < s->nlive; i++) {
        size_t t = s->live[i];
        if (joins_thread(w, fr, ev, cs, cl_flow_loop(w->flow), s, t)) {
            st = joined_child(w, fd, st, t);
            s = st;
            i--;
            joined_any = 1;
        }
    }
    if (!joined_any) {
        size_t t = returned_handle(w, s, fr);
        if (t != SIZE_MAX) {
            st = joined_child(w, fd, st, t);
        } else if (h != NULL && cs->kind == CL_CK_JOIN) {
            st = joined_sibling(w, ev, cs, h, st);
        }
    }
    return st;
}

/* ---- conditional locking --------------------------------------------------- */

/* The condition key of keyed `if` `n` without its negations (interned)
 * and whether alternative `kid` runs when that condition holds. */
static const char *canonical_key(twalk *w, const cl_node *n, int kid, int *then)
{
    const char *k = n->x->cond_key;
    size_t neg = strspn(k, "~");
    *then = (kid == 0) != (int)(neg & 1u);
    return intern_str(w, k + neg);
}

/* Whether statement `n` always jumps elsewhere in its function: it ends
 * with a goto, break or continue (`if (fast) goto update;`), so the
 * statements after it in its sequence are not reached through it, but
 * code after a label, a loop or the loop head may be. (A return reaches
 * nothing after it: the code that follows runs where the other
 * alternative ran, whatever it holds.) */
static int jumps_away(const cl_node *n)
{
    while (n->kind == CL_N_SEQ && n->nkids > 0)
        n = n->kids[n->nkids - 1];
    return n->kind == CL_N_GOTO || n->kind == CL_N_BREAK || n->kind == CL_N_CONTINUE;
}

/* Appends alternative `kid` of keyed `if` `n` to w->guard_alts; returns
 * its guard number (1 + its index). */
static size_t push_guard(twalk *w, const cl_node *n, int kid)
{
    guard_alt a;
    a.key = canonical_key(w, n, kid, &a.then);
    CL_VEC_PUSH(&w->guard_alts, a);
    return w->guard_alts.n;
}

/* The guard of the statements after statement `k` of a sequence: when
 * `k` is a keyed `if` one alternative of which always jumps away and the
 * other does not, they run only where the other one ran (`if (fast) goto
 * update; lock(m);`: the lock is taken where fast is false, and the jump
 * reaches `update:` without it); `guard` otherwise. */
static size_t guard_after(twalk *w, const cl_node *k, size_t guard)
{
    if (k->kind != CL_N_BRANCH || k->x->cond_key == NULL || k->nkids != 2)
        return guard;
    int j0 = jumps_away(k->kids[0]), j1 = jumps_away(k->kids[1]);
    return j0 == j1 ? guard : push_guard(w, k, j0 ? 1 : 0);
}

/* Records, for every call event of `n` (a statement tree of one
 * function), the innermost `if` with a condition key that encloses it, or
 * that it follows in its sequence while the `if`'s other alternative
 * jumped away (guard_after), and the alternative it is in: w->guards maps
 * the event to 1 + its index in w->guard_alts. A label ends such a
 * following guard (a jump may land there). */
static void index_guards(twalk *w, const cl_node *n, size_t guard)
{
    if (n == NULL)
        return;
    if (n->kind == CL_N_EVENT && n->ev->kind == CL_EV_CALL && guard != 0) {
        uintptr_t key = (uintptr_t)n->ev;
        int added;
        cl_blobent *e = cl_blob_lookup(&w->guards, cl_flow_scratch(w->flow), &key, sizeof key, &added);
        e->val = guard;
        return;
    }
    index_guards(w, n->cond, guard);
    size_t after = guard;
    for (size_t i = 0; i < n->nkids; i++) {
        size_t g = guard;
        if (n->kind == CL_N_BRANCH && n->x->cond_key != NULL && n->nkids == 2)
            g = push_guard(w, n, (int)i);
        if (n->kind == CL_N_SEQ) {
            after = n->kids[i]->kind == CL_N_LABEL ? guard : after;
            g = after;
        }
        index_guards(w, n->kids[i], g);
        if (n->kind == CL_N_SEQ)
            after = guard_after(w, n->kids[i], after);
    }
}

/* The keyed `if` alternative call `ev` of the function running in `fr`
 * lies in (see index_guards): the key (interned) and *then (1: the then
 * branch); NULL when there is none. */
static const char *cond_guard(twalk *w, const cl_flow_frame *fr, const cl_event *ev, int *then)
{
    uintptr_t fkey[2] = { 0, fr->func };
    int added;
    cl_blob_lookup(&w->guards, cl_flow_scratch(w->flow), fkey, sizeof fkey, &added);
    if (added)
        index_guards(w, w->m->cg.funcs.v[fr->func].fn->body, 0);
    uintptr_t key = (uintptr_t)ev;
    cl_blobent *e = cl_blob_lookup(&w->guards, cl_flow_scratch(w->flow), &key, sizeof key, &added);
    if (added || e->val == 0)
        return NULL;
    *then = w->guard_alts.v[e->val - 1].then;
    return w->guard_alts.v[e->val - 1].key;
}

/* Whether two condition keys differ only in the assignment counts of
 * their locals ("!N"): the same test of changed values. */
static int same_shape(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a == '!' && *b == '!') {
            a += 1 + strspn(a + 1, "0123456789");
            b += 1 + strspn(b + 1, "0123456789");
            continue;
        }
        if (*a++ != *b++)
            return 0;
    }
    return *a == *b;
}

/* The state with the condition entries `e` (in s->conds) for which
 * `stale[i]` is set dropped, and their locks no longer possibly held
 * unless they are held for sure. */
static const void *drop_conds(twalk *w, const tstate *s, const unsigned char *stale)
{
    tstate z = *s;
    uintptr_t *v = cl_arena_alloc(cl_flow_scratch(w->flow), (s->nconds + 1) * 3 * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < s->nconds; i++) {
        size_t lock = s->conds[3 * i];
        if (!stale[i]) {
            memcpy(&v[3 * n++], &s->conds[3 * i], 3 * sizeof *v);
            continue;
        }
        int held = 0;
        for (size_t j = 0; j < z.nlocks; j++)
            held |= z.locks[j].lock == lock;
        if (!held)
            z.may = ids_remove(w, z.may, z.nmay, lock, &z.nmay);
    }
    z.conds = cl_flow_intern(w->flow, v, n * 3 * sizeof *v);
    z.nconds = n;
    return st_make(w, &z);
}

/* Entering alternative `kid` of keyed `if` `n`: a lock taken under the
 * same key in the same alternative is held; one taken in the other
 * alternative is not; one taken under the same test of values changed
 * since (`if (c) lock(m); c++; if (c) ...`) is not known to be held. An
 * entry of an invocation that has returned (COND_DONE) tells nothing
 * about this one's locals. */
static const void *cond_branch(twalk *w, const cl_node *n, int kid, const void *st)
{
    const tstate *s = st;
    if (s->nconds == 0)
        return st;
    int then;
    const char *key = canonical_key(w, n, kid, &then);
    unsigned char *stale = cl_arena_alloc(cl_flow_scratch(w->flow), s->nconds);
    int any = 0;
    for (size_t i = 0; i < s->nconds; i++) {
        const char *k = (const char *)s->conds[3 * i + 1];
        int same_alt = (int)(s->conds[3 * i + 2] & 1u) == then;
        stale[i] = (s->conds[3 * i + 2] & COND_DONE) ? 0 : k == key ? !same_alt : same_shape(k, key);
        any |= stale[i];
    }
    const void *out = any ? drop_conds(w, s, stale) : st;
    for (size_t i = 0; i < s->nconds; i++)
        if ((const char *)s->conds[3 * i + 1] == key && !(s->conds[3 * i + 2] & COND_DONE) &&
            (int)(s->conds[3 * i + 2] & 1u) == then)
            out = take_lock(w, out, (size_t)s->conds[3 * i], 0, 1);
    return out;
}

static int cmp_cond(const void *x, const void *y)
{
    return memcmp(x, y, 3 * sizeof(uintptr_t));
}

/* The state `s` leaving an invocation of the function whose locals' paths
 * start with `prefix` (`n` bytes): its conditions on them are marked
 * COND_DONE (still telling partial_lock that the lock was taken on some
 * paths only, no longer deciding a later test with the same key, which
 * is another invocation's); changed in place (not interned). */
static void finish_conds(twalk *w, tstate *s, const char *prefix, size_t n)
{
    uintptr_t *v = tmp(w, (s->nconds + 1) * 3 * sizeof *v);
    int any = 0;
    for (size_t i = 0; i < s->nconds; i++) {
        memcpy(&v[3 * i], &s->conds[3 * i], 3 * sizeof *v);
        const char *k = (const char *)v[3 * i + 1];
        for (const char *p = strchr(k, 'L'); p != NULL && !(v[3 * i + 2] & COND_DONE); p = strchr(p + 1, 'L'))
            if (strncmp(p, prefix, n) == 0)
                v[3 * i + 2] |= COND_DONE, any = 1;
    }
    if (!any)
        return;
    qsort(v, s->nconds, 3 * sizeof *v, cmp_cond);
    size_t m = 0;
    for (size_t i = 0; i < s->nconds; i++)
        if (m == 0 || cmp_cond(&v[3 * (m - 1)], &v[3 * i]) != 0)
            memmove(&v[3 * m++], &v[3 * i], 3 * sizeof *v);
    s->conds = cl_flow_intern(w->flow, v, m * 3 * sizeof *v);
    s->nconds = m;
}

/* A write of global `path` by this thread makes the conditions that read
 * it (or a member of it) stale. */
static const void *global_written(twalk *w, const char *path, const void *st)
{
    const tstate *s = st;
    if (s->nconds == 0 || path == NULL || path[0] != 'G')
        return st;
    unsigned char *stale = cl_arena_alloc(cl_flow_scratch(w->flow), s->nconds);
    int any = 0;
    size_t n = strlen(path);
    for (size_t i = 0; i < s->nconds; i++) {
        const char *k = (const char *)s->conds[3 * i + 1];
        const char *hit = strstr(k, path);
        stale[i] = hit != NULL && hit > k && hit[-1] == '{' && (hit[n] == '}' || hit[n] == '.');
        any |= stale[i];
    }
    return any ? drop_conds(w, s, stale) : st;
}

/* The state after lock `lock` was taken by call `ev`: a call inside a
 * keyed `if` alternative also notes the condition (tstate.conds). */
static const void *lock_taken(twalk *w, const cl_flow_frame *fr, const cl_event *ev, size_t lock,
                              unsigned mode, const void *st)
{
    const tstate *before = st;
    uintptr_t again = cl_ids_contains(before->may, before->nmay, lock) ? COND_AGAIN : 0;
    st = add_lock(w, st, lock, mode);
    int then;
    const char *key = cond_guard(w, fr, ev, &then);
    if (key == NULL)
        return st;
    tstate s = *(const tstate *)st;
    tstate one;
    memset(&one, 0, sizeof one);
    uintptr_t e[3] = { lock, (uintptr_t)key, (uintptr_t)then | again };
    one.conds = cl_flow_intern(w->flow, e, sizeof e);
    one.nconds = 1;
    s.conds = conds_union(w, &s, &one, &s.nconds);
    return st_make(w, &s);
}

/* ---- locks built from atomics ---------------------------------------------- */

/* Scans the events of spin-loop candidate `n` (and its condition, `in_cond`
 * set): the first exchange of a constant, the first atomic read in the
 * condition, whether an atomic write other than an exchange happens, and
 * whether anything else is done (a plain write to shared memory, a call
 * that works). */
typedef struct spinscan {
    const cl_event *xchg, *read;
    int atomic_write, work;
} spinscan;

static void scan_spin(twalk *w, const cl_node *n, int in_cond, spinscan *sc)
{
    if (n == NULL || sc->work)
        return;
    if (n->kind == CL_N_EVENT) {
        const cl_event *ev = n->ev;
        if (ev->kind == CL_EV_ACCESS) {
            unsigned fl = ev->u.access.flags;
            if (!(fl & CL_ACC_ATOMIC))
                sc->work |= (fl & CL_ACC_WRITE) && ev->u.access.path[0] != 'L';
            else if (fl & CL_ACC_RELAXED)
                ;
            else if ((fl & CL_ACC_XCHG_CONST) && sc->xchg == NULL)
                sc->xchg = ev;
            else if (fl & CL_ACC_WRITE)
                sc->atomic_write = 1;
            else if (in_cond && sc->read == NULL)
                sc->read = ev;
        } else if (ev->kind == CL_EV_CALL) {
            const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, ev);
            const char *name = ev->u.call.callee_name;
            size_t f = ev->u.call.callee_usr ? cl_callgraph_func(&w->m->cg, ev->u.call.callee_usr)
                                             : SIZE_MAX;
            if (cs != NULL)
                sc->work |= !(cs->flags & CL_CS_PURE) && cs->kind != CL_CK_SLEEP &&
                            strncmp(name, "__sync_", 7) != 0;
            else if (f != SIZE_MAX)
                sc->work |= w->m->cg.funcs.v[f].fn->body->nkids > 0;
            else
                sc->work |= ev->u.call.callee_usr == NULL; /* an indirect call */
        }
        return;
    }
    scan_spin(w, n->cond, in_cond, sc);
    for (size_t i = 0; i < n->nkids; i++)
        scan_spin(w, n->kids[i], in_cond, sc);
}

/* The access by which loop `n` spins for a lock built from atomics, or
 * NULL: a loop that does nothing but spin (atomic operations, reads,
 * pauses, sleeps, writes of its own locals) and either repeats an
 * exchange of a constant that is not relaxed (test-and-set,
 * compare-and-swap of "unlocked" to "locked", test-and-test-and-set: the
 * exchange) or, writing nothing atomically, waits until an atomic read
 * compared with a value of its own (a local: a ticket, `turn == other`)
 * changes (a ticket or Peterson lock: the first location read). A loop
 * that waits for a flag another thread sets once (`while (!ready)`) compares
 * with no local and is not a lock. Memoized per loop. */
static const cl_event *spin_event(twalk *w, const cl_node *n)
{
    uintptr_t key = (uintptr_t)n;
    int added;
    cl_blobent *e = cl_blob_lookup(&w->spins, cl_flow_scratch(w->flow), &key, sizeof key, &added);
    if (!added)
        return (const cl_event *)(uintptr_t)e->val;
    spinscan sc = { NULL, NULL, 0, 0 };
    scan_spin(w, n->cond, 1, &sc);
    for (size_t i = 0; i < n->nkids; i++)
        scan_spin(w, n->kids[i], 0, &sc);
    const cl_event *ev = NULL;
    if (!sc.work && sc.xchg != NULL)
        ev = sc.xchg;
    else if (!sc.work && sc.read != NULL && !sc.atomic_write && n->ncond_vars > 0)
        ev = sc.read;
    e->val = (size_t)(uintptr_t)ev;
    return ev;
}

/* Notes `path` as releasing atomic lock `lock` (cl_model.atomic_release). */
static void note_release(twalk *w, const char *path, size_t lock)
{
    if (path != NULL && !cl_strmap_get(&w->m->atomic_release, path, NULL))
        cl_strmap_put(&w->m->atomic_release, cl_arena_strdup(&w->m->arena, path), lock);
}

static const void *each_waited(twalk *w, const cl_node *n, const void *st);

/* State `st` after the join calls among statements `n` (in sequences
 * only, not under a branch or an inner loop) of loop `loop` in frame
 * `fr`: each joins
 * every live thread whose instances its handle names (joins_thread). */
static const void *seq_joins(twalk *w, const cl_flow_frame *fr, const cl_node *loop,
                             const cl_node *n, const void *st)
{
    if (n->kind == CL_N_SEQ) {
        for (size_t i = 0; i < n->nkids; i++)
            st = seq_joins(w, fr, loop, n->kids[i], st);
        return st;
    }
    const cl_callspec *cs = n->kind == CL_N_EVENT ? cl_callgraph_spec(&w->m->cg, n->ev) : NULL;
    if (cs == NULL || cs->kind != CL_CK_JOIN || cs->obj < 0 || (size_t)cs->obj >= n->ev->u.call.nargs)
        return st;
    const tstate *s = st;
    for (size_t i = 0; i < s->nlive; i++)
        if (joins_thread(w, fr, n->ev, cs, loop, s, s->live[i])) {
            st = joined_child(w, (tframe *)fr->data, st, s->live[i]);
            s = st;
            i--;
        }
    return st;
}

/* Leaving loop `n`: what each_waited says, and the joins every round that
 * reaches them runs (seq_joins on the body): such a loop joins every
 * instance its handle names, the rounds that skip the join with
 * `continue` included, as they skip what the spawn loop skipped (`if
 * (!usable(i)) continue;` in both), which never started. Leaving spin
 * loop `n` (spin_event): the lock is taken. An exchange lock
 * is named by the indexed path of its word (an array of spinlocks holds
 * distinct locks), a waiting lock by the location waited on; a later
 * release store or read-modify-write of that word (of any location the
 * wait read) releases it (atomic_released). */
static const void *t_loop_out(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, const void *st)
{
    twalk *w = cl_flow_ctx(f);
    st = each_waited(w, n, st);
    if (n->nkids > 0)
        st = seq_joins(w, fr, n, n->kids[0], st);
    const cl_event *ev = spin_event(w, n);
    if (ev == NULL)
        return st;
    int xchg = (ev->u.access.flags & CL_ACC_XCHG_CONST) != 0;
    const char *lp = xchg ? resolve_indexed(w, fr->data, ev->u.access.path, ev->u.access.ipath)
                          : resolve(w, fr->data, ev->u.access.path, NULL);
    if (lp == NULL)
        return st;
    lp = intern_str(w, lp);
    size_t id = lock_id(w->m, lp);
    note_release(w, lp, id);
    for (size_t i = 0; !xchg && n->cond != NULL && i < n->cond->nkids; i++) {
        const cl_node *k = n->cond->kids[i];
        if (k->kind == CL_N_EVENT && k->ev->kind == CL_EV_ACCESS &&
            (k->ev->u.access.flags & CL_ACC_ATOMIC))
            note_release(w, resolve(w, fr->data, k->ev->u.access.path, NULL), id);
    }
    return take_lock(w, st, id, 0, 1);
}

/* An atomic store or read-modify-write `ev` (not relaxed) of a word that
 * releases a held lock built from atomics releases it. */
static const void *atomic_released(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                                   const void *st)
{
    const tstate *s = st;
    unsigned fl = ev->u.access.flags;
    if (!(fl & CL_ACC_ATOMIC) || !(fl & CL_ACC_WRITE) || (fl & CL_ACC_RELAXED) ||
        w->m->atomic_release.n == 0 || s->nlocks == 0)
        return st;
    const char *paths[2] = { resolve_indexed(w, fr->data, ev->u.access.path, ev->u.access.ipath),
                             resolve(w, fr->data, ev->u.access.path, NULL) };
    for (int i = 0; i < 2; i++) {
        size_t id;
        if (paths[i] != NULL && cl_strmap_get(&w->m->atomic_release, paths[i], &id))
            return release_lock(w, st, id, 1);
    }
    return st;
}

/* ---- synchronization (sync.c) ------------------------------------------- */

/* The state after this thread acquires synchronization object `id`; the
 * first acquire after a spawn is a candidate handshake with that child. */
static const void *sync_acquire(twalk *w, const void *ps, size_t id)
{
    tstate s = *(const tstate *)ps;
    for (size_t i = 0; i < s.nshake; i++)
        cl_sync_handshake(w->m, s.shake[i], id);
    if (cl_ids_contains(s.rel, s.nrel, id))
        cl_sync_reacquired(w->m, id, w->thread);
    s.shake = NULL;
    s.nshake = 0;
    s.acq = ids_union(w, s.acq, s.nacq, &id, 1, &s.nacq);
    s.tok = ids_union(w, s.tok, s.ntok, &id, 1, &s.ntok);
    s.ftok = ids_union(w, s.ftok, s.nftok, &id, 1, &s.nftok);
    return st_make(w, &s);
}

/* The state after this thread releases `id` (`rmw`: by a read-modify-write);
 * the tokens it held are handed on. */
static const void *sync_release(twalk *w, const void *ps, size_t id, int rmw)
{
    tstate s = *(const tstate *)ps;
    cl_sync_released(w->m, id, w->thread, rmw, cl_ids_contains(s.rel, s.nrel, id));
    for (size_t i = 0; i < s.nshake; i++)
        cl_sync_handshake_spoiled(w->m, s.shake[i], id);
    cl_sync_release_guard(w->m, id, s.tok, s.ntok, s.ftok, s.nftok, s.nrel == 0);
    s.rel = ids_union(w, s.rel, s.nrel, &id, 1, &s.nrel);
    s.tok = s.ftok = NULL;
    s.ntok = s.nftok = 0;
    return st_make(w, &s);
}

/* The object of predicate `p` under lock `lock`. */
static size_t locked_predicate(twalk *w, const char *p, size_t lock)
{
    char kind[24];
    snprintf(kind, sizeof kind, "%zu", lock);
    return cl_sync_object(w->m, p, kind);
}

/* Records that this thread waits on ('w') or posts ('p') the semaphore
 * used as lock `id` (drop_signal_semaphores, model.c). */
static void note_sem_use(twalk *w, char kind, size_t id)
{
    char key[64];
    snprintf(key, sizeof key, "%c|%zu|%zu", kind, id, w->thread);
    if (!cl_strmap_get(&w->m->sem_use, key, NULL))
        cl_strmap_put(&w->m->sem_use, cl_arena_strdup(&w->m->arena, key), 1);
}

/* Lock name `ln` with each symbolic subscript ("[$<local>!<n>]") spelled
 * "[*]" (interned): the lock of any element; NULL when it has none. */
static const char *each_lock_name(twalk *w, const char *ln)
{
    if (strstr(ln, "[$") == NULL)
        return NULL;
    cl_strbuf b = { NULL, 0, 0 };
    for (const char *q = ln; *q != '\0';) {
        const char *e = strncmp(q, "[$", 2) == 0 ? strchr(q, ']') : NULL;
        if (e != NULL) {
            cl_strbuf_addf(&b, "[*]");
            q = e + 1;
        } else
            cl_strbuf_addf(&b, "%c", *q++);
    }
    const char *r = intern_str(w, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    return r;
}

/* Whether predicate `p` (resolved, no subscripts) lies in the element
 * whose lock is `each` (each_lock_name): `w->[].state` and
 * `w->[*].lock`. */
static int in_element(const char *p, const char *each)
{
    const char *last = NULL;
    for (const char *q = strstr(each, "[*]"); q != NULL; q = strstr(q + 3, "[*]"))
        last = q;
    if (last == NULL)
        return 0;
    size_t k = 0; /* walks `each` up to its last "[*]", `p` along with it */
    for (const char *q = each; q < last; q++, k++)
        if (strncmp(q, "[*]", 3) == 0) {
            if (strncmp(p + k, "[]", 2) != 0)
                return 0;
            q += 2, k++;
        } else if (p[k] != *q)
            return 0;
    return strncmp(p + k, "[]", 2) == 0 && (p[k + 2] == '.' || p[k + 2] == '-');
}

/* The state after this thread stored predicate `p` (resolved) under lock
 * `lock`, an element's lock (symbolic subscripts): it also releases the
 * predicate waited for on each element (cl_sync_each), as a store to an
 * element other than its start argument's when the lock is not inside
 * that argument's object. */
static const void *each_release(twalk *w, const void *st, const char *p, size_t lock, int rmw)
{
    const char *ln = w->m->lock_names.v[lock];
    const char *each = each_lock_name(w, ln);
    if (each == NULL || !in_element(p, each))
        return st;
    size_t id = cl_sync_each(w->m, p, each);
    const cl_thread *th = &w->m->threads.v[w->thread];
    size_t n = th->arg_ipath != NULL ? strlen(th->arg_ipath) : 0;
    if (!th->arg_per_instance || n == 0 || strncmp(ln, th->arg_ipath, n) != 0 || (ln[n] != '.' && ln[n] != '-'))
        cl_sync_each_foreign(w->m, id, w->thread);
    return sync_release(w, st, id, rmw);
}

/* Whether subtree `n` has a `continue` of the loop it is in (not of a
 * loop nested in it). */
static int continues(const cl_node *n)
{
    if (n == NULL || n->kind == CL_N_LOOP)
        return 0;
    if (n->kind == CL_N_CONTINUE)
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (continues(n->kids[i]))
            return 1;
    return 0;
}

/* The state after this thread leaves counting loop `n`: a predicate under
 * a lock it waited for on every path, where lock and predicate are the
 * element the loop's induction variable indexes (element_waited: `for
 * (i..) { lock(&w[i].mu); while (w[i].state != READY) wait(..);
 * unlock(..); }`),
 * was waited for on every element: the loop acquires its each-object
 * (cl_sync_each; as a fact, like a join's end: neither a token nor a
 * handshake). Only loops that leave by their condition: a `break` or a
 * `continue` could skip the wait of some element. */
static const void *each_waited(twalk *w, const cl_node *n, const void *st)
{
    const char *bang = n->x->exit_index != NULL ? strrchr(n->x->exit_index, '!') : NULL;
    if (bang == NULL || cl_callgraph_can_leave(&w->m->cg, n) || n->nkids == 0 ||
        continues(n->kids[0]))
        return st;
    /* (the body's subscripts by the induction variable carry the version
     * before the increment: one less than the exit's, stmt.c) */
    unsigned long ver = strtoul(bang + 1, NULL, 10);
    if (ver == 0)
        return st;
    char tok[512];
    const char *exit = n->x->exit_index;
    if (snprintf(tok, sizeof tok, "[%.*s%lu]", (int)(bang + 1 - exit), exit, ver - 1) >=
        (int)sizeof tok)
        return st;
    const tstate *s = st;
    size_t got[8], ngot = 0;
    for (size_t i = 0; i < s->nacq && ngot < 8; i++) {
        const cl_syncobj *o = &w->m->syncs.v[s->acq[i]];
        const char *bar = strstr(o->name, "|I"), *ln = bar != NULL ? bar + 2 : NULL;
        if (ln == NULL || strstr(ln, tok) == NULL)
            continue;
        cl_strbuf b = { NULL, 0, 0 };
        cl_strbuf_addf(&b, "%.*s", (int)(bar - o->name), o->name);
        const char *p = intern_str(w, cl_strbuf_str(&b)), *each = each_lock_name(w, ln);
        cl_strbuf_release(&b);
        if (!in_element(p, each))
            continue;
        got[ngot] = cl_sync_each(w->m, p, each);
        cl_sync_each_waited(w->m, got[ngot], n, s->live, s->nlive);
        ngot++;
    }
    if (ngot == 0)
        return st;
    tstate z = *s;
    for (size_t i = 0; i < ngot; i++)
        z.acq = ids_union(w, z.acq, z.nacq, &got[i], 1, &z.nacq);
    return st_make(w, &z);
}

/* The state after a write `ev` to a location some wait loop tests. The
 * write that follows the loop seeing its predicate hold consumes it
 * (`while (!sem->value) pthread_cond_wait(...); sem->value--;`: the down of
 * a semaphore built from a mutex and a condition variable, a lock when the
 * same threads also post it); any other write releases: an atomic one
 * unless relaxed, a plain one under each lock held. An in-place update
 * under a lock that this thread holds as such a semaphore is its up. */
static const void *predicate_write(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                                   const void *st)
{
    const cl_access *a = &ev->u.access;
    if (!(a->flags & CL_ACC_WRITE) || !cl_sync_is_predicate(w->m, a->path))
        return st;
    const char *p = resolve(w, fr->data, a->path, NULL);
    if (p == NULL)
        return st;
    p = intern_str(w, p);
    cl_sync_stored(w->m, p, w->thread, a->stored);
    tstate s = *(const tstate *)st;
    int rmw = (a->flags & CL_ACC_READ) != 0, atomic = (a->flags & CL_ACC_ATOMIC) != 0;
    if (s.pend == p) {
        s.pend = NULL;
        st = st_make(w, &s);
        if (atomic)
            w->m->syncs.v[cl_sync_object(w->m, p, "a")].taken = 1;
        for (size_t i = 0; !atomic && i < s.nlocks; i++)
            w->m->syncs.v[locked_predicate(w, p, s.locks[i].lock)].taken = 1;
        if (!rmw || atomic || s.nlocks == 0)
            return st;
        size_t id = lock_id(w->m, p);
        cl_sync_sem_lock(w->m, id);
        note_sem_use(w, 'w', id);
        return add_lock(w, st, id, 0);
    }
    if (atomic)
        return (a->flags & CL_ACC_RELAXED) && !s.relfence
                   ? st
                   : sync_release(w, st, cl_sync_object(w->m, p, "a"), rmw);
    for (size_t i = 0; i < s.nlocks; i++)
        if (!(s.locks[i].mode & CL_LOCK_SHARED)) {
            st = sync_release(w, st, locked_predicate(w, p, s.locks[i].lock), rmw);
            st = each_release(w, st, p, s.locks[i].lock, rmw);
        }
    if (!rmw || s.nlocks == 0)
        return st;
    size_t id = lock_id(w->m, p);
    note_sem_use(w, 'p', id);
    return cl_ids_contains(s.may, s.nmay, id) ? remove_lock(w, st, id) : st;
}

/* The state after a wait loop saw predicate `p` (resolved; read by `ev`)
 * hold under lock `lock`, when the lock is an element's (a symbolic
 * subscript, `w[i].mu`) and the predicate read is in that same element
 * (`w[i].state`): it holds "<p>|I<lock name>", which each_waited turns
 * into a wait for every element when the loop that indexes them ends (a
 * fact only, like end_acquired). */
static const void *element_waited(twalk *w, const cl_flow_frame *fr, const cl_event *ev, const char *p,
                                  size_t lock, const void *st)
{
    const char *ln = w->m->lock_names.v[lock];
    const char *last = NULL;
    for (const char *q = strstr(ln, "[$"); q != NULL; q = strstr(q + 2, "[$"))
        last = q;
    const char *end = last != NULL ? strchr(last, ']') : NULL;
    const char *ip = end != NULL ? resolve_indexed(w, fr->data, ev->u.access.path, ev->u.access.ipath) : NULL;
    size_t n = end != NULL ? (size_t)(end + 1 - ln) : 0;
    if (ip == NULL || strncmp(ip, ln, n) != 0 || (ip[n] != '.' && ip[n] != '-'))
        return st;
    cl_strbuf b = { NULL, 0, 0 };
    cl_strbuf_addf(&b, "I%s", ln);
    size_t id = cl_sync_object(w->m, p, cl_strbuf_str(&b));
    cl_strbuf_release(&b);
    tstate z = *(const tstate *)st;
    z.acq = ids_union(w, z.acq, z.nacq, &id, 1, &z.nacq);
    return st_make(w, &z);
}

/* The state after the wait reads in condition `c` saw their predicate hold
 * (a wait loop left, an `if` on an acquire load taken): each acquires its
 * object, an atomic one by itself, a plain one with each lock held. */
static const void *wait_passed(twalk *w, const cl_flow_frame *fr, const cl_node *c, const void *st)
{
    if (c == NULL || st == NULL)
        return st;
    if (c->kind == CL_N_EVENT) {
        const cl_event *ev = c->ev;
        if (ev->kind != CL_EV_ACCESS || !cl_sync_is_wait_read(w->m, ev))
            return st;
        const char *p = resolve(w, fr->data, ev->u.access.path, NULL);
        if (p == NULL)
            return st;
        p = intern_str(w, p);
        const tstate *s = st;
        size_t nlocks = s->nlocks;
        const cl_lockref *locks = s->locks;
        if (ev->u.access.flags & CL_ACC_RELAXED) {
            tstate z = *s;
            z.fpend = cl_sync_object(w->m, p, "a") + 1;
            return st_make(w, &z);
        }
        if (ev->u.access.flags & CL_ACC_ATOMIC)
            st = sync_acquire(w, st, cl_sync_object(w->m, p, "a"));
        else if (nlocks == 0)
            return st; /* a plain predicate seen without a lock orders nothing */
        else
            for (size_t i = 0; i < nlocks; i++) {
                st = sync_acquire(w, st, locked_predicate(w, p, locks[i].lock));
                st = element_waited(w, fr, ev, p, locks[i].lock, st);
            }
        tstate z = *(const tstate *)st;
        z.pend = p;
        return st_make(w, &z);
    }
    st = wait_passed(w, fr, c->cond, st);
    for (size_t i = 0; i < c->nkids; i++)
        st = wait_passed(w, fr, c->kids[i], st);
    return st;
}

/* The wake-up object (cl_sync_wake) when descriptor value `v`, an
 * argument of a call in frame `fd`, is loaded from a wake-up location:
 * its own, or, for a parameter (`notify(int fd)` called with
 * `w->notify_wr`), the one the caller loaded it from. Else SIZE_MAX. */
static size_t wake_of(twalk *w, const tframe *fd, const cl_value *v)
{
    if (v == NULL || v->kind != CL_VAL_LOAD || v->path == NULL)
        return SIZE_MAX;
    size_t id = cl_sync_wake(w->m, v->path);
    const char *p = id == SIZE_MAX && (v->path[0] == 'V' || v->path[0] == 'P') ? resolve(w, fd, v->path, NULL)
                                                                                : NULL;
    if (p != NULL && p[0] == 'T') /* (a local's thread qualifier, "T<n>:") */
        p = strchr(p, ':') != NULL ? strchr(p, ':') + 1 : NULL;
    return p != NULL ? cl_sync_wake(w->m, p) : id;
}

/* The state after thread `w` releases wake-up object `id` in state `st`
 * (noting a release from a state that had not acquired it: the thread
 * wakes a loop on its own, cl_sync_wake_unprimed). */
static const void *wake_release(twalk *w, size_t id, const void *st)
{
    const tstate *s = st;
    if (!cl_ids_contains(s->acq, s->nacq, id))
        cl_sync_wake_unprimed(w->m, id, w->thread);
    return sync_release(w, st, id, 0);
}

/* The state after `ev` (spec `cs`) sends on a wake-up descriptor
 * (cl_sync_wake): a write to a pipe, an eventfd or a socketpair releases
 * the wake-up object, and so do close() and shutdown(), after which the
 * other end reads the end of the stream. */
static const void *wake_write(twalk *w, const cl_flow_frame *fr, const cl_event *ev, const cl_callspec *cs,
                              const void *st)
{
    int sends = (cs->flags & CL_CS_SEND) || strcmp(cs->name, "close") == 0 || strcmp(cs->name, "shutdown") == 0;
    size_t id = sends ? wake_of(w, fr->data, cl_call_arg(ev, 0)) : SIZE_MAX;
    return id != SIZE_MAX ? wake_release(w, id, st) : st;
}

/* The state after `ev` when it is a memory fence (atomic_thread_fence,
 * which <stdatomic.h> spells __c11_atomic_thread_fence, and
 * __atomic_thread_fence with a constant order, __sync_synchronize): a
 * release one lets later relaxed stores release, an acquire one acquires
 * what a wait loop on a relaxed load saw. Other calls: `st`. */
static const void *fence(twalk *w, const cl_event *ev, const cl_callspec *cs, const void *st)
{
    const cl_call *c = &ev->u.call;
    long long order = 5; /* seq_cst */
    if (strcmp(cs->name, "__sync_synchronize") != 0) {
        if (strcmp(cs->name, "atomic_thread_fence") != 0 && strcmp(cs->name, "__atomic_thread_fence") != 0 &&
            strcmp(cs->name, "__c11_atomic_thread_fence") != 0)
            return st;
        if (c->nargs < 1 || c->args[0].kind != CL_VAL_INT)
            return st;
        order = c->args[0].ival;
    }
    tstate s = *(const tstate *)st;
    int acquire = order == 1 || order == 2 || order >= 4, release = order >= 3;
    s.relfence = s.relfence || release;
    size_t got = acquire ? s.fpend : 0;
    if (got != 0)
        s.fpend = 0;
    st = st_make(w, &s);
    return got != 0 ? sync_acquire(w, st, got - 1) : st;
}

/* The state after this thread passed a barrier: a pthread barrier at
 * resolved path `lp` (NULL: not known), or a return from a barrier
 * function (cl_model.barrier_fns, NULL `lp`). Threads that meet at
 * barriers run in phases: accesses an odd and an even number of waits
 * into their threads are ordered. */
static const void *barrier_passed(twalk *w, const char *lp, const void *st)
{
    w->m->threads.v[w->thread].uses_barrier = 1;
    if (lp != NULL)
        cl_sync_barrier(w->m, lp, 0, 0, w->thread);
    tstate s = *(const tstate *)st;
    if (s.bphase >= 0)
        s.bphase = (s.bphase + 1) % 2;
    return st_make(w, &s);
}

/* ---- the domain's hooks ---------------------------------------------------- */

/* After write `ev`: an integer constant stored into a global (or a member
 * of one, cl_access.stored) that the program sets to nothing else and
 * tests to take a lock (set_once) is a fact of the path (`threaded = 1;`
 * before the spawns: the threads start with it, note_start_facts). A
 * flag written with several values (`running = 1`, later `running = 0`
 * in a handler no thread walk sees) is not. */
static int set_once(const twalk *w, const char *p);
static int mode_variable(const twalk *w, const char *p);

/* `var == value` as a mode this path stored (fact.stored). */
static const fact *stored_mode(twalk *w, const char *var, long long value)
{
    fact x = { intern_str(w, var), value, (uintptr_t)CL_TEST_EQ, 1 };
    return cl_flow_intern(w->flow, &x, sizeof x);
}

/* After write `ev`: an integer constant stored into a global that is a
 * mode variable (mode_variable) by a function that may start a thread is
 * a mode of the path, as a test finding it equal would be (mode_branch):
 * `opt = CALIBRATE_ONLY; init();` decides `if (opt == CALIBRATE_ONLY)`
 * inside init. (Elsewhere a stored mode would only split the walk's
 * states: it decides which threads run and where they stop.) */
static const void *global_set(twalk *w, const cl_flow_frame *fr, const cl_event *ev, const void *st)
{
    const cl_value *v = ev->u.access.stored;
    if (v == NULL || v->kind != CL_VAL_INT || !(ev->u.access.flags & CL_ACC_WRITE) ||
        (ev->u.access.flags & CL_ACC_READ) || ev->u.access.path == NULL || ev->u.access.path[0] != 'G')
        return st;
    tstate s = *(const tstate *)st;
    if (set_once(w, ev->u.access.path))
        s.facts = cl_flow_set_add(w->flow, s.facts, (uintptr_t)fact_make(w, ev->u.access.path, CL_TEST_EQ, v->ival, 1));
    else if (w->spawners[fr->func] && mode_variable(w, ev->u.access.path))
        s.modes = cl_flow_set_add(w->flow, s.modes, (uintptr_t)stored_mode(w, ev->u.access.path, v->ival));
    else
        return st;
    return st_make(w, &s);
}

static const void *t_event(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev, const void *st)
{
    if (ev->kind != CL_EV_ACCESS)
        return st;
    twalk *w = cl_flow_ctx(f);
    record_access(w, fr, ev, st);
    st = predicate_write(w, fr, ev, st);
    st = atomic_released(w, fr, ev, st);
    if (ev->u.access.flags & CL_ACC_WRITE)
        st = global_written(w, ev->u.access.path, st);
    if ((ev->u.access.flags & CL_ACC_WRITE) && ev->u.access.path != NULL)
        st = forget_facts(w, st, ev->u.access.path, strlen(ev->u.access.path) + 1);
    return global_set(w, fr, ev, st);
}

/* `var op value` holding (`holds` 1) or failing (0), as a fact
 * (interned). */
static const fact *fact_make(twalk *w, const char *var, cl_test_op op, long long value, int holds)
{
    fact x = { intern_str(w, var), value, (uintptr_t)(holds ? op : cl_test_negate(op)), 0 };
    return cl_flow_intern(w->flow, &x, sizeof x);
}

/* The integers where fact `a` holds, as the closed range [*lo, *hi]
 * (empty when *lo > *hi): 1 for `==`, `<`, `<=`, `>`, `>=`; 0 for `!=`
 * (the integers but one, not a range). */
static int fact_range(const fact *a, long long *lo, long long *hi)
{
    *lo = LLONG_MIN;
    *hi = LLONG_MAX;
    switch ((cl_test_op)a->op) {
    case CL_TEST_EQ:
        *lo = *hi = a->value;
        return 1;
    case CL_TEST_LT:
        if (a->value == LLONG_MIN)
            *lo = 0, *hi = -1;
        else
            *hi = a->value - 1;
        return 1;
    case CL_TEST_LE:
        *hi = a->value;
        return 1;
    case CL_TEST_GT:
        if (a->value == LLONG_MAX)
            *lo = 0, *hi = -1;
        else
            *lo = a->value + 1;
        return 1;
    case CL_TEST_GE:
        *lo = a->value;
        return 1;
    default:
        return 0;
    }
}

/* Whether facts `a` and `b` (on one variable) cannot both hold. Tests are
 * on integers (the frontend keeps no test of a floating value), so they
 * are ranges of integers, and two spellings of one range agree: the
 * `cfg.threads >= 2` a spawn was made under refutes a later
 * `cfg.threads <= 1` or `!(cfg.threads > 1)`. `x != K` is refuted only
 * by `x == K`. */
static int refutes(const fact *a, const fact *b)
{
    long long alo, ahi, blo, bhi;
    int ra = fact_range(a, &alo, &ahi), rb = fact_range(b, &blo, &bhi);
    if (ra && rb)
        return alo > ahi || blo > bhi || alo > bhi || blo > ahi;
    if (ra != rb && (ra ? b : a)->op == CL_TEST_NE)
        return ra ? alo == ahi && alo == b->value : blo == bhi && blo == a->value;
    return 0;
}

/* Whether `ev` is a spawn site (a spawn call or a spawn wrapper's call). */
static int is_spawn_site(cl_model *m, const cl_event *ev)
{
    uintptr_t key = (uintptr_t)ev;
    return cl_blob_find(&m->site_index, &key, sizeof key) != NULL;
}

/* Whether tree `n` has a spawn site or a call into one of `spawners`. */
static int tree_spawns(cl_model *m, const unsigned char *spawners, const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        if (n->ev->kind != CL_EV_CALL)
            return 0;
        if (is_spawn_site(m, n->ev))
            return 1;
        size_t one;
        const size_t *cands;
        size_t nc = cl_callgraph_callees(&m->cg, n->ev, &one, &cands);
        for (size_t i = 0; i < nc; i++)
            if (spawners[cands[i]])
                return 1;
        return 0;
    }
    if (tree_spawns(m, spawners, n->cond))
        return 1;
    for (size_t i = 0; i < n->nkids; i++)
        if (tree_spawns(m, spawners, n->kids[i]))
            return 1;
    return 0;
}

/* The functions that may start a thread, directly or through calls
 * (heap; one byte per function). */
static unsigned char *find_spawners(cl_model *m)
{
    size_t nf = m->cg.funcs.n;
    unsigned char *sp = cl_xcalloc(nf + 1, 1);
    cl_idvec work = { NULL, 0, 0 };
    for (size_t f = 0; f < nf; f++)
        if (tree_spawns(m, sp, m->cg.funcs.v[f].fn->body))
            CL_VEC_PUSH(&work, f);
    for (size_t i = 0; i < work.n; i++)
        sp[work.v[i]] = 1;
    while (work.n > 0) {
        const cl_mfunc *f = &m->cg.funcs.v[work.v[--work.n]];
        for (size_t k = 0; k < f->nin; k++) {
            size_t caller = m->cg.edges.v[f->in[k]].caller;
            if (!sp[caller]) {
                sp[caller] = 1;
                CL_VEC_PUSH(&work, caller);
            }
        }
    }
    free(work.v);
    return sp;
}

/* The parameter of the running function whose object value `v` points
 * into or was loaded from ("P3", "P3.buf", "P3->.next"), or -1. */
static int param_root(const cl_value *v)
{
    if ((v->kind != CL_VAL_ADDR && v->kind != CL_VAL_LOAD) || v->path == NULL || v->path[0] != 'P')
        return -1;
    char *end;
    unsigned long k = strtoul(v->path + 1, &end, 10);
    return end == v->path + 1 || k >= 64 || isdigit((unsigned char)*end) ? -1 : (int)k;
}

/* The parameters (bits) whose objects the calls of tree `n` may hand to
 * another thread or a callback: arguments of a spawn site or of a call
 * that passes a function, and arguments a callee hands over (`ho`). */
static uint64_t tree_hands_over(cl_model *m, const uint64_t *ho, const cl_node *n)
{
    uint64_t mask = 0;
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        if (n->ev->kind != CL_EV_CALL)
            return 0;
        const cl_call *c = &n->ev->u.call;
        int gives = is_spawn_site(m, n->ev);
        for (size_t i = 0; i < c->nargs && !gives; i++)
            gives = c->args[i].kind == CL_VAL_FUNC;
        size_t one;
        const size_t *cands;
        size_t nc = cl_callgraph_callees(&m->cg, n->ev, &one, &cands);
        for (size_t i = 0; i < c->nargs; i++) {
            int k = param_root(&c->args[i]), hands = gives;
            for (size_t j = 0; k >= 0 && !hands && j < nc && i < 64; j++)
                hands = (ho[cands[j]] >> i & 1u) != 0;
            if (k >= 0 && hands)
                mask |= (uint64_t)1 << k;
        }
        return mask;
    }
    mask |= tree_hands_over(m, ho, n->cond);
    for (size_t i = 0; i < n->nkids; i++)
        mask |= tree_hands_over(m, ho, n->kids[i]);
    return mask;
}

/* Per function, the parameters whose objects it may hand to another
 * thread or a callback, directly or through its callees (bit k: parameter
 * k; heap). A caller's object of the current round passed there is not
 * that round's alone inside the function (PI_ITERATION is not bound,
 * t_enter): its writes may follow its own hand-over. Each function once,
 * then a worklist: a function whose mask grew has its callers (the call
 * graph's edges into it) computed again, until nothing changes. */
static uint64_t *find_hands_over(cl_model *m)
{
    size_t nf = m->cg.funcs.n;
    uint64_t *ho = cl_xcalloc(nf + 1, sizeof *ho);
    cl_idvec work = { NULL, 0, 0 };
    unsigned char *queued = cl_xcalloc(nf + 1, 1);
    for (size_t f = 0; f < nf; f++) {
        ho[f] = tree_hands_over(m, ho, m->cg.funcs.v[f].fn->body);
        if (ho[f] != 0) {
            CL_VEC_PUSH(&work, f);
            queued[f] = 1;
        }
    }
    while (work.n > 0) {
        const cl_mfunc *g = &m->cg.funcs.v[work.v[--work.n]];
        queued[g - m->cg.funcs.v] = 0;
        for (size_t k = 0; k < g->nin; k++) {
            size_t c = m->cg.edges.v[g->in[k]].caller;
            uint64_t mask = ho[c] | tree_hands_over(m, ho, m->cg.funcs.v[c].fn->body);
            if (mask != ho[c]) {
                ho[c] = mask;
                if (!queued[c]) {
                    CL_VEC_PUSH(&work, c);
                    queued[c] = 1;
                }
            }
        }
    }
    free(queued);
    free(work.v);
    return ho;
}

/* Whether alternative `kid` of branch `n` may start a thread: only such a
 * branch's test is kept as a fact (facts elsewhere would only split the
 * walk's states). */
static int alt_spawns(twalk *w, const cl_node *n, int kid)
{
    const cl_node *alt = n->kids[kid];
    uintptr_t key = (uintptr_t)alt;
    int added;
    cl_blobent *e = cl_blob_lookup(&w->spawning_alts, cl_flow_scratch(w->flow), &key, sizeof key, &added);
    if (added)
        e->val = 1 + (size_t)tree_spawns(w->m, w->spawners, alt);
    return e->val == 2;
}

/* Whether statement `n` always leaves the function: a return, or a
 * sequence that ends with one (`if (single) return;`). */
static int leaves(const cl_node *n)
{
    while (n->kind == CL_N_SEQ && n->nkids > 0)
        n = n->kids[n->nkids - 1];
    return n->kind == CL_N_RETURN;
}

/* The facts that hold in alternative `kid` of branch `n` (at most
 * `max`, into `need`; returns how many): its test of `var` against a
 * constant (first, when there is one), and the tests of globals among
 * the operands of an `&&` chain in its then-branch or of an `||` chain in
 * its else-branch, where every operand holds (fails). */
static size_t alt_facts(twalk *w, const cl_node *n, int kid, const char *var, const fact **need,
                        size_t max)
{
    size_t nneed = 0;
    if (var != NULL && n->x->test_op != CL_TEST_NONE && max > 0)
        need[nneed++] = fact_make(w, var, n->x->test_op, n->x->test_value, kid == 0);
    for (size_t i = 0; i < n->x->ngtests && kid == (int)n->x->gtest_alt && nneed < max; i++)
        need[nneed++] = fact_make(w, n->x->gtests[i].global, n->x->gtests[i].op, n->x->gtests[i].value, kid == 0);
    return nneed;
}

/* Branch correlation at alternative `kid` of `if` node `n` that tests an
 * unchanging local, parameter or global against a constant: the threads
 * live only where a refuted fact holds are not live here (`if (opt)
 * create; ... if (opt) join; else <here>`), and the test's outcome becomes
 * a fact of the path where the alternative may start a thread, or where
 * the other one leaves a function that may (`if (single) return;` before
 * the spawns). */
static const void *correlate(twalk *w, const cl_flow_frame *fr, const cl_node *n, int kid,
                             const void *ps)
{
    const char *var = n->x->test_var != NULL ? n->x->test_var : n->x->test_global;
    const tstate *s = ps;
    int keep = alt_spawns(w, n, kid) || (w->spawners[fr->func] && leaves(n->kids[1 - kid]));
    const fact *need[64];
    size_t nneed = alt_facts(w, n, kid, var, need, 64);
    if (nneed == 0 || (s->cond.n == 0 && s->gates.n == 0 && !keep))
        return ps;
    for (size_t i = 0; i < s->gates.n; i++) {
        const gatelive *e = (const gatelive *)s->gates.v[i];
        /* (a gate still closed decides at its release, open_gates: the
         * creator may store another value before it) */
        for (size_t k = 0; k < nneed && (e->flags & (GATE_OPEN | GATE_HOME)) == GATE_OPEN; k++) {
            if (gate_refuted(w, s, e, need[k])) {
                ps = send_home(w, ps, i);
                s = ps;
                i = (size_t)-1; /* (send_home rebuilt the set) */
                break;
            }
        }
    }
    for (size_t i = 0; i < s->cond.n; i++) {
        const condlive *e = (const condlive *)s->cond.v[i];
        for (size_t k = 0; k < nneed; k++) {
            if (e->f->var == need[k]->var && refutes(need[k], e->f)) {
                ps = remove_live(w, ps, e->thread);
                s = ps;
                i = (size_t)-1; /* (remove_live rebuilt the set) */
                break;
            }
        }
    }
    if (!keep || var == NULL || n->x->test_op == CL_TEST_NONE)
        return ps;
    const fact *g = need[0];
    tstate z = *s;
    z.facts = cl_flow_set_add(w->flow, z.facts, (uintptr_t)g);
    return st_make(w, &z);
}

/* `ps` without the threads this thread started at `spawn` (named at
 * `site`, when not NULL) on a path where that spawn failed, unless an
 * earlier instance may still run (thread_extra.overlaps). */
static const void *drop_spawned(twalk *w, const void *ps, const cl_event *spawn,
                                const cl_event *site)
{
    const tstate *s = ps;
    for (size_t i = 0; i < s->nlive; i++) {
        const cl_thread *t = &w->m->threads.v[s->live[i]];
        if (t->spawn == spawn && (site == NULL || t->site == site) && t->creator == w->thread &&
            !w->extra->v[s->live[i]].overlaps) {
            ps = remove_live(w, ps, s->live[i]);
            s = ps;
            i = (size_t)-1;
        }
    }
    return ps;
}

/* The alternative `kid` of a branch testing the result of a call of a
 * spawn wrapper that reports its spawn (shape.h cl_spawn_report: `if
 * (start_thread(&t, worker, arg) != 0)`) where no value it returns on
 * success can be: the threads that call started (their spawn the
 * wrapper's, named at this call) are not live there, unless an earlier
 * instance may still run. */
static const void *wrapper_failed(twalk *w, const cl_node *n, int kid, const void *ps)
{
    const cl_event *call = n->x->test_call;
    size_t one;
    const size_t *fs;
    if (call->kind != CL_EV_CALL || cl_callgraph_callees(&w->m->cg, call, &one, &fs) != 1)
        return ps;
    struct spawn_report *e = &w->reportmemo[fs[0]];
    if (!e->done) {
        cl_shape_spawn_report(&w->m->cg, w->m->cg.funcs.v[fs[0]].fn->body, &e->r);
        e->done = 1;
    }
    if (e->r.spawn == NULL)
        return ps;
    cl_test_op op = kid == 0 ? n->x->test_op : cl_test_negate(n->x->test_op);
    for (size_t i = 0; i < e->r.nok; i++)
        if (cl_test_holds(op, n->x->test_value, e->r.ok[i]))
            return ps; /* (the wrapper may have succeeded) */
    return drop_spawned(w, ps, e->r.spawn, call);
}

/* The alternative of a branch testing spawn `n->test_call`'s result where
 * the spawn failed started no thread: its threads are not live there,
 * unless an earlier instance may still run (thread_extra.overlaps). A
 * test of the result a spawn loop stored per element (n->test_elem: `if
 * (args[i].ret == 0) join(args[i].thread)` in a later loop): where it
 * failed, that element has no thread and the others are met in their own
 * rounds, so the instances go as a join of that element's handle would
 * take them (do_join: the same handle, a loop of as many rounds). */
static const void *spawn_failed(twalk *w, const cl_flow_frame *fr, const cl_node *n, int kid,
                                const void *ps)
{
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, n->x->test_call);
    if (cs == NULL)
        return wrapper_failed(w, n, kid, ps);
    if (cs->kind != CL_CK_SPAWN ||
        (kid == 0) == cl_test_holds(n->x->test_op, n->x->test_value, 0))
        return ps;
    ps = drop_spawned(w, ps, n->x->test_call, NULL);
    const tstate *s = ps;
    for (size_t i = 0; i < s->gates.n; i++) {
        const gatelive *e = (const gatelive *)s->gates.v[i];
        if (!(e->flags & GATE_FAILED) && w->m->threads.v[e->thread].spawn == n->x->test_call) {
            ps = mark_gate(w, ps, i, GATE_FAILED, 0);
            s = ps;
            i = (size_t)-1;
        }
    }
    return n->x->test_elem ? do_join(w, fr, n->x->test_call, cs, ps) : ps;
}

/* Counts in `counts` the `if`s under `n` that test each global
 * (test_global, gtests): only a global tested in more than one place
 * becomes a mode (a single test has nothing later to decide, and a mode
 * kept for nothing splits the walk's states). */
/* Notes in `set` the writes of globals (and members of globals) in tree
 * `n`: a path whose every write in the program stores the same integer
 * constant (cl_access.stored) maps to it, one written otherwise to
 * SIZE_MAX (`running = 1` in main, `running = 0` in a signal handler;
 * a constant -1 counts as such too). */
static void note_stores(const cl_node *n, cl_strmap *set, cl_strmap *varied)
{
    if (n == NULL)
        return;
    const cl_event *ev = n->kind == CL_N_EVENT ? n->ev : NULL;
    if (ev != NULL && ev->kind == CL_EV_ACCESS && (ev->u.access.flags & CL_ACC_WRITE) &&
        ev->u.access.path != NULL && ev->u.access.path[0] == 'G') {
        const cl_value *v = ev->u.access.stored;
        size_t now = v != NULL && v->kind == CL_VAL_INT && !(ev->u.access.flags & CL_ACC_READ)
                         ? (size_t)v->ival : SIZE_MAX;
        size_t was;
        int known = cl_strmap_get(set, ev->u.access.path, &was);
        if (!known || was != now)
            cl_strmap_put(set, ev->u.access.path, known ? SIZE_MAX : now);
        if (now == SIZE_MAX)
            cl_strmap_put(varied, ev->u.access.path, 1);
    }
    note_stores(n->cond, set, varied);
    for (size_t i = 0; i < n->nkids; i++)
        note_stores(n->kids[i], set, varied);
}

/* Whether tree `n` calls a lock (directly: `if (threaded)
 * pthread_mutex_lock(&m)`). */
static int calls_lock(const cl_model *m, const cl_node *n)
{
    if (n == NULL)
        return 0;
    if (n->kind == CL_N_EVENT) {
        const cl_callspec *cs = n->ev->kind == CL_EV_CALL ? cl_callgraph_spec(&m->cg, n->ev) : NULL;
        return cs != NULL && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_RDLOCK);
    }
    for (size_t i = 0; i < n->nkids; i++)
        if (calls_lock(m, n->kids[i]))
            return 1;
    return 0;
}

/* Notes in `tested` the globals (and members of globals) tree `n` tests
 * alone in an `if` that takes a lock in an alternative (`if (threaded)
 * lock(m)`, key "{G...}"). */
static void note_lock_tests(const cl_model *m, const cl_node *n, cl_strmap *tested, cl_arena *a)
{
    if (n == NULL)
        return;
    const char *k = n->kind == CL_N_BRANCH && n->nkids == 2 ? n->x->cond_key : NULL;
    if (k != NULL) {
        k += strspn(k, "~");
        size_t len = strlen(k);
        if (k[0] == '{' && k[1] == 'G' && strcspn(k + 1, "{} ") == len - 2 && k[len - 1] == '}' &&
            (calls_lock(m, n->kids[0]) || calls_lock(m, n->kids[1]))) {
            char *g = cl_arena_alloc(a, len - 1);
            memcpy(g, k + 1, len - 2);
            g[len - 2] = '\0';
            cl_strmap_put(tested, g, 1);
        }
    }
    note_lock_tests(m, n->cond, tested, a);
    for (size_t i = 0; i < n->nkids; i++)
        note_lock_tests(m, n->kids[i], tested, a);
}

/* The globals (and members of globals) that `if`s test alone to take a
 * lock (note_lock_tests) and that the program sets to one constant only
 * (note_stores): path -> the constant, in `once`; the other globals
 * written map to SIZE_MAX. Only those tests need the fact (global_set):
 * facts on every flag would split the walk's states. `varied`: the
 * globals some write stores other than an integer constant to. */
static void find_set_once(cl_model *m, cl_strmap *once, cl_strmap *varied)
{
    cl_strmap tested = { NULL, NULL, NULL, 0, 0 };
    for (size_t f = 0; f < m->cg.funcs.n; f++) {
        note_lock_tests(m, m->cg.funcs.v[f].fn->body, &tested, &m->arena);
        note_stores(m->cg.funcs.v[f].fn->body, once, varied);
    }
    size_t x;
    for (size_t i = 0; i < once->cap; i++)
        if (once->keys[i] != NULL && !cl_strmap_get(&tested, once->keys[i], &x))
            once->vals[i] = SIZE_MAX;
    cl_strmap_release(&tested);
}

/* Whether an object containing global path `p` (`s` of "Gs.mode") is
 * written anywhere (find_set_once's map). */
static int container_written(const twalk *w, const char *p)
{
    size_t v;
    char buf[512];
    size_t n = strlen(p);
    if (n >= sizeof buf)
        return 1;
    memcpy(buf, p, n + 1);
    for (size_t i = n; i-- > 1;) {
        if (buf[i] != '.' && buf[i] != '-')
            continue;
        buf[i] = '\0';
        if (cl_strmap_get(w->set_once, buf, &v))
            return 1;
    }
    return 0;
}

/* Whether global path `p` is written with one constant only in the
 * program and tested to take a lock (find_set_once), and no object
 * containing it is written. */
static int set_once(const twalk *w, const char *p)
{
    size_t v;
    return cl_strmap_get(w->set_once, p, &v) && v != SIZE_MAX && !container_written(w, p);
}

/* Whether every write of global path `p` in the program stores an integer
 * constant to it, no object containing it is written, some `if` tests it
 * (a mode variable, mode_branch), and it is private to main's side of the
 * program (cl_writes_private: no thread, callback or signal handler can
 * change it behind the path's back, nor a write through a pointer). */
static int mode_variable(const twalk *w, const char *p)
{
    return !cl_strmap_get(w->varied, p, NULL) && cl_strmap_get(w->mode_tests, p, NULL) &&
           !container_written(w, p) && cl_writes_private(w->writes, p);
}

static void count_mode_tests(const cl_node *n, cl_strmap *counts)
{
    if (n == NULL)
        return;
    for (size_t i = 0; i <= n->x->ngtests; i++) {
        const char *g = i < n->x->ngtests ? n->x->gtests[i].global : n->x->test_global;
        size_t c = 0;
        if (g != NULL) {
            cl_strmap_get(counts, g, &c);
            cl_strmap_put(counts, g, c + 1);
        }
    }
    count_mode_tests(n->cond, counts);
    for (size_t i = 0; i < n->nkids; i++)
        count_mode_tests(n->kids[i], counts);
}

/* Alternative `kid` of an `if` whose condition tests globals against
 * constants (test_global, or the operands of an `&&`/`||` chain,
 * gtests): when the path already found one of them equal to a constant
 * (the thread's mode: `if (op == READ) read_input();` and, deeper, `if
 * (op != IDLE) break;` or `if (ready && op == IDLE)`), or stored one
 * there (global_set: `opt = CALIBRATE; init();`), an alternative that
 * runs only where a test fails that the mode decides is not walked
 * (NULL); otherwise the alternative records the globals it finds equal to
 * a constant. Another thread may change a global in between: a mode set
 * before the thread is given work is taken to hold while it does that
 * work. */
static const void *mode_branch(twalk *w, const cl_node *n, int kid, const void *st)
{
    const fact *need[64];
    size_t nneed = alt_facts(w, n, kid, n->x->test_global, need, 64);
    const tstate *s = st;
    cl_flow_set modes = s->modes;
    for (size_t i = 0; i < nneed; i++) {
        int known = 0;
        for (size_t k = 0; k < s->modes.n; k++) {
            const fact *m = (const fact *)s->modes.v[k];
            if (m->var != need[i]->var)
                continue;
            if (refutes(m, need[i]))
                return NULL;
            known = 1;
        }
        size_t tests = 0;
        if (!known && need[i]->op == CL_TEST_EQ && cl_strmap_get(w->mode_tests, need[i]->var, &tests) &&
            tests > 1)
            modes = cl_flow_set_add(w->flow, modes, (uintptr_t)need[i]);
    }
    if (modes.n == s->modes.n)
        return st;
    tstate z = *s;
    z.modes = modes;
    return st_make(w, &z);
}

/* Binary semaphores: one that starts at 1 and is waited on before the
 * critical section and posted after it is a lock. Waits are counted (the
 * k-th wait on every path acquires the semaphore's k-th object) and posts
 * noted per thread, for waits that take every post (sync.c). */
static const void *semaphore(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                             const cl_callspec *cs, const char *lp, const void *st)
{
    const cl_call *c = &ev->u.call;
    if (cs->kind == CL_CK_SEM_INIT) {
        int known = cs->data >= 0 && (size_t)cs->data < c->nargs && c->args[cs->data].kind == CL_VAL_INT;
        if (lp != NULL)
            cl_sync_sem_init(w->m, lp, known ? c->args[cs->data].ival : -1);
        if (lp != NULL && known && c->args[cs->data].ival == 1 &&
            !cl_strmap_get(&w->m->binary_sems, lp, NULL))
            cl_strmap_put(&w->m->binary_sems, cl_arena_strdup(&w->m->arena, lp), 1);
        return st;
    }
    if (lp == NULL)
        return st;
    /* Every semaphore hands off: a post releases, a wait acquires. */
    const tstate *s = st;
    if (cs->kind == CL_CK_SEM_WAIT) {
        st = sync_acquire(w, st, cl_sync_sem_wait(w->m, lp, s->acq, s->nacq));
    } else {
        /* (a post in a callee or a loop may run more than once) */
        int once = fr->parent == NULL && fr->in_loop == 0;
        cl_sync_sem_post(w->m, lp, w->thread, once ? ev : NULL);
        st = sync_release(w, st, cl_sync_object(w->m, lp, "s"), 0);
    }
    if (!cl_strmap_get(&w->m->binary_sems, lp, NULL))
        return st;
    size_t id = lock_id(w->m, lp);
    note_sem_use(w, cs->kind == CL_CK_SEM_WAIT ? 'w' : 'p', id);
    return cs->kind == CL_CK_SEM_WAIT ? add_lock(w, st, id, 0) : remove_lock(w, st, id);
}

static const char *trylock_var(twalk *w, const cl_event *ev);
static const void *apply_call(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                              const cl_callspec *cs, const char *lp, const char *lk,
                              const void *st);

/* The state after unlock `ev` of `lock` by the innermost function of
 * `fr`. A lock a jump carried here (tstate.jumped) is noted as released
 * on the jump's path for each function of the chain
 * (cl_model.jump_released) where it is not held on every path or the
 * unlock is under a condition (`if (locked) unlock(m)` at a cleanup
 * label, where the walk may take the lock again for the test): an
 * unconditional unlock of a lock held on every path (taken before the
 * loop a `break` left) says nothing of the jump. */
static const void *jump_release(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                                const void *st, size_t lock)
{
    const tstate *s = st;
    int carried = cl_ids_contains(s->jumped, s->njumped, lock) &&
                  (cl_lockref_find(s->locks, s->nlocks, lock) == NULL ||
                   cl_shape_under_branch(&w->m->cg, ev));
    for (const cl_flow_frame *p = fr; p != NULL && carried; p = p->parent) {
        char key[64];
        snprintf(key, sizeof key, "%zu|%zu", p->func, lock);
        if (!cl_strmap_get(&w->m->jump_released, key, NULL))
            cl_strmap_put(&w->m->jump_released, cl_arena_strdup(&w->m->arena, key), 1);
    }
    return remove_lock(w, st, lock);
}

/* cl_flow_domain.jump: the locks held (not on a failed lock's path) go
 * with the jump as tstate.jumped. */
static const void *t_jump(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, const void *st)
{
    (void)fr, (void)n;
    twalk *w = cl_flow_ctx(f);
    const tstate *s = st;
    size_t *ids = tmp(w, (s->nlocks + 1) * sizeof *ids), k = 0;
    for (size_t i = 0; i < s->nlocks; i++)
        if (!(s->locks[i].mode & CL_LOCK_FAILED_PATH))
            ids[k++] = s->locks[i].lock;
    if (k == 0)
        return st;
    tstate z = *s;
    z.jumped = ids_union(w, z.jumped, z.njumped, ids, k, &z.njumped);
    return st_make(w, &z);
}

/* The parameter a raw path names the object of with member steps only
 * ("P2", "P2.rwlock": 2), or -1. */
static long param_object(const char *p)
{
    if (p == NULL || p[0] != 'P' || p[1] < '0' || p[1] > '9')
        return -1;
    char *end;
    long n = strtol(p + 1, &end, 10);
    return (*end == '\0' || *end == '.') && strstr(end, "->") == NULL && strchr(end, '[') == NULL
               ? n : -1;
}

/* The class lock (model.h) of lock argument `v` of a lock, rdlock, trylock
 * or unlock call (or the mutex of a condition wait) in frame `fr` whose
 * object did not resolve: "?" and the member steps after the last
 * dereference of its raw path ("P0.lock", "P0.q->.mu"), with, while the
 * object is one a parameter points to, the member steps its caller's
 * argument adds (a lock wrapper `wlock(rwlock_t *rw)` taking
 * `&rw->sys_rwlock` for a caller's `&tree->rwlock`: "?.rwlock.sys_rwlock",
 * the class of tree locks, not of every lock the wrapper takes); NULL
 * when there are none (an array element, a pointer itself). Direct calls
 * only, at most 8 callers up. */
static const char *class_lock(twalk *w, const cl_flow_frame *fr, const cl_callspec *cs,
                              const cl_value *v)
{
    if ((cs->kind != CL_CK_LOCK && cs->kind != CL_CK_RDLOCK && cs->kind != CL_CK_TRYLOCK &&
         cs->kind != CL_CK_UNLOCK && cs->kind != CL_CK_COND_WAIT &&
         cs->kind != CL_CK_COND_TIMEDWAIT) || v->kind != CL_VAL_ADDR || v->path == NULL)
        return NULL;
    const char *steps = cl_path_member_steps(v->path);
    if (steps == NULL)
        return NULL;
    const char *cls = intern_cat(w, "?", steps), *path = v->path;
    for (int up = 0; up < 8 && fr->call != NULL && fr->parent != NULL; up++, fr = fr->parent) {
        long n = param_object(path);
        const cl_call *c = &fr->call->u.call;
        const char *usr = w->m->cg.funcs.v[fr->func].fn->usr;
        if (n < 0 || fr->call->kind != CL_EV_CALL || c->callee_usr == NULL ||
            strcmp(c->callee_usr, usr) != 0 || (size_t)n >= c->nargs ||
            c->args[n].kind != CL_VAL_ADDR || c->args[n].path == NULL)
            break;
        path = c->args[n].path;
        const char *more = cl_path_member_steps(path);
        if (more != NULL)
            cls = intern_cat(w, intern_cat(w, "?", more), cls + 1);
        else if (param_object(path) < 0)
            break;
    }
    return cls;
}

static const void *library_call(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                                const cl_callspec *cs, const void *st)
{
    const cl_call *c = &ev->u.call;
    size_t ri = record_call(w, fr, ev, cs, st);
    for (size_t a = 0; a < c->nargs && a < 64; a++) {
        const cl_value *v = &c->args[a];
        unsigned kind = lib_arg_access(cs, a, v);
        if (kind == 0 || v->kind != CL_VAL_ADDR)
            continue;
        if (cs->flags & CL_CS_FREES) {
            const char *p = value_path(w, fr->data, v, NULL);
            if (p == NULL || !freed_block(p))
                continue;
        }
        record_access(w, fr, lib_access(w->m, ev, (int)a, kind), st);
    }
    const char *lp = NULL, *lk = NULL;
    if (cs->obj >= 0 && (size_t)cs->obj < c->nargs) {
        lp = value_path(w, fr->data, &c->args[cs->obj], NULL);
        lk = lp ? value_ipath(w, fr->data, &c->args[cs->obj]) : class_lock(w, fr, cs, &c->args[cs->obj]);
    } else if (cs->obj < 0 && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_UNLOCK)) {
        lp = lk = CL_ATOMIC_SECTION_LOCK;
    }
    w->again = NULL;
    const void *out = apply_call(w, fr, ev, cs, lp, lk, st);
    if (ri != SIZE_MAX && out != NULL) {
        cl_callrec *r = &w->m->calls.v[ri];
        if (w->again != NULL) {
            r->again = w->again->ev;
            r->again_thread = w->again->thread;
            r->again_detached = w->again->detached != 0;
        }
        if (cs->kind == CL_CK_SPAWN)
            r->target = live_diff(out, st);
        else if (cs->kind == CL_CK_JOIN || cs->kind == CL_CK_TIMEDJOIN)
            r->target = live_diff(st, out);
        if (lk != NULL && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_RDLOCK ||
                           cs->kind == CL_CK_UNLOCK || cs->kind == CL_CK_TRYLOCK ||
                           cs->kind == CL_CK_MUTEX_INIT))
            r->lock = lock_id(w->m, lk);
        else if (lp != NULL && cl_strmap_get(&w->m->binary_sems, lp, NULL))
            r->lock = lock_id(w->m, lp);
        else if ((cs->kind == CL_CK_COND_WAIT || cs->kind == CL_CK_COND_TIMEDWAIT) &&
                 cs->data >= 0 && (size_t)cs->data < c->nargs) {
            const cl_value *mv = &c->args[cs->data];
            const char *mk = value_path(w, fr->data, mv, NULL) ? value_ipath(w, fr->data, mv)
                                                               : class_lock(w, fr, cs, mv);
            r->lock = mk != NULL ? lock_id(w->m, mk) : SIZE_MAX;
        }
        const tstate *in = st;
        r->after_failed_try = cs->kind == CL_CK_UNLOCK && r->lock != SIZE_MAX &&
                              cl_ids_contains(in->tryfail, in->ntryfail, r->lock) &&
                              cl_lockref_find(in->locks, in->nlocks, r->lock) == NULL;
    }
    return out;
}

/* ---- event loops ------------------------------------------------------------ */

/* The loop or event object argument `v` designates, as the resolved path
 * of the object (a pointer loaded from X designates "X->"), copied to the
 * model's arena; *pi receives its PI_* bits. NULL when the walk cannot
 * name it (a call's result, an unbound parameter). */
static const char *ev_object(twalk *w, const cl_flow_frame *fr, const cl_value *v, int *pi)
{
    const char *p = value_path(w, fr->data, v, pi);
    if (p == NULL)
        return NULL;
    p = widen_path(w, p);
    return cl_arena_printf(&w->m->arena, "%s%s", p, v->kind == CL_VAL_LOAD ? "->" : "");
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The ids both sorted sets hold, in the model's arena. */
static const size_t *ids_meet_persist(cl_model *m, const size_t *x, size_t nx, const size_t *y, size_t ny,
                                      size_t *nout)
{
    size_t *v = nx ? cl_arena_alloc(&m->arena, nx * sizeof *v) : NULL, n = 0;
    for (size_t i = 0; i < nx; i++)
        if (cl_ids_contains(y, ny, x[i]))
            v[n++] = x[i];
    *nout = n;
    return n ? v : NULL;
}

/* Adds `r` unless the same registration is known; met again, it keeps
 * the objects acquired on both paths. */
static void ev_note(cl_model *m, evregs *rs, const evreg *r)
{
    for (size_t i = 0; i < rs->regs.n; i++) {
        evreg *o = &rs->regs.v[i];
        if (o->func == r->func && o->thread == r->thread && o->cbarg == r->cbarg &&
            o->arg_pi == r->arg_pi && o->wake == r->wake && same_str(o->loop, r->loop) &&
            same_str(o->obj, r->obj) && same_str(o->arg, r->arg) && same_str(o->iarg, r->iarg)) {
            o->acq = ids_meet_persist(m, o->acq, o->nacq, r->acq, r->nacq, &o->nacq);
            return;
        }
    }
    CL_VEC_PUSH(&rs->regs, *r);
}

/* Notes `r` for handler `func`: when it names no loop, once for each loop
 * its event object was attached to so far (or once without a loop). */
static void ev_note_attached(cl_model *m, evregs *rs, evreg *r, size_t func)
{
    r->func = func;
    size_t attached = 0;
    for (size_t i = 0; r->loop == NULL && r->obj != NULL && i < rs->attached.n; i++) {
        const evattach *at = &rs->attached.v[i];
        if (strcmp(at->obj, r->obj) != 0)
            continue;
        evreg q = *r;
        q.loop = at->loop;
        q.loop_pi = at->loop_pi;
        ev_note(m, rs, &q);
        attached++;
    }
    if (attached == 0)
        ev_note(m, rs, r);
}

/* Whether registration `ev` (spec `cs`) in frame `fd` runs its handler
 * only once a wake-up channel was written to: an async handle's (cs->evfd
 * < 0: libuv's uv_async_init, libev's ev_async_start; its handler runs
 * after a CL_CK_EV_WAKE send), or one whose descriptor argument (cs->evfd)
 * is a wake-up descriptor (wake_of) and whose events argument, next to
 * it, a constant with the read bit (libevent's EV_READ). */
static unsigned char ev_wakes(twalk *w, const tframe *fd, const cl_event *ev, const cl_callspec *cs)
{
    enum { LIBEVENT_EV_READ = 0x02 };
    if (cs->evfd < 0)
        return 1;
    if (cs->evfd == 0)
        return 0;
    const cl_value *what = cl_call_arg(ev, cs->evfd);
    return what != NULL && what->kind == CL_VAL_INT && (what->ival & LIBEVENT_EV_READ) &&
           wake_of(w, fd, cl_call_arg(ev, cs->evfd - 1)) != SIZE_MAX;
}

/* Registration call `ev` (CL_CK_EV_REGISTER): each handler it names is
 * registered for the loop its `obj` argument names, or, without one, for
 * each loop its event object was attached to so far (none: the loop is
 * not known yet; a later attach of that object names it, ev_attach). */
static void ev_register(twalk *w, const cl_flow_frame *fr, const cl_event *ev, const cl_callspec *cs,
                        const void *st)
{
    const cl_call *c = &ev->u.call;
    const tstate *s = st;
    evregs *rs = w->evregs;
    evreg r;
    memset(&r, 0, sizeof r);
    r.thread = w->thread;
    r.cbarg = cs->cbarg;
    r.wake = ev_wakes(w, fr->data, ev, cs);
    r.nacq = s->nacq;
    if (s->nacq > 0) {
        size_t *acq = cl_arena_alloc(&w->m->arena, s->nacq * sizeof *acq);
        memcpy(acq, s->acq, s->nacq * sizeof *acq);
        r.acq = acq;
    }
    int lpi = 0, api = 0;
    const cl_value *loop = cl_call_arg(ev, cs->obj), *obj = cl_call_arg(ev, cs->evobj);
    const cl_value *arg = cl_call_arg(ev, cs->data);
    r.loop = loop != NULL ? ev_object(w, fr, loop, &lpi) : NULL;
    r.obj = obj != NULL ? ev_object(w, fr, obj, NULL) : NULL;
    const char *b = arg != NULL ? binding(w, fr->data, arg, &api, 0) : NULL;
    const char *ib = arg != NULL ? binding(w, fr->data, arg, NULL, 1) : NULL;
    r.arg = b != NULL ? cl_arena_strdup(&w->m->arena, b) : NULL;
    r.iarg = ib != NULL ? cl_arena_strdup(&w->m->arena, ib) : r.arg;
    r.arg_pi = (unsigned char)api;
    r.loop_pi = (unsigned char)lpi;
    if (cs->func < 0) { /* the watcher's stored callback (libev) */
        const size_t *fs;
        size_t nf = r.obj != NULL ? cl_callgraph_stored(&w->m->cg, intern_cat(w, r.obj, ".cb"), &fs) : 0;
        for (size_t k = 0; k < nf; k++)
            ev_note_attached(w->m, rs, &r, fs[k]);
        return;
    }
    size_t last = cs->data > cs->func ? (size_t)cs->data : c->nargs;
    for (size_t a = (size_t)cs->func; a < last && a < c->nargs; a++) {
        size_t one;
        const size_t *fs;
        size_t nf = frame_values(w, fr->data, &c->args[a], &one, &fs);
        for (size_t k = 0; k < nf; k++)
            ev_note_attached(w->m, rs, &r, fs[k]);
    }
}

/* Attach call `ev` (CL_CK_EV_ATTACH): the event object is on that loop
 * from now on, and so are the handlers registered on it before
 * (event_set, then event_base_set). */
static void ev_attach(twalk *w, const cl_flow_frame *fr, const cl_event *ev, const cl_callspec *cs)
{
    const cl_value *lv = cl_call_arg(ev, cs->obj), *ov = cl_call_arg(ev, cs->data);
    int lpi = 0;
    evattach at = { ov != NULL ? ev_object(w, fr, ov, NULL) : NULL,
                    lv != NULL ? ev_object(w, fr, lv, &lpi) : NULL, 0 };
    at.loop_pi = (unsigned char)lpi;
    if (at.obj == NULL || at.loop == NULL)
        return;
    evregs *rs = w->evregs;
    for (size_t i = 0; i < rs->attached.n; i++)
        if (strcmp(rs->attached.v[i].obj, at.obj) == 0 && strcmp(rs->attached.v[i].loop, at.loop) == 0)
            return;
    CL_VEC_PUSH(&rs->attached, at);
    for (size_t i = 0, n = rs->regs.n; i < n; i++) {
        evreg r = rs->regs.v[i];
        if (r.obj == NULL || strcmp(r.obj, at.obj) != 0 || same_str(r.loop, at.loop))
            continue;
        r.loop = at.loop;
        r.loop_pi = at.loop_pi;
        if (rs->regs.v[i].loop == NULL)
            rs->regs.v[i] = r;
        else
            ev_note(w->m, rs, &r);
    }
}

/* Whether registration `r` is for the loop dispatched by thread `thread`
 * at `loop` (NULL: not known; `named`: the dispatch has a loop argument,
 * else it runs the library's default loop). Where the walk named both
 * loops, the same resolved path after binding (`me->base` in main's
 * setup_thread(&t[i]) and in the worker started with &t[i]). Where it
 * cannot tell, the choice is careful rather than fully sound:
 * - a handler registered for a named loop runs on a loop the walk cannot
 *   name only on the registering thread, and never on the default loop
 *   (event_dispatch() does not run what was registered on a base from
 *   event_base_new; a base from event_init passed on by hand is missed);
 * - a handler registered for a loop the walk cannot name (event_set
 *   without a base, a bufferevent's callbacks) runs on the loops of the
 *   thread that registered it (a program that registers and then
 *   dispatches, a handler registering another on its own loop), and, when
 *   that thread dispatches no loop of its own (a setup thread, a main that
 *   only starts workers), on every loop.
 * A handler is never spread to the loops of another thread that
 * dispatches its own: every handler of main's loop would then run, and
 * race, on each worker. */
static int ev_matches(const evregs *rs, const evreg *r, size_t thread, const char *loop, int named)
{
    if (r->loop != NULL)
        return loop != NULL ? strcmp(r->loop, loop) == 0 : named && r->thread == thread;
    if (r->thread == thread)
        return 1;
    return r->thread >= rs->dispatching.n || !rs->dispatching.v[r->thread];
}

/* The state handler registration `r` starts from at a dispatch in state
 * `st`: a handler woken by a wake-up descriptor acquires the wake-up
 * object (a thread wrote to the channel), and one this thread registered
 * has acquired what it had at the registration (program order). NULL:
 * `st` itself. */
static const void *handler_entry(twalk *w, const evreg *r, const void *st)
{
    const void *in = st;
    if (r->wake)
        st = sync_acquire(w, st, cl_sync_wake_object(w->m));
    for (size_t i = 0; r->thread == w->thread && i < r->nacq; i++)
        if (!cl_ids_contains(((const tstate *)st)->acq, ((const tstate *)st)->nacq, r->acq[i]))
            st = sync_acquire(w, st, r->acq[i]);
    return st != in ? st : NULL;
}

/* The domain's `handlers` hook (flow.h): the handlers registered so far
 * for the loop dispatch `ev` runs, with a token (registration index * 2,
 * + 1 when the handler's argument is per instance: registered for each
 * instance's own loop with each instance's own argument, see
 * bind_handler). */
static size_t t_handlers(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev, const void *st,
                         const cl_flow_handler **out)
{
    (void)st;
    twalk *w = cl_flow_ctx(f);
    evregs *rs = w->evregs;
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, ev);
    const cl_value *lv = cl_call_arg(ev, cs->obj);
    int lpi = 0;
    const char *loop = lv != NULL ? ev_object(w, fr, lv, &lpi) : NULL;
    while (rs->dispatching.n <= w->thread)
        CL_VEC_PUSH(&rs->dispatching, 0);
    rs->dispatching.v[w->thread] = 1;
    w->handlers.n = 0;
    for (size_t i = 0; i < rs->regs.n; i++) {
        const evreg *r = &rs->regs.v[i];
        if (!ev_matches(rs, r, w->thread, loop, lv != NULL))
            continue;
        int own = r->thread == w->thread ? (r->arg_pi & PI_INSTANCE) != 0
                                         : (r->arg_pi & r->loop_pi & PI_INSTANCE) && (lpi & PI_INSTANCE);
        cl_flow_handler h = { r->func, i * 2 + (size_t)own, handler_entry(w, r, st) };
        CL_VEC_PUSH(&w->handlers, h);
    }
    *out = w->handlers.v;
    return w->handlers.n;
}

/* Binds the parameter of handler `fn` that gets its registration's
 * argument (token from t_handlers), in frame arrays `bind`, `ibind`,
 * `pi`, and adds them to the memo key. */
static void bind_handler(twalk *w, size_t token, const cl_function *fn, const char **bind,
                         const char **ibind, unsigned char *pi)
{
    const evreg *r = &w->evregs->regs.v[token / 2];
    size_t k = r->cbarg >= 0 ? (size_t)r->cbarg : fn->nparams - 1;
    if (fn->nparams == 0 || k >= fn->nparams || r->arg == NULL)
        return;
    bind[k] = intern_str(w, r->arg);
    ibind[k] = intern_str(w, r->iarg);
    pi[k] = token % 2 ? PI_INSTANCE : 0;
    cl_flow_key(w->flow, (uintptr_t)bind[k]);
    cl_flow_key(w->flow, (uintptr_t)ibind[k]);
    cl_flow_key(w->flow, pi[k]);
}

/* The state after library call `ev` of kind cs->kind; `lp` is the
 * resolved object argument (lock, semaphore), or NULL; `lk` the same as an
 * indexed path, the lock's name. */
/* 1 + the sync object "<control>|once" of pthread_once/call_once call
 * `call` (spec `cs`) in frame `fr`, or 0 when the walk cannot name its
 * control. */
static size_t once_object(twalk *w, const cl_flow_frame *fr, const cl_event *call,
                          const cl_callspec *cs)
{
    if (cs->obj < 0 || (size_t)cs->obj >= call->u.call.nargs)
        return 0;
    const char *p = value_path(w, fr->data, &call->u.call.args[cs->obj], NULL);
    return p != NULL ? cl_sync_object(w->m, p, "once") + 1 : 0;
}

/* Notes that this thread calls pthread_once/call_once `ev` (the routine
 * has run once it returns, here or in another thread): the object
 * "<control>|once" its routine's accesses carry (cl_syncsets.once). */
static void once_done(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                      const cl_callspec *cs)
{
    size_t o = once_object(w, fr, ev, cs);
    if (o != 0)
        cl_sync_once_called(w->m, w->thread, o - 1);
}

static const void *apply_call(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                              const cl_callspec *cs, const char *lp, const char *lk,
                              const void *st)
{
    switch (cs->kind) {
    case CL_CK_SEM_INIT:
    case CL_CK_SEM_WAIT:
    case CL_CK_SEM_POST:
        return semaphore(w, fr, ev, cs, lp, st);
    case CL_CK_SPAWN:
        return do_spawn(w, fr, ev, cs, st);
    case CL_CK_ONCE:
        once_done(w, fr, ev, cs);
        return st;
    case CL_CK_JOIN:
        return do_join(w, fr, ev, cs, handle_done(w, fr, ev, cs, 0, st));
    case CL_CK_DETACH:
        return handle_done(w, fr, ev, cs, 1, st);
    case CL_CK_TIMEDJOIN:
        return do_join(w, fr, ev, cs, st);
    case CL_CK_LOCK:
        return lk ? lock_taken(w, fr, ev, lock_id(w->m, lk), 0, st) : st;
    case CL_CK_RDLOCK:
        return lk ? lock_taken(w, fr, ev, lock_id(w->m, lk), CL_LOCK_SHARED, st) : st;
    case CL_CK_UNLOCK:
        return lk ? jump_release(w, fr, ev, st, lock_id(w->m, lk)) : st;
    case CL_CK_LONGJMP: {
        struct jump j = { intern_str(w, lp), st };
        CL_VEC_PUSH(&w->jumps, j);
        return st;
    }
    case CL_CK_BARRIER_INIT: {
        const cl_call *c = &ev->u.call;
        int known = cs->data >= 0 && (size_t)cs->data < c->nargs && c->args[cs->data].kind == CL_VAL_INT;
        if (lp != NULL)
            cl_sync_barrier(w->m, lp, 1, known ? c->args[cs->data].ival : -1, w->thread);
        return st;
    }
    case CL_CK_BARRIER_WAIT:
        return barrier_passed(w, lp, st);
    case CL_CK_OTHER:
        return fence(w, ev, cs, wake_write(w, fr, ev, cs, st));
    case CL_CK_EV_WAKE:
        return wake_release(w, cl_sync_wake_object(w->m), st);
    case CL_CK_EV_REGISTER:
        ev_register(w, fr, ev, cs, st);
        return st;
    case CL_CK_EV_ATTACH:
        ev_attach(w, fr, ev, cs);
        return st;
    case CL_CK_TRYLOCK: {
        /* (held only where a test of its result says it succeeded, see
         * trylock_branch; a new result: the old tests no longer say) */
        const char *var = trylock_var(w, ev);
        return forget_facts(w, st, var, strlen(var) + 1);
    }
    default:
        /* (noreturn: the engine ends the path) */
        return st;
    }
}

/* Whether every RETURN node in `n` returns the constant *k (set by the
 * first one met; *seen counts them). */
static int returns_only(const cl_node *n, long long *k, size_t *seen)
{
    if (n == NULL)
        return 1;
    if (n->kind == CL_N_RETURN) {
        if (n->x->test_op != CL_TEST_EQ || (*seen > 0 && n->x->test_value != *k))
            return 0;
        *k = n->x->test_value;
        ++*seen;
        return 1;
    }
    for (size_t i = 0; i < n->nkids; i++)
        if (!returns_only(n->kids[i], k, seen))
            return 0;
    return 1;
}

/* Whether call `ev` reaches one function only, defined in the program,
 * whose every `return` returns the same integer constant: *k receives it
 * (`static int probe(..) { ...; return 0; }`); constants beyond +-10^6
 * are not used. Memoized per call event (w->constant_result: 0 for none,
 * else the constant + 1000001). */
static int constant_result(twalk *w, const cl_event *ev, long long *k)
{
    uintptr_t key = (uintptr_t)ev;
    int added;
    cl_blobent *e = cl_blob_lookup(&w->constant_result, cl_flow_scratch(w->flow), &key, sizeof key,
                                   &added);
    if (added) {
        size_t one, seen = 0;
        const size_t *cands;
        long long v = 0;
        e->val = 0;
        if (cl_callgraph_callees(&w->m->cg, ev, &one, &cands) == 1 &&
            returns_only(w->m->cg.funcs.v[cands[0]].fn->body, &v, &seen) && seen > 0 &&
            v > -1000000 && v < 1000000)
            e->val = (size_t)(v + 1000001);
    }
    *k = (long long)e->val - 1000001;
    return e->val != 0;
}

/* cl_call_dies, asked once per call event. */
static int call_dies(twalk *w, const cl_event *ev)
{
    uintptr_t key = (uintptr_t)ev;
    int added;
    cl_blobent *e = cl_blob_lookup(&w->dying, cl_flow_scratch(w->flow), &key, sizeof key, &added);
    if (added)
        e->val = (size_t)cl_call_dies(&w->m->cg, ev, &w->dies, cl_flow_scratch(w->flow));
    return e->val != 0;
}

/* Whether call `ev` asks for the calling thread's id. */
static int self_call(const cl_event *ev)
{
    const char *n = ev->kind == CL_EV_CALL ? ev->u.call.callee_name : NULL;
    return n != NULL && (strcmp(n, "pthread_self") == 0 || strcmp(n, "thrd_current") == 0);
}

/* `g = pthread_self()` in this walk's thread: g holds its id (self_ids). */
static void note_self(twalk *w, const cl_flow_frame *fr, const cl_event *ev)
{
    const char *g = resolve(w, fr->data, ev->u.call.ret_path, NULL);
    size_t was;
    if (g == NULL)
        return;
    if (!cl_strmap_get(&w->m->self_ids, g, &was))
        cl_strmap_put(&w->m->self_ids, cl_arena_strdup(&w->m->arena, g), w->thread + 1);
    else if (was != w->thread + 1)
        cl_strmap_put(&w->m->self_ids, g, SIZE_MAX);
}

/* Refines `st` entering alternative `kid` of `if` node `n` that tests
 * whether the thread is the one whose id a global holds
 * (`pthread_equal(pthread_self(), main_thread)`, thrd_equal): NULL where
 * this thread cannot go (another thread stored the id: never equal; this
 * thread, running once, stored it: always). */
static const void *self_test(twalk *w, const cl_flow_frame *fr, const cl_node *n, int kid,
                             const void *st)
{
    const cl_event *tc = n->x->test_call;
    const char *name = tc != NULL ? tc->u.call.callee_name : NULL;
    if (name == NULL || (strcmp(name, "pthread_equal") != 0 && strcmp(name, "thrd_equal") != 0) ||
        tc->u.call.nargs != 2 || n->cond == NULL)
        return st;
    int self = 0;
    for (size_t i = 0; i < n->cond->nkids; i++)
        self |= n->cond->kids[i]->kind == CL_N_EVENT && self_call(n->cond->kids[i]->ev);
    size_t owner = 0;
    for (size_t a = 0; self && a < 2 && owner == 0; a++) {
        const cl_value *v = &tc->u.call.args[a];
        const char *g = v->kind == CL_VAL_LOAD && v->path != NULL ? resolve(w, fr->data, v->path, NULL) : NULL;
        if (g == NULL || !cl_strmap_get(&w->m->self_ids, g, &owner) || owner == SIZE_MAX)
            owner = 0;
    }
    if (owner == 0 || (owner - 1 == w->thread && w->m->threads.v[w->thread].multi))
        return st;
    int equal = owner - 1 == w->thread;
    int runs = cl_test_holds(n->x->test_op, n->x->test_value, equal) ? 0 : 1;
    return kid == runs ? st : NULL;
}

static const void *t_call(cl_flow *f, const cl_flow_frame *fr, const cl_event *ev,
                          const cl_callspec *cs, const void *st, int *descend)
{
    if (ev->u.call.ret_path != NULL && self_call(ev))
        note_self(cl_flow_ctx(f), fr, ev);
    if (cs != NULL) {
        twalk *w = cl_flow_ctx(f);
        /* exit() on the main thread runs the destructor functions, as
         * returning from main does (walk_thread). */
        if ((cs->flags & CL_CS_RUNS_EXIT_HANDLERS) && w->m->threads.v[w->thread].creator == SIZE_MAX)
            w->exiting = w->exiting != NULL ? tjoin(f, w->exiting, st) : st;
        /* A once routine is walked as a call of this thread's; its
         * accesses are the routine's (tframe.once). A routine the
         * library calls back before returning (qsort's comparator) is
         * walked as a call of this thread's. */
        if ((cs->kind == CL_CK_ONCE || (cs->flags & CL_CS_CALLS_NOW)) && descend != NULL)
            *descend = 1;
        return library_call(w, fr, ev, cs, st);
    }
    /* A call that always ends the process (an assert or panic handler):
     * what runs on the way out is not the thread's concurrent behaviour,
     * and nothing follows it. */
    if (call_dies(cl_flow_ctx(f), ev))
        return NULL;
    if (descend != NULL)
        *descend = 1;
    return st;
}

/* The lock of the trylock that node `n` tests, or SIZE_MAX. */
static size_t trylock_lock(twalk *w, const cl_flow_frame *fr, const cl_node *n)
{
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, n->x->test_call);
    if (cs == NULL || cs->kind != CL_CK_TRYLOCK || cs->obj < 0 ||
        (size_t)cs->obj >= n->x->test_call->u.call.nargs)
        return SIZE_MAX;
    const cl_value *v = &n->x->test_call->u.call.args[cs->obj];
    const char *lp = value_ipath(w, fr->data, v);
    if (lp == NULL)
        lp = class_lock(w, fr, cs, v);
    return lp ? lock_id(w->m, lp) : SIZE_MAX;
}

/* The name of the facts on the result of trylock call `ev` (tstate.facts:
 * `== 1` it succeeded, `== 0` it failed, as tests of it on this path
 * found): a variable no program path spells. */
static const char *trylock_var(twalk *w, const cl_event *ev)
{
    char key[40];
    snprintf(key, sizeof key, "!try%p", (const void *)ev);
    return intern_str(w, key);
}

/* The outcome tests on this path found for trylock call `ev`: 1 succeeded
 * (its lock taken), 0 failed, -1 not tested yet. */
static int trylock_outcome(twalk *w, const cl_event *ev, const tstate *s)
{
    const char *var = trylock_var(w, ev);
    for (size_t i = 0; i < s->facts.n; i++) {
        const fact *x = (const fact *)s->facts.v[i];
        if (x->var == var)
            return (int)x->value;
    }
    return -1;
}

/* The state entering an alternative of node `n` that tests the result of
 * the trylock `n->test_call`; `success` when the test admits success (the
 * result it needs includes 0). A test against a failure code (`if (rc ==
 * EBUSY) return 0;`) admits success on its other side without proving
 * it: the lock is taken there unless an earlier test on this path found
 * the call failed (`if (rc != 0) { if (rc == EBUSY) ...`), and a later
 * test that finds it failed gives it back; a second test that admits
 * success does not take it again. The outcome is kept as a fact
 * (trylock_var) until the call runs again. */
static const void *trylock_branch(twalk *w, const cl_flow_frame *fr, const cl_node *n, int success,
                                  const void *st)
{
    int was = trylock_outcome(w, n->x->test_call, st);
    size_t lock = trylock_lock(w, fr, n);
    if (lock == SIZE_MAX || was == 0 || (was == 1 && success))
        return st;
    if (was == 1)
        st = remove_lock(w, st, lock);
    else if (success)
        st = add_lock(w, st, lock, 0);
    const char *var = trylock_var(w, n->x->test_call);
    tstate s = *(const tstate *)st;
    if (!success && cl_lockref_find(s.locks, s.nlocks, lock) == NULL) {
        s.tryfail = ids_union(w, s.tryfail, s.ntryfail, &lock, 1, &s.ntryfail);
        s.tryskip = ids_union(w, s.tryskip, s.ntryskip, &lock, 1, &s.ntryskip);
    }
    s.facts = drop_facts_on(w, s.facts, fact_var, var, strlen(var) + 1);
    s.facts = cl_flow_set_add(w->flow, s.facts, (uintptr_t)fact_make(w, var, CL_TEST_EQ, success, 1));
    return st_make(w, &s);
}

/* The alternative of a test of sem_timedwait's or sem_trywait's result
 * `ev` where it succeeded (returned 0): the semaphore was taken as by
 * sem_wait, which acquires what the posts released (POSIX.1-2017 4.12,
 * Memory Synchronization, lists them all). */
static const void *sem_taken(twalk *w, const cl_flow_frame *fr, const cl_event *ev,
                             const cl_callspec *cs, const void *st)
{
    if (cs->obj < 0 || (size_t)cs->obj >= ev->u.call.nargs)
        return st;
    const char *lp = value_path(w, fr->data, &ev->u.call.args[cs->obj], NULL);
    const tstate *s = st;
    return lp != NULL ? sync_acquire(w, st, cl_sync_sem_wait(w->m, lp, s->acq, s->nacq)) : st;
}

/* The state entering the alternative where the lock call that node `n`
 * tests failed (`if (pthread_mutex_lock(&m) != 0) return -1;`): the lock
 * stays held for the locksets (code that goes on after a failed lock
 * behaves as if it held it), marked CL_LOCK_FAILED_PATH so that rules
 * about lock balance know this path may not hold it. */
static const void *lock_failed(twalk *w, const cl_flow_frame *fr, const cl_node *n, const void *st)
{
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, n->x->test_call);
    if (cs->obj < 0 || (size_t)cs->obj >= n->x->test_call->u.call.nargs)
        return st;
    const char *lp = value_ipath(w, fr->data, &n->x->test_call->u.call.args[cs->obj]);
    tstate s = *(const tstate *)st;
    size_t lock = lp ? lock_id(w->m, lp) : SIZE_MAX;
    cl_lockref *v = tmp_locks(w, s.nlocks + 1);
    int hit = 0;
    for (size_t i = 0; i < s.nlocks; i++) {
        v[i] = s.locks[i];
        if (v[i].lock == lock && !(v[i].mode & CL_LOCK_FAILED_PATH)) {
            v[i].mode |= CL_LOCK_FAILED_PATH;
            hit = 1;
        }
    }
    if (!hit)
        return st;
    s.locks = cl_flow_intern(w->flow, v, s.nlocks * sizeof *v);
    return st_make(w, &s);
}

/* Does `n` end in a call that goes on unwinding a thread cancellation
 * (CL_CS_CANCEL_UNWIND: the cancellation path of glibc's
 * pthread_cleanup_push macro, `if (__not_first_call) {
 * __cancel_routine(__cancel_arg); __pthread_unwind_next(&__cancel_buf); }`)? */
static int unwinds_cancel(const twalk *w, const cl_node *n)
{
    while (n->kind == CL_N_SEQ && n->nkids > 0)
        n = n->kids[n->nkids - 1];
    const cl_callspec *cs = n->kind == CL_N_EVENT ? cl_callgraph_spec(&w->m->cg, n->ev) : NULL;
    return cs != NULL && (cs->flags & CL_CS_CANCEL_UNWIND);
}

/* Alternative `kid` of a branch `n` on the result of setjmp (spec `cs`):
 * where it returned 0, the state as it is; where it returned again from a
 * longjmp, the join of the states at the longjmps to the same buffer (or
 * an unknown one) walked so far -- the engine walks the direct return's
 * alternative first (flow.h) -- or, when none was seen, the state as it
 * is: the buffer may be jumped to from code not walked yet. Except for
 * glibc's pthread_cleanup_push, a setjmp that only thread cancellation
 * returns to (unwinds_cancel): its handler then runs at a cancellation
 * point between the push and the pop, in a state the walk does not know
 * (not the push's: `push(unlock, &m); lock(&m); ... pop(1)` unlocks a
 * held lock), and the thread ends; that alternative is not walked. */
static const void *setjmp_branch(twalk *w, const cl_flow_frame *fr, const cl_node *n, int kid,
                                 const cl_callspec *cs, const void *st)
{
    if (n->kind != CL_N_BRANCH || n->nkids != 2 || kid < 0 ||
        (kid == 0) == cl_test_holds(n->x->test_op, n->x->test_value, 0))
        return st;
    const cl_call *c = &n->x->test_call->u.call;
    const char *env = cs->obj >= 0 && (size_t)cs->obj < c->nargs
                          ? intern_str(w, value_path(w, fr->data, &c->args[cs->obj], NULL))
                          : NULL;
    const void *out = NULL;
    for (size_t i = 0; i < w->jumps.n; i++)
        if (env == NULL || w->jumps.v[i].env == NULL || w->jumps.v[i].env == env)
            out = out == NULL ? w->jumps.v[i].st : tjoin(w->flow, out, w->jumps.v[i].st);
    return out != NULL ? out : unwinds_cancel(w, n->kids[kid]) ? NULL : st;
}

/* Alternative `kid` of branch `n` in the thread's entry, where `n` tests
 * the unchanged start argument against a constant: where the argument is
 * found equal to it and the argument is distinct per instance
 * (cl_thread.arg_unique: `if ((long)arg == 0)`), only that instance runs
 * on (tstate.pinned). */
static const void *pin_instance(twalk *w, const cl_flow_frame *fr, const cl_node *n, int kid,
                                const void *st)
{
    if (fr->parent != NULL || n->x->test_param != 1 || n->x->test_var == NULL ||
        !w->m->threads.v[w->thread].arg_unique ||
        (kid == 0 ? n->x->test_op != CL_TEST_EQ : n->x->test_op != CL_TEST_NE))
        return st;
    tstate s = *(const tstate *)st;
    s.pinned = 1;
    s.pin = n->x->test_value;
    return st_make(w, &s);
}

/* Does alternative `n` of a switch run into the next one (it does not
 * end in break, continue, return or goto)? When unsure, yes. */
static int falls_through(const cl_node *n)
{
    while (n->kind == CL_N_SEQ && n->nkids > 0)
        n = n->kids[n->nkids - 1];
    return n->kind != CL_N_BREAK && n->kind != CL_N_CONTINUE && n->kind != CL_N_RETURN &&
           n->kind != CL_N_GOTO;
}

/* Can alternative `kid` of switch `n` run when its controlling
 * expression is `v`: it is the one v's label selects (the default one
 * when no case matches), or a later one the selected one falls through
 * to? Yes for every alternative when a label is not a constant. */
static int case_runs(const cl_node *n, size_t kid, long long v)
{
    size_t sel = n->nkids;
    for (size_t i = 0; i < n->nkids; i++) {
        if (n->x->cases[i].kind == CL_CASE_UNKNOWN)
            return 1;
        if (n->x->cases[i].kind == CL_CASE_VALUE && n->x->cases[i].lo <= v && v <= n->x->cases[i].hi &&
            sel == n->nkids)
            sel = i;
    }
    for (size_t i = 0; i < n->nkids && sel == n->nkids; i++)
        if (n->x->cases[i].kind == CL_CASE_DEFAULT)
            sel = i;
    if (sel > kid)
        return 0;
    for (size_t i = sel; i < kid; i++)
        if (!falls_through(n->kids[i]))
            return 0;
    return 1;
}

/* Whether a fact in `modes` on `var` (interned) refutes every value of
 * switch label `c`; a default or unknown label: never. */
static int label_refuted(const cl_flow_set *modes, const char *var, const cl_case *c)
{
    if (c->kind != CL_CASE_VALUE)
        return 0;
    fact lo = { var, c->lo, (uintptr_t)(c->lo == c->hi ? CL_TEST_EQ : CL_TEST_GE), 0 };
    fact hi = { var, c->hi, (uintptr_t)CL_TEST_LE, 0 };
    for (size_t k = 0; k < modes->n; k++) {
        const fact *m = (const fact *)modes->v[k];
        if (m->var == var && (refutes(m, &lo) || (c->lo != c->hi && refutes(m, &hi))))
            return 1;
    }
    return 0;
}

/* Alternative `kid` of a switch on a global (test_global: `switch
 * (cfg.mode)`) under the thread's modes (mode_branch, start_modes): with
 * `var == K` known, only the alternatives K runs are walked; with other
 * facts (`conf.io != IO_INLINE` past an early return), an alternative
 * whose labels, and those of the alternatives falling through into it,
 * are all refuted is not. NULL for an alternative not walked, else `st`.
 * The switch counts as a test of the global (count_mode_tests) but
 * records no mode itself. */
static const void *mode_switch(twalk *w, const cl_node *n, int kid, const void *st)
{
    const tstate *s = st;
    if (n->x->test_global == NULL || n->x->cases == NULL || kid < 0 || s->modes.n == 0)
        return st;
    const char *var = intern_str(w, n->x->test_global);
    for (size_t k = 0; k < s->modes.n; k++) {
        const fact *m = (const fact *)s->modes.v[k];
        if (m->var == var && m->op == CL_TEST_EQ)
            return case_runs(n, (size_t)kid, m->value) ? st : NULL;
    }
    for (size_t i = (size_t)kid + 1; i-- > 0;) {
        if (!label_refuted(&s->modes, var, &n->x->cases[i]))
            return st;
        if (i == 0 || !falls_through(n->kids[i - 1]))
            break;
    }
    return NULL;
}

/* Is `n` an `if (p) unlock(p);` with no else, `p` a lock pointer loaded
 * from memory that the condition reads (stunnel's `if
 * (stunnel_locks[LOCK_LOG_BUFFER]) CRYPTO_THREAD_unlock(stunnel_locks[
 * LOCK_LOG_BUFFER]);` after locking through the same pointer)? Its
 * else alternative needs a null lock pointer: the walk does not take it
 * (it would keep the lock held, and the next lock of it would block). */
static int unlock_if_pointer(twalk *w, const cl_node *n)
{
    const cl_node *then = n->kids[0], *els = n->kids[1];
    if (n->cond == NULL || els->kind != CL_N_SEQ || els->nkids != 0 || then->kind != CL_N_SEQ ||
        then->nkids == 0)
        return 0;
    for (size_t i = 0; i + 1 < then->nkids; i++)
        if (then->kids[i]->kind != CL_N_EVENT || then->kids[i]->ev->kind != CL_EV_ACCESS)
            return 0;
    const cl_node *last = then->kids[then->nkids - 1];
    if (last->kind != CL_N_EVENT || last->ev->kind != CL_EV_CALL)
        return 0;
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, last->ev);
    const cl_value *v = cs != NULL && cs->kind == CL_CK_UNLOCK ? cl_call_arg(last->ev, cs->obj) : NULL;
    size_t len = v != NULL && v->kind == CL_VAL_ADDR && v->path != NULL ? strlen(v->path) : 0;
    if (len < 3 || strcmp(v->path + len - 2, "->") != 0)
        return 0;
    for (size_t i = 0; i < n->cond->nkids; i++) {
        const cl_node *k = n->cond->kids[i];
        if (k->kind == CL_N_EVENT && k->ev->kind == CL_EV_ACCESS &&
            strlen(k->ev->u.access.path) == len - 2 && strncmp(k->ev->u.access.path, v->path, len - 2) == 0)
            return 1;
    }
    return 0;
}

/* The alternative of a branch that the state allows (constant conditions,
 * lock pointers tested before their unlock,
 * conditional locks, thread modes, constant parameters, trylock
 * results). */
static const void *refine_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                                 const void *st)
{
    twalk *w = cl_flow_ctx(f);
    const tframe *fd = fr->data;
    size_t p = n->x->test_param;
    int known = p > 0 && fd != NULL && fd->arg_known != NULL && p <= fd->nbind && fd->arg_known[p - 1];
    /* A parameter the call passed as a constant (`close(c, 1)` with
     * `if (async) ... else ...`, `op(FREE)` with `switch (cmd)`): only
     * the alternative it selects. */
    if (n->kind == CL_N_SWITCH && known)
        return n->x->cases == NULL || kid < 0 || case_runs(n, (size_t)kid, fd->arg_value[p - 1]) ? st
                                                                                             : NULL;
    if (n->kind == CL_N_SWITCH)
        return mode_switch(w, n, kid, st);
    if (n->kind == CL_N_BRANCH && n->nkids == 2 && kid == 1 && unlock_if_pointer(w, n))
        return NULL;
    if (n->kind == CL_N_BRANCH && n->nkids == 2 && kid >= 0 && n->x->test_call != NULL &&
        (st = self_test(w, fr, n, kid, st)) == NULL)
        return NULL;
    if (n->kind == CL_N_BRANCH && n->nkids == 2 && kid >= 0 && n->x->cond_key != NULL)
        st = cond_branch(w, n, kid, st);
    if (n->kind == CL_N_BRANCH && n->nkids == 2 && kid >= 0) {
        st = correlate(w, fr, n, kid, st);
        if (n->x->test_call != NULL)
            st = spawn_failed(w, fr, n, kid, st);
        if (n->x->test_global != NULL || n->x->ngtests > 0)
            st = mode_branch(w, n, kid, st);
        if (st == NULL || n->x->test_global != NULL)
            return st;
        st = pin_instance(w, fr, n, kid, st);
        if (known)
            return (kid == 0) == cl_test_holds(n->x->test_op, n->x->test_value, fd->arg_value[p - 1]) ? st
                                                                                               : NULL;
    }
    if (n->x->test_call == NULL)
        return st;
    const cl_callspec *cs = cl_callgraph_spec(&w->m->cg, n->x->test_call);
    if (cs != NULL && cs->kind == CL_CK_SETJMP)
        return setjmp_branch(w, fr, n, kid, cs, st);
    long long k;
    /* A function that always returns K: only the alternative K selects. */
    if (cs == NULL && n->kind == CL_N_BRANCH && n->nkids == 2 && kid >= 0 &&
        constant_result(w, n->x->test_call, &k))
        return (kid == 0) == cl_test_holds(n->x->test_op, n->x->test_value, k) ? st : NULL;
    /* Does the alternative run when the call succeeded (returned 0, or 1
     * for OpenSSL's locks)? */
    long long ok = cs != NULL && (cs->flags & CL_CS_TRUE_ON_SUCCESS) ? 1 : 0;
    int on_success;
    if (kid == CL_FLOW_LOOP_BODY)
        on_success = cl_test_holds(n->x->test_op, n->x->test_value, ok);
    else if (kid == CL_FLOW_LOOP_EXIT)
        on_success = !cl_test_holds(n->x->test_op, n->x->test_value, ok);
    else if (n->kind == CL_N_BRANCH && n->nkids == 2)
        on_success = (kid == 0) == cl_test_holds(n->x->test_op, n->x->test_value, ok);
    else
        on_success = 0;
    if (cs != NULL && (cs->kind == CL_CK_LOCK || cs->kind == CL_CK_RDLOCK))
        return on_success || n->kind != CL_N_BRANCH || n->nkids != 2 ? st
                                                                    : lock_failed(w, fr, n, st);
    if (cs != NULL && (cs->kind == CL_CK_SEM_TIMEDWAIT || cs->kind == CL_CK_SEM_TRYWAIT))
        return on_success ? sem_taken(w, fr, n->x->test_call, cs, st) : st;
    return cs != NULL && cs->kind == CL_CK_TRYLOCK ? trylock_branch(w, fr, n, on_success, st) : st;
}

/* cl_flow_domain.resolve: a parameter's path through this walk's
 * bindings (the thread's argument, a caller's object). */
static const char *t_resolve(cl_flow *f, const cl_flow_frame *fr, const char *path)
{
    const char *r = resolve(cl_flow_ctx(f), fr->data, path, NULL);
    return r != NULL && r[0] != 'P' ? r : NULL;
}

/* The alternative of `if` node `n` where the wait reads of its
 * condition saw their predicate hold: where a tested member or pointee
 * (test_path) is not 0, the value a predicate starts with (`if
 * (!lk.done) return -1;`: the else-branch); else the then-branch (`if
 * (atomic_load_explicit(&ready, memory_order_acquire))`). */
static int passed_kid(const cl_node *n)
{
    return n->x->test_path != NULL && n->x->test_op != CL_TEST_NONE && cl_test_holds(n->x->test_op, n->x->test_value, 0);
}

static const void *t_branch(cl_flow *f, const cl_flow_frame *fr, const cl_node *n, int kid,
                            const void *st)
{
    st = refine_branch(f, fr, n, kid, st);
    if ((n->kind == CL_N_LOOP && kid == CL_FLOW_LOOP_EXIT) || (n->kind == CL_N_BRANCH && kid == passed_kid(n)))
        st = wait_passed(cl_flow_ctx(f), fr, n->cond, st);
    return st;
}

/* The functions argument `v` designates in the caller's frame `fd`,
 * interned as { n, id... } (tframe.funcs); NULL for none. */
static const size_t *bound_funcs(twalk *w, const tframe *fd, const cl_value *v)
{
    size_t one;
    const size_t *ids;
    size_t n = frame_values(w, fd, v, &one, &ids);
    if (n == 0)
        return NULL;
    size_t *set = tmp(w, (n + 1) * sizeof *set);
    set[0] = n;
    memcpy(set + 1, ids, n * sizeof *ids);
    return cl_flow_intern(w->flow, set, (n + 1) * sizeof *set);
}

/* Parameters are bound to the caller's argument values (widened, see
 * widen_path). In a recursive call a parameter the outer invocation bound
 * to an object stays bound to it: the objects the recursion reaches are
 * merged into that one (their accesses and locks are kept, under its
 * name), a private one only when it was private at both levels. */
static const void *t_enter(cl_flow *f, const cl_flow_frame *caller, const cl_event *call,
                           size_t callee, const cl_flow_frame *outer)
{
    twalk *w = cl_flow_ctx(f);
    const cl_function *fn = w->m->cg.funcs.v[callee].fn;
    const cl_call *c = &call->u.call;
    size_t nb = fn->nparams;
    w->entered[callee] = 1;
    /* A routine a library calls back (qsort's comparator) gets the
     * library's arguments, not the call's: its parameters stay unbound. */
    const cl_callspec *lib = cl_callgraph_spec(&w->m->cg, call);
    size_t nargs = lib != NULL ? 0 : c->nargs;
    CL_VEC_PUSH(&w->enter_marks, cl_arena_mark_of(&w->frames));
    tframe *fd = cl_arena_alloc(&w->frames, sizeof *fd);
    memset(fd, 0, sizeof *fd);
    fd->nbind = nb;
    const char **bind = nb ? cl_arena_alloc(&w->frames, nb * sizeof *bind) : NULL;
    const char **ibind = nb ? cl_arena_alloc(&w->frames, nb * sizeof *ibind) : NULL;
    const char **itok = nb ? cl_arena_alloc(&w->frames, nb * sizeof *itok) : NULL;
    unsigned char *pi = nb ? cl_arena_alloc(&w->frames, nb) : NULL;
    unsigned char *known = nb ? cl_arena_alloc(&w->frames, nb) : NULL;
    long long *val = nb ? cl_arena_alloc(&w->frames, nb * sizeof *val) : NULL;
    uint64_t tested = nb ? param_set(w, callee, TESTED_PARAMS) : 0;
    const tframe *od = outer != NULL ? outer->data : NULL;
    for (size_t i = 0; i < nb; i++) {
        /* (a recursive call keeps the outer invocation's unknowns, and a
         * constant only when the outer one had the same: its context is
         * then the outer one's, `service_free -> option(FREE) -> ... ->
         * service_free -> option(FREE)`) */
        known[i] = i < nargs && c->args[i].kind == CL_VAL_INT &&
                   (tested >> (i < 64 ? i : 63) & 1u) &&
                   (outer == NULL || (od != NULL && od->arg_known != NULL && i < od->nbind &&
                                      od->arg_known[i] && od->arg_value[i] == c->args[i].ival));
        val[i] = known[i] ? c->args[i].ival : 0;
        cl_flow_key(f, (uintptr_t)known[i]);
        cl_flow_key(f, (uintptr_t)val[i]);
        int p = 0;
        bind[i] = i < nargs ? binding(w, caller->data, &c->args[i], &p, 0) : NULL;
        /* (an index: the loop variable of a spawn loop picks that round's
         * element, iteration_subscript) */
        if (i < nargs && c->args[i].kind == CL_VAL_UNKNOWN && c->args[i].per_iteration &&
            in_spawn_loop(w, call))
            p |= PI_ITERATION;
        if (i < 64 && (w->hands_over[callee] >> i & 1u))
            p &= ~PI_ITERATION;
        ibind[i] = i < nargs ? binding(w, caller->data, &c->args[i], NULL, 1) : NULL;
        if (od != NULL && i < od->nbind && od->bind[i] != NULL) {
            fd->merged |= bind[i] != od->bind[i];
            bind[i] = od->bind[i];
            ibind[i] = od->ibind != NULL ? od->ibind[i] : od->bind[i];
            p &= od->bind_per_inst[i];
        }
        if (ibind[i] == NULL)
            ibind[i] = bind[i];
        itok[i] = outer == NULL && i < nargs && (param_set(w, callee, INDEX_PARAMS) >> (i < 64 ? i : 63) & 1u)
                      ? arg_index(w, caller->data, &c->args[i])
                      : NULL;
        cl_flow_key(f, (uintptr_t)itok[i]);
        pi[i] = (unsigned char)p;
        cl_flow_key(f, (uintptr_t)bind[i]);
        cl_flow_key(f, (uintptr_t)ibind[i]);
        cl_flow_key(f, (uintptr_t)p);
    }
    cl_flow_key(f, (uintptr_t)fd->merged);
    if (cl_flow_handler_token(f) != SIZE_MAX) /* a handler run by an event loop */
        bind_handler(w, cl_flow_handler_token(f), fn, bind, ibind, pi);
    /* A callback that may start a thread: the callee's walk depends on it
     * (cl_flow_values), or a second call with another callback would
     * reuse the first's and lose its threads. */
    for (size_t i = 0; i < c->nargs; i++) {
        size_t one;
        const size_t *fs;
        if (c->args[i].kind != CL_VAL_FUNC && cl_value_param(&c->args[i]) < 0)
            continue;
        size_t n = cl_flow_values(f, caller, &c->args[i], &one, &fs);
        cl_flow_key(f, n == 1 && w->spawners[fs[0]] ? fs[0] + 1 : 0);
    }
    fd->bind = bind;
    fd->ibind = ibind;
    fd->itok = itok;
    fd->func = callee;
    fd->bind_per_inst = pi;
    uint64_t spawn_params = w->m->spawn_params[callee];
    if (spawn_params != 0) {
        const size_t **funcs = cl_arena_alloc(&w->frames, nb * sizeof *funcs);
        for (size_t i = 0; i < nb; i++) {
            funcs[i] = NULL;
            if (i < 64 && (spawn_params >> i & 1u) && i < c->nargs)
                funcs[i] = bound_funcs(w, caller->data, &c->args[i]);
            cl_flow_key(f, (uintptr_t)funcs[i]);
        }
        fd->funcs = funcs;
    }
    fd->arg_known = known;
    fd->arg_value = val;
    const tframe *cd = caller->data;
    fd->in_once = (cd != NULL && cd->in_once) || (lib != NULL && lib->kind == CL_CK_ONCE);
    fd->once = cd != NULL && cd->in_once ? cd->once
               : lib != NULL && lib->kind == CL_CK_ONCE ? once_object(w, caller, call, lib) : 0;
    cl_flow_key(f, fd->in_once);
    cl_flow_key(f, fd->once);
    fd->in_atomic = (cd != NULL && cd->in_atomic) ||
                    strncmp(fn->name, CL_ATOMIC_FUNCTION_PREFIX, strlen(CL_ATOMIC_FUNCTION_PREFIX)) == 0;
    cl_flow_key(f, fd->in_atomic);
    return fd;
}

/* The walk's discard hook (cl_flow_domain.discard): the data of the last
 * t_enter, whose call the memo answered, is given back. */
static void t_discard(cl_flow *f, const void *data)
{
    twalk *w = cl_flow_ctx(f);
    (void)data; /* (the last thing t_enter allocated in w->frames) */
    cl_arena_rewind(&w->frames, w->enter_marks.v[w->enter_marks.n - 1]);
}

/* A function that joins a thread on some path (`stop()` with an early
 * error return before its pthread_join) is taken to have joined it: the
 * other paths are almost always the ones where there was nothing to join.
 * Precision over soundness, at function boundaries only. The facts on
 * the function's locals and parameters end with it. */
static const void *t_leave(cl_flow *f, const cl_flow_frame *fr, const void **exit_state)
{
    twalk *w = cl_flow_ctx(f);
    tframe *fd = (tframe *)fr->data;
    if (*exit_state != NULL && cl_ids_contains(w->m->barrier_fns.v, w->m->barrier_fns.n, fr->func))
        *exit_state = barrier_passed(w, NULL, *exit_state);
    if (*exit_state != NULL) {
        cl_strbuf *k = &w->key;
        k->len = 0;
        const char *usr = w->m->cg.funcs.v[fr->func].fn->usr;
        cl_strbuf_addn(k, "L", 1);
        cl_strbuf_addn(k, usr, strlen(usr));
        cl_strbuf_addn(k, "#", 1);
        *exit_state = forget_facts(w, *exit_state, cl_strbuf_str(k), k->len);
        /* (a jump, and a trylock failure, is judged in its own
         * function: the caller gets back the jumped locks and the
         * skipped trylocks it had) */
        const tstate *x = *exit_state, *in = cl_flow_entry_state(fr);
        if (x->njumped > 0 || x->ntryskip > 0 || x->nconds > 0) {
            tstate z = *x;
            finish_conds(w, &z, cl_strbuf_str(k), k->len);
            z.jumped = in != NULL ? ids_inter(w, x->jumped, x->njumped, in->jumped, in->njumped, &z.njumped)
                                  : NULL;
            z.njumped = in != NULL ? z.njumped : 0;
            z.tryskip = in != NULL ? ids_inter(w, x->tryskip, x->ntryskip, in->tryskip, in->ntryskip, &z.ntryskip)
                                   : NULL;
            z.ntryskip = in != NULL ? z.ntryskip : 0;
            *exit_state = st_make(w, &z);
        }
    }
    if (fd == NULL || fd->joined.n == 0)
        return NULL;
    for (size_t i = 0; i < fd->joined.n && *exit_state != NULL; i++) {
        const tstate *x = *exit_state;
        if (cl_ids_contains(x->live, x->nlive, fd->joined.v[i]) && fd->joined.v[i] < w->extra->n)
            w->extra->v[fd->joined.v[i]].partly_joined = 1;
        *exit_state = remove_live(w, *exit_state, fd->joined.v[i]);
    }
    tsummary *s = cl_arena_alloc(cl_flow_scratch(f), sizeof *s);
    s->n = fd->joined.n;
    s->ids = cl_flow_intern(f, fd->joined.v, fd->joined.n * sizeof *fd->joined.v);
    free(fd->joined.v);
    memset(&fd->joined, 0, sizeof fd->joined);
    return s;
}

/* The caller, too, counts as having joined what its callee joined; the
 * callee's frame data is given back. */
/* After call `call` from frame `caller` returned its result into a global
 * (cl_call.ret_path: `src_thread = xcreate(fn)`): the last thread this
 * walk started whose handle was a local of a function that call ran
 * (returned_handle's case) now has that global as its handle, which a
 * join anywhere names. */
static void handle_returned_into(twalk *w, const cl_flow_frame *caller, const cl_event *call)
{
    const char *h = resolve(w, caller->data, call->u.call.ret_path, NULL);
    for (size_t t = w->extra->n; h != NULL && t > 0; t--) {
        thread_extra *x = &w->extra->v[t - 1];
        if (w->m->threads.v[t - 1].creator != w->thread)
            continue; /* (another walk's: its frames are gone) */
        const cl_flow_frame *fr = x->handle_local && x->walk_frame != NULL ? x->walk_frame->parent : NULL;
        while (fr != NULL && fr != caller)
            fr = fr->parent;
        if (fr == NULL)
            continue;
        x->handle_path = cl_arena_strdup(&w->m->arena, h);
        x->handle_local = 0;
        cl_sync_released(w->m, cl_sync_object(w->m, x->handle_path, "j"), t - 1, 0, 0);
        return;
    }
}

static void t_returned(cl_flow *f, const cl_flow_frame *caller, const cl_event *call,
                       size_t callee, const void *summary)
{
    (void)callee;
    const tsummary *s = summary;
    tframe *fd = (tframe *)caller->data;
    for (size_t i = 0; s != NULL && i < s->n; i++)
        joined_add(fd, s->ids[i]);
    /* (the callee's data, and what its callees left, is not needed any
     * more: the caller's was allocated before it) */
    twalk *w = cl_flow_ctx(f);
    if (call->u.call.ret_path != NULL)
        handle_returned_into(w, caller, call);
    cl_arena_rewind(&w->frames, w->enter_marks.v[--w->enter_marks.n]);
}

/* A thread started in a loop and joined in the same iteration is never
 * live at the loop head: its instances run one after another. */
static void t_loop(cl_flow *f, const cl_flow_frame *fr, const cl_node *loop, int done,
                   const void *head)
{
    (void)fr, (void)loop;
    twalk *w = cl_flow_ctx(f);
    if (!done) {
        CL_VEC_PUSH(&w->loop_threads, w->m->threads.n);
        return;
    }
    size_t before = w->loop_threads.v[--w->loop_threads.n];
    const tstate *h = head;
    for (size_t t = before; t < w->m->threads.n; t++) {
        cl_thread *th = &w->m->threads.v[t];
        if (th->creator == w->thread && !w->thread_multi &&
            (h == NULL || !cl_ids_contains(h->live, h->nlive, t)))
            th->multi = 0;
    }
}

/* ---- threads --------------------------------------------------------------- */

/* The modes a thread starts in: its creator's tests on globals that held
 * at every spawn of it (thread_extra.start), except those of globals
 * another thread writes while it may run: its creator while it is live,
 * or any other thread of its program walked so far (one pass over their
 * records; another program's main parsing the same options into its own
 * `cfg` of the same name runs in no process with it). A
 * thread started only where `conf.threads != 1` does not take the
 * single-thread branch of a helper it shares with its creator. */
static cl_flow_set start_modes(twalk *w, const thread_extra *x)
{
    cl_flow_set modes = { NULL, 0 };
    if (x->nstart == 0)
        return modes;
    const cl_model *m = w->m;
    size_t creator = m->threads.v[w->thread].creator, root = cl_model_root(m, w->thread);
    unsigned char *gone = cl_xcalloc(x->nstart, 1);
    for (size_t i = 0; i < m->accesses.n; i++) {
        const cl_accrec *r = &m->accesses.v[i];
        if (!(r->ev->u.access.flags & CL_ACC_WRITE) || r->path[0] != 'G' || r->thread == w->thread ||
            (r->thread == creator && !cl_ids_contains(r->live, r->nlive, w->thread)) ||
            cl_model_root(m, r->thread) != root)
            continue;
        size_t n = strlen(r->path) + 1;
        for (size_t k = 0; k < x->nstart; k++)
            gone[k] |= (unsigned char)fact_on(x->start[k].var, r->path, n);
    }
    for (size_t k = 0; k < x->nstart; k++)
        if (!gone[k])
            modes = cl_flow_set_add(w->flow, modes, (uintptr_t)fact_make(w, x->start[k].var,
                                                                         (cl_test_op)x->start[k].op,
                                                                         x->start[k].value, 1));
    free(gone);
    return modes;
}

/* Binds the pointer parameters of `fn`, a root function of a program
 * without main() (its callers are outside the project), each to an object
 * of its own, the pointee of the parameter in this thread
 * ("T0:A<fn usr>@p->", shown as "p->..."): what the function locks and
 * unlocks through `p` has one name across its callees, as for a bound
 * argument. */
static void bind_root_params(twalk *w, const cl_function *fn, tframe *fd)
{
    if (fn->nparams == 0 || fn->param_names == NULL)
        return;
    const char **bind = cl_arena_alloc(cl_flow_scratch(w->flow), fn->nparams * sizeof *bind);
    for (size_t k = 0; k < fn->nparams; k++)
        bind[k] = fn->param_names[k] == NULL ? NULL
                  : intern_str(w, cl_arena_printf(cl_flow_scratch(w->flow), "T%zu:A%s@%s->",
                                                  w->thread, fn->usr, fn->param_names[k]));
    fd->nbind = fn->nparams;
    fd->bind = fd->ibind = bind;
}

/* The state after the program's constructor functions (`flag`
 * CL_FN_CONSTRUCTOR: `__attribute__((constructor))`), which run on the
 * main thread before main() does, or its destructor functions
 * (CL_FN_DESTRUCTOR), which run on it after main() returns or it calls
 * exit() (CL_CS_RUNS_EXIT_HANDLERS), while the threads it did not join may
 * still run: each is walked as a root of the main thread's walk, in the
 * call graph's order, from the state the previous one left (one that never
 * returns leaves it unchanged). */
static const void *run_ctors(twalk *w, const void *st, unsigned flag)
{
    const cl_callgraph *cg = &w->m->cg;
    for (size_t i = 0; i < cg->funcs.n; i++) {
        if (!(cg->funcs.v[i].fn->flags & flag))
            continue;
        tframe *fd = cl_arena_alloc(cl_flow_scratch(w->flow), sizeof *fd);
        memset(fd, 0, sizeof *fd);
        fd->func = i;
        const void *after = cl_flow_run(w->flow, i, fd, 0, st);
        free(fd->joined.v);
        if (after != NULL)
            st = after;
    }
    return st;
}

/* Keeps what thread w->thread's end state `end` (NULL: no path ends)
 * tells a join of it (cl_thread.ends); the end of a walk cut short is
 * not known. */
static void note_end(twalk *w, const void *end)
{
    cl_thread *t = &w->m->threads.v[w->thread];
    const cl_flow_stats *fs = cl_flow_get_stats(w->flow);
    if (end == NULL || cl_flow_truncated(w->flow) || fs->depth_cuts > 0)
        return;
    const tstate *e = end;
    t->ends = 1;
    t->nexit_live = e->nlive;
    t->exit_live = persist_mem(w, e->live, e->nlive * sizeof *e->live);
    t->nexit_acq = e->nacq;
    t->exit_acq = persist_mem(w, e->acq, e->nacq * sizeof *e->acq);
}

/* What every thread's walk reads of the whole program (found before the
 * walks), and `entered`, which the walks fill. */
typedef struct walk_facts {
    unsigned char *spawners;
    cl_strmap mode_tests, once, varied;
    cl_writes *writes;
    struct entry_gates *gatememo;
    struct spawn_report *reportmemo;
    cl_effects *fx;
    uint64_t *hands_over;
    unsigned char *entered;
    evregs regs;                /* event-loop registrations of every walk */
} walk_facts;

static void walk_thread(cl_model *m, size_t tid, extravec *extra, walk_facts *facts)
{
    twalk w;
    memset(&w, 0, sizeof w);
    w.m = m;
    w.spawners = facts->spawners;
    w.mode_tests = &facts->mode_tests;
    w.set_once = &facts->once;
    w.varied = &facts->varied;
    w.writes = facts->writes;
    w.gatememo = facts->gatememo;
    w.reportmemo = facts->reportmemo;
    w.fx = facts->fx;
    w.hands_over = facts->hands_over;
    w.entered = facts->entered;
    w.evregs = &facts->regs;
    w.thread = tid;
    w.persisted.arena = &m->arena;
    snprintf(w.own, sizeof w.own, "T%zu:", tid);
    w.thread_multi = m->threads.v[tid].multi;
    w.extra = (void *)extra;
    cl_flow_domain dom = {
        .state_size = sizeof(tstate), .ctx = &w, .join = tjoin, .event = t_event,
        .call = t_call, .branch = t_branch, .enter = t_enter, .leave = t_leave,
        .returned = t_returned, .loop = t_loop, .on_exit = t_on_exit, .loop_out = t_loop_out,
        .jump = t_jump,
        .speculate = t_speculate, .resolve = t_resolve, .discard = t_discard,
        .handlers = t_handlers,
    };
    cl_flow_opts opts = { m->walk_budget };
    w.flow = cl_flow_new(&m->cg, &dom, &opts);
    tstate empty;
    memset(&empty, 0, sizeof empty);
    empty.modes = start_modes(&w, &extra->v[tid]);
    const void *st = cl_flow_state(w.flow, &empty);
    const cl_thread *t = &m->threads.v[tid];
    if (t->entry != SIZE_MAX) {
        w.entered[t->entry] = 1;
        const cl_function *fn = m->cg.funcs.v[t->entry].fn;
        tframe *fd = cl_arena_alloc(cl_flow_scratch(w.flow), sizeof *fd);
        memset(fd, 0, sizeof *fd);
        fd->func = t->entry;
        if (fn->nparams > 0) {
            const char **bind = cl_arena_alloc(cl_flow_scratch(w.flow), fn->nparams * sizeof *bind);
            const char **ibind = cl_arena_alloc(cl_flow_scratch(w.flow), fn->nparams * sizeof *ibind);
            unsigned char *pi = cl_arena_alloc(cl_flow_scratch(w.flow), fn->nparams);
            memset(bind, 0, fn->nparams * sizeof *bind);
            memset(ibind, 0, fn->nparams * sizeof *ibind);
            memset(pi, 0, fn->nparams);
            bind[0] = t->arg_path ? intern_str(&w, t->arg_path) : NULL;
            ibind[0] = t->arg_ipath ? intern_str(&w, t->arg_ipath) : bind[0];
            pi[0] = t->arg_per_instance ? PI_INSTANCE : 0;
            fd->nbind = fn->nparams;
            fd->bind = bind;
            fd->ibind = ibind;
            fd->bind_per_inst = pi;
            start_constant(&w, t, fd);
        }
        int is_main = t->creator == SIZE_MAX;
        if (is_main) {
            st = run_ctors(&w, st, CL_FN_CONSTRUCTOR);
            t = &m->threads.v[tid]; /* (a constructor's spawns may move the threads) */
        }
        cl_value *args = NULL;
        if (t->arg_func != NULL && fn->nparams > 0) {
            args = cl_arena_alloc(cl_flow_scratch(w.flow), fn->nparams * sizeof *args);
            memset(args, 0, fn->nparams * sizeof *args);
            args[0] = *t->arg_func;
        }
        cl_flow_entry_args(w.flow, args, fn->nparams);
        start_block(&w, t, fd);
        const void *end = cl_flow_run(w.flow, t->entry, fd, 0, st);
        cl_flow_entry_args(w.flow, NULL, 0);
        cl_flow_entry_calls(w.flow, NULL, NULL, 0);
        free(fd->joined.v);
        if (end != NULL && w.exiting != NULL)
            end = tjoin(w.flow, end, w.exiting);
        else if (end == NULL)
            end = w.exiting;
        if (is_main && end != NULL)
            run_ctors(&w, end, CL_FN_DESTRUCTOR);
        note_end(&w, end);
    } else {
        /* An API thread: each of its roots from the start state (`t`
         * moves when a walk adds threads). */
        const size_t *roots = t->roots, nroots = t->nroots;
        for (size_t r = 0; r < nroots; r++) {
            size_t i = roots[r];
            w.entered[i] = 1;
            tframe *fd = cl_arena_alloc(cl_flow_scratch(w.flow), sizeof *fd);
            memset(fd, 0, sizeof *fd);
            bind_root_params(&w, m->cg.funcs.v[i].fn, fd);
            cl_flow_run(w.flow, i, fd, 0, st);
            free(fd->joined.v);
        }
    }
    const cl_flow_stats *fs = cl_flow_get_stats(w.flow);
    m->threads.v[tid].cut_budget = cl_flow_truncated(w.flow) != 0;
    m->threads.v[tid].cut_depth = fs->depth_cuts > 0;
    if (m->threads.v[tid].cut_budget || m->threads.v[tid].cut_depth)
        CL_VEC_PUSH(&m->truncated, tid);
    m->walk_steps += fs->steps;
    m->unstable_loops += fs->unstable_loops;
    m->back_gotos += fs->back_gotos;
    size_t nun;
    const cl_event *const *un = cl_flow_unresolved_calls(w.flow, &nun);
    for (size_t i = 0; i < nun; i++) { /* (one call per source location: a static
                                           * inline function of a header is in
                                           * every TU that includes it) */
        int added = 0;
        const cl_loc *l = &un[i]->loc;
        char key[4200];
        int n = snprintf(key, sizeof key, "%s:%u:%u", l->file ? l->file : "", l->line, l->col);
        n = n < 0 ? 0 : n >= (int)sizeof key ? (int)sizeof key - 1 : n;
        cl_blob_lookup(&m->unresolved_set, &m->arena, key, (size_t)n, &added);
        if (added)
            CL_VEC_PUSH(&m->unresolved, un[i]);
    }
    cl_flow_free(w.flow);
    cl_arena_release(&w.frames);
    free(w.enter_marks.v);
    free(w.seen.e);
    free(w.seen.slot);
    free(w.dead.v);
    free(w.marks.v);
    cl_blob_release(&w.persisted_frames);
    cl_interner_release(&w.persisted);
    cl_blob_release(&w.persisted_sync);
    cl_blob_release(&w.guards);
    cl_blob_release(&w.spins);
    free(w.guard_alts.v);
    cl_strbuf_release(&w.lockname);
    cl_blob_release(&w.spawning_alts);
    cl_blob_release(&w.joined_paths);
    cl_blob_release(&w.through);
    cl_strmap_release(&w.spawns);
    cl_strmap_release(&w.dies);
    cl_blob_release(&w.dying);
    cl_blob_release(&w.constant_result);
    free(w.loop_threads.v);
    free(w.jumps.v);
    free(w.handlers.v);
    free(w.tmp);
    cl_strbuf_release(&w.key);
    cl_strbuf_release(&w.subst);
}

/* Fills the creation locks (cl_thread.creation_locks) of the threads
 * `creator`'s walk started: held at each spawn and not released, on any
 * path, while the thread may run (joined first, then released). */
static void creation_locks(cl_model *m, size_t creator, extravec *extra)
{
    for (size_t t = 0; t < m->threads.n && t < extra->n; t++) {
        const thread_extra *x = &extra->v[t];
        if (m->threads.v[t].creator != creator || x->hold_locks.n == 0)
            continue;
        size_t *v = cl_arena_alloc(&m->arena, x->hold_locks.n * sizeof *v), n = 0;
        for (size_t i = 0; i < x->hold_locks.n; i++)
            if (!cl_ids_contains(x->hold_broken.v, x->hold_broken.n, x->hold_locks.v[i]))
                v[n++] = x->hold_locks.v[i];
        m->threads.v[t].creation_locks = v;
        m->threads.v[t].ncreation_locks = n;
    }
}

/* Adds to `roots` the functions from which the code of function `f`, not
 * entered by any walk, is reached with no walk to say by whom: up its
 * callers, those with none (`visit` marks the functions seen). A caller a
 * walk entered ends the climb: that walk chose not to go on (a branch it
 * found dead, a mode), and neither does this; returns 1 when one did.
 * A thread entry ends it too: it is walked once its own spawn is. */
static int orphan_climb(const cl_model *m, const unsigned char *entered, size_t f,
                         unsigned char *visit, cl_idvec *roots)
{
    cl_idvec stack = { NULL, 0, 0 };
    CL_VEC_PUSH(&stack, f);
    visit[f] = 1;
    int met = 0;
    while (stack.n > 0) {
        const cl_mfunc *mf = &m->cg.funcs.v[stack.v[--stack.n]];
        size_t g = (size_t)(mf - m->cg.funcs.v), callers = 0;
        for (size_t i = 0; i < mf->nin; i++) {
            size_t c = m->cg.edges.v[mf->in[i]].caller;
            if (c == g)
                continue;
            callers++;
            met |= entered[c];
            if (visit[c] || entered[c] || m->cg.funcs.v[c].spawned)
                continue;
            visit[c] = 1;
            CL_VEC_PUSH(&stack, c);
        }
        if (callers == 0)
            CL_VEC_PUSH(roots, g);
    }
    free(stack.v);
    return met;
}

/* The orphan roots after the walks so far: for each spawn site no walk
 * resolved in a function no walk entered, the roots orphan_climb finds
 * (the site's own function when its callers, none entered, only call one
 * another). In
 * the model's arena; *n receives their number. */
static const size_t *orphan_roots(cl_model *m, const unsigned char *entered, size_t *n)
{
    cl_idvec roots = { NULL, 0, 0 };
    unsigned char *visit = cl_xcalloc(m->cg.funcs.n + 1, 1);
    for (size_t i = 0; i < m->spawn_sites.n; i++) {
        size_t f = m->site_funcs.v[i], before = roots.n;
        if (m->site_resolved[i] || entered[f] || visit[f])
            continue;
        if (!orphan_climb(m, entered, f, visit, &roots) && roots.n == before)
            CL_VEC_PUSH(&roots, f);
    }
    free(visit);
    size_t *v = cl_arena_alloc(&m->arena, (roots.n + 1) * sizeof *v);
    if (roots.n > 0)
        memcpy(v, roots.v, roots.n * sizeof *v);
    *n = roots.n;
    free(roots.v);
    return v;
}

void cl_model_walk_threads(cl_model *m)
{
    extravec extra = { NULL, 0, 0 };
    for (size_t i = 0; i < m->threads.n; i++) {
        thread_extra none;
        memset(&none, 0, sizeof none);
        CL_VEC_PUSH(&extra, none);
    }
    /* Threads are discovered while their creators are walked; walking in
     * id order visits each creator before its children. */
    struct { size_t *v; size_t n, cap; } first = { NULL, 0, 0 };
    walk_facts facts;
    memset(&facts, 0, sizeof facts);
    facts.spawners = find_spawners(m);
    for (size_t f = 0; f < m->cg.funcs.n; f++)
        count_mode_tests(m->cg.funcs.v[f].fn->body, &facts.mode_tests);
    find_set_once(m, &facts.once, &facts.varied);
    facts.writes = cl_writes_new(&m->cg);
    facts.gatememo = cl_xcalloc(m->cg.funcs.n + 1, sizeof *facts.gatememo);
    facts.reportmemo = cl_xcalloc(m->cg.funcs.n + 1, sizeof *facts.reportmemo);
    facts.fx = cl_effects_new(&m->cg);
    facts.hands_over = find_hands_over(m);
    facts.entered = cl_xcalloc(m->cg.funcs.n + 1, 1);
    for (size_t tid = 0;; tid++) {
        /* Every thread walked: the code no walk reached that names a
         * start routine (its callers are not in the model: a module's
         * entry point in a table of many, a library's API the programs do
         * not call) runs on one more API thread, until none is left. */
        size_t nroots = 0;
        const size_t *roots = tid < m->threads.n ? NULL : orphan_roots(m, facts.entered, &nroots);
        if (tid == m->threads.n && nroots == 0)
            break;
        if (roots != NULL) {
            cl_thread api;
            memset(&api, 0, sizeof api);
            api.id = tid;
            api.entry = api.creator = SIZE_MAX;
            api.roots = roots;
            api.nroots = nroots;
            CL_VEC_PUSH(&m->threads, api);
            thread_extra none;
            memset(&none, 0, sizeof none);
            CL_VEC_PUSH(&extra, none);
        }
        CL_VEC_PUSH(&first, m->accesses.n);
        walk_thread(m, tid, &extra, &facts);
        creation_locks(m, tid, &extra);
    }
    CL_VEC_PUSH(&first, m->accesses.n);
    m->acc_first = first.v;
    for (size_t i = 0; i < extra.n; i++) {
        free(extra.v[i].hold_locks.v);
        free(extra.v[i].hold_broken.v);
        free(extra.v[i].start);
    }
    free(extra.v);
    free(facts.spawners);
    cl_strmap_release(&facts.mode_tests);
    cl_strmap_release(&facts.once);
    cl_strmap_release(&facts.varied);
    cl_writes_free(facts.writes);
    for (size_t f = 0; f < m->cg.funcs.n; f++)
        free(facts.gatememo[f].v);
    free(facts.gatememo);
    free(facts.reportmemo);
    cl_effects_free(facts.fx);
    free(facts.hands_over);
    free(facts.entered);
    free(facts.regs.regs.v);
    free(facts.regs.attached.v);
    free(facts.regs.dispatching.v);
}

