/* CL009 negative: rsyslog's enqueue flow control (runtime/queue.c): while
 * the queue is full, either discard or wait for room with a timed wait in
 * the else branch, handling the timeout after it; the loop re-tests the
 * queue size each round. */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <time.h>

struct queue { pthread_mutex_t mut; pthread_cond_t not_full; int size, max, discard; };

static int enqueue(struct queue *q)
{
    pthread_mutex_lock(&q->mut);
    while (q->size >= q->max) {
        if (q->discard) {
            pthread_mutex_unlock(&q->mut);
            return -1;
        } else {
            struct timespec t;
            clock_gettime(CLOCK_REALTIME, &t);
            t.tv_sec += 1;
            int r = pthread_cond_timedwait(&q->not_full, &q->mut, &t);
            if (r == ETIMEDOUT) {
                pthread_mutex_unlock(&q->mut);
                return -2;
            }
        }
    }
    q->size++;
    pthread_mutex_unlock(&q->mut);
    return 0;
}

static void *producer(void *arg)
{
    return (void *)(long)enqueue(arg);
}

int main(void)
{
    static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 1, 1, 0 };
    pthread_t t;
    pthread_create(&t, NULL, producer, &q);
    pthread_mutex_lock(&q.mut);
    q.size = 0;
    pthread_cond_signal(&q.not_full);
    pthread_mutex_unlock(&q.mut);
    pthread_join(t, NULL);
    return 0;
}
