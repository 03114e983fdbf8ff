/* Pattern: verification-benchmark hand-made lock. Functions whose names
 * start with `__VERIFIER_atomic_` run as one atomic step; acquire waits
 * (by an assumption) for the flag to be clear and sets it, release clears
 * it. Threads update the data between acquire and release.
 * Verdict: race-free. The flag is only touched inside atomic functions,
 * and the data only while the flag is held.
 */
#include <pthread.h>
#include <stdio.h>

// class: verifier-atomic
// expect-none

void __VERIFIER_assume(int cond);

static int held;
static int data;

void __VERIFIER_atomic_acquire(void)
{
    __VERIFIER_assume(held == 0);
    held = 1;
}

void __VERIFIER_atomic_release(void)
{
    __VERIFIER_assume(held == 1);
    held = 0;
}

static void *worker(void *arg)
{
    __VERIFIER_atomic_acquire();
    data++;
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
