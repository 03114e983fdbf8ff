/* Pattern: a helper starts one thread and stores its handle in a global
 * array; main calls it in a loop and joins all handles afterwards.
 * Verdict: racy: the threads started by the helper run together, and the
 * start routine updates the global without a lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: spawn-helpers

enum { NT = 4 };

static pthread_t handles[NT];
static int value;

static void *twice(void *arg)
{
    value *= 2; // expect: CL002
    return arg;
}

static void start_one(int i)
{
    pthread_create(&handles[i], NULL, twice, NULL);
}

int main(void)
{
    value = 1;
    for (int i = 0; i < NT; i++)
        start_one(i);
    for (int i = 0; i < NT; i++)
        pthread_join(handles[i], NULL);
    printf("%d\n", value);
    return 0;
}
