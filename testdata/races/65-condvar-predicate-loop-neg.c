/* Pattern: condition variable wait with the predicate under the mutex.
 * Verdict: race-free. `ready` and `value` are read and written only with
 * m held; the waiter re-checks the predicate in a loop around
 * pthread_cond_wait.
 */
// class: condvar-handshake
// expect-none
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;
static int value;

static void *waiter(void *arg)
{
    pthread_mutex_lock(&m);
    while (!ready)
        pthread_cond_wait(&cv, &m);
    int v = value;
    pthread_mutex_unlock(&m);
    printf("%d\n", v);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    pthread_mutex_lock(&m);
    value = 7;
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}
