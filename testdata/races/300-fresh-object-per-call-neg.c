/* Pattern: a constructor allocates a fresh object, fills it in and starts
 * its worker threads on it (in a loop); it is called twice, and the
 * first object's workers still run while the second call fills in the
 * second object.
 * Verdict: race-free. Each call writes only the object it has just
 * allocated, before any thread can see that object; the workers of the
 * earlier call hold the earlier object (the heap object is named by its
 * allocation site, so the two calls' objects are one object to the model:
 * the writes are told apart as made to an object no thread can reach yet,
 * CL_ACC_FRESH).
 */
// class: fresh-objects
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct pool {
    int limit;
    int taken;
    pthread_mutex_t lock;
    pthread_t *tids;
    unsigned started;
};

static void *drain(void *arg)
{
    struct pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        int mine = p->taken < p->limit ? p->taken++ : -1;
        pthread_mutex_unlock(&p->lock);
        if (mine < 0 || mine == p->limit)
            return NULL;
    }
}

static struct pool *pool_start(int limit, unsigned nthreads)
{
    struct pool *p = calloc(1, sizeof *p);
    if (p == NULL)
        abort();
    p->limit = limit;
    pthread_mutex_init(&p->lock, NULL);
    p->tids = calloc(nthreads + 1, sizeof *p->tids);
    for (unsigned t = 0; t < nthreads; t++)
        if (pthread_create(&p->tids[p->started], NULL, drain, p) == 0)
            p->started++;
    return p;
}

static void pool_finish(struct pool *p)
{
    for (unsigned t = 0; t < p->started; t++)
        pthread_join(p->tids[t], NULL);
    free(p->tids);
    free(p);
}

int main(void)
{
    struct pool *small = pool_start(10, 2);
    struct pool *big = pool_start(1000, 4);
    pool_finish(big);
    pool_finish(small);
    return 0;
}
