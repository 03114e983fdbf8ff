/* CL002 negative: C11 threads: ring_new() allocates a ring, sets its size
 * and mask, and starts the ring's drainer thread; main builds two rings.
 * The first ring's drainer reads its own ring's fields while the second
 * call fills in the second ring, which no thread can reach yet.
 */
// class: fresh-objects
// expect-none
#include <stdlib.h>
#include <threads.h>

struct ring {
    unsigned size, mask;
    mtx_t lock;
    unsigned head;
    thrd_t drainer;
};

static int drain(void *arg)
{
    struct ring *r = arg;
    unsigned seen = 0;
    for (int i = 0; i < 1000; i++) {
        mtx_lock(&r->lock);
        seen += r->head & r->mask;
        mtx_unlock(&r->lock);
    }
    return (int)(seen % r->size);
}

static struct ring *ring_new(unsigned size)
{
    struct ring *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->size = size;
    r->mask = size - 1;
    mtx_init(&r->lock, mtx_plain);
    if (thrd_create(&r->drainer, drain, r) != thrd_success) {
        free(r);
        return NULL;
    }
    return r;
}

int main(void)
{
    struct ring *a = ring_new(64);
    struct ring *b = ring_new(256);
    if (a != NULL)
        thrd_join(a->drainer, NULL);
    if (b != NULL)
        thrd_join(b->drainer, NULL);
    return 0;
}
