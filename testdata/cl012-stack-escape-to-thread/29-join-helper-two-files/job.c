/* CL012 negative, two files: the job thread and the join helper. */
// expect-none
#include "job.h"

void *job_main(void *arg)
{
    struct job *j = arg;
    j->result = j->input * 2;
    return NULL;
}

void job_finish(pthread_t t)
{
    pthread_join(t, NULL);
}
