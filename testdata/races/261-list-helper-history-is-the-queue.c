/* Pattern: like 258, but the producer's "history" pointer is the shared
 * queue itself (an alias set up at start), pushed to without the lock.
 * Verdict: racy. `history` points to `queue`: the unlocked ilist_push
 * through it races with the consumers' locked ilist_pop on the same list.
 */
#include <pthread.h>

// class: generic-container-helpers

enum { QCAP = 64 };

struct ilist {
    int v[QCAP];
    size_t n;
};

static struct ilist queue;
static struct ilist *history = &queue;
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;

static void ilist_push(struct ilist *l, int x)
{
    if (l->n < QCAP) // expect: CL002 {{races with write in 'ilist_pop'}}
        l->v[l->n++] = x; // expect: CL002 CL002
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
    for (int i = 0; i < 2; i++)
        pthread_create(&c[i], NULL, consumer, NULL);
    for (int x = 0; x < 50; x++)
        ilist_push(history, x);
    for (int i = 0; i < 2; i++)
        pthread_join(c[i], NULL);
    return 0;
}
