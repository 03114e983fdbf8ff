/* Pattern: publication through an atomic flag (release/acquire).
 * Verdict: race-free. main writes `payload` (plain) and then stores `ready`
 * with memory_order_release; the consumer loads `ready` with acquire and
 * only then reads `payload`. The release/acquire pair orders the payload
 * write before the read; `ready` itself is atomic.
 */
// class: release-acquire
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int payload;

static void *consumer(void *arg)
{
    while (!atomic_load_explicit(&ready, memory_order_acquire))
        ;
    printf("%d\n", payload);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, consumer, NULL);
    payload = 42;
    atomic_store_explicit(&ready, 1, memory_order_release);
    pthread_join(t, NULL);
    return 0;
}
