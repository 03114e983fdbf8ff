/* Pattern: a semaphore hand-off where the preparer finishes the job after
 * posting it.
 * Verdict: racy. `next_job.size` is written after sem_post: the runner may
 * already be past sem_wait and reading it.
 */
// class: semaphore
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct job {
    int kind;
    long size;
};

static struct job next_job;
static sem_t job_ready;

static void *preparer(void *arg)
{
    next_job.kind = 2;
    sem_post(&job_ready);
    next_job.size = 4096; // expect: CL002
    return arg;
}

static void *runner(void *arg)
{
    sem_wait(&job_ready);
    printf("%d %ld\n", next_job.kind, next_job.size);
    return arg;
}

int main(void)
{
    pthread_t p, r;
    sem_init(&job_ready, 0, 0);
    pthread_create(&r, NULL, runner, NULL);
    pthread_create(&p, NULL, preparer, NULL);
    pthread_join(p, NULL);
    pthread_join(r, NULL);
    sem_destroy(&job_ready);
    return 0;
}
