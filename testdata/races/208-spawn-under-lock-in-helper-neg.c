/* Pattern: the lock is held by a helper that runs a job on a fresh thread
 * and waits for it (run_exclusive), called from several workers.
 * Verdict: race-free. The job thread writes `cache_size` without a lock,
 * but always inside run_exclusive()'s hold of cache_lock; the workers'
 * own accesses take cache_lock.
 */
// class: spawn-under-lock
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NW 3
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static long cache_size;

static void *shrink_job(void *arg)
{
    cache_size /= 2;
    return arg;
}

static void run_exclusive(void *(*job)(void *))
{
    pthread_t t;
    pthread_mutex_lock(&cache_lock);
    if (pthread_create(&t, NULL, job, NULL) == 0)
        pthread_join(t, NULL);
    pthread_mutex_unlock(&cache_lock);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 10; i++) {
        pthread_mutex_lock(&cache_lock);
        cache_size += 100;
        pthread_mutex_unlock(&cache_lock);
        if (i % 4 == 3)
            run_exclusive(shrink_job);
    }
    return arg;
}

int main(void)
{
    pthread_t w[NW];
    for (int i = 0; i < NW; i++)
        pthread_create(&w[i], NULL, worker, NULL);
    for (int i = 0; i < NW; i++)
        pthread_join(w[i], NULL);
    printf("%ld\n", cache_size);
    return 0;
}
