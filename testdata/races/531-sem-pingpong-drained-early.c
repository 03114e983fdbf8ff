/* Pattern: the two-stage capture/encode pipeline on one frame buffer, but
 * the encoder posts `drained` before it has finished reading the frame
 * (to let capture start "in parallel").
 * Verdict: racy. Capture refills the frame after the post while the
 * encoder still reads it.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static unsigned char frame[64];
static sem_t filled, drained;

static void *capture(void *arg)
{
    (void)arg;
    for (int n = 0; n < 5; n++) {
        for (int i = 0; i < 64; i++)
            frame[i] = (unsigned char)(n + i); // expect: CL002
        sem_post(&filled);
        sem_wait(&drained);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    unsigned sum = 0;
    sem_init(&filled, 0, 0);
    sem_init(&drained, 0, 0);
    pthread_create(&t, NULL, capture, NULL);
    for (int n = 0; n < 5; n++) {
        sem_wait(&filled);
        sem_post(&drained);
        for (int i = 0; i < 64; i++)
            sum += frame[i];
    }
    pthread_join(t, NULL);
    printf("%u\n", sum);
    return 0;
}
