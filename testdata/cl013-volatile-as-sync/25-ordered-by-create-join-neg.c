/* CL013 negative: a volatile result flag ordered by create and join: main
 * clears it before pthread_create, the worker sets it, main reads it only
 * after pthread_join.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static volatile int g_ok;

static void *selftest(void *arg)
{
    (void)arg;
    g_ok = 1;
    return NULL;
}

int main(void)
{
    pthread_t t;
    g_ok = 0;
    if (pthread_create(&t, NULL, selftest, NULL) != 0)
        return 1;
    pthread_join(t, NULL);
    if (!g_ok)
        fprintf(stderr, "self test failed\n");
    return g_ok ? 0 : 1;
}
