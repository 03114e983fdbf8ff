/* Pattern: join ordering, result read before the join loop.
 * Verdict: racy. Workers add into `sum` under sum_lock, but main prints
 * `sum` without the lock before it joins them. main's read is the access
 * lacking the lock.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long sum;
static pthread_mutex_t sum_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&sum_lock);
        sum += i;
        pthread_mutex_unlock(&sum_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    printf("partial %ld\n", sum); // expect: CL002
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
