/* Pattern: the cleanup ladder of 370 with a bug: an error after the
 * start clears `have_worker` (meant as "nothing to wait for") although
 * the worker is running, so the cleanup skips the join.
 * Verdict: racy. On the error path main reads `job.done` while the
 * worker may still write it.
 */
#include <pthread.h>
#include <stdio.h>

// class: join-flag-guard

struct job {
    int done;
};

static struct job job;

static void *worker_main(void *arg)
{
    struct job *j = arg;
    j->done = 1; // expect: CL002 {{races with read in 'run'}}
    return NULL;
}

int run(int fail_early)
{
    pthread_t worker;
    int have_worker = 0;

    if (pthread_create(&worker, NULL, worker_main, &job) != 0) // expect: CL011
        return -1;
    have_worker = 1;
    if (fail_early) {
        have_worker = 0;
        goto out;
    }
out:
    if (have_worker)
        pthread_join(worker, NULL);
    return job.done; // expect-related: CL002
}

int main(int argc, char **argv)
{
    (void)argv;
    printf("%d\n", run(argc > 1));
    return 0;
}
