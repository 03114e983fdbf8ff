/* Pattern: a capture pipeline allocates one ring buffer and hands the
 * same pointer to a producer and a consumer thread (C11 <threads.h>),
 * which both move the fill counter without a lock.
 * Verdict: racy. One heap object, two different start routines: the
 * producer's rb->fill++ and the consumer's rb->fill-- race. The producer's
 * unlocked updates of the ring (the slot, the fill count) are one finding;
 * its test of the fill count against the consumer's update is another.
 */
#include <stdlib.h>
#include <threads.h>

// class: heap-contexts

struct ring {
    int slots[64];
    int fill;
    int head, tail;
};

static int producer(void *arg)
{
    struct ring *rb = arg;
    for (int v = 0; v < 1000; v++) {
        if (rb->fill == 64) // expect: CL002 {{races with write in 'consumer'}}
            continue;
        rb->slots[rb->head] = v; // expect: CL002 {{races with read in 'consumer'}}
        rb->head = (rb->head + 1) % 64;
        rb->fill++; // expect-related: CL002 {{also writes 'rb->fill' in 'producer'}}
    }
    return 0;
}

static int consumer(void *arg)
{
    struct ring *rb = arg;
    long sum = 0;
    for (int k = 0; k < 1000; k++) {
        if (rb->fill == 0)
            continue;
        sum += rb->slots[rb->tail];
        rb->tail = (rb->tail + 1) % 64;
        rb->fill--;
    }
    return (int)(sum & 0x7f);
}

int main(void)
{
    thrd_t p, c;
    struct ring *rb = calloc(1, sizeof *rb);
    if (rb == NULL)
        return 1;
    thrd_create(&p, producer, rb);
    thrd_create(&c, consumer, rb);
    thrd_join(p, NULL);
    thrd_join(c, NULL);
    free(rb);
    return 0;
}
