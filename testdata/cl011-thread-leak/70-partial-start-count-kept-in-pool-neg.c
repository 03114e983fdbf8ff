/* CL011 negative: a pool that grows on demand. When a start fails part
 * way, the failure side records in the pool how many threads it has
 * (`p->nthreads = i`) before it returns the error: the pool keeps the
 * threads that started, and pool_destroy joins exactly that many. Nothing
 * leaks (libzstd's POOL_resize_internal does this). Known false positive:
 * the summary does not record which value an integer store writes, so the
 * rule cannot see that the failure side stores the round counter.
 */
#include <pthread.h>
#include <stdlib.h>

struct pool {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop;
    pthread_t *threads;
    size_t nthreads;
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
        if (pthread_create(&t[i], NULL, pool_main, p) != 0) { // fp-todo: CL011 -- p->nthreads = i keeps the count
            p->nthreads = i;
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
    static struct pool p = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NULL, 0 };
    int rc = pool_grow(&p, 4);
    pool_destroy(&p);
    return rc != 0;
}
