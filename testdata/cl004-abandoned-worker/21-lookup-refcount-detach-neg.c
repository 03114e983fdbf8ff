/* CL004 negative: a directory lookup with a deadline where the caller may
 * give up. The request is on the heap with refs = 2; the worker stores its
 * answer under the request lock, signals, and drops its reference; it never
 * waits for the caller. On every path, timeout included, the caller detaches
 * the thread and drops its own reference; the last one out frees.
 * From shared case 52 (false-positive trap).
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

long slow_directory_query(const char *key);      /* ldap.c: may block minutes */

struct lookup {
    pthread_mutex_t m;
    pthread_cond_t cv;
    atomic_int refs;
    int done;                                    /* guarded by m */
    long answer;                                 /* guarded by m */
    char key[64];                                /* set before the spawn */
};

static void lookup_put(struct lookup *lk)
{
    if (atomic_fetch_sub(&lk->refs, 1) == 1) {   /* last one out frees */
        pthread_cond_destroy(&lk->cv);
        pthread_mutex_destroy(&lk->m);
        free(lk);
    }
}

static void *lookup_main(void *arg)
{
    struct lookup *lk = arg;
    long v = slow_directory_query(lk->key);
    pthread_mutex_lock(&lk->m);
    lk->answer = v;
    lk->done = 1;
    pthread_cond_signal(&lk->cv);                /* never blocks */
    pthread_mutex_unlock(&lk->m);
    lookup_put(lk);
    return NULL;
}

int lookup_with_deadline(const char *key, int timeout_s, long *out)
{
    struct lookup *lk = calloc(1, sizeof *lk);
    struct timespec deadline;
    pthread_t tid;
    int rc = 0;
    if (lk == NULL)
        return -1;
    pthread_mutex_init(&lk->m, NULL);
    pthread_cond_init(&lk->cv, NULL);
    atomic_init(&lk->refs, 2);
    snprintf(lk->key, sizeof lk->key, "%s", key);
    if (pthread_create(&tid, NULL, lookup_main, lk) != 0) {
        atomic_store(&lk->refs, 1);
        lookup_put(lk);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    pthread_mutex_lock(&lk->m);
    while (!lk->done && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&lk->cv, &lk->m, &deadline);
    int done = lk->done;
    if (done)
        *out = lk->answer;
    pthread_mutex_unlock(&lk->m);
    pthread_detach(tid);                         /* the worker cleans up after itself */
    lookup_put(lk);
    return done ? 0 : -1;
}
