/* Pattern: ownership transfer through a global list, broken: the producer
 * pushes an item under the lock, unlocks, then sets its priority.
 * Verdict: racy. Once the lock is released the consumer may have popped
 * the item and read `prio` on its own; the producer's late write lacks
 * the lock.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdlib.h>

struct item { struct item *next; int key; int prio; };

static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static struct item *q_head;
static long sum;

static void *consumer(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&q_lock);
        struct item *it = q_head;
        if (it)
            q_head = it->next;
        pthread_mutex_unlock(&q_lock);
        if (!it)
            continue;
        sum += it->prio; // expect-related: CL002 {{conflicting read of 'it->prio' in 'consumer'}}
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
        if (it == NULL)
            return 1;
        it->key = i;
        pthread_mutex_lock(&q_lock);
        it->next = q_head;
        q_head = it;
        pthread_mutex_unlock(&q_lock);
        it->prio = i; // expect: CL002 {{races with read in 'consumer'}}
    }
    pthread_join(t, NULL);
    return 0;
}
