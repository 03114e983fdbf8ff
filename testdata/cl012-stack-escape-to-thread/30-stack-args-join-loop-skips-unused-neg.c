/* CL012 negative: the workers get the addresses of elements of a local
 * array; the spawn loop skips the disabled slots with `continue`, and the
 * join loop skips the same slots, so every thread started is joined
 * before the function returns and its element goes out of scope.
 */
// expect-none
#include <pthread.h>
#include <string.h>

struct job {
    int id;
    int status;
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    j->status = j->id * 2;
    return NULL;
}

int run_jobs(int n, unsigned long enabled)
{
    struct job jobs[8];
    pthread_t th[8];
    int rc = 0;
    memset(jobs, 0, sizeof jobs);
    if (n > 8)
        n = 8;
    for (int i = 0; i < n; i++) {
        if (!((enabled >> i) & 1))
            continue;
        jobs[i].id = i;
        if (pthread_create(&th[i], NULL, run_job, &jobs[i]) != 0) {
            n = i;
            rc = -1;
            break;
        }
    }
    for (int i = 0; i < n; i++) {
        if (!((enabled >> i) & 1))
            continue;
        pthread_join(th[i], NULL);
        rc |= jobs[i].status;
    }
    return rc;
}

int main(void)
{
    return run_jobs(4, 0xbUL) < 0;
}
