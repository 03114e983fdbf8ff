/* Pattern: semaphore used as a lock, one path skips it.
 * Verdict: racy. Sellers decrement `tickets` between sem_wait/sem_post; the
 * restocker adds to it without taking the semaphore. The unguarded update
 * carries the expectation.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define NT 3
static sem_t gate;
static int tickets = 100;

static void *seller(void *arg)
{
    for (int i = 0; i < 500; i++) {
        sem_wait(&gate);
        if (tickets > 0)
            tickets--;
        sem_post(&gate);
    }
    return arg;
}

static void *restocker(void *arg)
{
    for (int i = 0; i < 10; i++)
        tickets += 50; // expect: CL002
    return arg;
}

int main(void)
{
    sem_init(&gate, 0, 1);
    pthread_t t[NT], r;
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, seller, NULL);
    pthread_create(&r, NULL, restocker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    pthread_join(r, NULL);
    sem_destroy(&gate);
    printf("%d\n", tickets);
    return 0;
}
