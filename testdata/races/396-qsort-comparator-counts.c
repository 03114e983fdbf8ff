/* Pattern: a sorting thread whose qsort comparator counts comparisons in
 * a global statistic that main also resets.
 * Verdict: racy. qsort calls the comparator on the sorting thread before
 * it returns; main's reset races with the comparator's increment.
 */
#include <pthread.h>
#include <stdlib.h>

static long comparisons;

static int by_value(const void *a, const void *b)
{
    comparisons++; // expect: CL002
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void *sorter(void *arg)
{
    int *v = arg;
    qsort(v, 64, sizeof *v, by_value);
    return NULL;
}

int main(void)
{
    static int data[64];
    for (int i = 0; i < 64; i++)
        data[i] = 64 - i;
    pthread_t t;
    if (pthread_create(&t, NULL, sorter, data) != 0)
        return 1;
    comparisons = 0;
    pthread_join(t, NULL);
    return (int)comparisons;
}
