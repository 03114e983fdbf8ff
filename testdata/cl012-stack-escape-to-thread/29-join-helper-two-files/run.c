/* CL012 negative, two files: the job lives on the caller's stack, and the
 * caller joins it through a helper in job.c before it returns. */
// expect-none
#include "job.h"

int run_job(int input);
int run_job(int input)
{
    struct job j = { input, 0 };
    pthread_t t;
    if (pthread_create(&t, NULL, job_main, &j) != 0)
        return -1;
    job_finish(t);
    return j.result;
}
