/* callspec.c - the built-in table of library functions (see callspec.h).
 * Sources: POSIX.1-2017 (XSH) for pthreads, semaphores, mq and poll/select;
 * C11 7.26 for <threads.h>; OpenSSL's CRYPTO_THREAD_lock_new(3) for its locks; Linux man-pages for the _np and epoll calls;
 * POSIX flockfile(3p) for the stdio stream locks (recursive: a lock
 * count; ftrylockfile returns 0 on success);
 * C11 7.21-7.24 and POSIX for which arguments the string, memory, stdio
 * and I/O functions read or write through (writes/reads/vwrites/vreads);
 * POSIX.1-2017 XSH 2.4.3 for the async-signal-safe functions (SS: the
 * ones of this table on that list) and XSH 2.9.1 for the functions that
 * need not be thread-safe (MT), less two: system(), whose caveat is the
 * signal dispositions it changes, not static data (glibc documents it
 * MT-Safe), and the variants unsafe only with a NULL buffer (tmpnam,
 * ctermid, wcrtomb, ...). readdir's state is its stream (G(STREAM)).
 * libuv's threads and locks (uv_thread_create, uv_mutex_*, uv_rwlock_*).
 * Event loops: libevent 2's event.h, bufferevent.h, listener.h and http.h
 * (evtimer_set, evtimer_assign and evtimer_new are macros over event_set,
 * event_assign and event_new), libuv's uv.h (a handler gets its handle or
 * request as argument 0; the loop is the one its handle was initialized
 * on) and libev 4's ev.h (ev_TYPE_start(loop, w) starts the handler
 * ev_init stored in the watcher's `cb`, which gets the watcher as
 * argument 1). */
#include "analysis/callspec.h"

#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define EV CL_CS_EVENT_SOURCE
#define BL CL_CS_BLOCKING
#define TM CL_CS_TIMED
#define SN CL_CS_SEND
#define PU CL_CS_PURE
#define CB CL_CS_CALLS_BACK
#define EP CL_CS_ENDS_PROCESS
#define XH CL_CS_RUNS_EXIT_HANDLERS
#define FR CL_CS_FREES
#define ST CL_CS_STALLS
#define NB CL_CS_NONBLOCK
#define SS CL_CS_SIGNAL_SAFE
#define SP CL_CS_STREAM_PAIR
#define SR CL_CS_STREAM_RESULT
#define SI CL_CS_SIGNAL_INSTALL
#define MT CL_CS_MT_UNSAFE
#define GS CL_CS_GLIBC_SAFE
#define RO CL_CS_STATE_READS
#define R_ CL_CS_HAS_R
#define CN (CL_CS_CALLS_BACK | CL_CS_CALLS_NOW)
#define G(group) CL_CS_STATE(CL_STATE_##group)

/* Sorted by name (strcmp order) for bsearch; a test checks the order. */
static const cl_callspec builtin[] = {
    /* OpenSSL 1.1+ CRYPTO_RWLOCK (crypto.h; CRYPTO_THREAD_lock_new(3)):
     * a read-write lock passed by pointer; the lock calls return 1 on
     * success. */
    { "CRYPTO_THREAD_read_lock", CL_CK_RDLOCK, BL | CL_CS_TRUE_ON_SUCCESS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "CRYPTO_THREAD_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "CRYPTO_THREAD_write_lock", CL_CK_LOCK, BL | CL_CS_TRUE_ON_SUCCESS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "_Exit", CL_CK_NORETURN, EP | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    /* Verification benchmarks (SV-COMP): the statements between these
     * calls run as one atomic step; modelled as one global lock
     * (CL_ATOMIC_SECTION_LOCK), taken without an argument. */
    { "__VERIFIER_atomic_begin", CL_CK_LOCK, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__VERIFIER_atomic_end", CL_CK_UNLOCK, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    /* SS although it prints: it runs only once an assertion has failed, on
     * the way to abort(); a handler's asserts are not its defect. */
    { "__assert_fail", CL_CK_NORETURN, EP | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__atomic_load", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__atomic_load_n", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__atomic_thread_fence", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__builtin_trap", CL_CK_NORETURN, EP | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__builtin_unreachable", CL_CK_NORETURN, SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__c11_atomic_thread_fence", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__errno_location", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__error", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__longjmp_chk", CL_CK_LONGJMP, SS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__pthread_unwind_next", CL_CK_NORETURN, CL_CS_CANCEL_UNWIND, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__sigsetjmp", CL_CK_SETJMP, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__sync_lock_release", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__sync_lock_test_and_set", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "__sync_synchronize", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "_exit", CL_CK_NORETURN, EP | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "_longjmp", CL_CK_LONGJMP, SS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "_setjmp", CL_CK_SETJMP, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "abort", CL_CK_NORETURN, EP | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "accept", CL_CK_OTHER, EV | BL | ST | SS | SR, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "accept4", CL_CK_OTHER, EV | BL | ST | NB | SR, -1, -1, 3, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "aligned_alloc", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "asctime", CL_CK_OTHER, MT | R_ | G(TIME), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "at_quick_exit", CL_CK_OTHER, CB, -1, 0, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "atexit", CL_CK_OTHER, CB, -1, 0, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "atoi", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "atol", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "atoll", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "atomic_load", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "atomic_load_explicit", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "atomic_signal_fence", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "atomic_thread_fence", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "basename", CL_CK_OTHER, MT | GS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "bcopy", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x2, 0x1, 0, 0, 0, 0, 0 },
    { "bsearch", CL_CK_OTHER, CN, -1, 4, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "bufferevent_setcb", CL_CK_EV_REGISTER, 0, -1, 1, 4, -1, 0, 0, 0, 0, 0, -1, 0 },
    { "bzero", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "call_once", CL_CK_ONCE, 0, 0, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "calloc", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "catgets", CL_CK_OTHER, MT, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "clearenv", CL_CK_OTHER, MT | G(ENV), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "clock", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "clock_gettime", CL_CK_OTHER, PU | SS, -1, -1, -1, -1, 0x2, 0, 0, 0, 0, 0, 0 },
    { "clock_nanosleep", CL_CK_SLEEP, ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "close", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "closelog", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "cnd_broadcast", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "cnd_signal", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "cnd_timedwait", CL_CK_COND_TIMEDWAIT, TM, 0, -1, 1, 2, 0, 0, 0, 0, 0, 0, 0 },
    { "cnd_wait", CL_CK_COND_WAIT, BL, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "connect", CL_CK_OTHER, BL | ST | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "crypt", CL_CK_OTHER, MT | R_ | G(CRYPT), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ctime", CL_CK_OTHER, MT | R_ | G(TIME), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "difftime", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "dirname", CL_CK_OTHER, MT | GS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "dlerror", CL_CK_OTHER, MT | GS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "dprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 2, 0, 0, 0 },
    { "drand48", CL_CK_OTHER, MT | R_ | G(RAND48), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "encrypt", CL_CK_OTHER, MT | G(CRYPT), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "endgrent", CL_CK_OTHER, MT | G(GROUP), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "endpwent", CL_CK_OTHER, MT | G(PASSWD), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "endutxent", CL_CK_OTHER, MT | G(UTMPX), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "epoll_pwait", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 3, 0, 0, 0, 0, 0, 0, 0 },
    { "epoll_wait", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 3, 0, 0, 0, 0, 0, 0, 0 },
    { "err", CL_CK_NORETURN, EP | XH, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "errx", CL_CK_NORETURN, EP | XH, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ev_async_send", CL_CK_EV_WAKE, 0, 1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ev_async_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, -1 },
    { "ev_check_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_child_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_cleanup_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_embed_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_fork_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_idle_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_io_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_periodic_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_prepare_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_run", CL_CK_EV_DISPATCH, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ev_signal_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_stat_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "ev_timer_start", CL_CK_EV_REGISTER, 0, 0, -1, 1, -1, 0, 0, 0, 0, 1, 1, 0 },
    { "evconnlistener_new", CL_CK_EV_REGISTER, 0, 0, 1, 2, -1, 0, 0, 0, 0, -1, -1, 0 },
    { "evconnlistener_new_bind", CL_CK_EV_REGISTER, 0, 0, 1, 2, -1, 0, 0, 0, 0, -1, -1, 0 },
    { "event_assign", CL_CK_EV_REGISTER, 0, 1, 4, 5, -1, 0, 0, 0, 0, 0, -1, 3 },
    { "event_base_dispatch", CL_CK_EV_DISPATCH, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "event_base_loop", CL_CK_EV_DISPATCH, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "event_base_once", CL_CK_EV_REGISTER, 0, 0, 3, 4, -1, 0, 0, 0, 0, -1, -1, 0 },
    { "event_base_set", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "event_dispatch", CL_CK_EV_DISPATCH, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "event_loop", CL_CK_EV_DISPATCH, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "event_new", CL_CK_EV_REGISTER, 0, 0, 3, 4, -1, 0, 0, 0, 0, -1, -1, 2 },
    { "event_once", CL_CK_EV_REGISTER, 0, -1, 2, 3, -1, 0, 0, 0, 0, -1, -1, 0 },
    { "event_set", CL_CK_EV_REGISTER, 0, -1, 3, 4, -1, 0, 0, 0, 0, 0, -1, 2 },
    { "evhttp_set_cb", CL_CK_EV_REGISTER, 0, -1, 2, 3, -1, 0, 0, 0, 0, 0, -1, 0 },
    { "evhttp_set_gencb", CL_CK_EV_REGISTER, 0, -1, 1, 2, -1, 0, 0, 0, 0, 0, -1, 0 },
    { "exit", CL_CK_NORETURN, EP | XH, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "explicit_bzero", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "fclose", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fcntl", CL_CK_OTHER, NB | SS, -1, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fdatasync", CL_CK_OTHER, BL | ST | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fflush", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fgets", CL_CK_OTHER, BL, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "flockfile", CL_CK_LOCK, BL | CL_CS_RECURSIVE, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fopen", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 2, 0, 0, 0 },
    { "fputc", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fputs", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "fread", CL_CK_OTHER, BL, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "free", CL_CK_OTHER, FR, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "fscanf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 2, 0, 0, 0, 0 },
    { "fsync", CL_CK_OTHER, BL | ST | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ftrylockfile", CL_CK_TRYLOCK, CL_CS_RECURSIVE, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ftw", CL_CK_OTHER, CN | MT, -1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "funlockfile", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "fwrite", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "getaddrinfo", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getdate", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getenv", CL_CK_OTHER, MT | RO | G(ENV), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getgrent", CL_CK_OTHER, MT | R_ | G(GROUP), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getgrgid", CL_CK_OTHER, MT | R_ | G(GROUP), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getgrnam", CL_CK_OTHER, MT | R_ | G(GROUP), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gethostbyaddr", CL_CK_OTHER, BL | ST | MT | R_ | G(HOSTS), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gethostbyname", CL_CK_OTHER, BL | ST | MT | R_ | G(HOSTS), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gethostbyname2", CL_CK_OTHER, BL | ST | MT | R_ | G(HOSTS), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gethostbyname_r", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gethostent", CL_CK_OTHER, MT | R_ | G(HOSTS), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getline", CL_CK_OTHER, BL, -1, -1, -1, -1, 0x3, 0, 0, 0, 0, 0, 0 },
    { "getlogin", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getnameinfo", CL_CK_OTHER, BL | ST, -1, -1, 6, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getnetbyaddr", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getnetbyname", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getnetent", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getopt", CL_CK_OTHER, MT, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getprotobyname", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getprotobynumber", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getprotoent", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getpwent", CL_CK_OTHER, MT | R_ | G(PASSWD), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getpwnam", CL_CK_OTHER, MT | R_ | G(PASSWD), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getpwuid", CL_CK_OTHER, MT | R_ | G(PASSWD), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gets", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "getservbyname", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getservbyport", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getservent", CL_CK_OTHER, MT | R_ | G(NETDB), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gettimeofday", CL_CK_OTHER, PU, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "getutxent", CL_CK_OTHER, MT | G(UTMPX), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getutxid", CL_CK_OTHER, MT | G(UTMPX), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "getutxline", CL_CK_OTHER, MT | G(UTMPX), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "gmtime", CL_CK_OTHER, MT | R_ | G(TIME), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "hcreate", CL_CK_OTHER, MT | R_ | G(HSEARCH), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "hdestroy", CL_CK_OTHER, MT | R_ | G(HSEARCH), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "hsearch", CL_CK_OTHER, MT | R_ | G(HSEARCH), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "inet_ntoa", CL_CK_OTHER, MT | GS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "inet_ntop", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x4, 0x2, 0, 0, 0, 0, 0 },
    { "ioctl", CL_CK_OTHER, NB, -1, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "kevent", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 5, 0, 0, 0, 0, 0, 0, 0 },
    { "l64a", CL_CK_OTHER, MT, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "lfind", CL_CK_OTHER, CN, -1, 4, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "lgamma", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "lgammaf", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "lgammal", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "localeconv", CL_CK_OTHER, MT | G(LOCALE), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "localtime", CL_CK_OTHER, MT | R_ | G(TIME), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "longjmp", CL_CK_LONGJMP, SS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "lrand48", CL_CK_OTHER, MT | R_ | G(RAND48), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "lsearch", CL_CK_OTHER, CN, -1, 4, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "malloc", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mblen", CL_CK_OTHER, MT, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mbtowc", CL_CK_OTHER, MT, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "memccpy", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "memchr", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "memcmp", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x3, 0, 0, 0, 0, 0 },
    { "memcpy", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "memmove", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "memset", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "mq_receive", CL_CK_OTHER, EV | BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mq_send", CL_CK_OTHER, BL | SN | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mq_timedreceive", CL_CK_MQ_TIMEDRECEIVE, TM, -1, -1, -1, 4, 0, 0, 0, 0, 0, 0, 0 },
    { "mrand48", CL_CK_OTHER, MT | R_ | G(RAND48), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "msgrcv", CL_CK_OTHER, EV | BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "msgsnd", CL_CK_OTHER, BL | SN | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mtx_init", CL_CK_MUTEX_INIT, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mtx_lock", CL_CK_LOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mtx_timedlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mtx_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "mtx_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "nanosleep", CL_CK_SLEEP, ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "nftw", CL_CK_OTHER, CN | MT, -1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "nl_langinfo", CL_CK_OTHER, MT | G(LOCALE), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "on_exit", CL_CK_OTHER, CB, -1, 0, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "openlog", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pclose", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "perror", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pipe", CL_CK_OTHER, SP | SS, -1, -1, 0, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "pipe2", CL_CK_OTHER, SP | SS, -1, -1, 0, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "poll", CL_CK_POLL, EV | BL | TM | SS, -1, -1, -1, 2, 0, 0, 0, 0, 0, 0, 0 },
    { "popen", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "posix_memalign", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ppoll", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 2, 0, 0, 0, 0, 0, 0, 0 },
    { "pread", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x2, 0, 0, 0, 0, 0, 0 },
    { "printf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 1, 0, 0, 0 },
    { "pselect", CL_CK_POLL, EV | BL | TM | SS, -1, -1, -1, 4, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_atfork", CL_CK_OTHER, CB, -1, 0, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_attr_setdetachstate", CL_CK_ATTR_SETDETACHSTATE, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_barrier_init", CL_CK_BARRIER_INIT, 0, 0, -1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_barrier_wait", CL_CK_BARRIER_WAIT, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_cancel", CL_CK_CANCEL, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_cond_broadcast", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_cond_clockwait", CL_CK_COND_TIMEDWAIT, TM, 0, -1, 1, 3, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_cond_signal", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_cond_timedwait", CL_CK_COND_TIMEDWAIT, TM, 0, -1, 1, 2, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_cond_wait", CL_CK_COND_WAIT, BL, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_create", CL_CK_SPAWN, 0, 0, 2, 3, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_detach", CL_CK_DETACH, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_equal", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_exit", CL_CK_NORETURN, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_join", CL_CK_JOIN, BL | ST, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_key_create", CL_CK_OTHER, CB, -1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutex_clocklock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutex_init", CL_CK_MUTEX_INIT, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutex_lock", CL_CK_LOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutex_timedlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutex_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutex_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_mutexattr_settype", CL_CK_MUTEXATTR_SETTYPE, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_once", CL_CK_ONCE, 0, 0, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_rdlock", CL_CK_RDLOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_timedrdlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_timedwrlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_tryrdlock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_trywrlock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_rwlock_wrlock", CL_CK_LOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_self", CL_CK_OTHER, PU | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_spin_lock", CL_CK_LOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_spin_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_spin_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_testcancel", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_timedjoin_np", CL_CK_TIMEDJOIN, TM, 0, -1, -1, 2, 0, 0, 0, 0, 0, 0, 0 },
    { "pthread_tryjoin_np", CL_CK_TIMEDJOIN, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ptsname", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "putc", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "putchar", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "putenv", CL_CK_OTHER, MT | G(ENV), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "puts", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "pututxline", CL_CK_OTHER, MT | G(UTMPX), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "pwrite", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x2, 0, 0, 0, 0, 0 },
    { "qsort", CL_CK_OTHER, CN, -1, 3, -1, -1, 0x1, 0x1, 0, 0, 0, 0, 0 },
    { "qsort_r", CL_CK_OTHER, CN, -1, 3, -1, -1, 0x1, 0x1, 0, 0, 0, 0, 0 },
    { "quick_exit", CL_CK_NORETURN, EP, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "rand", CL_CK_OTHER, MT | GS | R_ | G(RAND), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "read", CL_CK_OTHER, EV | BL | SS, -1, -1, -1, -1, 0x2, 0, 0, 0, 0, 0, 0 },
    { "readdir", CL_CK_OTHER, MT | G(STREAM), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "readv", CL_CK_OTHER, EV | BL | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "realloc", CL_CK_OTHER, FR, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "recv", CL_CK_OTHER, EV | BL | ST | SS, -1, -1, 3, -1, 0x2, 0, 0, 0, 0, 0, 0 },
    { "recvfrom", CL_CK_OTHER, EV | BL | ST | SS, -1, -1, 3, -1, 0x2, 0, 0, 0, 0, 0, 0 },
    { "recvmsg", CL_CK_OTHER, EV | BL | ST | SS, -1, -1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "scandir", CL_CK_OTHER, CN, -1, 2, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "scanf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 1, 0, 0, 0, 0 },
    { "sched_yield", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "select", CL_CK_POLL, EV | BL | TM | SS, -1, -1, -1, 4, 0, 0, 0, 0, 0, 0, 0 },
    { "sem_clockwait", CL_CK_SEM_TIMEDWAIT, TM, 0, -1, -1, 2, 0, 0, 0, 0, 0, 0, 0 },
    { "sem_init", CL_CK_SEM_INIT, 0, 0, -1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sem_post", CL_CK_SEM_POST, SS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sem_timedwait", CL_CK_SEM_TIMEDWAIT, TM, 0, -1, -1, 1, 0, 0, 0, 0, 0, 0, 0 },
    { "sem_trywait", CL_CK_SEM_TRYWAIT, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sem_wait", CL_CK_SEM_WAIT, BL | ST, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "send", CL_CK_OTHER, BL | SN | ST | SS, -1, -1, 3, -1, 0, 0x2, 0, 0, 0, 0, 0 },
    { "sendmsg", CL_CK_OTHER, BL | SN | ST | SS, -1, -1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sendto", CL_CK_OTHER, BL | SN | ST | SS, -1, -1, 3, -1, 0, 0x2, 0, 0, 0, 0, 0 },
    { "setenv", CL_CK_OTHER, MT | G(ENV), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "setgrent", CL_CK_OTHER, MT | G(GROUP), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "setjmp", CL_CK_SETJMP, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "setkey", CL_CK_OTHER, MT | G(CRYPT), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "setlocale", CL_CK_OTHER, MT | G(LOCALE), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "setpwent", CL_CK_OTHER, MT | G(PASSWD), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "setutxent", CL_CK_OTHER, MT | G(UTMPX), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "shutdown", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sigaction", CL_CK_OTHER, CB | SS | SI, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "siglongjmp", CL_CK_LONGJMP, SS, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "signal", CL_CK_OTHER, CB | SS | SI, -1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sigsetjmp", CL_CK_SETJMP, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "sleep", CL_CK_SLEEP, ST | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "snprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 3, 0, 0, 0 },
    { "socket", CL_CK_OTHER, NB | SS | SR, -1, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "socketpair", CL_CK_OTHER, SP | SS, -1, -1, 3, -1, 0x8, 0, 0, 0, 0, 0, 0 },
    { "sprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 2, 0, 0, 0 },
    { "sscanf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x3, 2, 0, 0, 0, 0 },
    { "stpcpy", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "strcasecmp", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x3, 0, 0, 0, 0, 0 },
    { "strcat", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x3, 0, 0, 0, 0, 0 },
    { "strchr", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strcmp", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x3, 0, 0, 0, 0, 0 },
    { "strcpy", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "strdup", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strerror", CL_CK_OTHER, MT | GS | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "strlcat", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0x3, 0, 0, 0, 0, 0 },
    { "strlcpy", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "strlen", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strncasecmp", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x3, 0, 0, 0, 0, 0 },
    { "strncat", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x3, 0, 0, 0, 0, 0 },
    { "strncmp", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x3, 0, 0, 0, 0, 0 },
    { "strncpy", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "strndup", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strnlen", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strrchr", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strsignal", CL_CK_OTHER, MT | GS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "strstr", CL_CK_OTHER, SS, -1, -1, -1, -1, 0, 0x3, 0, 0, 0, 0, 0 },
    { "strtod", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strtok", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0x1, 0x3, 0, 0, 0, 0, 0 },
    { "strtok_r", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x5, 0x7, 0, 0, 0, 0, 0 },
    { "strtol", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strtoll", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strtoul", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "strtoull", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0x1, 0, 0, 0, 0, 0 },
    { "sync", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "syncfs", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "syslog", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "system", CL_CK_OTHER, BL | ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "tdelete", CL_CK_OTHER, CN, -1, 2, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "tfind", CL_CK_OTHER, CN, -1, 2, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_create", CL_CK_SPAWN, 0, 0, 1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_current", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_detach", CL_CK_DETACH, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_exit", CL_CK_NORETURN, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_join", CL_CK_JOIN, BL | ST, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_sleep", CL_CK_SLEEP, ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "thrd_yield", CL_CK_OTHER, PU, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "time", CL_CK_OTHER, PU | SS, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "tsearch", CL_CK_OTHER, CN, -1, 2, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "tss_create", CL_CK_OTHER, CB, -1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "ttyname", CL_CK_OTHER, MT | R_, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "twalk", CL_CK_OTHER, CN, -1, 1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "unsetenv", CL_CK_OTHER, MT | G(ENV), -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "usleep", CL_CK_SLEEP, ST, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_async_init", CL_CK_EV_REGISTER, 0, 0, 2, 1, -1, 0, 0, 0, 0, 1, 0, -1 },
    { "uv_async_send", CL_CK_EV_WAKE, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_check_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_check_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_close", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_idle_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_idle_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_listen", CL_CK_EV_REGISTER, 0, -1, 2, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_mutex_lock", CL_CK_LOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_mutex_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_mutex_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_pipe_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_poll_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_poll_start", CL_CK_EV_REGISTER, 0, -1, 2, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_prepare_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_prepare_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_read_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_run", CL_CK_EV_DISPATCH, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_rwlock_rdlock", CL_CK_RDLOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_rwlock_rdunlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_rwlock_wrlock", CL_CK_LOCK, BL, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_rwlock_wrunlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_shutdown", CL_CK_EV_REGISTER, 0, -1, 2, 0, -1, 0, 0, 0, 0, 1, 0, 0 },
    { "uv_signal_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_signal_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_tcp_connect", CL_CK_EV_REGISTER, 0, -1, 3, 0, -1, 0, 0, 0, 0, 1, 0, 0 },
    { "uv_tcp_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_thread_create", CL_CK_SPAWN, 0, 0, 1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_thread_join", CL_CK_JOIN, BL | ST, 0, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_timer_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_timer_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_tty_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_udp_init", CL_CK_EV_ATTACH, 0, 0, -1, 1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_udp_recv_start", CL_CK_EV_REGISTER, 0, -1, 1, 0, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "uv_write", CL_CK_EV_REGISTER, 0, -1, 4, 0, -1, 0, 0, 0, 0, 1, 0, 0 },
    { "verr", CL_CK_NORETURN, EP | XH, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "verrx", CL_CK_NORETURN, EP | XH, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "vfprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "vprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "vsnprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "vsprintf", CL_CK_OTHER, 0, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "vsyslog", CL_CK_OTHER, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "wait", CL_CK_OTHER, BL | ST | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "waitid", CL_CK_OTHER, BL | ST, -1, -1, 3, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "waitpid", CL_CK_OTHER, BL | ST | SS, -1, -1, 2, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "wctomb", CL_CK_OTHER, MT, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
    { "wmemcpy", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0x2, 0, 0, 0, 0, 0 },
    { "wmemset", CL_CK_OTHER, SS, -1, -1, -1, -1, 0x1, 0, 0, 0, 0, 0, 0 },
    { "write", CL_CK_OTHER, BL | SN | SS, -1, -1, -1, -1, 0, 0x2, 0, 0, 0, 0, 0 },
    { "writev", CL_CK_OTHER, BL | SN | SS, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0 },
};

static int cmp_name(const void *key, const void *elem)
{
    return strcmp(key, ((const cl_callspec *)elem)->name);
}

const cl_callspec *cl_callspec_find(const cl_callspecs *specs, const char *name)
{
    if (name == NULL)
        return NULL;
    /* clang names the sized forms of the GNU builtins
     * __sync_lock_test_and_set_4 etc.: look up the generic name. */
    char generic[64];
    size_t n = strlen(name);
    if (strncmp(name, "__sync_", 7) == 0 && n < sizeof generic) {
        const char *u = strrchr(name, '_');
        if (u != NULL && u[1] >= '0' && u[1] <= '9' && strspn(u + 1, "0123456789") == strlen(u + 1)) {
            memcpy(generic, name, (size_t)(u - name));
            generic[u - name] = '\0';
            name = generic;
        }
    }
    if (specs != NULL)
        for (size_t i = 0; i < specs->nextra; i++)
            if (strcmp(specs->extra[i].name, name) == 0)
                return &specs->extra[i];
    const cl_callspec *cs = bsearch(name, builtin, sizeof builtin / sizeof builtin[0], sizeof builtin[0], cmp_name);
    if (cs != NULL && (specs == NULL || !specs->event_loops) &&
        (cs->kind == CL_CK_EV_REGISTER || cs->kind == CL_CK_EV_ATTACH || cs->kind == CL_CK_EV_DISPATCH ||
         cs->kind == CL_CK_EV_WAKE))
        return NULL;
    return cs;
}

/* For the table-order test. */
int cl_callspec_builtin_sorted(void);
int cl_callspec_builtin_sorted(void)
{
    for (size_t i = 1; i < sizeof builtin / sizeof builtin[0]; i++)
        if (strcmp(builtin[i - 1].name, builtin[i].name) >= 0)
            return 0;
    return 1;
}

void cl_callspecs_add(cl_callspecs *specs, const char *name, cl_callkind kind,
                      int obj, int func, int data)
{
    if (specs->nextra == specs->capextra) {
        specs->capextra = specs->capextra ? specs->capextra * 2 : 8;
        specs->extra = cl_xrealloc(specs->extra, specs->capextra * sizeof *specs->extra);
    }
    const cl_callspec *base = NULL;
    switch (kind) {
    case CL_CK_SPAWN: base = cl_callspec_find(NULL, "pthread_create"); break;
    case CL_CK_SLEEP: base = cl_callspec_find(NULL, "sleep"); break;
    default: break;
    }
    cl_callspec s = { cl_xstrdup(name), kind, base ? base->flags : 0,
                      (signed char)obj, (signed char)func, (signed char)data, -1, 0, 0, 0, 0, 0, 0, 0 };
    specs->extra[specs->nextra++] = s;
}

void cl_callspecs_for_glibc(cl_callspecs *specs)
{
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
        if (!(builtin[i].flags & CL_CS_GLIBC_SAFE))
            continue;
        cl_callspecs_add(specs, builtin[i].name, builtin[i].kind, builtin[i].obj, builtin[i].func,
                         builtin[i].data);
        cl_callspec *s = &specs->extra[specs->nextra - 1];
        const char *name = s->name;
        *s = builtin[i];
        s->name = name;
        s->flags &= ~(CL_CS_MT_UNSAFE | CL_CS_HAS_R | CL_CS_STATE_READS | CL_CS_GLIBC_SAFE |
                      CL_CS_STATE(~0u >> CL_CS_STATE_SHIFT));
    }
}

void cl_callspecs_release(cl_callspecs *specs)
{
    for (size_t i = 0; i < specs->nextra; i++)
        free((char *)specs->extra[i].name);
    free(specs->extra);
    memset(specs, 0, sizeof *specs);
}

unsigned cl_callspec_state_group(const cl_callspec *cs)
{
    return cs->flags >> CL_CS_STATE_SHIFT;
}

const char *cl_state_group_name(unsigned group)
{
    static const char *const names[] = {
        NULL, NULL, "the static 'struct tm' and time string", "the environment",
        "the static 'struct passwd' and its iterator", "the static 'struct group' and its iterator",
        "the static 'struct hostent'", "the network database's static entries",
        "rand()'s seed", "the 48-bit generator's state", "the locale's static data",
        "the user accounting database's static entry", "the search table", "the crypt state",
    };
    return group < sizeof names / sizeof names[0] ? names[group] : NULL;
}

const char *cl_callkind_name(cl_callkind kind)
{
    static const char *const names[] = {
        "other", "spawn", "join", "timedjoin", "detach", "cancel", "lock", "rdlock",
        "trylock", "unlock", "cond-wait", "cond-timedwait", "cond-signal", "sem-wait",
        "sem-timedwait", "sem-post", "sleep", "poll", "mq-timedreceive", "once",
        "barrier-wait", "attr-setdetachstate", "noreturn", "sem-init", "sem-trywait",
        "setjmp", "longjmp",
        "barrier-init", "mutex-init", "mutexattr-settype", "event-register", "event-attach",
        "event-dispatch",
    };
    return (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

/* Linux values (asm-generic): SOCK_NONBLOCK and O_NONBLOCK, MSG_DONTWAIT,
 * F_SETFL, FIONBIO; glibc's NI_NUMERICHOST (getnameinfo asks no name
 * server for the host). */
enum { NB_SOCK = 04000, NB_MSG = 0x40, NB_WNOHANG = 1, NB_SETFL = 4, NB_FIONBIO = 0x5421,
       NB_NUMERICHOST = 1 };

int cl_call_nonblocking(const cl_callspec *cs, const cl_event *ev)
{
    if (cs == NULL || cs->data < 0 || (size_t)cs->data >= ev->u.call.nargs)
        return 0;
    const cl_value *v = &ev->u.call.args[cs->data];
    int known = v->kind == CL_VAL_INT;
    if (!(cs->flags & CL_CS_NONBLOCK)) { /* send(.., MSG_DONTWAIT), waitpid(.., WNOHANG) */
        long long flag = strncmp(cs->name, "wait", 4) == 0           ? NB_WNOHANG
                         : strcmp(cs->name, "getnameinfo") == 0 ? NB_NUMERICHOST
                                                                : NB_MSG;
        return known && (v->ival & flag) && (cs->flags & CL_CS_STALLS) ? CL_NB_CALL : 0;
    }
    if (strcmp(cs->name, "fcntl") == 0) { /* fcntl(fd, F_SETFL, flags) */
        const cl_value *fl = ev->u.call.nargs > 2 ? &ev->u.call.args[2] : NULL;
        return known && v->ival == NB_SETFL && fl != NULL &&
                       (fl->kind != CL_VAL_INT || (fl->ival & NB_SOCK)) ? CL_NB_ARG0 : 0;
    }
    if (strcmp(cs->name, "ioctl") == 0)
        return known && v->ival == NB_FIONBIO ? CL_NB_ARG0 : 0;
    return known && (v->ival & NB_SOCK) ? CL_NB_RESULT : 0; /* socket, accept4 */
}

int cl_mutex_type_recursive(long long type, int c11)
{
    return c11 ? (type & 1) != 0 : type == 1;
}

/* cl_wait_is_finite: see callspec.h. */
int cl_wait_is_finite(const cl_callspec *cs, const cl_event *ev)
{
    if (cs == NULL || !(cs->flags & CL_CS_TIMED) || cs->kind == CL_CK_OTHER)
        return 0;
    const cl_call *c = &ev->u.call;
    const cl_value *v = cs->timeout >= 0 && (size_t)cs->timeout < c->nargs ? &c->args[cs->timeout]
                                                                           : NULL;
    return v == NULL || (v->kind != CL_VAL_NULL && (v->kind != CL_VAL_INT || v->ival >= 0));
}

