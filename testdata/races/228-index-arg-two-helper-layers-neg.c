/* Pattern: the start argument itself used as the index, cast in place
 * (`(unsigned long)arg`), and passed down two helper layers that reach a
 * per-thread ring buffer through a global table of pointers.
 * Verdict: race-free. The rings are allocated by main before any worker
 * starts and each worker only touches `rings[its index]`; main frees them
 * after joining.
 */
#include <pthread.h>
#include <stdlib.h>

// class: per-thread-index-arg
// expect-none

enum { NRING = 4 };

struct ring {
    unsigned head, tail;
    long slot[32];
};

static struct ring *rings[NRING];

static void ring_push(struct ring *r, long v)
{
    r->slot[r->head % 32] = v;
    r->head++;
}

static void produce(unsigned long which, long v)
{
    ring_push(rings[which], v);
}

static void *producer_main(void *arg)
{
    for (long v = 0; v < 100; v++)
        produce((unsigned long)arg, v);
    return NULL;
}

int main(void)
{
    pthread_t t[NRING];
    for (int i = 0; i < NRING; i++)
        rings[i] = calloc(1, sizeof(struct ring));
    for (int i = 0; i < NRING; i++)
        pthread_create(&t[i], NULL, producer_main, (void *)(unsigned long)i);
    for (int i = 0; i < NRING; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < NRING; i++)
        free(rings[i]);
    return 0;
}
