/* Pattern: thread-local storage with C11 _Thread_local.
 * Verdict: race-free. Each thread has its own `scratch` and `calls`; the
 * shared total is updated under total_lock.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static _Thread_local int calls;
static _Thread_local char scratch[64];
static long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void step(int i)
{
    calls++;
    scratch[i % 64] = (char)i;
}

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++)
        step(i);
    pthread_mutex_lock(&total_lock);
    total += calls + scratch[3];
    pthread_mutex_unlock(&total_lock);
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", total);
    return 0;
}
