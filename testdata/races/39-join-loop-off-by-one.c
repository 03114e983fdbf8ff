/* Pattern: join ordering, the join loop misses a thread.
 * Verdict: racy. Workers add into `total` under total_lock; main joins
 * only NT-1 of the NT threads and then reads `total` without the lock, so
 * the last worker may still be running. main's read lacks the lock.
 */
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
    printf("%ld\n", total); // expect: CL002
    pthread_join(t[NT - 1], NULL);
    return 0;
}
