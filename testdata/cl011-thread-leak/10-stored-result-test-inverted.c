/* CL011 positive: the collecting loop tests the stored start result the
 * wrong way round: it "joins" only the slots whose start failed, and the
 * threads that did start are never joined. */
#include <pthread.h>

struct job {
    pthread_t tid;
    int rc;
    int input, output;
};

static void *job_main(void *p)
{
    struct job *j = p;
    j->output = j->input * 2;
    return NULL;
}

int run_jobs(int n);
int run_jobs(int n)
{
    struct job jobs[4];
    if (n > 4)
        return -1;
    for (int i = 0; i < n; i++) {
        jobs[i].input = i;
        jobs[i].rc = pthread_create(&jobs[i].tid, NULL, job_main, &jobs[i]); // expect: CL011 CL012
    }
    int failed = 0;
    for (int i = 0; i < n; i++) {
        if (jobs[i].rc != 0)
            pthread_join(jobs[i].tid, NULL);
        else
            failed++;
    }
    return failed;
}
