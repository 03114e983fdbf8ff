/* CL004 negative: the timed wait only drives a progress message. On
 * ETIMEDOUT the caller logs "still waiting" and waits again; the only way
 * out of the loop is the worker finishing, and the caller joins it before
 * returning.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

int rebuild_index(const char *dir);      /* index.c */

struct rebuild {
    pthread_mutex_t m;
    pthread_cond_t cv;
    const char *dir;
    int done, rc;                        /* guarded by m */
};

static void *rebuild_main(void *arg)
{
    struct rebuild *r = arg;
    int rc = rebuild_index(r->dir);
    pthread_mutex_lock(&r->m);
    r->rc = rc;
    r->done = 1;
    pthread_cond_signal(&r->cv);
    pthread_mutex_unlock(&r->m);
    return NULL;
}

int rebuild_with_progress(const char *dir)
{
    struct rebuild r = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, dir, 0, 0 };
    pthread_t tid;
    if (pthread_create(&tid, NULL, rebuild_main, &r) != 0)
        return -1;
    pthread_mutex_lock(&r.m);
    for (unsigned waited = 0; !r.done;) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        deadline.tv_sec += 5;
        if (pthread_cond_timedwait(&r.cv, &r.m, &deadline) == ETIMEDOUT)
            fprintf(stderr, "rebuilding %s: still working after %us\n", dir, waited += 5);
    }
    int rc = r.rc;
    pthread_mutex_unlock(&r.m);
    pthread_join(tid, NULL);
    return rc;
}
