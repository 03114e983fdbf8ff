/* CL008 negative: hand-over-hand traversal of a locked list (lock the
 * next node, then release the current one), by several threads, always
 * from head to tail. */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct node { pthread_mutex_t lock; struct node *next; int value; };

static struct node n3 = { PTHREAD_MUTEX_INITIALIZER, NULL, 3 };
static struct node n2 = { PTHREAD_MUTEX_INITIALIZER, &n3, 2 };
static struct node head = { PTHREAD_MUTEX_INITIALIZER, &n2, 1 };

static int list_sum(void)
{
    int sum = 0;
    struct node *cur = &head;
    pthread_mutex_lock(&cur->lock);
    while (cur->next != NULL) {
        struct node *next = cur->next;
        pthread_mutex_lock(&next->lock);
        sum += cur->value;
        pthread_mutex_unlock(&cur->lock);
        cur = next;
    }
    sum += cur->value;
    pthread_mutex_unlock(&cur->lock);
    return sum;
}

static void *walker(void *arg)
{
    (void)arg;
    return (void *)(long)list_sum();
}

int main(void)
{
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, walker, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}
