/* Pattern: a thread started in a loop racing with itself.
 * Verdict: racy. There is a single start routine, but it is spawned NT
 * times; every copy records itself in `last_finisher` with no lock, so the
 * write races with the same write in the other copies.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 6
static long last_finisher = -1;

static void *worker(void *arg)
{
    long id = (long)arg;
    long s = 0;
    for (long i = 0; i < 10000; i++)
        s += i ^ id;
    last_finisher = id; // expect: CL002
    return (void *)s;
}

int main(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", last_finisher);
    return 0;
}
