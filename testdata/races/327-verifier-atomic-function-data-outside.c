/* Pattern: a counter bumped inside an `__VERIFIER_atomic_` function by
 * the workers, and read by main outside any atomic step before joining.
 * Verdict: racy. The atomic function's write and main's plain read are
 * not both atomic, and nothing orders them.
 */
#include <pthread.h>
#include <stdio.h>

// class: verifier-atomic

static int served;

void __VERIFIER_atomic_serve(void)
{
    served = served + 1; // expect-related: CL002
}

static void *worker(void *arg)
{
    __VERIFIER_atomic_serve();
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    printf("%d\n", served); // expect: CL002
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
