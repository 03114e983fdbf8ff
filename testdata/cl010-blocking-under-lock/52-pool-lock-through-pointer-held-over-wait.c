/* Pattern: as in 42, a pool's workers lock through a mutex pointer before
 * calling the queue's callback, but here the pool was given its own
 * stats mutex (pool->user_mut = &stats_mut), and the callback takes the
 * queue's mutex itself and waits on its condition variable.
 * Verdict: CL010. The wait releases q->mut only; stats_mut stays held
 * while the worker sleeps, and everything that counts stats waits too.
 */
#include <pthread.h>
#include <stdlib.h>

struct pool {
    pthread_mutex_t *user_mut;
    int (*process)(void *user);
    void *user;
};

struct queue {
    pthread_mutex_t mut;
    pthread_cond_t not_empty;
    int len;
};

static pthread_mutex_t stats_mut = PTHREAD_MUTEX_INITIALIZER;

static int queue_process(void *user)
{
    struct queue *q = user;
    pthread_mutex_lock(&q->mut);
    while (q->len == 0)
        pthread_cond_wait(&q->not_empty, &q->mut);
    q->len--;
    pthread_mutex_unlock(&q->mut);
    return 0;
}

static void *pool_worker(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(p->user_mut);
    p->process(p->user); // expect: CL010
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
    static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0 };
    struct pool *pool = calloc(1, sizeof *pool);
    if (pool == NULL)
        return 1;
    pool_set_user(pool, &stats_mut, queue_process, &q);
    pthread_t t;
    pthread_create(&t, NULL, pool_worker, pool);
    pthread_mutex_lock(&q.mut);
    q.len++;
    pthread_cond_signal(&q.not_empty);
    pthread_mutex_unlock(&q.mut);
    pthread_join(t, NULL);
    return 0;
}
