/* Pattern: the twin of 906: each queue keeps its own latency histogram,
 * bumped under the queue's lock at a bucket a helper computes.
 * Verdict: race-free. A bucket is only touched under the lock of the
 * queue it belongs to: the element of `queues[]` main gave the worker
 * names both the lock and the histogram.
 */
// class: lock-arrays
// expect-none
#include <pthread.h>

#define NQ 4

struct queue {
    pthread_mutex_t lock;
    int pending;
    unsigned long hist[16];
};

static struct queue queues[NQ];

extern int serve_one(struct queue *q);

static unsigned bucket_of(int ms)
{
    unsigned b = 0;
    while (ms > 1 && b < 15) {
        ms /= 2;
        b++;
    }
    return b;
}

static void *worker(void *arg)
{
    struct queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        if (q->pending == 0) {
            pthread_mutex_unlock(&q->lock);
            break;
        }
        q->pending--;
        q->hist[bucket_of(serve_one(q))]++;
        pthread_mutex_unlock(&q->lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NQ];
    for (int i = 0; i < NQ; i++) {
        pthread_mutex_init(&queues[i].lock, NULL);
        queues[i].pending = 100;
    }
    for (int i = 0; i < NQ; i++)
        pthread_create(&t[i], NULL, worker, &queues[i]);
    for (int i = 0; i < NQ; i++)
        pthread_join(t[i], NULL);
    return 0;
}
