/* Pattern: a one-shot hand-off through a POSIX semaphore: the preparer
 * fills a job description (struct fields) through a helper and posts; the
 * runner waits on the semaphore before reading the job.
 * Verdict: race-free. sem_post happens before the sem_wait it wakes; the
 * preparer writes nothing after posting and it is the only poster.
 */
// class: semaphore
// expect-none
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

struct job {
    int kind;
    long size;
    char tag[8];
};

static struct job next_job;
static sem_t job_ready;

static void describe(struct job *j, int kind, long size)
{
    j->kind = kind;
    j->size = size;
    j->tag[0] = 'j';
    j->tag[1] = '\0';
}

static void *preparer(void *arg)
{
    describe(&next_job, 2, 4096);
    sem_post(&job_ready);
    return arg;
}

static void *runner(void *arg)
{
    sem_wait(&job_ready);
    printf("%s %d %ld\n", next_job.tag, next_job.kind, next_job.size);
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
