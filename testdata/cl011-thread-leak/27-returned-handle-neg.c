/* CL011 negative: the creator returns the handle; the caller joins it. */
// expect-none
#include <pthread.h>

static void *io_main(void *arg)
{
    return arg;
}

static pthread_t start_io(void)
{
    pthread_t t = 0;
    pthread_create(&t, NULL, io_main, NULL);
    return t;
}

void do_io(void);
void do_io(void)
{
    pthread_t t = start_io();
    pthread_join(t, NULL);
}
