/* Pattern: a log shipper's ring buffer made by ring_create(), which
 * allocates the ring and its slot array. A producer thread appends and
 * moves `head`; the consumer thread compares `head` with `tail` to find
 * new entries. Neither takes a lock and the indexes are plain ints.
 * Verdict: racy. The producer writes `head` while the consumer reads it,
 * on the ring ring_create returned, with no lock and no atomics.
 */
// class: heap-ownership
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct ring {
    int head, tail, cap;
    int *slots;
};

static struct ring *ring_create(int cap)
{
    struct ring *r = malloc(sizeof *r);
    if (!r)
        return NULL;
    r->slots = calloc((size_t)cap, sizeof *r->slots);
    r->head = r->tail = 0;
    r->cap = cap;
    return r;
}

static void *producer(void *arg)
{
    struct ring *r = arg;
    for (int i = 0; i < 100; i++) {
        r->slots[r->head % r->cap] = i;
        r->head++; // expect: CL002
    }
    return NULL;
}

static void *consumer(void *arg)
{
    struct ring *r = arg;
    long sum = 0;
    for (int spins = 0; spins < 1000; spins++)
        if (r->tail != r->head)
            sum += r->tail++;
    return (void *)sum;
}

int main(void)
{
    struct ring *r = ring_create(64);
    pthread_t p, c;
    if (!r)
        return 1;
    pthread_create(&p, NULL, producer, r);
    pthread_create(&c, NULL, consumer, r);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("%d\n", r->head);
    return 0;
}
