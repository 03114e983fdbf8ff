/* CL009 positive: a ring-buffer consumer in a `for (; !p->stopping;)`
 * loop that waits once when the ring is empty and then takes a slot: the
 * loop test reads the stop flag only. */
#include <pthread.h>

#define RING 16

struct ring {
    pthread_mutex_t mu;
    pthread_cond_t filled;
    int slots[RING];
    int count, out;
    int stopping;
};

static void *drain(void *arg)
{
    struct ring *p = arg;
    long sum = 0;
    pthread_mutex_lock(&p->mu);
    for (; !p->stopping;) {
        if (p->count == 0)
            pthread_cond_wait(&p->filled, &p->mu); // expect: CL009
        sum += p->slots[p->out];
        p->out = (p->out + 1) % RING;
        p->count--;
    }
    pthread_mutex_unlock(&p->mu);
    return (void *)sum;
}

int main(void)
{
    static struct ring r = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, { 0 }, 0, 0, 0 };
    pthread_t t;
    pthread_create(&t, NULL, drain, &r);
    pthread_mutex_lock(&r.mu);
    r.slots[0] = 7;
    r.count = 1;
    pthread_cond_signal(&r.filled);
    r.stopping = 1;
    pthread_mutex_unlock(&r.mu);
    pthread_join(t, NULL);
    return 0;
}
