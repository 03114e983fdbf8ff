/* Pattern: a two-stage pipeline with one shared frame buffer: a capture
 * thread fills the frame and posts `filled`, then waits on `drained`
 * before refilling; the encoder (main) waits on `filled`, encodes the
 * frame and posts `drained`.
 * Verdict: race-free. The buffer is handed back and forth by the two
 * semaphores; the capture thread's first fill precedes all its posts.
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define FRAMES 5
#define PIXELS 64

static unsigned char frame[PIXELS];
static int frame_no;
static sem_t filled, drained;

static void *capture(void *arg)
{
    (void)arg;
    for (int n = 0; n < FRAMES; n++) {
        for (int i = 0; i < PIXELS; i++)
            frame[i] = (unsigned char)(n + i);
        frame_no = n;
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
    for (int n = 0; n < FRAMES; n++) {
        sem_wait(&filled);
        for (int i = 0; i < PIXELS; i++)
            sum += frame[i];
        printf("frame %d\n", frame_no);
        sem_post(&drained);
    }
    pthread_join(t, NULL);
    printf("%u\n", sum);
    return 0;
}
