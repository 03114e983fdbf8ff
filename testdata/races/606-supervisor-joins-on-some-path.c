/* Pattern: as a supervisor that joins the worker, but only when the
 * worker was not marked detachable; main joins the supervisor and reads
 * the worker's result.
 * Verdict: racy. On the path where the supervisor does not join, the
 * worker may still run when main reads.
 */
// class: transitive-join
#include <pthread.h>
#include <stdio.h>

struct job { pthread_t worker; int detachable; long result; };

static void *work(void *arg)
{
    struct job *j = arg;
    j->result = 42; // expect: CL002
    return NULL;
}

static void *supervise(void *arg)
{
    struct job *j = arg;
    if (!j->detachable)
        pthread_join(j->worker, NULL);
    return NULL;
}

int main(int argc, char **argv)
{
    static struct job job;
    pthread_t sup;
    (void)argv;
    job.detachable = argc > 2;
    pthread_create(&job.worker, NULL, work, &job);
    pthread_create(&sup, NULL, supervise, &job);
    pthread_join(sup, NULL);
    printf("%ld\n", job.result);
    return 0;
}
