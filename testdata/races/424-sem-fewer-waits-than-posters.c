/* Pattern: three workers each fill a slot and post; main waits only twice
 * before summing the slots.
 * Verdict: racy. Two waits can return after two posts: the third worker
 * may still be writing its slot.
 */
// class: semaphore-count
#include <pthread.h>
#include <semaphore.h>

static sem_t done;
static long result[3];

static void *worker(void *arg)
{
    long id = (long)arg;
    result[id] = id * 10; // expect: CL002
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
    long sum = result[0] + result[1] + result[2];
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return (int)sum;
}
