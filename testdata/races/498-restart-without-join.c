/* Pattern: a service "restart" that signals the old worker to stop but
 * does not wait for it before starting the new one.
 * Verdict: racy. The old and the new worker can both update `ticks`.
 */
// class: join-coverage
#include <pthread.h>
#include <stdatomic.h>

static atomic_int stop_requested;
static long ticks;
static pthread_t worker;

static void *tick_loop(void *arg)
{
    while (!atomic_load(&stop_requested))
        ticks++; // expect: CL002
    return arg;
}

static void start(void)
{
    atomic_store(&stop_requested, 0);
    pthread_create(&worker, NULL, tick_loop, NULL);
}

static void request_stop(void)
{
    atomic_store(&stop_requested, 1);
}

int main(void)
{
    start();
    request_stop();
    start();               /* the first worker may not have seen the stop yet */
    request_stop();
    pthread_join(worker, NULL);
    return (int)ticks;
}
