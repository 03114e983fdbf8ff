/* Pattern: a helper picks the worker slot with its index parameter,
 * starts the worker on it, then marks the slot running without a lock.
 * Verdict: racy. start_slot() is called with the loop index, so the slot
 * is that round's own, but the store to `state` comes after the
 * pthread_create: the worker already reads `state` in its loop.
 */
#include <pthread.h>
#include <stdlib.h>

enum { IDLE, RUNNING, DONE };

struct slot {
    pthread_t tid;
    int state;
    int id;
};

struct pool {
    struct slot *slots;
    int n;
};

static void *slot_main(void *arg)
{
    struct slot *s = arg;
    while (s->state != RUNNING) // expect: CL002
        ;
    return NULL;
}

static int start_slot(struct pool *p, int idx)
{
    struct slot *s = &p->slots[idx];
    s->id = idx;
    s->state = IDLE;
    if (pthread_create(&s->tid, NULL, slot_main, s) != 0)
        return -1;
    s->state = RUNNING;
    return 0;
}

int main(void)
{
    struct pool p;
    p.n = 4;
    p.slots = calloc((size_t)p.n, sizeof *p.slots);
    if (p.slots == NULL)
        return 1;
    for (int i = 0; i < p.n; i++)
        if (start_slot(&p, i) != 0)
            break;
    for (int i = 0; i < p.n; i++)
        pthread_join(p.slots[i].tid, NULL);
    free(p.slots);
    return 0;
}
