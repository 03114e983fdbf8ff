/* Pattern: main hands a local array to workers through a global pointer
 * (`g_out = results`); a helper the worker calls stores through it while
 * main reads the array.
 * Verdict: racy.
 */
#include <pthread.h>

static int *g_out;

static void store(int v)
{
    g_out[0] = v; // expect: CL002
}

static void *worker(void *arg)
{
    store(7);
    return arg;
}

int main(void)
{
    int results[4] = { 0 };
    g_out = results;
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    int r = results[0];
    pthread_join(t, NULL);
    return r;
}
