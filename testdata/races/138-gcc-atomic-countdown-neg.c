/* Pattern: a countdown with GCC __atomic builtins: each worker stores its
 * slot, then decrements `remaining` with __ATOMIC_ACQ_REL; main spins on
 * an __ATOMIC_ACQUIRE load until it reaches zero and then reads every slot
 * before joining.
 * Verdict: race-free. Each decrement is a release in the counter's
 * release sequence; main's acquire load that sees zero has seen every
 * decrement, so every slot write happens before main's reads.
 */
// class: release-acquire
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NW 3
static int remaining = NW;
static double slots[NW];

static void *worker(void *arg)
{
    long id = (long)arg;
    slots[id] = (double)id / 2.0;
    __atomic_fetch_sub(&remaining, 1, __ATOMIC_ACQ_REL);
    return NULL;
}

int main(void)
{
    pthread_t t[NW];
    for (long i = 0; i < NW; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    while (__atomic_load_n(&remaining, __ATOMIC_ACQUIRE) > 0)
        ;
    double sum = 0;
    for (int i = 0; i < NW; i++)
        sum += slots[i];
    printf("%f\n", sum);
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    return 0;
}
