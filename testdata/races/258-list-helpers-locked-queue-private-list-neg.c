/* Pattern: a work queue shared by producer and consumers goes through the
 * list helpers under the queue lock; the producer also keeps a private
 * history list through the same helpers without a lock.
 * Verdict: race-free. The shared queue is only touched under q_lock; the
 * history list is the producer's alone.
 */
#include <pthread.h>
#include <stdlib.h>

// class: generic-container-helpers
// expect-none

struct ilist {
    int *v;
    size_t n, cap;
};

static struct ilist queue;
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;

static void ilist_push(struct ilist *l, int x)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        int *v = realloc(l->v, cap * sizeof *v);
        if (v == NULL)
            return;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = x;
}

static int ilist_pop(struct ilist *l, int *out)
{
    if (l->n == 0)
        return 0;
    *out = l->v[--l->n];
    return 1;
}

static void *consumer(void *arg)
{
    long sum = 0;
    int x;
    (void)arg;
    for (int k = 0; k < 100; k++) {
        pthread_mutex_lock(&q_lock);
        int got = ilist_pop(&queue, &x);
        pthread_mutex_unlock(&q_lock);
        if (got)
            sum += x;
    }
    return (void *)sum;
}

int main(void)
{
    pthread_t c[2];
    struct ilist history = { NULL, 0, 0 };
    for (int i = 0; i < 2; i++)
        pthread_create(&c[i], NULL, consumer, NULL);
    for (int x = 0; x < 50; x++) {
        pthread_mutex_lock(&q_lock);
        ilist_push(&queue, x);
        pthread_mutex_unlock(&q_lock);
        ilist_push(&history, x);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(c[i], NULL);
    free(history.v);
    return 0;
}
