/* CL005 positive: a per-CPU ring with a spinlock. ring_push() releases the
 * spinlock only on the overflow path and falls off its end still holding
 * it: the report is at the function (the end of its body).
 */
#include <pthread.h>

#define RING 256
struct ring { pthread_spinlock_t lk; unsigned head, tail; int slot[RING]; };

static struct ring rx;

static void ring_push(struct ring *r, int v) // expect: CL005 {{'ring_push' reaches its end with 'r->lk' still locked}}
{
    pthread_spin_lock(&r->lk);
    if (r->head - r->tail == RING) {
        pthread_spin_unlock(&r->lk);
        return;
    }
    r->slot[r->head++ % RING] = v;
}

static void *producer(void *arg)
{
    for (int i = 0; i < 1000; i++)
        ring_push(&rx, i);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_spin_init(&rx.lk, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&t, NULL, producer, NULL);
    pthread_join(t, NULL);
    return 0;
}
