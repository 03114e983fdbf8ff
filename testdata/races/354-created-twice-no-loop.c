/* Pattern: the same start routine passed to two separate pthread_create
 * calls (not in a loop), each with a NULL argument.
 * Verdict: racy: the two instances update `served` together with no lock.
 */
#include <pthread.h>
#include <stdio.h>

// class: entry-shapes

static int served;

static void *serve(void *arg)
{
    served = served + 1; // expect: CL002
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, serve, NULL);
    pthread_create(&b, NULL, serve, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", served);
    return 0;
}
