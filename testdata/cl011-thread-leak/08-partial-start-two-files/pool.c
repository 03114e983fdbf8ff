/* CL011 positive, two files: a partial start; pool_stop (worker.c) joins
 * on the normal path only. */
#include "pool.h"

int pool_start(struct pool *p, int n)
{
    p->n = 0;
    for (int i = 0; i < n && i < 8; i++) {
        if (pthread_create(&p->tids[i], NULL, pool_worker, p) != 0) // expect: CL011
            return -1;
        p->n = i + 1;
    }
    return 0;
}
