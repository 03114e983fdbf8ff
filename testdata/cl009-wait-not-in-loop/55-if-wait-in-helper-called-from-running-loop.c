/* CL009 positive: the wait sits in a helper that tests the queue it is
 * given once (`if (q->len == 0) wait`), and the consumer calls it inside
 * a loop that re-tests only `running`, then takes an item: a spurious or
 * stolen wakeup takes from an empty queue.
 */
// class: wait-helper
#include <pthread.h>

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t nonempty;
    int len;
    int running;
};

static struct queue jobs = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 1 };

static void await_job(struct queue *q)
{
    if (q->len == 0)
        pthread_cond_wait(&q->nonempty, &q->lock); // expect: CL009
}

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&jobs.lock);
    while (jobs.running) {
        await_job(&jobs);
        jobs.len--;
    }
    pthread_mutex_unlock(&jobs.lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, consumer, NULL) != 0)
        return 1;
    pthread_mutex_lock(&jobs.lock);
    jobs.len++;
    jobs.running = 0;
    pthread_cond_signal(&jobs.nonempty);
    pthread_mutex_unlock(&jobs.lock);
    pthread_join(t, NULL);
    return 0;
}
