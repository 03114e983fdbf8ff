/* Pattern: struct fields guarded by separate locks.
 * Verdict: race-free. `rx` is always accessed under rx_lock and `tx` under
 * tx_lock; the fields are distinct memory locations, so different locks for
 * different fields are fine.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

struct port {
    pthread_mutex_t rx_lock;
    unsigned long rx;          /* guarded by rx_lock */
    pthread_mutex_t tx_lock;
    unsigned long tx;          /* guarded by tx_lock */
};

static struct port port0 = { PTHREAD_MUTEX_INITIALIZER, 0, PTHREAD_MUTEX_INITIALIZER, 0 };

static void *receiver(void *arg)
{
    struct port *p = arg;
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&p->rx_lock);
        p->rx++;
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

static void *reporter(void *arg)
{
    struct port *p = arg;
    pthread_mutex_lock(&p->rx_lock);
    unsigned long rx = p->rx;
    pthread_mutex_unlock(&p->rx_lock);
    pthread_mutex_lock(&p->tx_lock);
    unsigned long tx = p->tx;
    pthread_mutex_unlock(&p->tx_lock);
    printf("%lu %lu\n", rx, tx);
    return NULL;
}

int main(void)
{
    pthread_t a, b, c;
    pthread_create(&a, NULL, receiver, &port0);
    pthread_create(&b, NULL, sender, &port0);
    pthread_create(&c, NULL, reporter, &port0);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    return 0;
}
