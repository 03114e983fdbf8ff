/* Pattern: threads started in a loop, but each is joined in the same
 * iteration before the next is created.
 * Verdict: race-free. The threads run one after another: thread k's
 * accesses to `acc` happen before its join, which happens before thread
 * k+1 is created. Nothing runs in parallel.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NSTEPS 5
static long acc = 1;

static void *step(void *arg)
{
    acc = acc * 3 + (long)arg;
    return NULL;
}

int main(void)
{
    for (long i = 0; i < NSTEPS; i++) {
        pthread_t t;
        if (pthread_create(&t, NULL, step, (void *)i) != 0)
            return 1;
        pthread_join(t, NULL);
    }
    printf("%ld\n", acc);
    return 0;
}
