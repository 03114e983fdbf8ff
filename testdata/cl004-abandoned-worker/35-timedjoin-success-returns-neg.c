/* CL004 negative: the normal path returns straight from the success branch
 * of pthread_timedjoin_np() (the thread is joined there), and the failure
 * path cancels and joins before returning. Only a successful timed join
 * counts as a join.
 */
// expect-none
#define _GNU_SOURCE
#include <pthread.h>
#include <time.h>

int checksum_file(const char *path);     /* sum.c: may block on NFS */

struct sum_req { const char *path; int sum; };

static void *sum_main(void *arg)
{
    struct sum_req *r = arg;
    r->sum = checksum_file(r->path);
    return NULL;
}

int checksum_with_deadline(const char *path, int timeout_s)
{
    struct sum_req r = { path, -1 };
    struct timespec deadline;
    pthread_t tid;
    if (pthread_create(&tid, NULL, sum_main, &r) != 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += timeout_s;
    if (pthread_timedjoin_np(tid, NULL, &deadline) == 0)
        return r.sum;
    pthread_cancel(tid);
    pthread_join(tid, NULL);
    return -1;
}
