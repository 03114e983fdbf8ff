/* Pattern: a hand-off where the waiter tests the flag with `if` instead of
 * looping on it, then reads the data after unlocking.
 * Verdict: racy. pthread_cond_wait may return spuriously (POSIX allows
 * it): the waiter can then read `reply` without `answered` ever having
 * been set, while the responder is writing it. Only a wait loop on the
 * predicate orders the data.
 */
// class: condvar-handshake
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int answered;
static int reply;

static void *responder(void *arg)
{
    reply = 99; // expect: CL002
    pthread_mutex_lock(&m);
    answered = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    return arg;
}

static void *asker(void *arg)
{
    pthread_mutex_lock(&m);
    if (!answered)
        pthread_cond_wait(&cv, &m); // expect: CL009
    pthread_mutex_unlock(&m);
    printf("%d\n", reply);
    return arg;
}

int main(void)
{
    pthread_t a, r;
    pthread_create(&a, NULL, asker, NULL);
    pthread_create(&r, NULL, responder, NULL);
    pthread_join(a, NULL);
    pthread_join(r, NULL);
    return 0;
}
