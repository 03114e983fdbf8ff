/* CL009 negative: a work-queue worker in the shape of fio's workqueue.
 * Each round either waits (nothing queued) or moves the whole queue to a
 * local list (the `else`), then drops the lock and handles the local
 * list. After a wakeup the local list is empty: the handler does nothing
 * and the endless loop tests the queue again, so a spurious or stolen
 * wakeup does no harm.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct item { struct item *next; int v; };

struct worker {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    struct item *queue;
    int exiting;
    long done;
};

static int queue_empty(const struct worker *w)
{
    return w->queue == NULL;
}

static void take_all(struct worker *w, struct item **local)
{
    *local = w->queue;
    w->queue = NULL;
}

static void handle_list(struct worker *w, struct item *local)
{
    for (struct item *it = local; it != NULL; it = it->next)
        w->done += it->v;
}

static void *worker_main(void *arg)
{
    struct worker *w = arg;
    struct item *local = NULL;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        if (queue_empty(w)) {
            if (w->exiting)
                break;
            pthread_cond_wait(&w->cond, &w->lock);
        } else {
            take_all(w, &local);
        }
        pthread_mutex_unlock(&w->lock);
        handle_list(w, local);
        local = NULL;
        pthread_mutex_lock(&w->lock);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

int main(void)
{
    static struct worker w = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, 0 };
    static struct item one = { NULL, 1 };
    pthread_t t;
    pthread_create(&t, NULL, worker_main, &w);
    pthread_mutex_lock(&w.lock);
    w.queue = &one;
    pthread_cond_signal(&w.cond);
    w.exiting = 1;
    pthread_cond_signal(&w.cond);
    pthread_mutex_unlock(&w.lock);
    pthread_join(t, NULL);
    return 0;
}
