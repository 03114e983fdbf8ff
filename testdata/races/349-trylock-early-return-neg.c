/* Pattern: the worker gives up when pthread_mutex_trylock fails
 * (`if (pthread_mutex_trylock(&m)) return NULL;`) and updates the counter
 * only on the success path.
 * Verdict: race-free. A nonzero result means the lock was not taken and
 * the thread leaves; past the test the lock is held.
 */
#include <pthread.h>
#include <stdio.h>

// class: trylock-branches
// expect-none

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void *producer(void *arg)
{
    if (pthread_mutex_trylock(&m))
        return NULL;
    pending++;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, producer, NULL);
    pthread_mutex_lock(&m);
    pending = 0;
    pthread_mutex_unlock(&m);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("%d\n", pending);
    return 0;
}
