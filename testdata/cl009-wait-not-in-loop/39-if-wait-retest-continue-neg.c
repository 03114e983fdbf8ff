/* CL009 negative: an endless worker loop waits under an `if`, then tests
 * the queue again inside that `if` and goes back to the loop's top when it
 * is still empty: the predicate is re-tested after every wait. */
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct item { struct item *next; int v; };
struct queue { pthread_mutex_t m; pthread_cond_t c; struct item *head; int n; };

static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0 };
static long sum;

static struct item *pop(struct queue *qq)
{
    struct item *it = qq->head;
    qq->head = it->next;
    qq->n--;
    return it;
}

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&q.m);
        if (q.n == 0) {
            pthread_cond_wait(&q.c, &q.m);
            if (q.n == 0) {
                pthread_mutex_unlock(&q.m);
                continue;
            }
        }
        struct item *it = pop(&q);
        sum += it->v;
        pthread_mutex_unlock(&q.m);
        free(it);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    return 0;
}
