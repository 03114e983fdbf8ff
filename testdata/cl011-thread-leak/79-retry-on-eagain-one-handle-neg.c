/* CL011 negative: a start that retries once when the system is out of
 * threads for the moment (EAGAIN). The second pthread_create runs only
 * where the first failed, so its failure is no later start beside a
 * running thread; the caller joins the handle on success.
 */
// class: partial-start
// expect-none
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

struct job {
    pthread_t tid;
};

static void *work(void *arg) { return arg; }

static int job_start(struct job *j)
{
    int rc = pthread_create(&j->tid, NULL, work, j);
    if (rc == EAGAIN) {
        usleep(1000);
        rc = pthread_create(&j->tid, NULL, work, j);
    }
    if (rc != 0)
        return -1;
    return 0;
}

int main(void)
{
    struct job j;
    if (job_start(&j) != 0)
        return 1;
    pthread_join(j.tid, NULL);
    return 0;
}
