/* Pattern: C11 threads: one worker started through a union-converting
 * wrapper owns a counter; main reads it only after thrd_join.
 * Verdict: race-free. A single worker writes `ticks`; main's read comes
 * after the join.
 */
// class: spawn-wrappers
// expect-none
#include <threads.h>

typedef void (*plain_entry)(void *);

static int run_entry(thrd_t *t, plain_entry e, void *arg)
{
    union {
        plain_entry e;
        thrd_start_t start;
    } as;
    as.e = e;
    return thrd_create(t, as.start, arg);
}

static long ticks;

static void ticker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++)
        ticks++;
}

int main(void)
{
    thrd_t t;
    if (run_entry(&t, ticker, NULL) != thrd_success)
        return 1;
    thrd_join(t, NULL);
    return ticks == 100 ? 0 : 1;
}
