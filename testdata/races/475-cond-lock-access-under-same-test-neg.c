/* Pattern: conditional locking on the thread's role, where the shared
 * update sits under the same unchanged test as the lock: only writers
 * update, and they hold the lock; readers only count into their own local.
 * Verdict: race-free.
 */
// class: conditional-locking
// expect-none
#include <pthread.h>
#include <stdint.h>

static long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    int writer = (intptr_t)arg == 0;
    long mine = 0;
    for (long n = 1; n < 1000; n++) {
        if (writer)
            pthread_mutex_lock(&total_lock);
        if (writer)
            total += n;
        else
            mine += n;
        if (writer)
            pthread_mutex_unlock(&total_lock);
    }
    return (void *)(intptr_t)mine;
}

int main(void)
{
    pthread_t t[3];
    for (intptr_t i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)(total & 1);
}
