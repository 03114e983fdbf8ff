/* CL012 negative: a function-scope static outlives every call; the thread
 * is started once and runs for the life of the process. */
// expect-none
#include <pthread.h>
#include <unistd.h>

static void *ticker_main(void *arg)
{
    const int *period = arg;
    for (;;)
        sleep((unsigned)*period);
    return NULL;
}

int start_ticker(void);
int start_ticker(void)
{
    static int period = 5;
    static pthread_t tid;
    return pthread_create(&tid, NULL, ticker_main, &period);
}
