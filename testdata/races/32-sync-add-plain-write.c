/* Pattern: atomics mixed with a plain access (reset without atomics).
 * Verdict: racy. Workers count with __sync_add_and_fetch; the reset thread
 * stores `window = 0` with a plain write while they run. The plain write
 * carries the expectation.
 */
#include <pthread.h>

#define NT 3
static long window;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        __sync_add_and_fetch(&window, 1);
    return arg;
}

static void *resetter(void *arg)
{
    for (int i = 0; i < 10; i++)
        window = 0; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t t[NT], r;
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    pthread_create(&r, NULL, resetter, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(r, NULL);
    return (int)(window & 1);
}
