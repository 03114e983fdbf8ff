/* Pattern: a batch runner waits for a job with a deadline. On success it
 * reads the job's result; on timeout it logs how far the job got, reading
 * the progress counter the worker bumps without a lock as it goes.
 * Verdict: racy. On the timeout path the caller has not seen `done` set:
 * the worker may still be running and writing `progress` while the caller
 * reads it. (The success path is fine: the result is read after `done`
 * was seen set under the mutex.)
 */
// class: condvar-handshake
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct job {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int done;
    long result;
    int progress;
    int nitems;
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    long sum = 0;
    for (int i = 0; i < j->nitems; i++) {
        sum += i * 3;
        j->progress = i; // expect: CL002
    }
    j->result = sum;
    pthread_mutex_lock(&j->mu);
    j->done = 1;
    pthread_cond_signal(&j->cv);
    pthread_mutex_unlock(&j->mu);
    return NULL;
}

static int run_with_deadline(struct job *j, int secs, long *out)
{
    pthread_t t;
    struct timespec ts;
    int rc = 0;
    if (pthread_create(&t, NULL, run_job, j) != 0)
        return -1;
    pthread_detach(t);
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += secs;
    pthread_mutex_lock(&j->mu);
    while (!j->done && rc == 0)
        rc = pthread_cond_timedwait(&j->cv, &j->mu, &ts);
    if (!j->done) {
        pthread_mutex_unlock(&j->mu);
        fprintf(stderr, "job stuck at item %d\n", j->progress);
        return -ETIMEDOUT;
    }
    pthread_mutex_unlock(&j->mu);
    *out = j->result;
    return 0;
}

int main(void)
{
    struct job *j = calloc(1, sizeof *j);
    long r = 0;
    if (j == NULL)
        return 1;
    pthread_mutex_init(&j->mu, NULL);
    pthread_cond_init(&j->cv, NULL);
    j->nitems = 1000000;
    int rc = run_with_deadline(j, 1, &r);
    printf("%d %ld\n", rc, r);
    return 0;
}
