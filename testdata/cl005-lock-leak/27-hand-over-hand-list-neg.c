/* CL005 negative: hand-over-hand (lock coupling) traversal of a sorted
 * list: the next node is locked before the current one is released; the
 * function leaves with no node lock held.
 */
// expect-none
#include <pthread.h>
#include <stddef.h>

struct node { pthread_mutex_t m; int key; struct node *next; };
static struct node tail = { PTHREAD_MUTEX_INITIALIZER, 1 << 30, NULL };
static struct node head = { PTHREAD_MUTEX_INITIALIZER, -1, &tail };

static int list_contains(struct node *h, int key)
{
    struct node *cur = h;
    pthread_mutex_lock(&cur->m);
    while (cur->next != NULL && cur->next->key <= key) {
        struct node *nx = cur->next;
        pthread_mutex_lock(&nx->m);
        pthread_mutex_unlock(&cur->m);
        cur = nx;
    }
    int found = cur->key == key;
    pthread_mutex_unlock(&cur->m);
    return found;
}

static void *searcher(void *arg)
{
    long n = 0;
    for (int k = 0; k < 100; k++)
        n += list_contains(&head, k);
    return arg == NULL ? (void *)n : NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, searcher, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
