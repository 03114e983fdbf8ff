/* CL011 positive, two files: the worker and the stop function. */
// expect-none
#include "pool.h"

void *pool_worker(void *arg)
{
    return arg;
}

void pool_stop(struct pool *p)
{
    for (int i = 0; i < p->n; i++)
        pthread_join(p->tids[i], NULL);
}
