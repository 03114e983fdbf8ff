/* Pattern: the other direction of 373: a job is started with its
 * allocation's own name, and the submitter then cancels it through a
 * second name it kept (`last`), with no lock.
 * Verdict: racy. `last` is the job the worker is running: the write of
 * `last->cancelled` races with the worker's read-modify-write of it.
 */
#include <pthread.h>
#include <stdlib.h>

// class: heap-ownership

struct job {
    int cancelled;
    long progress;
};

static void *job_main(void *arg)
{
    struct job *j = arg;
    for (int i = 0; i < 100 && !j->cancelled; i++) // expect: CL002 {{read of 'j->cancelled'}}
        j->progress++;
    j->cancelled |= 2; // expect: CL002 {{races with write in 'submit'}}
    return NULL;
}

void submit(int n)
{
    for (int i = 0; i < n; i++) {
        struct job *j = malloc(sizeof *j);
        struct job *last = j;
        pthread_t t;

        if (j == NULL)
            return;
        j->cancelled = 0;
        j->progress = 0;
        if (pthread_create(&t, NULL, job_main, j) == 0)
            pthread_detach(t);
        if (i == n - 1)
            last->cancelled = 1; // expect-related: CL002
    }
}
