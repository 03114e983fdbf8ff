/* Pattern: verification-benchmark atomic sections. Both threads update
 * the counter between `__VERIFIER_atomic_begin()` and
 * `__VERIFIER_atomic_end()`, which the benchmark rules define as a block
 * that runs without interleaving.
 * Verdict: race-free. The two sections exclude each other, as if one
 * global lock were held.
 */
#include <pthread.h>
#include <stdio.h>

// class: verifier-atomic
// expect-none

void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);

static int count;

static void *bump(void *arg)
{
    __VERIFIER_atomic_begin();
    count++;
    __VERIFIER_atomic_end();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, bump, NULL);
    __VERIFIER_atomic_begin();
    count += 2;
    __VERIFIER_atomic_end();
    pthread_join(t, NULL);
    printf("%d\n", count);
    return 0;
}
