/* sync.h - synchronization objects of the thread walk, private to the model
 * (sync.c; the query is cl_model_sync_ordered in model.h). */
#ifndef CL_SYNC_H
#define CL_SYNC_H

#include "model/model.h"

/* Finds the wait loops of the program before the walk: loops with a
 * data-dependent condition (CL_LOOP_UNKNOWN) whose condition only reads a
 * tracked location their body never writes (`while (!ready)
 * pthread_cond_wait(...)`, `while (atomic_load(&f) == 0)`), and `if`
 * conditions that read an atomic flag with acquire (or seq_cst) order.
 * Also the re-tests after such a loop that blocks on a condition variable
 * (an `if` on a member it waits for, find_retests in sync.c).
 * Fills m->wait_reads with those reads and m->pred_keys with the last
 * member of their paths (".value" of "P0.value", or the whole path of a
 * global scalar), which say which writes can release. One pass over every
 * body. */
void cl_sync_find_waits(cl_model *m);

/* Finds the barriers built from a mutex, a condition variable and an
 * arrival counter: functions with a branch on a counter they update in
 * place (`if (++b->arrived == b->n)`, or `b->arrived++` before the test)
 * whose one alternative wakes the waiters (a signal or broadcast) and
 * writes another word (the generation), and whose other alternative
 * waits in a loop that blocks on a condition variable until that word
 * changes (`while (gen == b->gen) pthread_cond_wait(...)`). Fills
 * m->barrier_fns. */
void cl_sync_find_barriers(cl_model *m);

/* Finds the locations that hold wake-up descriptors: those every write
 * of which stores a descriptor of a pipe, an eventfd or a socketpair
 * (CL_ACC_WAKE_FD: `w->rd = fds[0]`, `efd = eventfd(..)`), and the arrays
 * that pipe, pipe2 or socketpair fill (`pipe(fds)`, `pipe(w->fds)`, local,
 * global or member arrays; their elements are then used in place), keyed
 * by their last member (any object's `wake_fd` member) or a global's or
 * a local's path; not one that dup2, dup3 or
 * posix_spawn_file_actions_adddup2 hands to a child process. Only threads
 * of the program make such a descriptor readable, by writing to it or to
 * its other end. Fills m->wake_keys. One pass over every body. */
void cl_sync_find_wake_fds(cl_model *m);

/* The wake-up object (cl_sync_wake_object) when `path`, the location a
 * call's descriptor argument is loaded from (raw, or resolved without its
 * thread qualifier), is one cl_sync_find_wake_fds found; else SIZE_MAX. */
size_t cl_sync_wake(cl_model *m, const char *path);

/* The program's one wake-up object (cl_syncobj.wake): every wake-up
 * channel (a pipe, eventfd or socketpair descriptor, cl_sync_wake, and a
 * libuv or libev async handle) is one object: a release of any of them
 * releases it (more releasers order less, never wrongly), and what a
 * wake-up acquires is that some thread wrote to one. */
size_t cl_sync_wake_object(cl_model *m);

/* Whether `ev` is a read found by cl_sync_find_waits. */
int cl_sync_is_wait_read(const cl_model *m, const cl_event *ev);

/* Whether a write to the raw (unresolved) access path `path` may set a
 * predicate some wait loop tests. */
int cl_sync_is_predicate(const cl_model *m, const char *path);

/* The id of the synchronization object on the resolved path `path` of kind
 * `kind` ("s", "a" or a lock id as decimal digits, see cl_syncobj),
 * created on first use. */
size_t cl_sync_object(cl_model *m, const char *path, const char *kind);

/* The object the next sem_wait on semaphore `path` (resolved) acquires,
 * after the waits that acquired the objects in acq[0..nacq) (sorted):
 * the first of "<path>|s", "<path>|s2", ... not among them (cl_syncobj). */
size_t cl_sync_sem_wait(cl_model *m, const char *path, const size_t *acq, size_t nacq);

/* Semaphore `path` was initialized with count `count` (-1: unknown). */
void cl_sync_sem_init(cl_model *m, const char *path, long long count);

/* Thread `thread` posts semaphore `path` at `ev`; NULL `ev`: at a post
 * that can run more than once per instance. Repeats are ignored. */
void cl_sync_sem_post(cl_model *m, const char *path, size_t thread, const cl_event *ev);

/* Marks lock `lock` as a semaphore built from a mutex and a condition
 * variable (m->sem_locks). */
void cl_sync_sem_lock(cl_model *m, size_t lock);

/* Thread `thread` releases object `id`; `rmw`: by a read-modify-write;
 * `again`: it may have released it before in the same run. */
void cl_sync_released(cl_model *m, size_t id, size_t thread, int rmw, int again);

/* Thread `thread` releases wake-up object `id` (cl_sync_wake) on a path
 * where it had not acquired it. */
void cl_sync_wake_unprimed(cl_model *m, size_t id, size_t thread);

/* Thread `thread` acquires object `id` where it may have released it
 * itself before (cl_syncobj.reacq). */
void cl_sync_reacquired(cl_model *m, size_t id, size_t thread);

/* A release of object `id` holds tokens tok[0..ntok) and, counting a
 * path that released nothing before as holding every token (`fresh`: no
 * path did), ftok[0..nftok) (cl_syncobj.guard_tok, guard_ftok). */
void cl_sync_release_guard(cl_model *m, size_t id, const size_t *tok, size_t ntok, const size_t *ftok,
                           size_t nftok, int fresh);

/* The creator of thread `thread` acquired object `id` first after a spawn
 * of it (SIZE_MAX: spawned it again before acquiring anything, which
 * spoils every handshake of the thread). */
void cl_sync_handshake(cl_model *m, size_t thread, size_t id);

/* Object `id` cannot be the handshake of thread `thread`: its creator
 * released it after a spawn of it, before acquiring anything
 * (cl_thread.shakes_unclean). */
void cl_sync_handshake_spoiled(cl_model *m, size_t thread, size_t id);

/* Thread `thread` calls pthread_once/call_once on the control of once
 * object `id` (cl_thread.once_called). */
void cl_sync_once_called(cl_model *m, size_t thread, size_t id);

/* Barrier `path` (resolved) was initialized for `parties` threads (-1:
 * unknown), or thread `thread` waits on it (`parties` ignored). */
void cl_sync_barrier(cl_model *m, const char *path, int init, long parties, size_t thread);

/* After the walk: a thread started in a loop whose handshake is a
 * predicate under a lock needs the loop to store the predicate before
 * the spawn, unconditionally, in each round (the flag cleared before each
 * start); where it does not, the handshake is marked unclean
 * (cl_thread.shakes_unclean). */
void cl_sync_check_handshakes(cl_model *m);

/* Whether loops `a` and `b` run over one range as far as the IR tells:
 * the same known number of rounds, or conditions that read the same
 * variables (`i < n` and `j < n`: by name). 0 when either is NULL. */
int cl_sync_same_range(const cl_node *a, const cl_node *b);

/* The object of predicate `path` (resolved) waited for on each element of
 * an array under the element's lock, `lock` being that lock's name with
 * its symbolic subscripts spelled "[*]" ("G@w->[*].lock"): "<path>|E<lock>"
 * (cl_syncobj.each), created on first use with its "<path>|v" values
 * object. */
size_t cl_sync_each(cl_model *m, const char *path, const char *lock);

/* Each-object `id` was acquired on leaving counting loop `loop`, with the
 * threads live[0..nlive) (sorted) possibly running. */
void cl_sync_each_waited(cl_model *m, size_t id, const cl_node *loop, const size_t *live, size_t nlive);

/* Whether object `id` is an each-object (cl_sync_each) acquired while one
 * of the threads ts[0..n) (sorted) may have been running. */
int cl_sync_each_covers(const cl_model *m, size_t id, const size_t *ts, size_t n);

/* Thread `thread` released each-object `id` under the lock of an element
 * that is not the one its start argument points to. */
void cl_sync_each_foreign(cl_model *m, size_t id, size_t thread);

/* Thread `thread` stored `v` (the access's stored value; NULL or not an
 * integer constant: unknown) to predicate `path` (resolved). */
void cl_sync_stored(cl_model *m, const char *path, size_t thread, const cl_value *v);

/* After the walk: a barrier initialized for fewer parties than the
 * threads that wait on it (each started once) can open before they all
 * arrive: its waiters' phases order nothing (their uses_barrier is
 * cleared). */
void cl_sync_check_barriers(cl_model *m);

#endif
