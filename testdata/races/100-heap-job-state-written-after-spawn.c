/* Pattern: a dispatcher allocates a job, starts a worker on it and then
 * updates the job's state field while the worker polls it.
 * Verdict: racy. `j` comes from malloc and is the start argument; main
 * writes j->state after pthread_create with no lock while the worker reads
 * it as arg->state (same heap object, two names). The worker's read is
 * reported (spawned side on a tie), main's write is the related location.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// class: heap-contexts

enum { JOB_QUEUED, JOB_RUNNING, JOB_CANCELLED };

struct job {
    int state;
    int fd;
    char name[32];
};

static void *job_worker(void *arg)
{
    struct job *self = arg;
    for (int step = 0; step < 100; step++) {
        if (self->state == JOB_CANCELLED) // expect: CL002 {{races with write in 'main'}}
            break;
        if (write(self->fd, ".", 1) < 0)
            break;
    }
    return NULL;
}

int main(void)
{
    pthread_t tid;
    struct job *j = malloc(sizeof *j);
    if (j == NULL)
        return 1;
    j->state = JOB_QUEUED;
    j->fd = 1;
    snprintf(j->name, sizeof j->name, "flush");
    if (pthread_create(&tid, NULL, job_worker, j) != 0)
        return 1;
    j->state = JOB_CANCELLED; // expect-related: CL002 {{conflicting write of 'j->state'}}
    pthread_join(tid, NULL);
    free(j);
    return 0;
}
