/* Pattern: the twin of 833 with the worker's increment between its
 * checked lock and unlock macros (`x() && (abort(), 0)`, and an `||`
 * form for a call that returns nonzero on success).
 * Verdict: race-free. On every path that goes on past the macro the
 * mutex is held; the path where the lock failed ends in abort().
 */
// class: short-circuit
// expect-none
#include <pthread.h>
#include <stdlib.h>

#define xlock(m) ((void)(pthread_mutex_lock(m) && (abort(), 0)))
#define xunlock(m) ((void)(pthread_mutex_unlock(m) && (abort(), 0)))

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long produced;

static int lock_ok(pthread_mutex_t *m)
{
    return pthread_mutex_lock(m) == 0;
}

static void *producer(void *arg)
{
    (void)arg;
    xlock(&mu);
    produced++;
    xunlock(&mu);
    (void)(lock_ok(&mu) || (abort(), 0));
    produced += 2;
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
