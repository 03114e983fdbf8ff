/* Pattern: the worker spins on pthread_mutex_trylock until it succeeds
 * (`while (pthread_mutex_trylock(&m) != 0) ;`) and then updates the
 * counter; main uses a plain lock.
 * Verdict: race-free. The loop only exits once the lock is held.
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

// class: trylock-branches
// expect-none

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void *producer(void *arg)
{
    while (pthread_mutex_trylock(&m) != 0)
        sched_yield();
    pending++;
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    pthread_mutex_lock(&m);
    pending = 0;
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    printf("%d\n", pending);
    return 0;
}
