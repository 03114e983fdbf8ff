/* CL005 negative (hand-over-hand list insertion): the walk locks the next
 * node before unlocking the current one and breaks out at the insertion
 * point holding the current node's lock, which the code after the loop
 * releases once the new node is linked.
 */
// class: jump-past-unlock
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct node {
    pthread_mutex_t lock;
    int key;
    struct node *next;
};

static struct node head = { PTHREAD_MUTEX_INITIALIZER, -1, NULL };

static void list_insert(int key)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL)
        return;
    pthread_mutex_init(&n->lock, NULL);
    n->key = key;
    struct node *cur = &head;
    pthread_mutex_lock(&cur->lock);
    while (cur->next != NULL) {
        struct node *nx = cur->next;
        if (nx->key > key)
            break;
        pthread_mutex_lock(&nx->lock);
        pthread_mutex_unlock(&cur->lock);
        cur = nx;
    }
    n->next = cur->next;
    cur->next = n;
    pthread_mutex_unlock(&cur->lock);
}

static void *writer(void *arg)
{
    list_insert(3);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, writer, NULL);
    list_insert(5);
    pthread_join(t, NULL);
    return 0;
}
