/* Pattern: per-thread data (one array slot per thread).
 * Verdict: race-free. Thread i writes only results[i] (its index comes from
 * its own argument); main sums the slots only after joining all threads.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long results[NT];
static int ids[NT];

static void *worker(void *arg)
{
    int id = *(const int *)arg;
    long acc = 0;
    for (int i = 0; i < 1000; i++)
        acc += i * id;
    results[id] = acc;
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++) {
        ids[i] = i;
        pthread_create(&t[i], NULL, worker, &ids[i]);
    }
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    long sum = 0;
    for (int i = 0; i < NT; i++)
        sum += results[i];
    printf("%ld\n", sum);
    return 0;
}
