/* CL013 positive: each worker gets its own struct through the thread
 * argument; the struct's `volatile int running` member is the loop
 * condition of the worker, and the controller clears it to stop the
 * worker. A flag in a struct reached through the start argument: the
 * finding is at the member's declaration, once for every worker object.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct worker {
    pthread_t tid;
    int id;
    volatile int running; // expect: CL013 {{volatile 'w->running' is the only synchronization between threads}}
    unsigned long jobs_done;
};

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    while (w->running) { // expect-related: CL013 {{read of 'w->running' in 'worker_main'}}
        w->jobs_done++;
        usleep(1000);
    }
    return NULL;
}

static void worker_stop(struct worker *w)
{
    w->running = 0; // expect-related: CL013 {{store to 'w->running' in 'worker_stop'}}
    pthread_join(w->tid, NULL);
}

int main(void)
{
    struct worker *w = calloc(1, sizeof *w);
    if (w == NULL)
        return 1;
    w->id = 1;
    w->running = 1;
    if (pthread_create(&w->tid, NULL, worker_main, w) != 0)
        return 1;
    sleep(1);
    worker_stop(w);
    free(w);
    return 0;
}
