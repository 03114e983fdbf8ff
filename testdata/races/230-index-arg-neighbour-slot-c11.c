/* Pattern: C11 threads, each given its number as the start argument; a
 * worker also "helps" its neighbour by recomputing the index before the
 * second update (`n = (n + 1) % NCOUNT`).
 * Verdict: racy. After the reassignment `n` is another thread's index:
 * two threads write `counts[k]` at the same time; the test and the reset
 * are one check-then-act, one finding.
 */
#include <stdint.h>
#include <stdio.h>
#include <threads.h>

// class: per-thread-index-arg

enum { NCOUNT = 3 };

static unsigned long counts[NCOUNT];

static void bump(int slot)
{
    if (counts[slot] >= 1000) // expect-related: CL002 {{conflicting read of 'counts[]' in 'bump'}}
        counts[slot] = 0; // expect: CL002
    counts[slot]++;
}

static int counter_main(void *arg)
{
    int n = (int)(intptr_t)arg;
    bump(n);
    n = (n + 1) % NCOUNT;
    bump(n);
    return 0;
}

int main(void)
{
    thrd_t t[NCOUNT];
    for (int n = 0; n < NCOUNT; n++)
        thrd_create(&t[n], counter_main, (void *)(intptr_t)n);
    for (int n = 0; n < NCOUNT; n++)
        thrd_join(t[n], NULL);
    printf("%lu\n", counts[0]);
    return 0;
}
