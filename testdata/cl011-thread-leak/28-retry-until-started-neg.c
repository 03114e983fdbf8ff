/* CL011 negative: a start retried on EAGAIN; only one thread ever runs
 * and it is joined. */
// expect-none
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

static void *sync_main(void *arg)
{
    return arg;
}

int sync_once(void);
int sync_once(void)
{
    pthread_t t;
    int rc, tries = 0;
    while ((rc = pthread_create(&t, NULL, sync_main, NULL)) == EAGAIN && tries++ < 3)
        usleep(1000);
    if (rc != 0)
        return -1;
    pthread_join(t, NULL);
    return 0;
}
