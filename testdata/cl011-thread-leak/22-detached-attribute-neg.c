/* CL011 negative: threads created detached through their attribute. */
// expect-none
#include <pthread.h>

static void *notify_main(void *arg)
{
    return arg;
}

int notify_async(void *msg);
int notify_async(void *msg)
{
    pthread_attr_t attr;
    pthread_t tid;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&tid, &attr, notify_main, msg);
    pthread_attr_destroy(&attr);
    return rc;
}
