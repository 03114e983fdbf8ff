/* Pattern: an inner loop of one round starts a worker, but it sits in an
 * outer loop of three rounds, and the workers are joined only at the end.
 * Verdict: racy. Three workers run at once and update the counter.
 */
// class: spawn-count
#include <pthread.h>

static long hits;

static void *worker(void *arg)
{
    hits++; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t[3];
    for (int round = 0; round < 3; round++)
        for (int k = 0; k < 1; k++)
            pthread_create(&t[round], NULL, worker, NULL);
    for (int round = 0; round < 3; round++)
        pthread_join(t[round], NULL);
    return (int)hits;
}
