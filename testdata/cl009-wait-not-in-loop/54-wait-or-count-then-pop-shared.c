/* CL009 positive: the twin of 53 where the `else` only counts busy rounds
 * and the code after the `if` pops from the shared queue itself. After a
 * spurious or stolen wakeup the queue may still be empty when the pop
 * runs: the wait's predicate is not tested again before the work.
 */
#include <pthread.h>
#include <stddef.h>

struct item { struct item *next; int v; };

struct worker {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    struct item *queue;
    int exiting;
    long busy, done;
};

static int queue_empty(const struct worker *w)
{
    return w->queue == NULL;
}

static struct item *pop(struct worker *w)
{
    struct item *it = w->queue;
    w->queue = it->next;
    return it;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        if (queue_empty(w)) {
            if (w->exiting)
                break;
            pthread_cond_wait(&w->cond, &w->lock); // expect: CL009
        } else {
            w->busy++;
        }
        struct item *it = pop(w);
        w->done += it->v;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

int main(void)
{
    static struct worker w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, 0, 0 };
    static struct item one = { NULL, 1 };
    pthread_t t;
    pthread_create(&t, NULL, worker_main, &w);
    pthread_mutex_lock(&w.lock);
    w.queue = &one;
    w.exiting = 1;
    pthread_cond_signal(&w.cond);
    pthread_mutex_unlock(&w.lock);
    pthread_join(t, NULL);
    return 0;
}
