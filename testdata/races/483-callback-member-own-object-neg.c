/* Pattern: a job struct on the creator's stack carries its completion
 * callback; the callback writes only into the job it is given, each
 * worker has its own job, and the creator reads them after the joins.
 * Verdict: race-free.
 */
// class: function-pointers
// expect-none
#include <pthread.h>

struct job {
    int id;
    long result, seen;
    void (*on_done)(struct job *);
};

static void job_done(struct job *j)
{
    j->seen = j->result;
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
    struct job a = { 1, 0, 0, job_done }, b = { .id = 2, .on_done = job_done };
    pthread_t ta, tb;
    pthread_create(&ta, NULL, run_job, &a);
    pthread_create(&tb, NULL, run_job, &b);
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    return (int)(a.seen + b.seen);
}
