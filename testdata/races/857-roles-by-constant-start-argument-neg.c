/* Pattern: one entry function serves two roles chosen by the start
 * argument each spawn passes as a constant: the sender (1) counts sent
 * packets, the receiver (NULL) counts received ones.
 * Verdict: race-free. Each counter is written by one thread only: a
 * thread started with a constant argument takes only the alternative of
 * the role test that constant selects.
 */
// class: instance-id
// expect-none
#include <pthread.h>
#include <stdio.h>

static unsigned long sent, received;

static void *pump(void *role)
{
    for (int i = 0; i < 100; i++) {
        if (role)
            sent++;
        else
            received++;
    }
    return NULL;
}

int main(void)
{
    pthread_t tx, rx;
    if (pthread_create(&tx, NULL, pump, (void *)1) != 0)
        return 1;
    if (pthread_create(&rx, NULL, pump, NULL) != 0)
        return 1;
    pthread_join(tx, NULL);
    pthread_join(rx, NULL);
    printf("%lu %lu\n", sent, received);
    return 0;
}
