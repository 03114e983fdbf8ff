/* Pattern: a supervisor loop restarts a job's worker with a `goto retry`
 * when the first start looks unhealthy, without joining the worker it
 * already started; the retry resets the shared attempt counter.
 * Verdict: racy. After the goto, the first worker may still be running
 * while the supervisor writes `attempts` again.
 */
#include <pthread.h>
#include <stdlib.h>

static int attempts;

static int healthy(void)
{
    return rand() % 4 != 0;
}

static void *job(void *arg)
{
    (void)arg;
    attempts++; // expect: CL002 {{races with write in 'main'}}
    return NULL;
}

int main(void)
{
    pthread_t worker;
    for (int round = 0; round < 3; round++) {
    retry:
        attempts = 0; // expect-related: CL002 {{conflicting write}}
        if (pthread_create(&worker, NULL, job, NULL) != 0) // expect: CL011 {{overwrites its handle}} -- the retry starts again without joining
            return 1;
        if (!healthy())
            goto retry;
        pthread_join(worker, NULL);
    }
    return 0;
}
