/* CL001 positive: the twin of 71 where the setter is given the wrong job.
 * The loop skips a job that is not NOT_CREATED, but then marks the table's
 * first job as CREATED, not the job it starts: the job tested stays
 * NOT_CREATED, so every round of the control loop starts it again and the
 * threads pile up, one per byte read.
 */
#include <pthread.h>
#include <unistd.h>

enum { NOT_CREATED, CREATED, RUNNING, EXITED };

struct job {
    int state;
    pthread_t tid;
};

static struct job jobs[64];
static struct job spare;

static void set_state(struct job *j, int state)
{
    j->state = state;
}

static void *run_job(void *arg)
{
    (void)arg;
    return NULL;
}

int main(void)
{
    char c;
    while (read(0, &c, 1) > 0) {
        struct job *j = &jobs[c & 63];
        if (j->state != NOT_CREATED)
            continue;
        set_state(&spare, CREATED);
        if (pthread_create(&j->tid, NULL, run_job, j) == 0) // expect: CL001
            pthread_detach(j->tid);
    }
    return 0;
}
