/* Pattern: C11 <threads.h>: result handed back through thrd_join.
 * Verdict: race-free. The single worker writes `answer` without a lock;
 * main writes `input` before thrd_create and reads `answer` only after
 * thrd_join.
 */
// expect-none
#include <stdio.h>
#include <threads.h>

static int input;
static long answer;

static int compute(void *arg)
{
    long a = 1;
    for (int i = 1; i <= input; i++)
        a *= i;
    answer = a;
    return arg != NULL;
}

int main(void)
{
    input = 10;
    thrd_t t;
    if (thrd_create(&t, compute, NULL) != thrd_success)
        return 1;
    thrd_join(t, NULL);
    printf("%ld\n", answer);
    return 0;
}
