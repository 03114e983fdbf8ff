/* CL009 negative: the consumer gets its queue through the thread
 * argument; after the wait it re-tests the count and leaves the loop
 * (shutting down) when nothing came, inside the `if` around the wait. */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct ring { pthread_mutex_t mu; pthread_cond_t more; int buf[16]; int count, tail; long total; };

static void *consumer(void *arg)
{
    struct ring *r = arg;
    while (1) {
        pthread_mutex_lock(&r->mu);
        if (r->count == 0) {
            pthread_cond_wait(&r->more, &r->mu);
            if (r->count == 0) {
                pthread_mutex_unlock(&r->mu);
                break;
            }
        }
        r->total += r->buf[r->tail];
        r->tail = (r->tail + 1) % 16;
        r->count--;
        pthread_mutex_unlock(&r->mu);
    }
    return NULL;
}

int main(void)
{
    static struct ring r = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, {0}, 0, 0, 0 };
    pthread_t t;
    pthread_create(&t, NULL, consumer, &r);
    pthread_mutex_lock(&r.mu);
    pthread_cond_signal(&r.more);
    pthread_mutex_unlock(&r.mu);
    pthread_join(t, NULL);
    return 0;
}
