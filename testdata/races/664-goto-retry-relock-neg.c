/* Pattern: a `goto retry` loop in a queue consumer. When the queue is
 * being resized the consumer drops the lock, yields and jumps back to
 * the label before the lock; the dequeue and the counter run only after
 * a successful pass, with the lock held.
 * Verdict: race-free. The jump back releases the lock first, and every
 * path that reaches the counter took the lock after the label.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <sched.h>

struct queue { pthread_mutex_t lock; int items[64]; int head, tail; int resizing; long popped; };
static struct queue q = { .lock = PTHREAD_MUTEX_INITIALIZER };

static int pop(void)
{
    int v = -1;
retry:
    pthread_mutex_lock(&q.lock);
    if (q.resizing) {
        pthread_mutex_unlock(&q.lock);
        sched_yield();
        goto retry;
    }
    if (q.head != q.tail) {
        v = q.items[q.head];
        q.head = (q.head + 1) % 64;
    }
    q.popped++;
    pthread_mutex_unlock(&q.lock);
    return v;
}

static void *consumer(void *arg)
{
    for (int i = 0; i < 100; i++)
        pop();
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, consumer, NULL);
    pthread_create(&b, NULL, consumer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(q.popped & 1);
}
