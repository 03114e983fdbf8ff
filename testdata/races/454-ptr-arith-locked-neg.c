/* Pattern: workers and main update elements of a global array through
 * pointer arithmetic and subscripts, always under one mutex.
 * Verdict: race-free.
 */
// expect-none
#include <pthread.h>

static int table[16];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

static void add(int *base, int i)
{
    pthread_mutex_lock(&table_lock);
    *(base + i) += 1;
    pthread_mutex_unlock(&table_lock);
}

static void *worker(void *arg)
{
    add(table, 3);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_mutex_lock(&table_lock);
    table[3] = 0;
    pthread_mutex_unlock(&table_lock);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
