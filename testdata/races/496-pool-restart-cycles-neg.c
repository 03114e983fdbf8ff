/* Pattern: a service starts its flusher thread, stops it (join), and is
 * restarted later by a reconfiguration; start and stop are separate
 * functions sharing the handle.
 * Verdict: race-free. Each flusher instance is joined before the next
 * one starts.
 */
// class: join-coverage
// expect-none
#include <pthread.h>

static pthread_t flusher;
static long flushed_bytes;
static int interval = 5;

static void *flush_loop(void *arg)
{
    for (int i = 0; i < interval; i++)
        flushed_bytes += 512;
    return arg;
}

static void service_start(void)
{
    pthread_create(&flusher, NULL, flush_loop, NULL);
}

static void service_stop(void)
{
    pthread_join(flusher, NULL);
}

int main(void)
{
    service_start();
    service_stop();
    interval = 10;          /* reconfigure */
    service_start();
    service_stop();
    return (int)flushed_bytes;
}
