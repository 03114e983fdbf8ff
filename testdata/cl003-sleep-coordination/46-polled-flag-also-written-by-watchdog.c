/* CL003 positive plus CL002 on the same flag, not folded: the main thread
 * polls `phase` with sleep(1) while the loader thread sets it; a watchdog
 * thread also writes `phase` (to mark a timeout) without a lock. The
 * watchdog's write races with the poll and with the loader's write; the
 * sleep finding does not name that write, so it is a second defect and
 * keeps its own CL002 finding.
 */
#include <pthread.h>
#include <unistd.h>

static int phase;

static void *loader(void *arg)
{
    (void)arg;
    phase = 1; // expect-related: CL003
    return NULL;
}

static void *watchdog(void *arg)
{
    (void)arg;
    sleep(30);
    phase = -1; // expect: CL002 {{write to 'phase' in 'watchdog'}}
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, loader, NULL);
    pthread_create(&b, NULL, watchdog, NULL);
    while (phase == 0)
        sleep(1); // expect: CL003
    pthread_join(a, NULL);
    pthread_cancel(b);
    pthread_join(b, NULL);
    return phase == 1 ? 0 : 1;
}
