/* Pattern: two producers each write the shared slot and post the same
 * semaphore; the consumer waits once and reads the slot.
 * Verdict: racy. The consumer's sem_wait can return on the first post
 * while the other producer is still writing `slot` (and the producers
 * also race with each other on it). A post orders only what its own
 * thread did before it.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t filled;
static int slot;

static void *producer_a(void *arg)
{
    slot = 1; // expect: CL002
    sem_post(&filled);
    return arg;
}

static void *producer_b(void *arg)
{
    slot = 2; // expect: CL002
    sem_post(&filled);
    return arg;
}

static void *consumer(void *arg)
{
    sem_wait(&filled);
    printf("%d\n", slot);
    return arg;
}

int main(void)
{
    pthread_t a, b, c;
    sem_init(&filled, 0, 0);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_create(&a, NULL, producer_a, NULL);
    pthread_create(&b, NULL, producer_b, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    pthread_join(c, NULL);
    return 0;
}
