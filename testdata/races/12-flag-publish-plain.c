/* Pattern: publication through a plain flag.
 * Verdict: racy. main fills `payload` and then sets `ready = 1` after the
 * consumer is running; the consumer spins on `ready` and then reads
 * `payload`. A plain int gives no happens-before: both the flag and the
 * payload are data races. Both sides are unlocked, so both expectations sit
 * on the consumer's (spawned thread's) accesses.
 */
// class: release-acquire
#include <pthread.h>
#include <stdio.h>

static int ready;
static int payload;

static void *consumer(void *arg)
{
    while (!ready) // expect: CL002
        ;
    printf("%d\n", payload); // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    payload = 42;
    ready = 1;
    pthread_join(t, NULL);
    return 0;
}
