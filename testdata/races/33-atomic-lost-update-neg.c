/* Pattern: atomics used non-atomically (read, then separate write).
 * Verdict: race-free as a DATA RACE. `hits` is _Atomic, so `hits = hits + 1`
 * is an atomic load followed by an atomic store: updates can be lost (an
 * atomicity violation), but no two conflicting accesses are non-atomic, so
 * CL002 (data race) must stay silent.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static _Atomic long hits;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        hits = hits + 1;
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", (long)hits);
    return 0;
}
