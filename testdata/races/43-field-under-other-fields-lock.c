/* Pattern: struct fields with separate locks, one field taken under the
 * wrong one.
 * Verdict: racy. `tx` is guarded by tx_lock in the sender, but the
 * receiver bumps `tx` (for an echo) while holding only rx_lock. No common
 * lock; both in spawned threads, so the earlier line (the receiver's
 * update) carries the expectation.
 */
#include <pthread.h>

struct port {
    pthread_mutex_t rx_lock;
    unsigned long rx;
    pthread_mutex_t tx_lock;
    unsigned long tx;
};

static struct port port0 = { PTHREAD_MUTEX_INITIALIZER, 0, PTHREAD_MUTEX_INITIALIZER, 0 };

static void *receiver(void *arg)
{
    struct port *p = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&p->rx_lock);
        p->rx++;
        p->tx++; // expect: CL002
        pthread_mutex_unlock(&p->rx_lock);
    }
    return NULL;
}

static void *sender(void *arg)
{
    struct port *p = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&p->tx_lock);
        p->tx++;
        pthread_mutex_unlock(&p->tx_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, receiver, &port0);
    pthread_create(&b, NULL, sender, &port0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)(port0.tx & 1);
}
