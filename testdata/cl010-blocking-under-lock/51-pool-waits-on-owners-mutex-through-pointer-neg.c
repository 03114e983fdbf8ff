/* Pattern: a generic worker pool serves a queue; the queue hands the pool
 * a pointer to its own mutex (pool->user_mut = &q->mut) and the pool's
 * workers lock through that pointer before calling the queue's callback,
 * which waits on the queue's condition variable with q->mut.
 * Verdict: no finding. The mutex the worker holds as *pool->user_mut is
 * q->mut, the one the wait releases.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct pool {
    pthread_mutex_t *user_mut;
    int (*process)(void *user);
    void *user;
    int stop;
};

struct queue {
    pthread_mutex_t mut;
    pthread_cond_t not_empty;
    int len;
    struct pool *pool;
};

static int queue_process(void *user)
{
    struct queue *q = user;
    while (q->len == 0)
        pthread_cond_wait(&q->not_empty, &q->mut);
    q->len--;
    return 0;
}

static void *pool_worker(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(p->user_mut);
    while (!p->stop)
        p->process(p->user);
    pthread_mutex_unlock(p->user_mut);
    return NULL;
}

static void pool_set_user(struct pool *p, pthread_mutex_t *m, int (*fn)(void *), void *user)
{
    p->user_mut = m;
    p->process = fn;
    p->user = user;
}

int main(void)
{
    static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, NULL };
    q.pool = calloc(1, sizeof *q.pool);
    if (q.pool == NULL)
        return 1;
    pool_set_user(q.pool, &q.mut, queue_process, &q);
    pthread_t t;
    pthread_create(&t, NULL, pool_worker, q.pool);
    pthread_mutex_lock(&q.mut);
    q.len++;
    pthread_cond_signal(&q.not_empty);
    q.pool->stop = 1;
    pthread_mutex_unlock(&q.mut);
    pthread_join(t, NULL);
    return 0;
}
