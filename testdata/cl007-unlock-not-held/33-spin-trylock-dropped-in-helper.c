/* CL007 positive (a ring buffer's producer): a helper "locks" the ring
 * with a spin trylock whose result it drops, and the producer releases it
 * after the push: on contention it unlocks a spinlock it never took.
 */
// class: trylock-result-dropped
#include <pthread.h>

struct ring {
    pthread_spinlock_t lock;
    int head;
    int slots[64];
};

static struct ring rg;

static void ring_push(struct ring *r, int v)
{
    pthread_spin_trylock(&r->lock);
    r->slots[r->head % 64] = v; // expect: CL002
    r->head++;
    pthread_spin_unlock(&r->lock); // expect: CL007 {{'r->lock' is unlocked on a path}}
}

static void *producer(void *arg)
{
    for (int i = 0; i < 100; i++)
        ring_push(arg, i);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_spin_init(&rg.lock, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&a, NULL, producer, &rg);
    pthread_create(&b, NULL, producer, &rg);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
