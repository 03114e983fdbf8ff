/* Pattern: the producer/consumer pair of the empty/full semaphores, with
 * `empty` initialized to 2 (copied from a two-slot ring) while there is
 * only one frame buffer.
 * Verdict: racy. With two free slots the producer refills the frame before
 * the consumer has read the previous one.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t full, empty;
static int frame[16];

static void *producer(void *arg)
{
    for (int n = 0; n < 100; n++) {
        sem_wait(&empty);
        for (int i = 0; i < 16; i++)
            frame[i] = n + i; // expect: CL002
        sem_post(&full);
    }
    return arg;
}

static void *consumer(void *arg)
{
    long sum = 0;
    for (int n = 0; n < 100; n++) {
        sem_wait(&full);
        for (int i = 0; i < 16; i++)
            sum += frame[i];
        sem_post(&empty);
    }
    printf("%ld\n", sum);
    return arg;
}

int main(void)
{
    sem_init(&full, 0, 0);
    sem_init(&empty, 0, 2);
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
