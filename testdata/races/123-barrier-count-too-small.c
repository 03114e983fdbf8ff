/* Pattern: the creator writes the parameters and meets two workers at a
 * barrier that was initialized for two parties instead of three.
 * Verdict: racy. The barrier opens as soon as any two of the three
 * threads arrive: both workers can pass it together and read `gain` while
 * main is still writing it. One unguarded write read by both workers:
 * one finding at main's write, the two reads as related locations.
 */
// class: barrier
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t start_line;
static int gain;
static int res_a, res_b;

static void *left(void *arg)
{
    pthread_barrier_wait(&start_line);
    res_a = gain * 2; // expect-related: CL002 {{conflicting read of 'gain' in 'left'}}
    return arg;
}

static void *right(void *arg)
{
    pthread_barrier_wait(&start_line);
    res_b = gain * 3; // expect-related: CL002 {{conflicting read of 'gain' in 'right'}}
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_barrier_init(&start_line, NULL, 2);
    pthread_create(&a, NULL, left, NULL);
    pthread_create(&b, NULL, right, NULL);
    gain = 7; // expect: CL002 {{write to 'gain' in 'main'}} {{and 1 more race on 'gain' through 'main'}}
    pthread_barrier_wait(&start_line);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d %d\n", res_a, res_b);
    return 0;
}
