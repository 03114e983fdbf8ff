/* Pattern: two loaders fill two halves of the configuration; main joins
 * only the first before reading both halves.
 * Verdict: racy. `upper` is written by the second loader, which may still
 * be running when main reads it.
 */
#include <pthread.h>
#include <stdio.h>

// class: partial-join

static int lower, upper;

static void *load_lower(void *arg)
{
    lower = 10;
    return arg;
}

static void *load_upper(void *arg)
{
    upper = 20; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, load_lower, NULL);
    pthread_create(&b, NULL, load_upper, NULL);
    pthread_join(a, NULL);
    printf("%d %d\n", lower, upper); // expect-related: CL002
    pthread_join(b, NULL);
    return 0;
}
