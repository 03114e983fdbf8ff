/* Pattern: atomics, the _Atomic qualifier with plain operators.
 * Verdict: race-free. `served` and `active` are _Atomic; ++, --, += and
 * plain reads on them are atomic operations (seq_cst).
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static _Atomic unsigned long served;
static _Atomic int active;

static void *worker(void *arg)
{
    active++;
    for (int i = 0; i < 1000; i++)
        served += 2;
    active--;
    return arg;
}

static void *reporter(void *arg)
{
    unsigned long last = 0;
    for (int i = 0; i < 100; i++)
        last = served + (unsigned long)active;
    printf("%lu\n", last);
    return arg;
}

int main(void)
{
    pthread_t t[NT], r;
    pthread_create(&r, NULL, reporter, NULL);
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(r, NULL);
    return 0;
}
