/* CL009 positive, from shared case 07 (tkengo/highway issue #4; the same
 * report was filed against idevicerestore #296): the worker tests the
 * queue once with `if`, so a spurious wakeup, or the other worker taking
 * the item first, makes it pop from an empty queue. */
#include <pthread.h>
#include <stdlib.h>

struct task { struct task *next; int payload; };

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_ready = PTHREAD_COND_INITIALIZER;
static struct task *queue_head;
static int queue_closed;

static void *worker(void *arg)
{
    long *sum = arg;
    for (;;) {
        pthread_mutex_lock(&queue_lock);
        if (queue_head == NULL && !queue_closed)
            pthread_cond_wait(&queue_ready, &queue_lock); // expect: CL009 {{re-check the predicate in a while loop}}
        if (queue_closed && queue_head == NULL) {
            pthread_mutex_unlock(&queue_lock);
            return NULL;
        }
        struct task *t = queue_head;       /* may be NULL here */
        queue_head = t->next;
        pthread_mutex_unlock(&queue_lock);
        *sum += t->payload;
    }
}

int main(void)
{
    static long sums[2];
    pthread_t w[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&w[i], NULL, worker, &sums[i]);
    for (int i = 0; i < 100; i++) {
        struct task *t = malloc(sizeof *t);
        pthread_mutex_lock(&queue_lock);
        if (t != NULL) {
            t->payload = i;
            t->next = queue_head;
            queue_head = t;
        }
        queue_closed = (i == 99);
        pthread_cond_broadcast(&queue_ready);
        pthread_mutex_unlock(&queue_lock);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(w[i], NULL);
    return 0;
}
