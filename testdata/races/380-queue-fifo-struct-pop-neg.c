/* Pattern: a FIFO with head and tail in a struct handed to every worker;
 * the producer (main) appends under the queue's mutex and signals, the
 * workers wait for an item, unlink it from the head (clearing the tail
 * when the queue empties) and process it after unlocking.
 * Verdict: race-free. An unlinked item is reachable from nothing shared:
 * the worker that unlinked it owns it.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    struct msg *next;
    char text[32];
    int len;
};

struct queue {
    pthread_mutex_t mu;
    pthread_cond_t nonempty;
    struct msg *head, *tail;
    int closed;
};

static void *worker(void *arg)
{
    struct queue *q = arg;
    for (;;) {
        pthread_mutex_lock(&q->mu);
        while (q->head == NULL && !q->closed)
            pthread_cond_wait(&q->nonempty, &q->mu);
        struct msg *m = q->head;
        if (m == NULL) {
            pthread_mutex_unlock(&q->mu);
            return NULL;
        }
        q->head = m->next;
        if (q->head == NULL)
            q->tail = NULL;
        pthread_mutex_unlock(&q->mu);
        m->len = (int)strlen(m->text);
        m->text[0] = 'x';
        free(m);
    }
}

static void push(struct queue *q, const char *s)
{
    struct msg *m = calloc(1, sizeof *m);
    if (m == NULL)
        return;
    strncpy(m->text, s, sizeof m->text - 1);
    pthread_mutex_lock(&q->mu);
    if (q->tail != NULL)
        q->tail->next = m;
    else
        q->head = m;
    q->tail = m;
    pthread_cond_signal(&q->nonempty);
    pthread_mutex_unlock(&q->mu);
}

int main(void)
{
    static struct queue q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, NULL, 0 };
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, &q);
    for (int i = 0; i < 100; i++)
        push(&q, "hello");
    pthread_mutex_lock(&q.mu);
    q.closed = 1;
    pthread_cond_broadcast(&q.nonempty);
    pthread_mutex_unlock(&q.mu);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
