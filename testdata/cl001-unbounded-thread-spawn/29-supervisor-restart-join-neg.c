/* CL001 negative: a supervisor restarts its worker forever, but it joins
 * each worker before starting the next one: at most one is alive.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static void *worker_main(void *arg)
{
    const char *name = arg;
    fprintf(stderr, "%s: working\n", name);
    return NULL;
}

void supervise(void)
{
    for (;;) {
        pthread_t tid;
        if (pthread_create(&tid, NULL, worker_main, (void *)"worker") != 0)
            return;
        pthread_join(tid, NULL);
        fprintf(stderr, "worker exited, restarting\n");
    }
}
