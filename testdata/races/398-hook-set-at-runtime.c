/* Pattern: a progress hook installed in a global function pointer at run
 * time and called by the worker.
 * Verdict: racy. The hook the worker calls bumps a counter that main
 * also writes, with no lock.
 */
#include <pthread.h>

static long progress;
static void (*on_progress)(void);

static void bump(void)
{
    progress++; // expect: CL002
}

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++)
        if (on_progress != NULL)
            on_progress();
    return arg;
}

int main(void)
{
    on_progress = bump;
    pthread_t t;
    if (pthread_create(&t, NULL, worker, NULL) != 0)
        return 1;
    progress = -1;
    pthread_join(t, NULL);
    return 0;
}
