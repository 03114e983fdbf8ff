/* CL009 negative: the loop's own test and the `if` both ask the same
 * helper whether the queue is empty; the `if` only chooses between a
 * timed and a plain wait, and every wakeup goes back to the loop's test. */
// expect-none
#include <pthread.h>
#include <stddef.h>
#include <time.h>

struct node { struct node *next; };
struct queue { pthread_mutex_t mu; pthread_cond_t cv; struct node *head; int lazy; };

static int queue_empty(const struct queue *q)
{
    return q->head == NULL;
}

static void *worker(void *arg)
{
    struct queue *q = arg;
    struct timespec ts = { 0, 0 };
    pthread_mutex_lock(&q->mu);
    while (queue_empty(q)) {
        if (q->lazy)
            pthread_cond_timedwait(&q->cv, &q->mu, &ts);
        else
            pthread_cond_wait(&q->cv, &q->mu);
    }
    q->head = q->head->next;
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

int main(void)
{
    static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0 };
    static struct node n;
    pthread_t t;
    pthread_create(&t, NULL, worker, &q);
    pthread_mutex_lock(&q.mu);
    q.head = &n;
    pthread_cond_signal(&q.cv);
    pthread_mutex_unlock(&q.mu);
    pthread_join(t, NULL);
    return 0;
}
