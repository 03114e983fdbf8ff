/* CL005 positive: a consumer drains a job queue. Each round locks the
 * queue; when the queue is closed the loop breaks out before the unlock
 * and the function returns with the queue lock held.
 */
#include <pthread.h>
#include <stddef.h>

struct job { struct job *next; int cost; };
struct queue { pthread_mutex_t m; pthread_cond_t cv; struct job *head; int closed; };

static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0 };

static long drain(struct queue *qu)
{
    long done = 0;
    for (;;) {
        pthread_mutex_lock(&qu->m);
        if (qu->closed)
            break;
        struct job *j = qu->head;
        if (j != NULL)
            qu->head = j->next;
        pthread_mutex_unlock(&qu->m);
        if (j != NULL)
            done += j->cost;
    }
    return done; // expect: CL005 {{'qu->m'}}
}

static void *consumer(void *arg)
{
    (void)arg;
    return (void *)drain(&q);
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    pthread_mutex_lock(&q.m);
    q.closed = 1;
    pthread_mutex_unlock(&q.m);
    pthread_join(t, NULL);
    return 0;
}
