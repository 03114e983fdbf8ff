/* Pattern: workers keep their partial sums in slots 0..N-1 of an array
 * indexed by their start argument, and all of them also add into the
 * extra slot N, which is shared, without a lock.
 * Verdict: racy on slot N only: the finding must name the shared slot's
 * update racing with itself, not the private slot's write (which can
 * never touch slot N).
 */
// class: instance-id
#include <pthread.h>

#define NWORKERS 3

static long sums[NWORKERS + 1];

static void *worker(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < 100; i++) {
        sums[id] += i;
        sums[NWORKERS] += i; // expect: CL002
    }
    return NULL;
}

int main(void)
{
    pthread_t t[NWORKERS];
    for (long i = 0; i < NWORKERS; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0)
            return 1;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return sums[NWORKERS] > 0;
}
