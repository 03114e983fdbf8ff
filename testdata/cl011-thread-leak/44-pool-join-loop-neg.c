/* CL011 negative: a worker pool started and joined by two loops over the
 * same range; each round of the join loop joins another element, and a
 * third loop only reads the results. */
// expect-none
#include <pthread.h>

#define NW 8

struct pool { pthread_t tids[NW]; long done[NW]; };

static void *work_main(void *arg)
{
    (void)arg;
    return NULL;
}

long pool_run(struct pool *p);
long pool_run(struct pool *p)
{
    int started = 0;
    for (int i = 0; i < NW; i++) {
        if (pthread_create(&p->tids[i], NULL, work_main, p) != 0)
            break;
        started++;
    }
    for (int i = 0; i < started; i++)
        pthread_join(p->tids[i], NULL);
    long sum = 0;
    for (int i = 0; i < started; i++)
        sum += p->done[i];
    return sum;
}
