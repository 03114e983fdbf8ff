/* Pattern: a job runner that reserves the next entry of a global table
 * (`job = &jobs[next_job]; next_job++;`) and then starts a runner thread
 * on it; the runner records its own exit status and timing in its entry.
 * The table is read only after every runner has been joined.
 * Verdict: race-free. The index grows once per reservation, made by the
 * single submitting thread: every runner has an entry of its own.
 */
// class: per-thread-slot
#include <pthread.h>
#include <stdio.h>
#include <time.h>

// expect-none

#define MAX_JOBS 16

struct job {
    const char *cmd;
    int status;
    double seconds;
    pthread_t tid;
};

static struct job jobs[MAX_JOBS];
static unsigned next_job;

static void *runner(void *arg)
{
    struct job *j = arg;
    clock_t t0 = clock();
    j->status = j->cmd[0] == '\0';
    j->seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    return NULL;
}

static int submit(const char *cmd)
{
    if (next_job == MAX_JOBS)
        return -1;
    struct job *j = &jobs[next_job];
    next_job++;
    j->cmd = cmd;
    j->status = -1;
    return pthread_create(&j->tid, NULL, runner, j);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (submit(argv[i]) != 0)
            break;
    for (unsigned i = 0; i < next_job; i++)
        pthread_join(jobs[i].tid, NULL);
    for (unsigned i = 0; i < next_job; i++)
        printf("%s: %d (%.3fs)\n", jobs[i].cmd, jobs[i].status, jobs[i].seconds);
    return 0;
}
