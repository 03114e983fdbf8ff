/* CL009 positive: 51's wrapper (assert on the result, then return it),
 * but the caller tests the queue once with an `if`, waits, and takes an
 * item without testing again: a spurious or stolen wakeup pops from an
 * empty queue. The wrapper's own statements after the wait are not what
 * makes this wrong, the caller's pop is.
 */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>

struct queue {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int items[16];
    int count;
};

static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { 0 }, 0 };

static inline int q_cond_timedwait(pthread_cond_t *cond, pthread_mutex_t *mutex,
                                   const struct timespec *abs)
{
    int ret = pthread_cond_timedwait(cond, mutex, abs); // expect: CL009
    assert(ret == 0 || ret == ETIMEDOUT);
    return ret;
}

static void *producer(void *arg)
{
    struct queue *qu = arg;
    pthread_mutex_lock(&qu->mutex);
    if (qu->count < 16)
        qu->items[qu->count++] = 42;
    pthread_cond_signal(&qu->cond);
    pthread_mutex_unlock(&qu->mutex);
    return NULL;
}

static int take(struct queue *qu, const struct timespec *abs)
{
    pthread_mutex_lock(&qu->mutex);
    if (qu->count == 0)
        q_cond_timedwait(&qu->cond, &qu->mutex, abs);
    int v = qu->items[--qu->count];
    pthread_mutex_unlock(&qu->mutex);
    return v;
}

int main(void)
{
    pthread_t t;
    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_sec += 5;
    pthread_create(&t, NULL, producer, &q);
    int v = take(&q, &abs);
    pthread_join(t, NULL);
    return v != 42;
}
