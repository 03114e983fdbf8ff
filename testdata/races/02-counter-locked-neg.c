/* Pattern: lock-protected counter.
 * Verdict: race-free. Every access to `hits` in the workers holds hits_lock;
 * main reads it only after joining every worker.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 4
static long hits;
static pthread_mutex_t hits_lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&hits_lock);
        hits++;
        pthread_mutex_unlock(&hits_lock);
    }
    return arg;
}

int main(void)
{
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    printf("%ld\n", hits);
    return 0;
}
