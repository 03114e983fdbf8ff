/* Pattern: a loader thread fills a table; a second thread started right
 * after it joins the loader through a global handle before it indexes the
 * table; main joins only the indexer.
 * Verdict: race-free. The indexer's join orders the loader's writes before
 * its reads, as a join by main would.
 */
// class: sibling-join
// expect-none
#include <pthread.h>

static int table[16];
static int ntable;
static pthread_t loader_thread;

static void *loader(void *arg)
{
    for (int i = 0; i < 16; i++)
        table[i] = i * i;
    ntable = 16;
    return arg;
}

static void *indexer(void *arg)
{
    long sum = 0;
    pthread_join(loader_thread, NULL);
    for (int i = 0; i < ntable; i++)
        sum += table[i];
    return (void *)sum;
}

int main(void)
{
    pthread_t t;
    void *r;
    pthread_create(&loader_thread, NULL, loader, NULL);
    pthread_create(&t, NULL, indexer, NULL);
    pthread_join(t, &r);
    return r != NULL;
}
