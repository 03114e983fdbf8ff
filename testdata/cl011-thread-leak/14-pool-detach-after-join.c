/* CL011 positive: a worker pool's stop joins every worker, and the
 * release step that follows detaches them all again "to be safe". */
#include <pthread.h>

#define NWORKERS 4

struct pool {
    pthread_t tids[NWORKERS];
    int jobs;
};

static void *worker_main(void *arg)
{
    struct pool *p = arg;
    (void)p;
    return NULL;
}

int pool_run(struct pool *p);
int pool_run(struct pool *p)
{
    int n = 0;
    while (n < NWORKERS && pthread_create(&p->tids[n], NULL, worker_main, p) == 0)
        n++;
    for (int i = 0; i < n; i++)
        pthread_join(p->tids[i], NULL);
    for (int i = 0; i < n; i++)
        pthread_detach(p->tids[i]); // expect: CL011 {{detached after it was joined}}
    return 0;
}
