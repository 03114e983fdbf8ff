/* CL003 positive: a C11 job runner checks a done flag a bounded number of
 * times in a retry written with a label (sleep, test, goto back), then
 * reads the job's result whether or not the flag came up. The rounds only
 * test and sleep (nothing is joined), so the sleep is what is supposed to
 * order the result read, which races with the job's write when the
 * tries run out.
 */
#include <stdatomic.h>
#include <threads.h>
#include <time.h>

static atomic_int job_done;
static long job_result;

static int job(void *arg)
{
    (void)arg;
    job_result = 1234; // expect: CL002 {{races with read in 'run_job'}}
    atomic_store(&job_done, 1);
    return 0;
}

long run_job(void)
{
    thrd_t t;
    struct timespec ms = { 0, 1000 * 1000 };
    int tries = 0;
    if (thrd_create(&t, job, NULL) != thrd_success)
        return -1;
    thrd_detach(t);
again:
    thrd_sleep(&ms, NULL); // expect: CL003
    if (!atomic_load(&job_done) && tries++ < 10)
        goto again;
    return job_result;
}

int main(void)
{
    return run_job() > 0 ? 0 : 1;
}
