/* Pattern: join ordering where the joins happen in a helper function.
 * Verdict: race-free. Workers write their own `out[i]` without locks;
 * wait_all() joins every thread in the array before main reads `out`.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static int out[NT];

static void *worker(void *arg)
{
    long id = (long)arg;
    out[id] = (int)(id * id);
    return NULL;
}

static void wait_all(pthread_t *t, int n)
{
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
}

int main(void)
{
    pthread_t t[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    wait_all(t, NT);
    int s = 0;
    for (int i = 0; i < NT; i++)
        s += out[i];
    printf("%d\n", s);
    return 0;
}
