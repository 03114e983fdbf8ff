/* callspec.c - the built-in table of library functions (see callspec.h).
 * Sources: POSIX.1-2017 (XSH) for pthreads, semaphores, mq and poll/select;
 * C11 7.26 for <threads.h>; Linux man-pages for the _np and epoll calls. */
#include "callspec.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define EV CL_CS_EVENT_SOURCE
#define BL CL_CS_BLOCKING
#define TM CL_CS_TIMED

/* Sorted by name (strcmp order) for bsearch; a test checks the order. */
static const cl_callspec builtin[] = {
    { "__assert_fail", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "_Exit", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "_exit", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "abort", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "accept", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "accept4", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "call_once", CL_CK_ONCE, 0, 0, 1, -1, -1 },
    { "clock_nanosleep", CL_CK_SLEEP, 0, -1, -1, -1, -1 },
    { "cnd_broadcast", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1 },
    { "cnd_signal", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1 },
    { "cnd_timedwait", CL_CK_COND_TIMEDWAIT, TM, 0, -1, 1, 2 },
    { "cnd_wait", CL_CK_COND_WAIT, BL, 0, -1, 1, -1 },
    { "connect", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "epoll_pwait", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 3 },
    { "epoll_wait", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 3 },
    { "err", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "errx", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "exit", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "fgets", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "getaddrinfo", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "gethostbyname", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "getline", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "kevent", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 5 },
    { "longjmp", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "mq_receive", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "mq_send", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "mq_timedreceive", CL_CK_MQ_TIMEDRECEIVE, TM, -1, -1, -1, 4 },
    { "msgrcv", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "msgsnd", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "mtx_lock", CL_CK_LOCK, BL, 0, -1, -1, -1 },
    { "mtx_timedlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1 },
    { "mtx_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1 },
    { "mtx_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1 },
    { "nanosleep", CL_CK_SLEEP, 0, -1, -1, -1, -1 },
    { "poll", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 2 },
    { "ppoll", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 2 },
    { "pselect", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 4 },
    { "pthread_barrier_wait", CL_CK_BARRIER_WAIT, BL, 0, -1, -1, -1 },
    { "pthread_cancel", CL_CK_CANCEL, 0, 0, -1, -1, -1 },
    { "pthread_cond_broadcast", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1 },
    { "pthread_cond_clockwait", CL_CK_COND_TIMEDWAIT, TM, 0, -1, 1, 3 },
    { "pthread_cond_signal", CL_CK_COND_SIGNAL, 0, 0, -1, -1, -1 },
    { "pthread_cond_timedwait", CL_CK_COND_TIMEDWAIT, TM, 0, -1, 1, 2 },
    { "pthread_cond_wait", CL_CK_COND_WAIT, BL, 0, -1, 1, -1 },
    { "pthread_create", CL_CK_SPAWN, 0, 0, 2, 3, -1 },
    { "pthread_detach", CL_CK_DETACH, 0, 0, -1, -1, -1 },
    { "pthread_exit", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "pthread_join", CL_CK_JOIN, BL, 0, -1, -1, -1 },
    { "pthread_mutex_clocklock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1 },
    { "pthread_mutex_lock", CL_CK_LOCK, BL, 0, -1, -1, -1 },
    { "pthread_mutex_timedlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1 },
    { "pthread_mutex_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1 },
    { "pthread_mutex_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1 },
    { "pthread_once", CL_CK_ONCE, 0, 0, 1, -1, -1 },
    { "pthread_rwlock_rdlock", CL_CK_RDLOCK, BL, 0, -1, -1, -1 },
    { "pthread_rwlock_timedrdlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1 },
    { "pthread_rwlock_timedwrlock", CL_CK_TRYLOCK, TM, 0, -1, -1, -1 },
    { "pthread_rwlock_tryrdlock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1 },
    { "pthread_rwlock_trywrlock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1 },
    { "pthread_rwlock_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1 },
    { "pthread_rwlock_wrlock", CL_CK_LOCK, BL, 0, -1, -1, -1 },
    { "pthread_spin_lock", CL_CK_LOCK, 0, 0, -1, -1, -1 },
    { "pthread_spin_trylock", CL_CK_TRYLOCK, 0, 0, -1, -1, -1 },
    { "pthread_spin_unlock", CL_CK_UNLOCK, 0, 0, -1, -1, -1 },
    { "pthread_timedjoin_np", CL_CK_TIMEDJOIN, TM, 0, -1, -1, 2 },
    { "pthread_tryjoin_np", CL_CK_TIMEDJOIN, 0, 0, -1, -1, -1 },
    { "quick_exit", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "read", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "recv", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "recvfrom", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "recvmsg", CL_CK_OTHER, EV | BL, -1, -1, -1, -1 },
    { "select", CL_CK_POLL, EV | BL | TM, -1, -1, -1, 4 },
    { "sem_clockwait", CL_CK_SEM_TIMEDWAIT, TM, 0, -1, -1, 2 },
    { "sem_post", CL_CK_SEM_POST, 0, 0, -1, -1, -1 },
    { "sem_timedwait", CL_CK_SEM_TIMEDWAIT, TM, 0, -1, -1, 1 },
    { "sem_trywait", CL_CK_OTHER, 0, 0, -1, -1, -1 },
    { "sem_wait", CL_CK_SEM_WAIT, BL, 0, -1, -1, -1 },
    { "send", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "sendmsg", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "sendto", CL_CK_OTHER, BL, -1, -1, -1, -1 },
    { "siglongjmp", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "sleep", CL_CK_SLEEP, 0, -1, -1, -1, -1 },
    { "thrd_create", CL_CK_SPAWN, 0, 0, 1, 2, -1 },
    { "thrd_detach", CL_CK_DETACH, 0, 0, -1, -1, -1 },
    { "thrd_exit", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "thrd_join", CL_CK_JOIN, BL, 0, -1, -1, -1 },
    { "thrd_sleep", CL_CK_SLEEP, 0, -1, -1, -1, -1 },
    { "usleep", CL_CK_SLEEP, 0, -1, -1, -1, -1 },
    { "verr", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "verrx", CL_CK_NORETURN, 0, -1, -1, -1, -1 },
    { "write", CL_CK_OTHER, BL, -1, -1, -1, -1 },
};

static int cmp_name(const void *key, const void *elem)
{
    return strcmp(key, ((const cl_callspec *)elem)->name);
}

const cl_callspec *cl_callspec_find(const cl_callspecs *specs, const char *name)
{
    if (name == NULL)
        return NULL;
    if (specs != NULL)
        for (size_t i = 0; i < specs->nextra; i++)
            if (strcmp(specs->extra[i].name, name) == 0)
                return &specs->extra[i];
    return bsearch(name, builtin, sizeof builtin / sizeof builtin[0], sizeof builtin[0], cmp_name);
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
                      (signed char)obj, (signed char)func, (signed char)data, -1 };
    specs->extra[specs->nextra++] = s;
}

void cl_callspecs_release(cl_callspecs *specs)
{
    for (size_t i = 0; i < specs->nextra; i++)
        free((char *)specs->extra[i].name);
    free(specs->extra);
    memset(specs, 0, sizeof *specs);
}

const char *cl_callkind_name(cl_callkind kind)
{
    static const char *const names[] = {
        "other", "spawn", "join", "timedjoin", "detach", "cancel", "lock", "rdlock",
        "trylock", "unlock", "cond-wait", "cond-timedwait", "cond-signal", "sem-wait",
        "sem-timedwait", "sem-post", "sleep", "poll", "mq-timedreceive", "once",
        "barrier-wait", "attr-setdetachstate", "noreturn",
    };
    return (size_t)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}
