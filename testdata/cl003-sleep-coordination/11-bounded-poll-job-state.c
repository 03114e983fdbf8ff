/* CL003 positive: a bounded poll. The client gives the export job five
 * seconds, checking its state under the job lock every 100 ms and breaking
 * out once it is DONE. A timeout does not make the poll a wait: the job
 * should signal a condition variable (pthread_cond_timedwait keeps the
 * deadline).
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

enum job_state { JOB_QUEUED, JOB_RUNNING, JOB_DONE };

struct export_job {
    pthread_mutex_t lock;
    enum job_state state;                /* guarded by lock */
    FILE *out;                           /* set before the spawn */
};

int export_rows(FILE *out);              /* export.c */

static void *export_main(void *arg)
{
    struct export_job *job = arg;
    pthread_mutex_lock(&job->lock);
    job->state = JOB_RUNNING;
    pthread_mutex_unlock(&job->lock);
    export_rows(job->out);
    pthread_mutex_lock(&job->lock);
    job->state = JOB_DONE;
    pthread_mutex_unlock(&job->lock);
    return NULL;
}

int run_export(struct export_job *job)
{
    pthread_t tid;
    if (pthread_create(&tid, NULL, export_main, job) != 0)
        return -1;
    pthread_detach(tid);
    for (int i = 0; i < 50; i++) {
        pthread_mutex_lock(&job->lock);
        enum job_state st = job->state;
        pthread_mutex_unlock(&job->lock);
        if (st == JOB_DONE)
            return 0;
        usleep(100 * 1000); // expect: CL003
    }
    return -1;
}

int main(void)
{
    static struct export_job job = { .lock = PTHREAD_MUTEX_INITIALIZER };
    job.out = stdout;
    return run_export(&job) == 0 ? 0 : 1;
}
