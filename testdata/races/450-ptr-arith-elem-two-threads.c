/* Pattern: two workers bump one slot of a global counter array through
 * pointer arithmetic, `*(hits + 2) += 1`, without a lock.
 * Verdict: racy. `*(hits + 2)` is the element `hits[2]`.
 */
#include <pthread.h>

static long hits[8];

static void *worker(void *arg)
{
    *(hits + 2) += 1; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return (int)hits[2];
}
