/* Pattern: main allocates and fills a lookup buffer, publishes it in a
 * global pointer and then starts reader threads that only read it; main
 * frees it after joining them.
 * Verdict: race-free. All writes happen before the creates; the free
 * follows the joins.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: heap-buffers
// expect-none

enum { NT = 3, LEN = 64 };

static int *lut;

static void *lookup(void *arg)
{
    long sum = 0;
    for (int i = 0; i < LEN; i++)
        sum += lut[i];
    printf("%ld\n", sum);
    return arg;
}

int main(void)
{
    lut = malloc(LEN * sizeof *lut);
    if (lut == NULL)
        return 1;
    for (int i = 0; i < LEN; i++)
        lut[i] = i * i;
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, lookup, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    free(lut);
    return 0;
}
