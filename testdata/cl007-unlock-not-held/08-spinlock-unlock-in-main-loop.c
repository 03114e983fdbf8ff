/* CL007 positive: the spinlock is released at the end of each round, and
 * a `continue` path releases it early too: the round that takes it
 * unlocks twice.
 */
#include <pthread.h>

static pthread_spinlock_t ring_lk;
static int ring[8], head;

static void *poller(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_spin_lock(&ring_lk);
        if (ring[head] == 0)
            pthread_spin_unlock(&ring_lk);
        head = (head + 1) & 7;
        pthread_spin_unlock(&ring_lk); // expect: CL007 {{'ring_lk'}}
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_spin_init(&ring_lk, PTHREAD_PROCESS_PRIVATE);
    pthread_create(&t, NULL, poller, NULL);
    pthread_join(t, NULL);
    return 0;
}
