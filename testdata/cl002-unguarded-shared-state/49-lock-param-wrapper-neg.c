/* CL002 negative (lock wrapper taking the lock as a parameter; twin of
 * case 17): a job queue whose producer and consumer bracket every use of
 * `q->head`/`q->tail` with guard()/unguard(), helpers that lock and unlock
 * whatever mutex they are handed (guard() through one more helper). The
 * lock parameter is bound to each caller's argument (`&q->mu`), so both
 * sides hold the same lock and nothing races.
 */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct queue {
    pthread_mutex_t mu;              /* guards head, tail, ring */
    unsigned head, tail;
    int ring[64];
};

static void acquire(pthread_mutex_t *mu)
{
    if (pthread_mutex_lock(mu) != 0)
        abort();
}

static void guard(pthread_mutex_t *mu)
{
    acquire(mu);
}

static void unguard(pthread_mutex_t *mu)
{
    pthread_mutex_unlock(mu);
}

static void *producer_main(void *arg)
{
    struct queue *q = arg;
    for (int job = 0; job < 1000; job++) {
        guard(&q->mu);
        if (q->tail - q->head < 64)
            q->ring[q->tail++ % 64] = job;
        unguard(&q->mu);
    }
    return NULL;
}

static void *consumer_main(void *arg)
{
    struct queue *q = arg;
    long done = 0;
    while (done < 1000) {
        guard(&q->mu);
        if (q->head != q->tail)
            done += q->ring[q->head++ % 64] >= 0;
        unguard(&q->mu);
    }
    return NULL;
}

int main(void)
{
    static struct queue q = { .mu = PTHREAD_MUTEX_INITIALIZER };
    pthread_t p, c;
    pthread_create(&p, NULL, producer_main, &q);
    pthread_create(&c, NULL, consumer_main, &q);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
