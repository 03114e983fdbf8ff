/* Pattern: a pool of two workers adds to a shared total under a mutex and
 * posts a semaphore when done; main waits twice and then reads the total
 * without the mutex.
 * Verdict: race-free. After two waits both workers have posted, after
 * their last update of the total.
 */
// class: semaphore-count
// expect-none
#include <pthread.h>
#include <semaphore.h>

#define NWORKERS 2

static sem_t finished;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;

static void *worker(void *arg)
{
    for (int i = 0; i < 1000; i++) {
        pthread_mutex_lock(&lock);
        total++;
        pthread_mutex_unlock(&lock);
    }
    sem_post(&finished);
    return arg;
}

int main(void)
{
    pthread_t t[NWORKERS];
    sem_init(&finished, 0, 0);
    for (int i = 0; i < NWORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    sem_wait(&finished);
    sem_wait(&finished);
    long v = total;
    for (int i = 0; i < NWORKERS; i++)
        pthread_join(t[i], NULL);
    return (int)v;
}
