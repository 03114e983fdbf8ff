/* Pattern: lazy initialization with pthread_once.
 * Verdict: race-free. init_table() runs exactly once; every call to
 * pthread_once returns only after it has completed, so the workers' reads
 * of `table` are ordered after the writes.
 */
// expect-none
#include <pthread.h>

#define NT 4
#define N 256

static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static unsigned char table[N];

static void init_table(void)
{
    for (int i = 0; i < N; i++)
        table[i] = (unsigned char)(i * 7 + 3);
}

static void *worker(void *arg)
{
    pthread_once(&table_once, init_table);
    unsigned sum = 0;
    for (int i = 0; i < N; i++)
        sum += table[i];
    return sum ? arg : NULL;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    return 0;
}
