/* Pattern: C11 threads started and joined in the same iteration of a
 * loop, handle in an array indexed by the loop variable.
 * Verdict: race-free. Stage k is joined before stage k+1 starts: the
 * stages never overlap, and main reads `carry` between them.
 */
// class: join-coverage
// expect-none
#include <stdio.h>
#include <threads.h>

#define NSTAGES 4
static long carry = 1;

static int stage(void *arg)
{
    carry = carry * 10 + (long)arg;
    return 0;
}

int main(void)
{
    thrd_t st[NSTAGES];
    for (long k = 0; k < NSTAGES; k++) {
        if (thrd_create(&st[k], stage, (void *)k) != thrd_success)
            return 1;
        thrd_join(st[k], NULL);
        printf("after %ld: %ld\n", k, carry);
    }
    return 0;
}
