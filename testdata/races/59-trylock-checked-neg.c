/* Pattern: trylock with the result checked.
 * Verdict: race-free. `pending` is touched only on the path where
 * pthread_mutex_trylock returned 0 (lock acquired), or under a blocking
 * pthread_mutex_lock in the flusher.
 */
// expect-none
#include <pthread.h>
#include <stdio.h>

#define NT 3
static pthread_mutex_t batch_lock = PTHREAD_MUTEX_INITIALIZER;
static int pending;

static void *producer(void *arg)
{
    int skipped = 0;
    for (int i = 0; i < 1000; i++) {
        if (pthread_mutex_trylock(&batch_lock) == 0) {
            pending++;
            pthread_mutex_unlock(&batch_lock);
        } else {
            skipped++;
        }
    }
    return skipped ? arg : NULL;
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
