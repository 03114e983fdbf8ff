/* Pattern: semaphore used as a lock (binary semaphore, initial value 1).
 * Verdict: race-free. Every access to `tickets` is between sem_wait and
 * sem_post on gate, which admits one thread at a time.
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define NT 4
static sem_t gate;
static int tickets = 1000;

static void *seller(void *arg)
{
    int sold = 0;
    for (int i = 0; i < 500; i++) {
        sem_wait(&gate);
        if (tickets > 0) {
            tickets--;
            sold++;
        }
        sem_post(&gate);
    }
    return sold ? arg : NULL;
}

int main(void)
{
    sem_init(&gate, 0, 1);
    pthread_t t[NT];
    for (int i = 0; i < NT; i++)
        pthread_create(&t[i], NULL, seller, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(t[i], NULL);
    sem_destroy(&gate);
    printf("%d\n", tickets);
    return 0;
}
