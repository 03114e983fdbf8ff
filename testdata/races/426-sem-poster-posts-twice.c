/* Pattern: one worker posts once per phase, in a loop of two phases, and
 * writes the data after the first; a second worker posts once; main
 * waits twice and reads the second worker's data.
 * Verdict: racy. The first worker's two posts can satisfy both waits
 * before the second worker has posted.
 */
// class: semaphore-count
#include <pthread.h>
#include <semaphore.h>

static sem_t step;
static int phase_data;
static int other_data;

static void *phased(void *arg)
{
    for (int p = 0; p < 2; p++) {
        phase_data = p;
        sem_post(&step);
    }
    return arg;
}

static void *other(void *arg)
{
    other_data = 5; // expect: CL002
    sem_post(&step);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&step, 0, 0);
    pthread_create(&a, NULL, phased, NULL);
    pthread_create(&b, NULL, other, NULL);
    sem_wait(&step);
    sem_wait(&step);
    int v = other_data;
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return v + phase_data;
}
