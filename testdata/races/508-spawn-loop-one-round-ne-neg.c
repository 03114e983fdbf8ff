/* Pattern: a pool sized by a build-time constant that is 1 in this build;
 * the spawn loop is written with `!=` (`for (i = 0; i != NPOOL; i++)`), so
 * it runs one round; the single worker updates global statistics.
 * Verdict: race-free. One worker, joined before main reads the statistics.
 */
// class: spawn-count
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NPOOL 1

static pthread_t pool[NPOOL];
static unsigned long handled;

static void *serve(void *arg)
{
    for (int k = 0; k < 100; k++)
        handled++;
    return arg;
}

int main(void)
{
    int i;
    for (i = 0; i != NPOOL; i++)
        pthread_create(&pool[i], NULL, serve, NULL);
    for (i = 0; i != NPOOL; i++)
        pthread_join(pool[i], NULL);
    printf("%lu\n", handled);
    return 0;
}
