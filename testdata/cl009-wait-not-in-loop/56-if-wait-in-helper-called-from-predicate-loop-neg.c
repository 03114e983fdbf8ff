/* CL009 negative, the twin of 55: the consumer's loop re-tests the queue
 * length itself around the helper (`while (jobs.len == 0 && running)`),
 * so every wakeup is checked before an item is taken.
 */
// class: wait-helper
// expect-none
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
        pthread_cond_wait(&q->nonempty, &q->lock);
}

static void *consumer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&jobs.lock);
    while (jobs.running) {
        while (jobs.len == 0 && jobs.running)
            await_job(&jobs);
        if (jobs.len > 0)
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
