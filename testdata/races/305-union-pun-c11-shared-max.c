/* Pattern: C11 threads: a wrapper takes a `void (*)(void *)` entry and
 * converts it to thrd_start_t through a union; workers update a shared
 * maximum with a test-and-set that is not atomic.
 * Verdict: racy. `best` is read and written by every worker without a
 * lock: one check-then-act, one finding at the write.
 */
// class: spawn-wrappers
#include <threads.h>

typedef void (*plain_fn)(void *);

static int go(thrd_t *t, plain_fn fn, void *arg)
{
    union {
        plain_fn p;
        thrd_start_t s;
    } cv;
    cv.p = fn;
    return thrd_create(t, cv.s, arg);
}

static int best;

static void measure(void *arg)
{
    int v = *(const int *)arg;
    if (v > best) // expect-related: CL002 {{conflicting read of 'best' in 'measure'}}
        best = v; // expect: CL002 {{races with}}
}

int main(void)
{
    static const int vals[3] = { 3, 9, 4 };
    thrd_t t[3];
    for (int i = 0; i < 3; i++)
        go(&t[i], measure, (void *)&vals[i]);
    for (int i = 0; i < 3; i++)
        thrd_join(t[i], NULL);
    return best;
}
