/* Pattern: join ordering, the thread is detached instead of joined.
 * Verdict: racy. The detached worker writes `result` with no lock; main
 * later reads `result` with nothing ordering the two. Both unlocked, so the
 * write in the spawned thread carries the expectation.
 */
#include <pthread.h>
#include <stdio.h>

static long result;

static void *worker(void *arg)
{
    long r = 0;
    for (long i = 0; i < 1000; i++)
        r += i;
    result = r; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    long spin = 0;
    for (int i = 0; i < 1000000; i++)
        spin += i & 1;
    printf("%ld %ld\n", result, spin);
    return 0;
}
