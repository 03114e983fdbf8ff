/* CL007 negative: the mutex is released by pthread_cond_wait while the
 * consumer waits and held again when it returns; the unlock after the
 * loop releases a lock the thread holds.
 */
// expect-none
#include <pthread.h>

struct chan { pthread_mutex_t m; pthread_cond_t cv; int items, closed; };
static struct chan ch = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };

static void *consumer(void *arg)
{
    struct chan *c = arg;
    long got = 0;
    pthread_mutex_lock(&c->m);
    while (!c->closed || c->items > 0) {
        while (c->items == 0 && !c->closed)
            pthread_cond_wait(&c->cv, &c->m);
        if (c->items > 0) {
            c->items--;
            got++;
        }
    }
    pthread_mutex_unlock(&c->m);
    return (void *)got;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, &ch);
    pthread_mutex_lock(&ch.m);
    ch.items = 3;
    ch.closed = 1;
    pthread_cond_broadcast(&ch.cv);
    pthread_mutex_unlock(&ch.m);
    pthread_join(t, NULL);
    return 0;
}
