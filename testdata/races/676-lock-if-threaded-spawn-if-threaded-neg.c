/* Pattern: a tool that runs its jobs on a worker pool only when the
 * `threaded` option is on, and inline in main otherwise; the job
 * function locks only when the option is on.
 * Verdict: race-free. The workers exist only where `cfg_threaded` is
 * set, and there every job takes results_lock; with the option off only
 * main runs jobs.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stdlib.h>

static int cfg_threaded;
static pthread_mutex_t results_lock = PTHREAD_MUTEX_INITIALIZER;
static long results_done;

static void run_job(int n)
{
    if (cfg_threaded)
        pthread_mutex_lock(&results_lock);
    results_done += n;
    if (cfg_threaded)
        pthread_mutex_unlock(&results_lock);
}

static void *pool_worker(void *arg)
{
    for (int i = 0; i < 100; i++)
        run_job(i);
    return arg;
}

int main(void)
{
    cfg_threaded = getenv("JOBS_THREADED") != NULL;
    if (cfg_threaded) {
        pthread_t t[4];
        for (int i = 0; i < 4; i++)
            pthread_create(&t[i], NULL, pool_worker, NULL);
        for (int i = 0; i < 4; i++)
            pthread_join(t[i], NULL);
    } else {
        for (int i = 0; i < 100; i++)
            run_job(i);
    }
    return (int)(results_done & 1);
}
