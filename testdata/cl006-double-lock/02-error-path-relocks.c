/* CL006 positive: a retry path in the same function locks the queue lock
 * again although the first lock was never released on that path.
 */
#include <pthread.h>

struct queue { pthread_mutex_t m; int n, cap; };
static struct queue q = { PTHREAD_MUTEX_INITIALIZER, 0, 8 };

static int enqueue(struct queue *qu)
{
    pthread_mutex_lock(&qu->m);
    if (qu->n == qu->cap) {
        qu->cap *= 2;
        pthread_mutex_lock(&qu->m); // expect: CL006 {{'qu->m' is locked again while this thread already holds it}}
    }
    qu->n++;
    pthread_mutex_unlock(&qu->m);
    return 0;
}

static void *producer(void *arg)
{
    for (int i = 0; i < 100; i++)
        enqueue(&q);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    pthread_join(t, NULL);
    return 0;
}
