/* Pattern: a coordinator thread runs two child stages one after the
 * other (spawn, join, spawn, join), then updates the total itself; main
 * joins the coordinator and prints.
 * Verdict: race-free. No two of the accesses to `total` can overlap:
 * each child is joined before the next starts, and main reads after its
 * join.
 */
#include <pthread.h>
#include <stdio.h>

// class: entry-shapes
// expect-none

static int total;

static void *stage_one(void *arg)
{
    total += 10;
    return arg;
}

static void *stage_two(void *arg)
{
    total *= 2;
    return arg;
}

static void *coordinator(void *arg)
{
    pthread_t k;
    pthread_create(&k, NULL, stage_one, NULL);
    pthread_join(k, NULL);
    pthread_create(&k, NULL, stage_two, NULL);
    pthread_join(k, NULL);
    total += 1;
    return arg;
}

int main(void)
{
    pthread_t c;
    pthread_create(&c, NULL, coordinator, NULL);
    pthread_join(c, NULL);
    printf("%d\n", total);
    return 0;
}
