/* Pattern: function-pointer dispatch.
 * Verdict: racy. Workers dispatch messages through a handler table; the
 * PUT handler updates the global `store_size` without a lock. Workers are
 * started in a loop, so the handler runs concurrently with itself.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long store_size;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static long log_lines;

static void on_put(int v)
{
    store_size += v; // expect: CL002
}

static void on_log(int v)
{
    pthread_mutex_lock(&log_lock);
    log_lines += v > 0;
    pthread_mutex_unlock(&log_lock);
}

static void (*const handlers[2])(int) = { on_put, on_log };

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        handlers[i & 1](i);
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld %ld\n", store_size, log_lines);
    return 0;
}
