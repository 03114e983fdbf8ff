/* Pattern: main starts a worker and a supervisor; the supervisor joins
 * the worker (its handle passed in the supervisor's argument), logs the
 * worker's result, and main joins the supervisor before it reads the
 * result.
 * Verdict: race-free. The worker's write happens before its end, which
 * the supervisor's join acquires before the supervisor ends, which
 * main's join acquires: happens-before is transitive.
 */
// class: transitive-join
// expect-none
#include <pthread.h>
#include <stdio.h>

struct job { pthread_t worker; long result; };

static void *work(void *arg)
{
    struct job *j = arg;
    j->result = 42;
    return NULL;
}

static void *supervise(void *arg)
{
    struct job *j = arg;
    pthread_join(j->worker, NULL);
    fprintf(stderr, "worker done\n");
    return NULL;
}

int main(void)
{
    static struct job job;
    pthread_t sup;
    pthread_create(&job.worker, NULL, work, &job);
    pthread_create(&sup, NULL, supervise, &job);
    pthread_join(sup, NULL);
    printf("%ld\n", job.result);
    return 0;
}
