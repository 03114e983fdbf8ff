/* Pattern: the same unlocked write as the loop case, but the routine is
 * started exactly once.
 * Verdict: race-free. Only one instance of worker() exists; main writes
 * `last_finisher` before pthread_create and reads it after pthread_join.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static long last_finisher;

static void *worker(void *arg)
{
    long id = (long)arg;
    long s = 0;
    for (long i = 0; i < 10000; i++)
        s += i ^ id;
    last_finisher = id;
    return (void *)s;
}

int main(void)
{
    pthread_t t;
    last_finisher = -1;
    pthread_create(&t, NULL, worker, (void *)7L);
    pthread_join(t, NULL);
    printf("%ld\n", last_finisher);
    return 0;
}
