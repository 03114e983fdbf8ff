/* Pattern: a one-round spawn loop written with `!=` (NPOOL is 1); the single
 * worker counts handled requests, and main prints the count before joining.
 * Verdict: racy. One worker, but main reads the counter while it runs.
 */
// class: spawn-count
#include <pthread.h>
#include <stdio.h>

#define NPOOL 1

static pthread_t pool[NPOOL];
static unsigned long handled;

static void *serve(void *arg)
{
    for (int k = 0; k < 100; k++)
        handled++; // expect: CL002
    return arg;
}

int main(void)
{
    int i;
    for (i = 0; i != NPOOL; i++)
        pthread_create(&pool[i], NULL, serve, NULL);
    printf("%lu\n", handled);
    for (i = 0; i != NPOOL; i++)
        pthread_join(pool[i], NULL);
    return 0;
}
