/* Pattern: a pool of workers, each started with its own queue
 * (`&queues[i]`), each holding its queue's lock while it serves a job.
 * Under that lock a worker also bumps a bucket of the latency histogram,
 * picked by a helper's result: one histogram for all queues.
 * Verdict: racy, on `latency_hist[]`: two workers hold two different
 * queue locks and may bump the same bucket. The bucket's subscript is
 * not one the walk can name, but the lock is not a stripe of the
 * histogram: each worker's lock was picked by main, once per thread.
 */
// class: lock-arrays
#include <pthread.h>

#define NQ 4

struct queue {
    pthread_mutex_t lock;
    int pending;
};

static struct queue queues[NQ];
static unsigned long latency_hist[16];

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
        latency_hist[bucket_of(serve_one(q))]++; // expect: CL002 {{'latency_hist[]'}}
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
