/* Pattern: ownership transfer through a queue, broken: the producer keeps
 * writing the item after handing it over.
 * Verdict: racy. main pushes `it` under q.lock and then sets `it->prio`
 * outside any lock; the consumer, which now owns the item, reads
 * `it->prio` outside the lock. The consumer took the item off the list
 * and may use it alone: main's late write lacks the lock and carries the
 * expectation.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct item { struct item *next; int key; int prio; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_cond = PTHREAD_COND_INITIALIZER;
static struct item *q_head;
static int q_closed;

static void *consumer(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&q_lock);
        while (!q_head && !q_closed)
            pthread_cond_wait(&q_cond, &q_lock);
        struct item *it = q_head;
        if (it)
            q_head = it->next;
        pthread_mutex_unlock(&q_lock);
        if (!it)
            break;
        if (it->prio > 5) // expect-related: CL002 {{conflicting read of 'it->prio' in 'consumer'}}
            printf("urgent %d\n", it->key);
        free(it);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    for (int i = 0; i < 10; i++) {
        struct item *it = malloc(sizeof *it);
        if (!it)
            break;
        it->key = i;
        it->prio = 0;
        pthread_mutex_lock(&q_lock);
        it->next = q_head;
        q_head = it;
        pthread_cond_signal(&q_cond);
        pthread_mutex_unlock(&q_lock);
        it->prio = i; // expect: CL002 {{races with read in 'consumer'}}
    }
    pthread_mutex_lock(&q_lock);
    q_closed = 1;
    pthread_cond_broadcast(&q_cond);
    pthread_mutex_unlock(&q_lock);
    pthread_join(t, NULL);
    return 0;
}
