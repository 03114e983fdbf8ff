/* CL011 negative: an attribute object that sets a stack size and says
 * joinable explicitly; the thread started with it is joined once. */
// expect-none
#include <pthread.h>

static void *big_main(void *arg)
{
    (void)arg;
    return NULL;
}

int run_big(void);
int run_big(void)
{
    pthread_attr_t attr;
    pthread_t tid;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1 << 22);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
    int rc = pthread_create(&tid, &attr, big_main, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return -1;
    pthread_join(tid, NULL);
    return 0;
}
