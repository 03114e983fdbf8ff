/* Pattern: a fork/join phase in a helper, run twice by main, which
 * rewrites the phase's input between the two runs.
 * Verdict: race-free. The second phase's threads start after the first
 * phase's threads were joined; the two instances of each never overlap.
 */
// class: join-coverage
// expect-none
#include <pthread.h>
#include <stdio.h>

static int input = 1;
static int out_a, out_b;

static void *double_it(void *arg)
{
    out_a = input * 2;
    return arg;
}

static void *square_it(void *arg)
{
    out_b = input * input;
    return arg;
}

static void run_phase(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, double_it, NULL);
    pthread_create(&b, NULL, square_it, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
}

int main(void)
{
    run_phase();
    input = out_a + out_b;
    run_phase();
    printf("%d %d\n", out_a, out_b);
    return 0;
}
