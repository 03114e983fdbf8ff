/* Pattern: the thread number passed by value, but every create passes the
 * same constant (a copy-paste of the spawn line), so all threads write
 * the same element.
 * Verdict: racy: partial[1] is written by both threads at once.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

// class: thread-id-by-value

enum { NT = 2 };

static long partial[NT];

static void *sum_part(void *arg)
{
    intptr_t id = (intptr_t)arg;
    for (long k = 0; k < 1000; k++)
        partial[id] += k; // expect: CL002
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, sum_part, (void *)1);
    pthread_create(&b, NULL, sum_part, (void *)1);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%ld\n", partial[1]);
    return 0;
}
