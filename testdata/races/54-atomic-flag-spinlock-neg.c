/* Pattern: C11 atomic_flag spinlock.
 * Verdict: race-free. atomic_flag_test_and_set_explicit(acquire) /
 * atomic_flag_clear_explicit(release) form a lock around every access to
 * the `ring` head index.
 */
// expect-none
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define NT 4
static atomic_flag ring_flag = ATOMIC_FLAG_INIT;
static unsigned ring_head;
static int ring[64];

static void *producer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        while (atomic_flag_test_and_set_explicit(&ring_flag, memory_order_acquire))
            ;
        ring[ring_head++ % 64] = i;
        atomic_flag_clear_explicit(&ring_flag, memory_order_release);
    }
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, producer, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%u %d\n", ring_head, ring[0]);
    return 0;
}
