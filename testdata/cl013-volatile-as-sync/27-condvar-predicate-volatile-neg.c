/* CL013 negative: a ready predicate declared volatile out of habit, but
 * used the right way: set under the mutex and waited for in a loop on the
 * condition variable holding the same mutex.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static volatile int g_ready;
static int g_value;

static void *producer(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&g_lock);
    g_value = 7;
    g_ready = 1;
    pthread_cond_signal(&g_cond);
    pthread_mutex_unlock(&g_lock);
    return NULL;
}

int main(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, producer, NULL) != 0)
        return 1;
    pthread_mutex_lock(&g_lock);
    while (!g_ready)
        pthread_cond_wait(&g_cond, &g_lock);
    int v = g_value;
    pthread_mutex_unlock(&g_lock);
    pthread_join(t, NULL);
    printf("%d\n", v);
    return 0;
}
