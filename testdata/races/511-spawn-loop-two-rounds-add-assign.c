/* Pattern: a spawn loop stepping with `i += 1` up to `i != 2`: two rounds;
 * each worker adds to a global total without a lock.
 * Verdict: racy. Two instances of the worker update the total at once
 * (the loop is not a one-round loop).
 */
// class: spawn-count
#include <pthread.h>

static pthread_t workers[2];
static long total;

static void *add(void *arg)
{
    total += (long)arg; // expect: CL002
    return NULL;
}

int main(void)
{
    int i;
    for (i = 0; i != 2; i += 1)
        pthread_create(&workers[i], NULL, add, (void *)(long)i);
    for (i = 0; i != 2; i += 1)
        pthread_join(workers[i], NULL);
    return (int)total;
}
