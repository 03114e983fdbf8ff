/* Pattern: a malloc'd histogram published through a global pointer;
 * every worker increments its buckets with no lock.
 * Verdict: racy: the workers update the same heap elements at once.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// class: heap-buffers

enum { NT = 3, LEN = 16 };

static int *hist;

static void *count(void *arg)
{
    for (int i = 0; i < 1000; i++)
        hist[i % LEN]++; // expect: CL002
    return arg;
}

int main(void)
{
    hist = calloc(LEN, sizeof *hist);
    if (hist == NULL)
        return 1;
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, count, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", hist[0]);
    free(hist);
    return 0;
}
