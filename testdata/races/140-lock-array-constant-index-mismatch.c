/* Pattern: array of mutexes, each thread takes a different constant element.
 * Verdict: racy. The sender takes chan_lock[0] and the receiver chan_lock[1]
 * around the same counter `pending`: two different mutexes, so nothing
 * orders the two updates.
 */
// class: lock-arrays
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t chan_lock[2] = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER };
static int pending;

static void *sender(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&chan_lock[0]);
        pending++; // expect: CL002
        pthread_mutex_unlock(&chan_lock[0]);
    }
    return arg;
}

static void *receiver(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&chan_lock[1]);
        if (pending > 0)
            pending--;
        pthread_mutex_unlock(&chan_lock[1]);
    }
    return arg;
}

int main(void)
{
    pthread_t s, r;
    pthread_create(&s, NULL, sender, NULL);
    pthread_create(&r, NULL, receiver, NULL);
    pthread_join(s, NULL);
    pthread_join(r, NULL);
    printf("%d\n", pending);
    return 0;
}
