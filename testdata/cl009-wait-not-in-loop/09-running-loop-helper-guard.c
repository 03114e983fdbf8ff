/* CL009 positive: the worker loop re-tests `running`, but the queue is
 * tested once, through a helper, before the wait; after a spurious or
 * stolen wakeup it pops from an empty queue. */
#include <pthread.h>
#include <stddef.h>

struct node { struct node *next; int v; };
struct queue { pthread_mutex_t mu; pthread_cond_t cv; struct node *head; int running; long sum; };

static int queue_empty(const struct queue *q)
{
    return q->head == NULL;
}

static struct node *pop(struct queue *q)
{
    struct node *n = q->head;
    q->head = n->next;
    return n;
}

static void *worker(void *arg)
{
    struct queue *q = arg;
    pthread_mutex_lock(&q->mu);
    while (q->running) {
        if (queue_empty(q))
            pthread_cond_wait(&q->cv, &q->mu); // expect: CL009 {{an 'if' tests it only once}}
        q->sum += pop(q)->v;
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

int main(void)
{
    static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 1, 0 };
    pthread_t t;
    pthread_create(&t, NULL, worker, &q);
    pthread_mutex_lock(&q.mu);
    q.running = 0;
    pthread_cond_broadcast(&q.cv);
    pthread_mutex_unlock(&q.mu);
    pthread_join(t, NULL);
    return 0;
}
