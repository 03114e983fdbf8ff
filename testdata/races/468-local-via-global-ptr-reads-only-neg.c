/* Pattern: main fills a local table, publishes it in a global pointer
 * (`g_tab = tab`) and starts workers that only read it through the
 * pointer; main reads it too.
 * Verdict: race-free. Every access after the publication is a read.
 */
// expect-none
#include <pthread.h>

static const int *g_tab;

static void *worker(void *arg)
{
    int s = g_tab[0] + g_tab[1];
    return (void *)(long)s;
}

int main(void)
{
    int tab[2];
    tab[0] = 1;
    tab[1] = 2;
    g_tab = tab;
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    int s = tab[0];
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return s;
}
