/* CL002 negative: pthread_mutex_trylock(). The shared metrics are touched
 * only on the path where trylock returned 0 (lock held); the busy path
 * keeps its count in a local and merges it later under the lock.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NWORKERS 4

static pthread_mutex_t metrics_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long samples, skipped;   /* guarded by metrics_lock */

static void *sampler_main(void *arg)
{
    unsigned long pending_skips = 0;
    (void)arg;
    for (int i = 0; i < 100000; i++) {
        if (pthread_mutex_trylock(&metrics_lock) != 0) {
            pending_skips++;             /* busy: never wait on the hot path */
            continue;
        }
        samples++;
        skipped += pending_skips;
        pending_skips = 0;
        pthread_mutex_unlock(&metrics_lock);
    }
    pthread_mutex_lock(&metrics_lock);
    skipped += pending_skips;
    pthread_mutex_unlock(&metrics_lock);
    return NULL;
}

int main(void)
{
    pthread_t tids[NWORKERS];
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&tids[i], NULL, sampler_main, NULL);
    pthread_mutex_lock(&metrics_lock);
    printf("so far: %lu samples, %lu skipped\n", samples, skipped);
    pthread_mutex_unlock(&metrics_lock);
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(tids[i], NULL);
    return 0;
}
