/* CL011 negative: main starts a worker that runs forever and ends the
 * process with exit(); the process ending is the thread's end. */
// expect-none
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void *heartbeat_main(void *arg)
{
    for (;;)
        sleep(1);
    return arg;
}

int main(int argc, char **argv)
{
    pthread_t hb;
    (void)argv;
    if (pthread_create(&hb, NULL, heartbeat_main, NULL) != 0)
        return 1;
    if (argc > 1)
        pause();
    exit(0);
}
