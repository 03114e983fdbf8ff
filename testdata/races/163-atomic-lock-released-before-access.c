/* Pattern: GCC __atomic test-and-set spinlock released one statement
 * too early.
 * Verdict: racy. The flag is cleared before `events` is incremented, so
 * the increment runs outside the critical section in every thread.
 */
// class: atomic-locks
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

static bool flag;
static long events;

static void *recorder(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        while (__atomic_test_and_set(&flag, __ATOMIC_ACQUIRE))
            ;
        __atomic_clear(&flag, __ATOMIC_RELEASE);
        events++; // expect: CL002
    }
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, recorder, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", events);
    return 0;
}
