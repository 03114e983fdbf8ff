/* CL008 negative: a configuration store guards itself with a recursive
 * mutex because a reload callback, run with the store locked, reads keys
 * through the public getter, which locks the store again. The getter also
 * takes the statistics lock. So the thread takes store, then stats, then
 * store again: the second "store" is a re-entry of a mutex the thread
 * already holds, which waits for no one, and no order stats -> store exists
 * (found by a fresh-eyes trial).
 */
// expect-none
#include <pthread.h>

static pthread_mutex_t store_lock;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int value, lookups;

static int store_get(void)
{
    pthread_mutex_lock(&store_lock);
    int v = value;
    pthread_mutex_unlock(&store_lock);
    return v;
}

static void *reloader(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        pthread_mutex_lock(&store_lock);
        value++;
        pthread_mutex_lock(&stats_lock);
        lookups += store_get();
        pthread_mutex_unlock(&stats_lock);
        pthread_mutex_unlock(&store_lock);
    }
    return NULL;
}

int main(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&store_lock, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, reloader, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    return 0;
}
