/* CL002 positive: the new node is linked into a list owned by the worker
 * by storing its address into the list head's `last` field, and its
 * value is set afterwards; the worker walks the list and reads values.
 * Storing the node's address anywhere lets it go: the write after the
 * store races with the worker's read.
 */
// class: fresh-objects
#include <pthread.h>
#include <stdlib.h>

struct node {
    int value;
};

struct list {
    struct node *last;
};

static struct list shared;

static void *walker(void *arg)
{
    (void)arg;
    struct node *n = shared.last; // expect: CL002 {{races with write}}
    return n != NULL && n->value > 0 ? arg : NULL; // expect: CL002 {{races with write}}
}

static void append(int v)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL)
        return;
    shared.last = n;
    n->value = v;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, walker, NULL);
    append(7);
    pthread_join(t, NULL);
    return 0;
}
