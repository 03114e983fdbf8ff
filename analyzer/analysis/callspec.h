/* callspec.h - what the analyzer knows about library functions: which calls
 * spawn, join, lock, wait, sleep, block or never return, and which argument
 * carries the thread handle, lock, start routine or timeout.
 *
 * Built-in knowledge covers POSIX threads, C11 <threads.h>, POSIX semaphores
 * and message queues, poll/select/epoll and the blocking socket and pipe
 * calls, setjmp/longjmp, and the memory that the C library's string,
 * memory, stdio, I/O and allocation functions read or write through their
 * pointer arguments. Configured wrapper names (spawn/lock/unlock/sleep wrappers) are added
 * at run time with cl_callspecs_add.
 */
#ifndef CL_CALLSPEC_H
#define CL_CALLSPEC_H

#include <stddef.h>

#include "ir/ir.h"

typedef enum cl_callkind {
    CL_CK_OTHER = 0,
    CL_CK_SPAWN,          /* obj: handle out-pointer, func: start routine, data: start argument */
    CL_CK_JOIN,           /* obj: handle */
    CL_CK_TIMEDJOIN,      /* obj: handle; joins only when it returns 0 */
    CL_CK_DETACH,         /* obj: handle */
    CL_CK_CANCEL,         /* obj: handle */
    CL_CK_LOCK,           /* obj: lock (exclusive) */
    CL_CK_RDLOCK,         /* obj: lock (shared) */
    CL_CK_TRYLOCK,        /* obj: lock; acquired only when it returns 0 */
    CL_CK_UNLOCK,         /* obj: lock */
    CL_CK_COND_WAIT,      /* obj: condition variable, data: mutex (held again on return) */
    CL_CK_COND_TIMEDWAIT, /* as COND_WAIT, with a deadline */
    CL_CK_COND_SIGNAL,    /* obj: condition variable */
    CL_CK_SEM_WAIT,       /* obj: semaphore */
    CL_CK_SEM_TIMEDWAIT,  /* obj: semaphore, with a deadline */
    CL_CK_SEM_POST,       /* obj: semaphore */
    CL_CK_SLEEP,
    CL_CK_POLL,           /* timeout: the timeout argument (-1 or NULL = infinite) */
    CL_CK_MQ_TIMEDRECEIVE,
    CL_CK_ONCE,           /* pthread_once/call_once: func runs once */
    CL_CK_BARRIER_WAIT,
    CL_CK_ATTR_SETDETACHSTATE, /* obj: attribute object, data: the state */
    CL_CK_NORETURN,
    CL_CK_SEM_INIT,       /* obj: semaphore, data: the initial value */
    CL_CK_SEM_TRYWAIT,    /* obj: semaphore; takes a unit only when it returns 0 */
    CL_CK_SETJMP,         /* obj: the jmp_buf; returns 0, then again (non-zero) at
                             each longjmp to that buffer */
    CL_CK_LONGJMP,        /* obj: the jmp_buf; never returns (a noreturn call) */
    CL_CK_BARRIER_INIT,   /* obj: barrier, data: the number of parties */
    CL_CK_MUTEX_INIT,     /* obj: mutex, data: its attribute object (pthread) or
                             its type (C11 mtx_init) */
    CL_CK_MUTEXATTR_SETTYPE, /* obj: mutex attribute object, data: the type */
    /* Event-loop libraries (libevent, libuv, libev). A registration names
     * a handler that the loop it is registered with runs, once per event,
     * on the thread that dispatches that loop:
     * obj: the loop (event base) it is registered with, -1 when the call
     * names none (event_set: the default base, or the one a later
     * CL_CK_EV_ATTACH of the same event object gives it); func: the
     * handler, with every later function argument before `data`
     * (bufferevent_setcb's read, write and event callbacks), or up to the
     * last argument when `data` comes first (uv_read_start's allocation
     * and read callbacks); -1: the function stored in member `cb` of the
     * event object (libev's ev_TYPE_start, after ev_init); data: what the handler is given (its user data, or the
     * watcher or handle, libuv's and libev's way); evobj: the event,
     * watcher or handle object the registration fills (-1: none);
     * cbarg: the handler's parameter that receives `data` (-1: its last). */
    CL_CK_EV_REGISTER,
    /* obj: the loop, data: the event, watcher or handle object that is
     * attached to it (event_base_set, uv_tcp_init, ev_io_start) */
    CL_CK_EV_ATTACH,
    /* runs the handlers of loop obj (-1: the library's default loop)
     * until it is stopped: event_base_loop, uv_run, ev_run */
    CL_CK_EV_DISPATCH,
    /* obj: an async handle or watcher: wakes the loop that runs its
     * handler, which runs after the send (uv_async_send, ev_async_send;
     * the registration's evfd is -1) */
    CL_CK_EV_WAKE
} cl_callkind;

enum {
    CL_CS_EVENT_SOURCE = 1u << 0, /* waits for the next request/event: accept, recv, epoll_wait, ... */
    CL_CS_BLOCKING = 1u << 1,     /* may block indefinitely: blocking I/O, waits */
    CL_CS_TIMED = 1u << 2,        /* a wait with a deadline (when its timeout is finite) */
    CL_CS_SEND = 1u << 3,         /* hands data to a channel that can fill (send, write,
                                     mq_send): blocks once nobody reads the other end */
    CL_CS_PURE = 1u << 4,         /* observes without side effects a thread could wait
                                     on: clocks, yields, fences, atomic loads, errno */
    CL_CS_CALLS_BACK = 1u << 5,   /* takes a function pointer it calls during the call or
                                     at exit, not per request or event (qsort, atexit,
                                     signal, pthread_key_create, ...) */
    CL_CS_ENDS_PROCESS = 1u << 6, /* a noreturn call that ends the whole process, every
                                     thread with it (exit, abort, err); pthread_exit,
                                     thrd_exit and longjmp do not */
    CL_CS_FREES = 1u << 7,        /* releases the heap block its written argument
                                     points to (free, realloc) */
    /* can keep its caller waiting for long: network round trips (connect,
     * send, recv, accept), name resolution, disk syncs, child processes,
     * sleeps, joins, semaphore waits; a lock held across it stays held as
     * long (CL010). For the send and recv family `data` is the flags
     * argument (MSG_DONTWAIT: the call returns at once), for getnameinfo
     * too (NI_NUMERICHOST: no name server is asked). read and write
     * are not marked: on files they are quick, and the table cannot tell
     * a file from a pipe or a socket. */
    CL_CS_STALLS = 1u << 8,
    /* can make a descriptor non-blocking (cl_call_nonblocking): socket and
     * accept4 the one they return (`data`: the type or flags argument,
     * SOCK_NONBLOCK); fcntl (F_SETFL with O_NONBLOCK) and ioctl (FIONBIO)
     * their argument 0 (`data`: the command) */
    CL_CS_NONBLOCK = 1u << 9,
    /* async-signal-safe: on POSIX.1-2017's list of the functions a signal
     * handler may call (XSH 2.4.3). Every other function of this table
     * that is not CL_CS_PURE is unsafe in a handler (CL015); functions
     * the table does not know are not judged. */
    CL_CS_SIGNAL_SAFE = 1u << 10,
    /* installs a signal handler: argument `func` (signal), or without one
     * argument 1, the struct sigaction whose sa_handler or sa_sigaction
     * member names it (sigaction) */
    CL_CS_SIGNAL_INSTALL = 1u << 11,
    /* not thread-safe (POSIX.1-2017 XSH 2.9.1): keeps its result or its
     * progress in static state that a call of it, or of a function of
     * the same state group (cl_callspec_state_group), in another thread
     * overwrites: strtok, localtime, rand, getpwnam, ... */
    CL_CS_MT_UNSAFE = 1u << 12,
    /* with CL_CS_MT_UNSAFE: only reads its group's state (getenv), so it
     * conflicts only with a call that changes it (setenv, putenv) */
    CL_CS_STATE_READS = 1u << 13,
    /* with CL_CS_MT_UNSAFE: a reentrant variant named <name>_r that
     * keeps the state in the caller's buffer exists (POSIX or glibc) */
    CL_CS_HAS_R = 1u << 14,
    /* with CL_CS_CALLS_BACK: calls the function (argument `func`) before
     * it returns, on the caller's thread (qsort's comparator, ftw's
     * visitor), rather than later (atexit, signal) */
    CL_CS_CALLS_NOW = 1u << 15,
    /* a lock call that returns 1 on success and 0 on failure (OpenSSL's
     * CRYPTO_THREAD_*_lock), where the POSIX ones return 0 on success */
    CL_CS_TRUE_ON_SUCCESS = 1u << 16,
    /* goes on with a thread cancellation's unwinding and never returns
     * (glibc's __pthread_unwind_next, which ends the cancellation branch of
     * its pthread_cleanup_push macro) */
    CL_CS_CANCEL_UNWIND = 1u << 17,
    /* ends the process the way returning from main does, running the
     * atexit handlers and the destructor functions first (exit, err);
     * _exit, _Exit, abort and quick_exit do not */
    CL_CS_RUNS_EXIT_HANDLERS = 1u << 18,
    /* fills the int array argument `data` with descriptors of a pipe or a
     * socket pair (pipe, pipe2, socketpair): read and write on them wait
     * for the other end (CL010) unless made non-blocking */
    CL_CS_STREAM_PAIR = 1u << 19,
    /* with CL_CS_MT_UNSAFE: glibc makes it thread-safe (its manual's
     * "MT-Safe"; strerror and strsignal since 2.32 keep their buffers per
     * thread, rand locks, inet_ntoa's buffer is per thread, basename and
     * dirname keep no state, dlerror's state is per thread): unsafe only
     * for a portable program ("libc": "posix", cl_callspecs_for_glibc) */
    CL_CS_GLIBC_SAFE = 1u << 20,
    /* returns a socket's descriptor (socket, accept, accept4): read and
     * write on it wait for the peer (CL010) unless made non-blocking */
    CL_CS_STREAM_RESULT = 1u << 21,
    /* a lock that counts its acquisitions (flockfile: POSIX XSH flockfile,
     * "a lock count"): the thread that holds it takes it again at once */
    CL_CS_RECURSIVE = 1u << 22
};

/* The static state an MT-unsafe function shares (bits 24 and up of its
 * flags, CL_CS_STATE(group)). CL_STATE_OWN: only calls of the function
 * itself share it; CL_STATE_STREAM: the state lives in the object its
 * argument 0 points to (readdir's DIR stream), shared only by calls on
 * the same object. */
enum cl_state_group {
    CL_STATE_OWN = 0,
    CL_STATE_STREAM,
    CL_STATE_TIME,    /* localtime, gmtime, ctime, asctime: one struct tm and one string */
    CL_STATE_ENV,     /* the environment: getenv reads, setenv/putenv/unsetenv change it */
    CL_STATE_PASSWD,  /* getpwnam, getpwuid, getpwent and their iterator */
    CL_STATE_GROUP,   /* getgrnam, getgrgid, getgrent and their iterator */
    CL_STATE_HOSTS,   /* gethostbyname, gethostbyaddr, gethostent */
    CL_STATE_NETDB,   /* getservby*, getprotoby*, getnetby* and their iterators */
    CL_STATE_RAND,    /* rand */
    CL_STATE_RAND48,  /* drand48, lrand48, mrand48 */
    CL_STATE_LOCALE,  /* setlocale, localeconv, nl_langinfo */
    CL_STATE_UTMPX,   /* getutxent and its kin */
    CL_STATE_HSEARCH, /* hcreate, hsearch, hdestroy */
    CL_STATE_CRYPT    /* crypt, encrypt, setkey */
};
#define CL_CS_STATE_SHIFT 24
#define CL_CS_STATE(group) ((unsigned)(group) << CL_CS_STATE_SHIFT)

/* What a call does with blocking descriptors (cl_call_nonblocking). */
enum {
    CL_NB_CALL = 1,   /* this call does not wait (send(.., MSG_DONTWAIT), waitpid(.., WNOHANG),
                         getnameinfo(.., NI_NUMERICHOST)) */
    CL_NB_RESULT = 2, /* the descriptor it returns is non-blocking */
    CL_NB_ARG0 = 3    /* it may make its argument 0 non-blocking (F_SETFL with
                         O_NONBLOCK, or with flags not known as constants) */
};

/* The lock a lock or unlock call without a lock argument takes or releases
 * (__VERIFIER_atomic_begin/end), and that the body of a function named
 * CL_ATOMIC_FUNCTION_PREFIX... (ir.h) holds throughout: the verification
 * benchmarks' atomic steps, which exclude each other as one global lock
 * would. A global's resolved path, shown as "__VERIFIER_atomic". */
#define CL_ATOMIC_SECTION_LOCK "Gc:@__VERIFIER_atomic"

typedef struct cl_callspec {
    const char *name;
    cl_callkind kind;
    unsigned flags;       /* CL_CS_* */
    signed char obj;      /* argument index, or -1 */
    signed char func;
    signed char data;
    signed char timeout;
    /* Library functions that access memory through their arguments:
     * bit k set means argument k's pointee is written (memcpy's dest,
     * snprintf's buffer, free's block) or read (memcpy's source, strlen's
     * string, write's buffer). The whole pointee: every member and element
     * of the object the argument points to (model.h, CL_ACC_WHOLE). */
    unsigned char writes, reads;
    /* Variadic pointer arguments: 0, or the index of the first variadic
     * argument, from which on every pointer argument's pointee is written
     * (the scanf family: `scanf("%d", &g)`) or every string argument's is
     * read (the printf family's `%s`; a `%p` pointer is not read).
     * Integers passed by value are plain reads already. */
    unsigned char vwrites, vreads;
    /* CL_CK_EV_REGISTER only (see there); 0 elsewhere. */
    signed char evobj, cbarg;
    /* CL_CK_EV_REGISTER only: 1 + the index of the descriptor argument
     * whose readiness runs the handler, the events mask next to it
     * (libevent's event_set, event_assign, event_new); -1: an async
     * handle, whose handler runs only after a send (CL_CK_EV_WAKE); 0:
     * none. */
    signed char evfd;
} cl_callspec;

typedef struct cl_callspecs {
    cl_callspec *extra;   /* configured entries, searched before the built-ins */
    size_t nextra, capextra;
    /* "event_loops" (docs/config.md): 1 when the event-loop entries
     * (CL_CK_EV_REGISTER, CL_CK_EV_ATTACH, CL_CK_EV_DISPATCH,
     * CL_CK_EV_WAKE) are found;
     * 0, the default, leaves those functions unknown. */
    int event_loops;
} cl_callspecs;

/* Finds the spec for a callee name; NULL if the function is unknown, and
 * for the event-loop entries (CL_CK_EV_*) unless specs->event_loops.
 * `specs` may be NULL (built-ins only, without the event-loop ones). */
const cl_callspec *cl_callspec_find(const cl_callspecs *specs, const char *name);

/* Adds a configured entry (e.g. a project's lock wrapper taking the lock as
 * argument `obj`). `name` is copied. */
void cl_callspecs_add(cl_callspecs *specs, const char *name, cl_callkind kind,
                      int obj, int func, int data);

/* Makes `specs` describe glibc, the C library of the analyzed program:
 * the built-in entries marked CL_CS_GLIBC_SAFE are added as configured
 * entries without their thread-safety flags (CL014 leaves them alone).
 * Without it the table is POSIX's (XSH 2.9.1). */
void cl_callspecs_for_glibc(cl_callspecs *specs);

void cl_callspecs_release(cl_callspecs *specs);

/* Whether call `ev` (library spec `cs`, NULL for project functions) waits
 * with a finite deadline: a CL_CS_TIMED call whose timeout argument is not
 * NULL nor a negative constant (poll's -1). */
int cl_wait_is_finite(const cl_callspec *cs, const cl_event *ev);

/* What call event `ev` with spec `cs` (may be NULL) does with blocking
 * descriptors: CL_NB_* from its constant flag arguments (Linux values), or
 * 0. */
int cl_call_nonblocking(const cl_callspec *cs, const cl_event *ev);

/* Whether the mutex type constant `type` (pthread_mutexattr_settype's
 * argument, or with `c11` mtx_init's) makes a recursive mutex: glibc's
 * and musl's values (PTHREAD_MUTEX_RECURSIVE 1; the mtx_recursive bit 1). */
int cl_mutex_type_recursive(long long type, int c11);

/* The state group (cl_state_group) of MT-unsafe function `cs`. */
unsigned cl_callspec_state_group(const cl_callspec *cs);

/* What state group `group` names, for messages: "the static 'struct tm'
 * and time string", "the environment", ...; NULL for CL_STATE_OWN and
 * CL_STATE_STREAM. */
const char *cl_state_group_name(unsigned group);

/* "spawn", "join", ... for messages and --dump output. */
const char *cl_callkind_name(cl_callkind kind);

#endif
