/* CL001 negative: a job runner in the shape of fio's run_threads. Each
 * round of the control loop (it reads the control pipe) starts the jobs of
 * a fixed table that are not started yet: a job whose state is not
 * NOT_CREATED is skipped, and the state is moved to CREATED by a setter
 * that takes the job, before the spawn. Each job starts at most once, so
 * the threads are bounded by the table.
 */
// expect-none
#include <pthread.h>
#include <unistd.h>

enum { NOT_CREATED, CREATED, RUNNING, EXITED };

struct job {
    int state;
    pthread_t tid;
};

static struct job jobs[64];
static int njobs;

static void set_state(struct job *j, int state)
{
    j->state = state;
}

static void *run_job(void *arg)
{
    struct job *j = arg;
    set_state(j, EXITED);
    return NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    char c;
    njobs = argc < 64 ? argc : 64;
    for (;;) {
        for (int i = 0; i < njobs; i++) {
            struct job *j = &jobs[i];
            if (j->state != NOT_CREATED)
                continue;
            set_state(j, CREATED);
            if (pthread_create(&j->tid, NULL, run_job, j) == 0)
                pthread_detach(j->tid);
        }
        if (read(0, &c, 1) <= 0)
            break;
    }
    return 0;
}
