/* Pattern: two workers post a semaphore; main waits once, and a second
 * time only when a flag is set, then reads both workers' results.
 * Verdict: racy. On the path with one wait only one worker is known to
 * have posted.
 */
// class: semaphore-count
#include <pthread.h>
#include <semaphore.h>

static sem_t done;
static int res_a, res_b;
static int strict;

static void *worker_a(void *arg)
{
    res_a = 1; // expect: CL002
    sem_post(&done);
    return arg;
}

static void *worker_b(void *arg)
{
    res_b = 2; // expect: CL002
    sem_post(&done);
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t a, b;
    (void)argv;
    strict = argc > 1;
    sem_init(&done, 0, 0);
    pthread_create(&a, NULL, worker_a, NULL);
    pthread_create(&b, NULL, worker_b, NULL);
    sem_wait(&done);
    if (strict)
        sem_wait(&done);
    int v = res_a + res_b;
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return v;
}
