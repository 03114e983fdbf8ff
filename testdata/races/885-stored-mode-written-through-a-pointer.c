/* Pattern: main stores a mode, then starts a worker that switches the mode
 * through a pointer it was given; main then tests the mode.
 * Verdict: racy: the test can find the worker's value, and main's store
 * to `shared` races with the worker's. A global whose address is taken is
 * no mode.
 */
// class: stored-mode
#include <pthread.h>
enum { M_IDLE, M_RUN };
static _Atomic int mode;
static long shared;

static void *worker(void *arg)
{
    _Atomic int *m = arg;
    *m = M_RUN;
    shared = 1; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t t;
    mode = M_IDLE;
    if (pthread_create(&t, NULL, worker, (void *)&mode) != 0)
        return 1;
    if (mode == M_RUN)
        shared = 2;
    pthread_join(t, NULL);
    return 0;
}
