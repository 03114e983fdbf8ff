/* CL011 positive, the twin of 70: when a start fails part
 * way, the failure side records only the error code (`p->err = rc`),
 * not how many threads started: nthreads still says the old count, so
 * pool_destroy never joins the threads this call started: they leak.
 */

#include <pthread.h>
#include <stdlib.h>

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;
    pthread_t *threads;
    size_t nthreads;
    int err;
};

static void *pool_main(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(&p->lock);
    while (!p->stop)
        pthread_cond_wait(&p->wake, &p->lock);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

int pool_grow(struct pool *p, size_t n)
{
    if (n <= p->nthreads)
        return 0;
    pthread_t *t = realloc(p->threads, n * sizeof *t);
    if (t == NULL)
        return -1;
    p->threads = t;
    for (size_t i = p->nthreads; i < n; i++) {
        int rc = pthread_create(&t[i], NULL, pool_main, p); // expect: CL011
        if (rc != 0) {
            p->err = rc;
            return -1;
        }
    }
    p->nthreads = n;
    return 0;
}

void pool_destroy(struct pool *p)
{
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_broadcast(&p->wake);
    pthread_mutex_unlock(&p->lock);
    for (size_t i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    free(p->threads);
}

int main(void)
{
    static struct pool p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NULL, 0, 0 };
    int rc = pool_grow(&p, 4);
    pool_destroy(&p);
    return rc != 0;
}
