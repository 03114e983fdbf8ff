/* Pattern: ownership transfer through a queue with a push helper, done
 * right: main fills each item, then pushes it with `push(&q, it)` under
 * the lock and never touches it again; the consumer pops it under the
 * lock and uses it outside.
 * Verdict: race-free.
 */
// class: ownership-transfer
// expect-none
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
            sum += it->val;
            it->val = 0;
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
        it->val = i;
        pthread_mutex_lock(&q.mu);
        push(&q, it);
        pthread_mutex_unlock(&q.mu);
    }
    pthread_join(t, NULL);
    return 0;
}
