/* Pattern: the producer pushes a task, and later takes the queue's lock
 * again to raise the priority of the task it pushed; the worker pops a
 * task and reads its priority before it releases the lock.
 * Verdict: race-free. Both accesses to the pushed task hold the queue's
 * lock.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct task { struct task *next; int prio; };

static pthread_mutex_t tq_lock = PTHREAD_MUTEX_INITIALIZER;
static struct task *tq;
static long urgent;

static void *worker(void *arg)
{
    (void)arg;
    for (int n = 0; n < 1000; n++) {
        pthread_mutex_lock(&tq_lock);
        struct task *t = tq;
        if (t != NULL) {
            tq = t->next;
            if (t->prio > 5)
                urgent++;
        }
        pthread_mutex_unlock(&tq_lock);
        free(t);
    }
    return NULL;
}

static void bump(struct task *t)
{
    pthread_mutex_lock(&tq_lock);
    t->prio += 10;
    pthread_mutex_unlock(&tq_lock);
}

int main(void)
{
    pthread_t w;
    pthread_create(&w, NULL, worker, NULL);
    for (int i = 0; i < 10; i++) {
        struct task *t = calloc(1, sizeof *t);
        if (t == NULL)
            break;
        pthread_mutex_lock(&tq_lock);
        t->next = tq;
        tq = t;
        pthread_mutex_unlock(&tq_lock);
        if (i % 3 == 0)
            bump(t);
    }
    pthread_join(w, NULL);
    return 0;
}
