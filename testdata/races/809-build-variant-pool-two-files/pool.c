/* A job pool: with -DPACK_MT each job runs on a worker thread of its own
 * (detached); without it, the job runs in the caller. */
// expect-none
#include <pthread.h>
#include <stdlib.h>

#include "pool.h"

#ifdef PACK_MT
struct job {
    job_fn fn;
    void *arg;
};

static void *worker(void *p)
{
    struct job *j = p;
    j->fn(j->arg);
    free(j);
    return NULL;
}

int pool_run(job_fn fn, void *arg)
{
    struct job *j = malloc(sizeof *j);
    if (j == NULL)
        return -1;
    j->fn = fn;
    j->arg = arg;
    pthread_t t;
    if (pthread_create(&t, NULL, worker, j) != 0) {
        free(j);
        return -1;
    }
    return pthread_detach(t);
}
#else
int pool_run(job_fn fn, void *arg)
{
    fn(arg);
    return 0;
}
#endif
