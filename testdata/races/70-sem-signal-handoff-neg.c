/* Pattern: semaphore used for signalling (initial value 0).
 * Verdict: race-free. The producer writes `frame` and then sem_post(&full);
 * the consumer sem_wait(&full) before reading it and sem_post(&empty)
 * afterwards; the producer waits on `empty` before writing the next frame.
 * sem_post happens-before the matching sem_wait returns.
 */
// class: semaphore
// expect-none
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
            frame[i] = n + i;
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
    sem_init(&empty, 0, 1);
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    return 0;
}
