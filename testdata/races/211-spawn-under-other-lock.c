/* Pattern: the creator holds one lock across spawn and join, but the
 * other threads guard the object with a different lock.
 * Verdict: racy. run_job holds job_lock while the job runs; the workers
 * update `cache_size` under cache_lock, so nothing orders the job's
 * unlocked write with theirs.
 */
// class: spawn-under-lock
#include <pthread.h>
#include <stdio.h>

#define NW 3
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t job_lock = PTHREAD_MUTEX_INITIALIZER;
static long cache_size;

static void *shrink_job(void *arg)
{
    cache_size /= 2; // expect: CL002
    return arg;
}

static void run_job(void)
{
    pthread_t t;
    pthread_mutex_lock(&job_lock);
    if (pthread_create(&t, NULL, shrink_job, NULL) == 0)
        pthread_join(t, NULL);
    pthread_mutex_unlock(&job_lock);
}

static void *worker(void *arg)
{
    for (int i = 0; i < 10; i++) {
        pthread_mutex_lock(&cache_lock);
        cache_size += 100;
        pthread_mutex_unlock(&cache_lock);
        if (i % 4 == 3)
            run_job();
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
