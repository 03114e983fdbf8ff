/* Pattern: the thread number is passed by value in the argument pointer
 * (`(void *)(intptr_t)i`) and the thread writes its own element of a
 * global array with it.
 * Verdict: race-free. Every thread gets a different number, so different
 * elements; main reads after joining.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

// class: thread-id-by-value
// expect-none

enum { NT = 4 };

static long partial[NT];

static void *sum_part(void *arg)
{
    intptr_t id = (intptr_t)arg;
    for (long k = id; k < 1000; k += NT)
        partial[id] += k;
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (intptr_t i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, sum_part, (void *)i);
    long total = 0;
    for (int i = 0; i < NT; i++) {
        pthread_join(t[i], NULL);
        total += partial[i];
    }
    printf("%ld\n", total);
    return 0;
}
