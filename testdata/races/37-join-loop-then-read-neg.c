/* Pattern: join ordering, threads kept in an array and joined in a loop.
 * Verdict: race-free. Each worker adds into `sum` under sum_lock; main
 * reads and resets `sum` only after the join loop has joined every
 * thread. `rounds` is written only by main, before the spawn loop.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 8
static long sum;
static int rounds;
static pthread_mutex_t sum_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    for (int i = 0; i < rounds; i++) {
        pthread_mutex_lock(&sum_lock);
        sum += i;
        pthread_mutex_unlock(&sum_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t pool[NT];
    rounds = 100;
    for (int i = 0; i < NT; i++)
        pthread_create(&pool[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(pool[i], NULL);
    printf("%ld %d\n", sum, rounds);
    sum = 0;
    return 0;
}
