/* Pattern: trylock whose result is ignored.
 * Verdict: racy. The producer calls pthread_mutex_trylock and proceeds to
 * update `pending` whether or not it got the lock (and then unlocks a lock
 * it may not own). On the failure path the write holds no lock and races
 * with the flusher and with the other producers.
 */
#include <pthread.h>
#include <stdio.h>

#define NT 3
static pthread_mutex_t batch_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void *producer(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_trylock(&batch_lock);
        pending++; // expect: CL002
        pthread_mutex_unlock(&batch_lock); // expect: CL007 -- the unlock of a lock the failed trylock did not take
    }
    return arg;
}

static void *flusher(void *arg)
{
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&batch_lock);
        pending = 0;
        pthread_mutex_unlock(&batch_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t p[NT], f;
    for (int i = 0; i < NT; i++)
        pthread_create(&p[i], NULL, producer, NULL);
    pthread_create(&f, NULL, flusher, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(p[i], NULL);
    pthread_join(f, NULL);
    printf("%d\n", pending);
    return 0;
}
