/* Pattern: lbzip2's checked wrappers, macros of the form
 * `(void)(pthread_mutex_lock(m) && (abort(), 0))`: abort() runs only when
 * the call fails. The worker bumps a counter before it takes the lock,
 * and main bumps it with the lock held.
 * Verdict: racy. The worker's increment holds no lock; the abort() on
 * the right of && does not end the worker's path.
 */
// class: short-circuit
#include <pthread.h>
#include <stdlib.h>

#define xlock(m) ((void)(pthread_mutex_lock(m) && (abort(), 0)))
#define xunlock(m) ((void)(pthread_mutex_unlock(m) && (abort(), 0)))

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long produced;

static void *producer(void *arg)
{
    (void)arg;
    produced++; // expect: CL002
    xlock(&mu);
    xunlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    xlock(&mu);
    produced++;
    xunlock(&mu);
    pthread_join(t, NULL);
    return 0;
}
