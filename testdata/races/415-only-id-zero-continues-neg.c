/* Pattern: every worker but the one with index 0 returns at once; the
 * remaining one updates a global counter in a loop.
 * Verdict: race-free. Only one instance gets past the early return.
 */
// class: instance-id
// expect-none
#include <pthread.h>

static long progress;

static void *worker(void *arg)
{
    if ((long)arg != 0)
        return NULL;
    for (int i = 0; i < 100; i++)
        progress++;
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)progress;
}
