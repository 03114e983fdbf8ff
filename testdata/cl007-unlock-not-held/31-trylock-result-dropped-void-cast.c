/* CL007 positive (a metrics flusher): the trylock's result is cast to
 * void, so when another thread holds the lock the flush updates the
 * totals without it and then unlocks a mutex it does not own.
 */
// class: trylock-result-dropped
#include <pthread.h>

struct metrics {
    pthread_mutex_t lock;
    long total, pending;
};

static struct metrics mt = { PTHREAD_MUTEX_INITIALIZER, 0, 0 };

static void metrics_flush(struct metrics *m)
{
    (void)pthread_mutex_trylock(&m->lock);
    m->total += m->pending; // expect: CL002
    m->pending = 0;
    pthread_mutex_unlock(&m->lock); // expect: CL007 {{'m->lock' is unlocked on a path where this thread does not hold it}}
}

static void *flusher(void *arg)
{
    for (int i = 0; i < 100; i++)
        metrics_flush(arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, flusher, &mt);
    pthread_create(&b, NULL, flusher, &mt);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
