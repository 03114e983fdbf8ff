/* CL002 positive: the new node is linked into a list owned by the worker
 * by storing its address into the list head's `last` field, and its
 * value is set afterwards; the worker walks the list and reads values.
 * Storing the node's address anywhere lets it go: the write after the
 * store races with the worker's read. One defect (linked before it is
 * filled in): one finding at the linking write, the value's write and the
 * worker's reads as related locations.
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
    struct node *n = shared.last; // expect-related: CL002 {{conflicting read of 'shared.last' in 'walker'}}
    return n != NULL && n->value > 0 ? arg : NULL; // expect-related: CL002 {{conflicting read of 'n->value' in 'walker'}}
}

static void append(int v)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL)
        return;
    shared.last = n; // expect: CL002 {{write to 'shared.last' in 'append' races with read}}
    n->value = v; // expect-related: CL002 {{also writes 'n->value' in 'append'}}
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, walker, NULL);
    append(7);
    pthread_join(t, NULL);
    return 0;
}
