/* CL004 negative: sem_timedwait() on a heap job with a reference count. The
 * worker stores its result under the job lock, sem_post()s (never blocks)
 * and drops its reference; the caller detaches on every path and drops its
 * own reference. The last one out frees the job.
 */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

int scan_file_for_virus(const char *path);    /* av.c: may take long */

struct scan {
    sem_t done;
    pthread_mutex_t m;
    atomic_int refs;
    const char *path;                         /* caller-owned, outlives both */
    int verdict;                              /* guarded by m */
};

static void scan_put(struct scan *s)
{
    if (atomic_fetch_sub(&s->refs, 1) == 1) {
        sem_destroy(&s->done);
        pthread_mutex_destroy(&s->m);
        free(s);
    }
}

static void *scan_main(void *arg)
{
    struct scan *s = arg;
    int v = scan_file_for_virus(s->path);
    pthread_mutex_lock(&s->m);
    s->verdict = v;
    pthread_mutex_unlock(&s->m);
    sem_post(&s->done);
    scan_put(s);
    return NULL;
}

int scan_with_deadline(const char *path, int timeout_s)
{
    struct scan *s = calloc(1, sizeof *s);
    struct timespec deadline;
    pthread_t tid;
    if (s == NULL)
        return -1;
    sem_init(&s->done, 0, 0);
    pthread_mutex_init(&s->m, NULL);
    atomic_init(&s->refs, 2);
    s->path = path;
    if (pthread_create(&tid, NULL, scan_main, s) != 0) {
        atomic_store(&s->refs, 1);
        scan_put(s);
        return -1;
    }
    pthread_detach(tid);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    int rc;
    while ((rc = sem_timedwait(&s->done, &deadline)) != 0 && errno == EINTR)
        ;
    int verdict = -1;
    if (rc == 0) {
        pthread_mutex_lock(&s->m);
        verdict = s->verdict;
        pthread_mutex_unlock(&s->m);
    }
    scan_put(s);
    return verdict;
}
