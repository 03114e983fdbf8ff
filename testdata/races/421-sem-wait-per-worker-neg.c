/* Pattern: three workers started in a loop each fill their result slot
 * and post a semaphore initialized to 0; main waits on it three times and
 * then sums the results, before joining.
 * Verdict: race-free. Three waits on a semaphore that gets exactly three
 * posts return only after every post, so every worker's write comes
 * before main's reads.
 */
// class: semaphore-count
// expect-none
#include <pthread.h>
#include <semaphore.h>

static sem_t done;
static long result[3];

static void *worker(void *arg)
{
    long id = (long)arg;
    result[id] = id * 10;
    sem_post(&done);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    sem_init(&done, 0, 0);
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    sem_wait(&done);
    sem_wait(&done);
    sem_wait(&done);
    long sum = result[0] + result[1] + result[2];
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)sum;
}
