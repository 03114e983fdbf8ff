/* Pattern: two stages that each believe they go first: each writes the
 * shared frame counter, then posts the other's semaphore and waits on its
 * own.
 * Verdict: racy. Both first writes precede every post: nothing orders the
 * capture thread's first write against the encoder's.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static int frame_no;
static sem_t filled, drained;

static void *capture(void *arg)
{
    (void)arg;
    for (int n = 0; n < 5; n++) {
        frame_no = n; // expect: CL002
        sem_post(&filled);
        sem_wait(&drained);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&filled, 0, 0);
    sem_init(&drained, 0, 0);
    pthread_create(&t, NULL, capture, NULL);
    for (int n = 0; n < 5; n++) {
        frame_no = -n;
        sem_post(&drained);
        sem_wait(&filled);
    }
    pthread_join(t, NULL);
    printf("%d\n", frame_no);
    return 0;
}
