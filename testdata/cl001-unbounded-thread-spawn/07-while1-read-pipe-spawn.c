/* CL001 positive: a job runner reads fixed-size job records from a control
 * pipe in a `while (1)` loop and starts one thread per record. A producer
 * that writes quickly gets as many threads as records.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct job_rec {
    unsigned id;
    char cmd[124];
};

static void *run_job(void *arg)
{
    struct job_rec *job = arg;
    int rc = system(job->cmd);
    fprintf(stderr, "job %u exited %d\n", job->id, rc);
    free(job);
    return NULL;
}

void job_runner(int ctl_fd)
{
    while (1) {
        struct job_rec rec;
        ssize_t n = read(ctl_fd, &rec, sizeof rec);
        if (n == 0)
            break;
        if (n != (ssize_t)sizeof rec)
            continue;
        struct job_rec *job = malloc(sizeof *job);
        if (job == NULL)
            continue;
        memcpy(job, &rec, sizeof rec);
        job->cmd[sizeof job->cmd - 1] = '\0';
        pthread_t tid;
        if (pthread_create(&tid, NULL, run_job, job) != 0) { // expect: CL001
            free(job);
            continue;
        }
        pthread_detach(tid);
    }
}
