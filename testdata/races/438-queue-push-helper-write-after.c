/* Pattern: ownership transfer through a queue with a push helper, broken:
 * main pushes each item with `push(&q, it)` under the queue's lock, then
 * stores the item's value after unlocking.
 * Verdict: racy. The consumer pops the item under the lock and reads its
 * value outside it; main's late write lacks the lock.
 */
// class: ownership-transfer
#include <pthread.h>
#include <stdlib.h>

struct item { struct item *next; int val; };
struct queue { pthread_mutex_t mu; struct item *head; };

static struct queue q = { PTHREAD_MUTEX_INITIALIZER, NULL };
static long sum;

static void push(struct queue *qq, struct item *it)
{
    it->next = qq->head;
    qq->head = it;
}

static void *consumer(void *arg)
{
    for (;;) {
        pthread_mutex_lock(&q.mu);
        struct item *it = q.head;
        if (it != NULL)
            q.head = it->next;
        pthread_mutex_unlock(&q.mu);
        if (it != NULL) {
            sum += it->val; // expect-related: CL002 {{conflicting read of 'it->val' in 'consumer'}}
            free(it);
        }
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
        pthread_mutex_lock(&q.mu);
        push(&q, it);
        pthread_mutex_unlock(&q.mu);
        it->val = i; // expect: CL002 {{races with read in 'consumer'}}
    }
    pthread_join(t, NULL);
    return 0;
}
