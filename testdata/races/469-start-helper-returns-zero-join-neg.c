/* Pattern: a start helper creates the worker and always returns 0; main
 * joins it only `if (start() == 0)` and reads the worker's result after
 * that test.
 * Verdict: race-free. The helper's only return value selects the
 * alternative that joins: the path without the join cannot run.
 */
// expect-none
#include <pthread.h>

static pthread_t worker_tid;
static long result;

static void *worker(void *arg)
{
    result = 42;
    return arg;
}

static int start(void)
{
    pthread_create(&worker_tid, NULL, worker, NULL);
    return 0;
}

int main(void)
{
    if (start() == 0)
        pthread_join(worker_tid, NULL);
    return (int)result;
}
