/* Pattern: the join loop stops one short, and the last thread is joined
 * separately right after it.
 * Verdict: race-free. Every thread is joined before main reads `total`.
 */
// class: join-coverage
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    pthread_mutex_lock(&total_lock);
    total += (long)arg;
    pthread_mutex_unlock(&total_lock);
    return NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT - 1; i++)
        pthread_join(t[i], NULL);
    pthread_join(t[NT - 1], NULL);
    printf("%ld\n", total);
    return 0;
}
