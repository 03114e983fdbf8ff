/* Pattern: a local struct of main published in a global pointer is
 * updated by two workers through the pointer and by main directly, all
 * under one mutex.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>

struct totals {
    long bytes;
};

static struct totals *g_tot;
static pthread_mutex_t tot_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    pthread_mutex_lock(&tot_lock);
    g_tot->bytes += 10;
    pthread_mutex_unlock(&tot_lock);
    return arg;
}

int main(void)
{
    struct totals tot = { 0 };
    g_tot = &tot;
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_mutex_lock(&tot_lock);
    tot.bytes++;
    pthread_mutex_unlock(&tot_lock);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
