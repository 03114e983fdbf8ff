/* CL011 negative: the caller either waits for the export (join) or lets
 * it finish on its own (detach): one of the two on every path. */
// expect-none
#include <pthread.h>

struct export_job { pthread_t tid; int wait; long rows; };

static void *export_main(void *arg)
{
    struct export_job *j = arg;
    j->rows = 1;
    return NULL;
}

int export_start(struct export_job *j);
int export_start(struct export_job *j)
{
    if (pthread_create(&j->tid, NULL, export_main, j) != 0)
        return -1;
    if (j->wait)
        pthread_join(j->tid, NULL);
    else
        pthread_detach(j->tid);
    return 0;
}
