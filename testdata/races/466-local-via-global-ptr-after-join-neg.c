/* Pattern: main publishes a local in a global pointer, the worker writes
 * through it, and main reads the local only after joining.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>

static int *gp;

static void *worker(void *arg)
{
    *gp = 1;
    return arg;
}

int main(void)
{
    int cell = 0;
    gp = &cell;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, NULL);
    return cell;
}
