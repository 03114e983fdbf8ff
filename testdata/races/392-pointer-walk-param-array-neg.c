/* Pattern: a library starts one thread per element of a caller's array,
 * walking it with a pointer; each thread fills in its own element and the
 * library joins them all before the caller reads the results.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct job {
    pthread_t tid;
    int input;
    int output;
};

static void *job_main(void *arg)
{
    struct job *j = arg;
    j->output = j->input * j->input;
    return NULL;
}

int run_jobs(struct job *jobs, size_t n);
int run_jobs(struct job *jobs, size_t n)
{
    struct job *j, *end = jobs;
    for (j = jobs; j < jobs + n; j++) {
        if (pthread_create(&j->tid, NULL, job_main, j) != 0)
            break;
        end = j + 1;
    }
    for (j = jobs; j < end; j++)
        pthread_join(j->tid, NULL);
    if (end != jobs + n)
        return -1;
    int sum = 0;
    for (j = jobs; j < jobs + n; j++)
        sum += j->output;
    return sum;
}
