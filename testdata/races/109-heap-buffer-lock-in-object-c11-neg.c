/* Pattern: the capture pipeline with the ring's own mutex: the object
 * handed to both threads carries the lock that guards it.
 * Verdict: race-free. Both start routines take rb->lock (the same mutex,
 * reached through the same heap object) around every access to the ring.
 */
#include <stdlib.h>
#include <threads.h>

// class: heap-contexts
// expect-none

struct ring {
    mtx_t lock;
    int slots[64];
    int fill;
    int head, tail;
};

static int ring_put(struct ring *rb, int v)
{
    int ok = 0;
    mtx_lock(&rb->lock);
    if (rb->fill < 64) {
        rb->slots[rb->head] = v;
        rb->head = (rb->head + 1) % 64;
        rb->fill++;
        ok = 1;
    }
    mtx_unlock(&rb->lock);
    return ok;
}

static int ring_get(struct ring *rb, int *out)
{
    int ok = 0;
    mtx_lock(&rb->lock);
    if (rb->fill > 0) {
        *out = rb->slots[rb->tail];
        rb->tail = (rb->tail + 1) % 64;
        rb->fill--;
        ok = 1;
    }
    mtx_unlock(&rb->lock);
    return ok;
}

static int producer(void *arg)
{
    for (int v = 0; v < 1000; v++)
        ring_put(arg, v);
    return 0;
}

static int consumer(void *arg)
{
    long sum = 0;
    int v;
    for (int k = 0; k < 1000; k++)
        if (ring_get(arg, &v))
            sum += v;
    return (int)(sum & 0x7f);
}

int main(void)
{
    thrd_t p, c;
    struct ring *rb = calloc(1, sizeof *rb);
    if (rb == NULL || mtx_init(&rb->lock, mtx_plain) != thrd_success)
        return 1;
    thrd_create(&p, producer, rb);
    thrd_create(&c, consumer, rb);
    thrd_join(p, NULL);
    thrd_join(c, NULL);
    mtx_destroy(&rb->lock);
    free(rb);
    return 0;
}
