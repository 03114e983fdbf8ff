/* Pattern: condition variable, predicate set without the mutex.
 * Verdict: racy. The waiter reads `done` under m, but the finisher thread
 * sets `done = 1` without holding m before signalling (also a lost-wakeup
 * bug). The unlocked write carries the expectation.
 */
// class: condvar-handshake
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int done;

static void *finisher(void *arg)
{
    done = 1; // expect: CL002
    pthread_cond_signal(&cv);
    return arg;
}

static void *waiter(void *arg)
{
    pthread_mutex_lock(&m);
    while (!done)
        pthread_cond_wait(&cv, &m);
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, waiter, NULL);
    pthread_create(&b, NULL, finisher, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}
