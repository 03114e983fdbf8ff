/* CL001 positive: a job server reads requests from a pipe, allocates a job
 * per request, pushes it on the pending list and starts a runner for the
 * list head unless it is already running. The head is the job allocated
 * in this round, so its `running` flag is always clear: the test admits
 * every request and one thread starts per request.
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

struct job {
    struct job *next;
    char req[64];
    int running;
    pthread_t th;
};

static struct job *pending;

static void *run_job(void *arg)
{
    struct job *j = arg;
    return j->req;
}

int main(void)
{
    char buf[64];
    while (read(0, buf, sizeof buf) > 0) {
        struct job *j = malloc(sizeof *j);
        if (j == NULL)
            break;
        j->running = 0;
        j->next = pending;
        pending = j;
        if (!pending->running) {
            pending->running = 1;
            if (pthread_create(&pending->th, NULL, run_job, pending) == 0) // expect: CL001
                pthread_detach(pending->th);
        }
    }
    return 0;
}
