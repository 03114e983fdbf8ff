/* CL002 multi-file case 58 (two programs, a positive and its race-free
 * twin, sharing this thread library): the spawn wrappers, three deep.
 * thr_spawn_named() -> thr_spawn_sized() -> thr_spawn_raw() ->
 * pthread_create, each passing the start routine on as a parameter. No
 * function of this file names a start routine: the threads exist only for
 * an analysis that resolves the wrappers across files.
 */
// expect-none
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include "thr.h"

static int thr_spawn_raw(pthread_t *tid, const pthread_attr_t *attr, thr_fn fn, void *arg)
{
    int rc = pthread_create(tid, attr, fn, arg);
    if (rc != 0)
        fprintf(stderr, "thr: pthread_create: error %d\n", rc);
    return rc;
}

static int thr_spawn_sized(pthread_t *tid, size_t stack, thr_fn fn, void *arg)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    if (stack > 0)
        pthread_attr_setstacksize(&attr, stack);
    int rc = thr_spawn_raw(tid, &attr, fn, arg);
    pthread_attr_destroy(&attr);
    return rc;
}

int thr_spawn_named(pthread_t *tid, const char *name, thr_fn fn, void *arg)
{
    int rc = thr_spawn_sized(tid, 256 * 1024, fn, arg);
    if (rc == 0)
        pthread_setname_np(*tid, name);
    return rc;
}
