/* Pattern: the twin of 857 where both threads are started as senders (a
 * copy-pasted spawn), so both count sent packets.
 * Verdict: racy on `sent`.
 */
// class: instance-id
#include <pthread.h>
#include <stdio.h>

static unsigned long sent, received;

static void *pump(void *role)
{
    for (int i = 0; i < 100; i++) {
        if (role)
            sent++; // expect: CL002
        else
            received++;
    }
    return NULL;
}

int main(void)
{
    pthread_t tx, tx2;
    if (pthread_create(&tx, NULL, pump, (void *)1) != 0)
        return 1;
    if (pthread_create(&tx2, NULL, pump, (void *)1) != 0)
        return 1;
    pthread_join(tx, NULL);
    pthread_join(tx2, NULL);
    printf("%lu %lu\n", sent, received);
    return 0;
}
