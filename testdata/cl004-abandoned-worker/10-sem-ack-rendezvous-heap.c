/* CL004 positive: a rendezvous through a heap job. The encoder thread
 * publishes its output and then sem_wait()s on `job->taken` until the
 * caller confirms it copied the buffer (the caller sem_post()s it on the
 * normal path). When the caller's sem_timedwait() expires it returns
 * without join, detach or cancel: nobody ever posts `taken`, and the encoder
 * waits forever, one leaked thread per timeout.
 */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <time.h>

int encode_frame(const unsigned char *raw, unsigned char *out, size_t cap);  /* codec.c */

struct enc_job {
    sem_t ready, taken;
    const unsigned char *raw;
    unsigned char out[1024];
    int len;
};

static void *enc_main(void *arg)
{
    struct enc_job *job = arg;
    job->len = encode_frame(job->raw, job->out, sizeof job->out);
    sem_post(&job->ready);
    sem_wait(&job->taken);               /* hand-off: wait for the caller */
    free(job);
    return NULL;
}

int encode_with_deadline(const unsigned char *raw, unsigned char *dst, int timeout_s)
{
    struct enc_job *job = calloc(1, sizeof *job);
    struct timespec deadline;
    pthread_t tid;
    if (job == NULL)
        return -1;
    sem_init(&job->ready, 0, 0);
    sem_init(&job->taken, 0, 0);
    job->raw = raw;
    if (pthread_create(&tid, NULL, enc_main, job) != 0) {
        free(job);
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    int rc;
    while ((rc = sem_timedwait(&job->ready, &deadline)) == -1 && errno == EINTR)
        ;
    if (rc == -1)
        return -1; // expect: CL004
    int len = job->len;
    for (int i = 0; i < len; i++)
        dst[i] = job->out[i];
    sem_post(&job->taken);
    pthread_join(tid, NULL);
    return len;
}
