/* Pattern: stack object passed to threads: the loop variable's address is
 * the start argument.
 * Verdict: racy. Every thread reads `*arg` (main's `i`) while main keeps
 * incrementing `i` for the next iteration. Neither side locks; the read is
 * in the spawned thread. (Results travel back through pthread_join, which
 * is ordered.)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NT 4

static void *worker(void *arg)
{
    int id = *(int *)arg; // expect: CL002
    return (void *)(intptr_t)(id * 10);
}

int main(void)
{
    pthread_t t[NT];
    long sum = 0;
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, &i); // expect: CL012 {{address of 'i'}}
    for (int i = 0; i < NT; i++) {
        void *r;
        pthread_join(t[i], &r);
        sum += (intptr_t)r;
    }
    printf("%ld\n", sum);
    return 0;
}
