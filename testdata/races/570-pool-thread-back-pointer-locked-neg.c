/* Pattern: a thread pool keeps one descriptor per thread with a back
 * pointer to the pool; each thread counts what it completed under the
 * pool's own mutex, reached through its descriptor.
 * Verdict: race-free. Every descriptor points to the same pool, so all
 * threads take the same lock around pool->completed.
 */
// class: thread-arguments
// expect-none
#include <pthread.h>

struct pool {
    pthread_mutex_t lock;
    int pending;
    unsigned long completed;
};
struct pool_thread {
    pthread_t tid;
    int index;
    struct pool *pool;
};

static void *pool_main(void *arg)
{
    struct pool_thread *self = arg;
    struct pool *p = self->pool;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        if (p->pending == 0) {
            pthread_mutex_unlock(&p->lock);
            break;
        }
        p->pending--;
        p->completed++;
        pthread_mutex_unlock(&p->lock);
    }
    return NULL;
}

int main(void)
{
    struct pool pool = { PTHREAD_MUTEX_INITIALIZER, 100, 0 };
    struct pool_thread threads[3];
    for (int i = 0; i < 3; i++) {
        threads[i].index = i;
        threads[i].pool = &pool;
        pthread_create(&threads[i].tid, NULL, pool_main, &threads[i]);
    }
    for (int i = 0; i < 3; i++)
        pthread_join(threads[i].tid, NULL);
    return (int)pool.completed;
}
