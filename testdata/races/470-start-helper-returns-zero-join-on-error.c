/* Pattern: a start helper creates the worker and always returns 0; main
 * joins it only `if (start() != 0)` (an error path) and reads the worker's
 * result while it runs.
 * Verdict: racy. The helper never returns non-zero: the join never runs.
 */
#include <pthread.h>

static pthread_t worker_tid;
static long result;

static void *worker(void *arg)
{
    result = 42; // expect: CL002
    return arg;
}

static int start(void)
{
    pthread_create(&worker_tid, NULL, worker, NULL);
    return 0;
}

int main(void)
{
    if (start() != 0)
        pthread_join(worker_tid, NULL);
    return (int)result;
}
