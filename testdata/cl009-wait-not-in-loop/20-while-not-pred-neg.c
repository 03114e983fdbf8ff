/* CL009 negative: the twin of 01: the worker re-tests the queue in a
 * while loop around the wait. */
// expect-none
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
        while (queue_head == NULL && !queue_closed)
            pthread_cond_wait(&queue_ready, &queue_lock);
        if (queue_head == NULL) {
            pthread_mutex_unlock(&queue_lock);
            return NULL;
        }
        struct task *t = queue_head;
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
