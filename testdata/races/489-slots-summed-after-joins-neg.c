/* Pattern: each worker fills its own slot; the creator joins every worker
 * first and only then sums the slots in a second loop.
 * Verdict: race-free.
 */
// class: per-thread-slots
// expect-none
#include <pthread.h>

#define NWORKERS 4

static long results[NWORKERS];

static void *count(void *arg)
{
    long *out = arg;
    for (int i = 0; i < 1000; i++)
        (*out)++;
    return NULL;
}

int main(void)
{
    pthread_t th[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&th[i], NULL, count, &results[i]);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(th[i], NULL);
    long total = 0;
    for (int j = 0; j < NWORKERS; j++)
        total += results[j];
    return (int)total;
}
