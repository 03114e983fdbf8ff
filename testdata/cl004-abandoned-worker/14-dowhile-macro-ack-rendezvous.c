/* CL004 positive: error handling through do { } while (0) macros, as in
 * pigz, the Linux tools and many daemons. The compressor thread publishes
 * its block and then waits on `job->cv` until the caller acknowledges that
 * it copied the output (a rendezvous on a heap job). The caller's
 * TRY_WAIT() macro returns straight out of compress_block() when
 * pthread_cond_timedwait() expires: nobody will ever set `job->acked`,
 * and the compressor waits forever, one leaked thread per timeout.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

size_t deflate_block(const void *in, size_t n, void *out, size_t cap);  /* zblk.c */

struct block_job {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    const void *in;
    size_t n, outlen;
    unsigned char out[4096];
    int ready, acked;
};

static void *compress_main(void *arg)
{
    struct block_job *job = arg;
    size_t len = deflate_block(job->in, job->n, job->out, sizeof job->out);
    pthread_mutex_lock(&job->mu);
    job->outlen = len;
    job->ready = 1;
    pthread_cond_broadcast(&job->cv);
    while (!job->acked)
        pthread_cond_wait(&job->cv, &job->mu);      /* hand-off: wait for the caller */
    pthread_mutex_unlock(&job->mu);
    free(job);
    return NULL;
}

#define TRY_WAIT(rc, job)                                  \
    do {                                                   \
        if ((rc) == ETIMEDOUT) {                           \
            pthread_mutex_unlock(&(job)->mu);              \
            return -1;                                     \
        }                                                  \
    } while (0)

int compress_block(const void *in, size_t n, void *dst, size_t cap, int secs)
{
    struct block_job *job = calloc(1, sizeof *job);
    struct timespec deadline;
    pthread_t tid;
    size_t len;
    if (job == NULL)
        return -1;
    pthread_mutex_init(&job->mu, NULL);
    pthread_cond_init(&job->cv, NULL);
    job->in = in;
    job->n = n;
    if (pthread_create(&tid, NULL, compress_main, job) != 0) {
        free(job);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += secs;
    pthread_mutex_lock(&job->mu);
    while (!job->ready) {
        int rc = pthread_cond_timedwait(&job->cv, &job->mu, &deadline);
        TRY_WAIT(rc, job); // expect: CL004
    }
    len = job->outlen < cap ? job->outlen : cap;
    memcpy(dst, job->out, len);
    job->acked = 1;
    pthread_cond_broadcast(&job->cv);
    pthread_mutex_unlock(&job->mu);
    pthread_detach(tid);
    return (int)len;
}
