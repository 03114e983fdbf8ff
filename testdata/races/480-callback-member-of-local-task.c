/* Pattern: a job struct on the creator's stack carries its completion
 * callback, set with an initializer; each worker runs the job and calls
 * the callback through the struct it was handed.
 * Verdict: racy. Both workers run job_done(), which adds to jobs_total
 * with no lock.
 */
// class: function-pointers
#include <pthread.h>

struct job {
    int id;
    long result;
    void (*on_done)(struct job *);
};

static long jobs_total;

static void job_done(struct job *j)
{
    jobs_total += j->result; // expect: CL002
}

static void *run_job(void *arg)
{
    struct job *j = arg;
    j->result = j->id * 10L;
    j->on_done(j);
    return NULL;
}

int main(void)
{
    struct job a = { 1, 0, job_done }, b = { .id = 2, .on_done = job_done };
    pthread_t ta, tb;
    pthread_create(&ta, NULL, run_job, &a);
    pthread_create(&tb, NULL, run_job, &b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    return (int)jobs_total;
}
