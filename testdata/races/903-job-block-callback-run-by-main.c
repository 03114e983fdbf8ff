/* Pattern: a job record carries a completion callback and its data; the
 * record is the start argument of the job's own thread, which never calls
 * the callback: main calls it after the join. The job's thread and main
 * both bump the work count without a lock.
 * Verdict: racy, between the job's thread ('run_job') and main, on
 * `work`. The callback runs in main only, after the join (no race on
 * `completed`), and it is not the thread's routine: the thread is named
 * after the function it starts in.
 */
// class: callback
#include <pthread.h>
#include <stdlib.h>

struct job {
    void (*on_done)(void *);
    void *data;
};

static long work, completed;

static void *run_job(void *p)
{
    struct job *j = p;
    work += j->data != NULL; // expect: CL002
    // expect-flow@-1: CL002 {{thread 'run_job'}}
    return NULL;
}

static void note_done(void *data)
{
    (void)data;
    completed++;
}

static struct job *submit(pthread_t *tid, void (*on_done)(void *), void *data)
{
    struct job *j = malloc(sizeof *j);
    if (j == NULL)
        return NULL;
    j->on_done = on_done;
    j->data = data;
    if (pthread_create(tid, NULL, run_job, j) != 0) {
        free(j);
        return NULL;
    }
    return j;
}

int main(void)
{
    pthread_t tid;
    struct job *j = submit(&tid, note_done, &completed);
    if (j == NULL)
        return 1;
    work++; // expect-related: CL002
    pthread_join(tid, NULL);
    j->on_done(j->data);
    free(j);
    return (int)(work + completed);
}
