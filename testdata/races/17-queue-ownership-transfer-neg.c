/* Pattern: ownership transfer through a mutex+condvar queue.
 * Verdict: race-free. The producer fills each heap item completely before
 * pushing it under q.lock and never touches it again; the consumer pops
 * under q.lock and then owns the item, using and freeing it outside the
 * lock. The mutex orders the fill before the use.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define NITEMS 100

struct item { struct item *next; int key; char text[16]; };

static struct {
    pthread_mutex_t lock;
    pthread_cond_t nonempty;
    struct item *head;
    int closed;
} q = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0 };

static void push(struct item *it)
{
    pthread_mutex_lock(&q.lock);
    it->next = q.head;
    q.head = it;
    pthread_cond_signal(&q.nonempty);
    pthread_mutex_unlock(&q.lock);
}

static struct item *pop(void)
{
    pthread_mutex_lock(&q.lock);
    while (!q.head && !q.closed)
        pthread_cond_wait(&q.nonempty, &q.lock);
    struct item *it = q.head;
    if (it)
        q.head = it->next;
    pthread_mutex_unlock(&q.lock);
    return it;
}

static void *consumer(void *arg)
{
    long sum = 0;
    struct item *it;
    while ((it = pop()) != NULL) {
        sum += it->key + it->text[0];
        free(it);
    }
    printf("%ld\n", sum);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    for (int i = 0; i < NITEMS; i++) {
        struct item *it = malloc(sizeof *it);
        if (!it)
            break;
        it->key = i;
        snprintf(it->text, sizeof it->text, "k%d", i);
        push(it);
    }
    pthread_mutex_lock(&q.lock);
    q.closed = 1;
    pthread_cond_broadcast(&q.nonempty);
    pthread_mutex_unlock(&q.lock);
    pthread_join(t, NULL);
    return 0;
}
