/* Pattern: each worker builds a private list in an object it allocated,
 * pushes items onto it, writes them after pushing, and later pops them
 * off again and reads them.
 * Verdict: race-free. Every list and every item is one worker's own; two
 * workers run the same code on different objects.
 */
// class: ownership-transfer
// expect-none
#include <pthread.h>
#include <stdlib.h>

struct node { struct node *next; int v; };
struct bag { struct node *top; };

static void *worker(void *arg)
{
    long sum = 0;
    struct bag *b = calloc(1, sizeof *b);
    if (b == NULL)
        return NULL;
    for (int i = 0; i < 8; i++) {
        struct node *n = malloc(sizeof *n);
        if (n == NULL)
            break;
        n->next = b->top;
        b->top = n;
        n->v = i;
    }
    while (b->top != NULL) {
        struct node *n = b->top;
        b->top = n->next;
        sum += n->v;
        free(n);
    }
    free(b);
    (void)arg;
    return (void *)sum;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
