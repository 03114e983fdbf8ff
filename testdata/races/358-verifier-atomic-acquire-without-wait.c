/* Pattern: verification-benchmark hand-made lock whose acquire step no
 * longer waits for the flag (the assumption was taken out): it only sets
 * it. Threads update the data between acquire and release.
 * Verdict: racy. Without the wait, acquire excludes nothing: both
 * threads can be between acquire and release at once.
 */
#include <pthread.h>
#include <stdio.h>

// class: verifier-atomic

static int held;
static int data;

void __VERIFIER_atomic_acquire(void)
{
    held = 1;
}

void __VERIFIER_atomic_release(void)
{
    held = 0;
}

static void *worker(void *arg)
{
    __VERIFIER_atomic_acquire();
    data++; // expect: CL002 {{races with itself}}
    __VERIFIER_atomic_release();
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", data);
    return 0;
}
